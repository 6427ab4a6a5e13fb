import { localToday } from '../../../shared/clock';
import type { Records } from '../domain';
import type { Handlers } from '../rpc';
import { keepCase, retentionQueue, retentionYears, setRetentionYears } from './retention';

export function retentionHandlers(
  cb: Records,
): Pick<Handlers, 'retention.get' | 'retention.setYears' | 'retention.keep'> {
  const today = () => localToday(cb.now());
  const view = (years: number, db: Parameters<typeof retentionQueue>[0]) => ({
    years,
    due: retentionQueue(db, today(), years),
  });
  return {
    'retention.get': () => cb.read((db) => view(retentionYears(db), db)),
    'retention.setYears': ({ years }) =>
      cb.write((db, s) => {
        setRetentionYears(db, years);
        cb.audit(db, s, 'settings.changed', { detail: { retentionYears: years } });
        return view(years, db);
      }),
    'retention.keep': ({ clientId, reason, reviewOn }) =>
      cb.write((db, s) => {
        keepCase(db, clientId, reason, reviewOn, s.user.id, today());
        cb.audit(db, s, 'client.retentionKept', { clientId, detail: { reviewOn } });
        return view(retentionYears(db), db);
      }),
  };
}
