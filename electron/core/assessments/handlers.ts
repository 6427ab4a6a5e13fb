import type { Records } from '../domain';
import { requireClient } from '../clients/queries';
import { recordAsSeen } from '../clients/record';
import type { Handlers } from '../rpc';
import { listNeedAreas, saveAssessment, saveNeedArea } from './assessments';
import { recordReview, reviewWeeks, setReviewWeeks } from './reviews';

export function assessmentHandlers(
  cb: Records,
): Pick<
  Handlers,
  | 'assessments.save'
  | 'reviews.record'
  | 'reviews.interval'
  | 'reviews.setInterval'
  | 'needAreas.list'
  | 'needAreas.save'
> {
  return {
    'assessments.save': ({ clientId, target, assessment }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const id = saveAssessment(db, clientId, target ?? null, assessment, s.user.id, cb.now());
        cb.audit(db, s, target ? 'assessment.changed' : 'assessment.created', {
          clientId,
          detail: { assessmentId: id, sensitive: assessment.sensitive },
        });
        return recordAsSeen(cb, db, s, clientId);
      }),
    'reviews.record': ({ clientId, review, goals }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const { reviewId, goalsChanged } = recordReview(db, clientId, review, goals, s.user.id, cb.now());
        cb.audit(db, s, 'review.recorded', {
          clientId,
          detail: { assessmentId: reviewId, goalsChanged, sensitive: review.sensitive },
        });
        return recordAsSeen(cb, db, s, clientId);
      }),
    'reviews.interval': () => cb.read((db) => ({ weeks: reviewWeeks(db) })),
    'reviews.setInterval': ({ weeks }) =>
      cb.write((db, s) => {
        setReviewWeeks(db, weeks);
        cb.audit(db, s, 'settings.changed', { detail: { reviewWeeks: weeks } });
        return { weeks };
      }),
    'needAreas.list': () => cb.read((db) => listNeedAreas(db)),
    'needAreas.save': (area) =>
      cb.write((db, s) => {
        const saved = saveNeedArea(db, area, cb.now());
        cb.audit(db, s, 'needAreas.changed', {
          detail: { areaId: saved.id, change: area.id ? (area.retired ? 'retired' : 'changed') : 'added' },
        });
        return listNeedAreas(db);
      }),
  };
}
