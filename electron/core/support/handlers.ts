import { reachOf } from '../clients/reach';
import type { Records } from '../domain';
import { requireClient } from '../clients/queries';
import type { Handlers } from '../rpc';
import {
  clientSupport,
  giveSupport,
  listSupport,
  listSupportTypes,
  removeSupport,
  repeatWarning,
  saveSupportType,
  supportTotals,
} from './support';

type SupportChannels =
  | 'supportTypes.list'
  | 'supportTypes.save'
  | 'support.forClient'
  | 'support.check'
  | 'support.give'
  | 'support.remove'
  | 'support.list'
  | 'support.totals';

export function supportHandlers(cb: Records): Pick<Handlers, SupportChannels> {
  return {
    'supportTypes.list': () => cb.read((db) => listSupportTypes(db)),
    'supportTypes.save': (type) =>
      cb.write((db, s) => {
        const id = saveSupportType(db, type, cb.now());
        cb.audit(db, s, 'supportTypes.changed', {
          detail: { typeId: id, change: type.id ? (type.active ? 'changed' : 'retired') : 'added' },
        });
        return listSupportTypes(db);
      }),
    'support.forClient': ({ clientId }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return clientSupport(db, clientId);
      }),
    'support.check': ({ clientId, typeId, givenOn }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return repeatWarning(db, clientId, typeId, givenOn);
      }),
    'support.give': ({ clientId, support }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const { id, overridden } = giveSupport(db, clientId, support, s.user.id, cb.now());
        cb.audit(db, s, 'support.given', {
          clientId,
          detail: {
            supportId: id,
            typeId: support.typeId,
            quantity: support.quantity,
            ...(overridden ? { repeatOverridden: true } : {}),
          },
        });
        return clientSupport(db, clientId);
      }),
    'support.remove': ({ id, reason }) =>
      cb.write((db, s) => {
        const clientId = removeSupport(db, id);
        cb.audit(db, s, 'support.removed', { clientId, detail: { supportId: id, reason } });
        return clientSupport(db, clientId);
      }),
    'support.list': (q) => cb.read((db, s) => listSupport(db, q, reachOf(s))),
    'support.totals': (period) => cb.read((db) => supportTotals(db, period)),
  };
}
