import type { ClientDetails } from '../../../shared/domain/client';
import { CasebookError } from '../../../shared/result';
import { recordAudit } from '../audit/audit';
import type { Casebook } from '../casebook';
import type { Handlers } from '../rpc';
import { getClient, insertClient, searchClients, updateClient } from './queries';

export function clientHandlers(cb: Casebook): Pick<Handlers, 'clients.search' | 'clients.get' | 'clients.create' | 'clients.update'> {
  return {
    'clients.search': ({ query, limit, offset }) => cb.read((db) => searchClients(db, query, limit, offset)),

    'clients.get': ({ id }) =>
      cb.write((db, s) => {
        const client = getClient(db, id);
        if (!client) throw new CasebookError('NOT_FOUND', 'No such client');
        recordAudit(db, { userId: s.user.id, action: 'client.viewed', clientId: id });
        return client;
      }),

    'clients.create': (details) =>
      cb.write((db, s) => {
        const client = insertClient(db, details, s.user.id, cb.now().toISOString());
        recordAudit(db, { userId: s.user.id, action: 'client.created', clientId: client.id });
        return client;
      }),

    'clients.update': ({ id, version, details }) =>
      cb.write((db, s) => {
        const before = getClient(db, id);
        if (!before) throw new CasebookError('NOT_FOUND', 'No such client');
        const updated = updateClient(db, id, version, details, s.user.id, cb.now().toISOString());
        if (!updated) throw new CasebookError('CONFLICT', 'The client was changed by someone else');
        const fields = (Object.keys(details) as (keyof ClientDetails)[]).filter((k) => details[k] !== before[k]);
        recordAudit(db, { userId: s.user.id, action: 'client.changed', clientId: id, detail: { fields } });
        return updated;
      }),
  };
}
