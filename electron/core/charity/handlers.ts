import { recordAudit } from '../audit/audit';
import type { Casebook } from '../casebook';
import type { Handlers } from '../rpc';
import { getCharity, saveCharity } from './queries';

export function charityHandlers(cb: Casebook): Pick<Handlers, 'charity.get' | 'charity.update'> {
  return {
    'charity.get': () => cb.read((db) => getCharity(db)),
    'charity.update': (input) =>
      cb.write((db, s) => {
        const before = getCharity(db);
        saveCharity(db, input, cb.now().toISOString());
        const changed = (Object.keys(input) as (keyof typeof input)[]).filter((k) => input[k] !== before[k]);
        recordAudit(db, { userId: s.user.id, action: 'charity.changed', detail: { fields: changed } });
        return getCharity(db);
      }),
  };
}
