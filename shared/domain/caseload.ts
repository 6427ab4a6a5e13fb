import { z } from 'zod';
import { taskSchema } from './supportPlan';
import { referralLineSchema } from './referral';

export const DEFAULT_REVIEW_WEEKS = 12;
export const REVIEW_WEEKS_MIN = 1;
export const REVIEW_WEEKS_MAX = 104;

const clientLine = z.object({ clientId: z.number().int(), clientName: z.string(), clientReference: z.string() });

export const caseloadClientSchema = clientLine.extend({
  riskFlags: z.number().int(),
  /** The last assessment or review, or null when there has been none. */
  lastAssessedOn: z.string().nullable(),
  reviewDueOn: z.string(),
  lastContactOn: z.string().nullable(),
});

export const reviewDueSchema = clientLine.extend({
  lastAssessedOn: z.string().nullable(),
  dueOn: z.string(),
});

export const goalPastTargetSchema = clientLine.extend({
  goalId: z.number().int(),
  description: z.string(),
  targetDate: z.string(),
});

export const caseworkerLoadSchema = z.object({
  /** Null for clients with no caseworker yet. */
  userId: z.number().int().nullable(),
  name: z.string().nullable(),
  openClients: z.number().int(),
  tasksOverdue: z.number().int(),
  reviewsDue: z.number().int(),
});

/**
 * The home screen of one user: what is theirs and what is due. Dates are compared with today on this
 * PC's calendar, so a task due today stays "due today" until local midnight.
 */
export const caseloadSchema = z.object({
  today: z.string(),
  reviewWeeks: z.number().int(),
  /** My open clients, by name. */
  clients: z.array(caseloadClientSchema),
  /** My tasks not done and due today or earlier, oldest first. */
  tasksDue: z.array(taskSchema),
  /** My tasks due in the next seven days. */
  tasksUpcoming: z.array(taskSchema),
  reviewsDue: z.array(reviewDueSchema),
  goalsPastTarget: z.array(goalPastTargetSchema),
  /** My open referrals (made by me or of my clients) to chase: follow-up date in the next seven days or passed. */
  referralsToFollowUp: z.array(referralLineSchema),
  /** For coordinators: how many open referrals, anyone's, are past their follow-up date. 0 for others. */
  referralsOverdue: z.number().int(),
  /** For coordinators (administrators): everyone's load, to balance caseloads. Empty for others. */
  caseworkers: z.array(caseworkerLoadSchema),
});
export type Caseload = z.infer<typeof caseloadSchema>;

/** When a review is next due: a fixed number of weeks after the last assessment or review (or intake). */
export function reviewDueOn(lastOn: string, weeks: number): string {
  return addDays(lastOn, weeks * 7);
}

/** The date `days` days after `date` (both YYYY-MM-DD), on the calendar, whatever the time zone. */
/**
 * The same date `months` later, or the last day of that month when there is no such date (31
 * January and one month give 28 or 29 February), as the UK regulator counts a calendar month.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
