import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { assessmentInputSchema } from '../../../shared/domain/assessment';
import type { GoalStatus } from '../../../shared/domain/supportPlan';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { goals } from '../db/schema';
import { checkGoalOfClient, updateGoal } from '../plans/plans';
import { saveAssessment } from './assessments';
import { getSetting, setSetting } from '../settings/settings';
import { DEFAULT_REVIEW_WEEKS, REVIEW_WEEKS_MAX, REVIEW_WEEKS_MIN } from '../../../shared/domain/caseload';

const REVIEW_WEEKS_SETTING = 'review_weeks';

/** Weeks between a client's reviews, the charity's choice (Settings). */
export function reviewWeeks(db: ReadDb): number {
  const n = Number(getSetting(db, REVIEW_WEEKS_SETTING));
  return Number.isInteger(n) && n >= REVIEW_WEEKS_MIN && n <= REVIEW_WEEKS_MAX ? n : DEFAULT_REVIEW_WEEKS;
}

export function setReviewWeeks(db: Db, weeks: number): void {
  setSetting(db, REVIEW_WEEKS_SETTING, String(weeks));
}

export interface ReviewGoalChange {
  goalId: number;
  version: number;
  status: GoalStatus;
  note: string | null;
}

/**
 * A review: the need areas scored again (a new assessment of kind 'review') and the goals of the
 * active plan brought up to date, all on the review's date, in one transaction. A goal left as it
 * was, with nothing written, is not touched.
 */
export function recordReview(
  db: Db,
  clientId: number,
  review: z.output<typeof assessmentInputSchema>,
  goalChanges: ReviewGoalChange[],
  userId: number,
  now: Date,
): { reviewId: number; goalsChanged: number } {
  const reviewId = saveAssessment(db, clientId, null, review, userId, now, 'review');
  let goalsChanged = 0;
  goalChanges.forEach((g, i) => {
    checkGoalOfClient(db, clientId, g.goalId, `goals.${i}.goalId`);
    try {
      const { from, to } = updateGoalIfNeeded(db, g, review.assessedOn, userId, now, reviewId);
      if (from !== to || g.note) goalsChanged++;
    } catch (e) {
      // Point the message at this goal's row of the review form.
      if (e instanceof CasebookError && e.fields)
        throw new CasebookError(e.code, e.message, {
          fields: Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`goals.${i}.${k}`, v])),
        });
      throw e;
    }
  });
  return { reviewId, goalsChanged };
}

function updateGoalIfNeeded(
  db: Db,
  g: ReviewGoalChange,
  on: string,
  userId: number,
  now: Date,
  reviewId: number,
): { from: GoalStatus; to: GoalStatus } {
  if (!g.note) {
    // Nothing written: only a status change is worth recording.
    const same = db.select({ status: goals.status }).from(goals).where(eq(goals.id, g.goalId)).get();
    if (same && same.status === g.status) return { from: g.status, to: g.status };
  }
  const { from, to } = updateGoal(
    db,
    { goalId: g.goalId, version: g.version, on, status: g.status, note: g.note },
    userId,
    now,
    reviewId,
  );
  return { from, to };
}
