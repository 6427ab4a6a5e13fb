import { reachOf } from '../clients/reach';
import { localToday } from '../../../shared/clock';
import type { Records } from '../domain';
import type { Handlers } from '../rpc';
import { readCaseload, reviewWeeks, setReviewWeeks } from './caseload';

export function caseloadHandlers(
  cb: Records,
): Pick<Handlers, 'caseload.get' | 'reviews.interval' | 'reviews.setInterval'> {
  return {
    'caseload.get': () =>
      cb.read((db, s) => readCaseload(db, s.user.id, localToday(cb.now()), s.user.role === 'admin', reachOf(s))),
    'reviews.interval': () => cb.read((db) => ({ weeks: reviewWeeks(db) })),
    'reviews.setInterval': ({ weeks }) =>
      cb.write((db, s) => {
        setReviewWeeks(db, weeks);
        cb.audit(db, s, 'settings.changed', { detail: { reviewWeeks: weeks } });
        return { weeks };
      }),
  };
}
