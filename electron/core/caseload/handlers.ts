import { reachOf } from '../clients/reach';
import { localToday } from '../../../shared/clock';
import type { Records } from '../domain';
import type { Handlers } from '../rpc';
import { readCaseload } from './caseload';

export function caseloadHandlers(cb: Records): Pick<Handlers, 'caseload.get'> {
  return {
    'caseload.get': () =>
      cb.read((db, s) => readCaseload(db, s.user.id, localToday(cb.now()), s.user.role === 'admin', reachOf(s))),
  };
}
