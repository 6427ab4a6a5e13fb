import { z } from 'zod';
import { optionalText, pastOrTodayDate, requiredDate, requiredText, type ValidationKey } from './validation';

/**
 * A support plan is agreed with the client after an assessment. A client has at most one active plan;
 * ending it (or agreeing a new one) keeps the old one, with its goals, for the record.
 */
export const supportPlanInputSchema = z.object({
  agreedOn: pastOrTodayDate(),
  /** What the client wants to achieve overall, in their words. */
  summary: optionalText(4000, { lines: true }),
});
export type SupportPlanInput = z.input<typeof supportPlanInputSchema>;

export const GOAL_OWNERS = ['client', 'caseworker', 'agency'] as const;
export type GoalOwner = (typeof GOAL_OWNERS)[number];

export const GOAL_STATUSES = [
  'notStarted',
  'inProgress',
  'achieved',
  'partlyAchieved',
  'notAchieved',
  'dropped',
] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** A goal with one of these outcomes is finished; it can only be reopened (back to in progress). */
export const FINISHED_GOAL_STATUSES: readonly GoalStatus[] = ['achieved', 'partlyAchieved', 'notAchieved', 'dropped'];
export const isGoalOpen = (s: GoalStatus) => !FINISHED_GOAL_STATUSES.includes(s);

/**
 * A SMART goal: Specific (the description), Measurable (how we will know), Achievable and Relevant
 * (agreed with the client, linked to a need area), Time-bound (the target date). The measure and the
 * target date are required; a target date already past is allowed (goals are often written up late)
 * but the form warns about it.
 */
export const goalInputSchema = z
  .object({
    description: requiredText(1000, { lines: true }),
    measure: z
      .string({ error: 'measureRequired' })
      .trim()
      .min(1, { error: 'measureRequired' })
      .max(1000, { error: 'tooLong' }),
    targetDate: z
      .string({ error: 'targetDateRequired' })
      .trim()
      .min(1, { error: 'targetDateRequired' })
      .pipe(requiredDate()),
    owner: z.enum(GOAL_OWNERS, { error: 'required' }),
    /** Which agency, when an agency is responsible. */
    ownerDetail: optionalText(200),
    areaId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((g, ctx) => {
    for (const [path, message] of Object.entries(goalRules(g))) ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type GoalInput = z.input<typeof goalInputSchema>;

/** Rules across fields, also run by the form on raw values. */
export function goalRules(g: { owner: string; ownerDetail: string | null }): Record<string, ValidationKey> {
  return g.owner === 'agency' && !g.ownerDetail?.trim() ? { ownerDetail: 'required' } : {};
}

/** True when the target date has passed: the form shows a warning, the caseload lists it once the plan is running. */
export const targetDatePassed = (targetDate: string, today: string) => targetDate !== '' && targetDate < today;

/**
 * Which status changes make sense, and which need a reason written down:
 *  - an open goal (not started, in progress) can move to any status except back to not started from in progress;
 *  - a finished goal can only be reopened, to in progress, with a reason;
 *  - dropping a goal, or marking it not achieved, needs a reason.
 * Returns the validation key of the problem, or null when the change is fine.
 */
export function goalTransitionProblem(from: GoalStatus, to: GoalStatus, note: string | null): ValidationKey | null {
  if (from === to) return null;
  if (from === 'inProgress' && to === 'notStarted') return 'transitionNotAllowed';
  if (!isGoalOpen(from) && to !== 'inProgress') return 'transitionNotAllowed';
  const needsReason = to === 'dropped' || to === 'notAchieved' || !isGoalOpen(from);
  if (needsReason && !note?.trim()) return 'reasonRequired';
  return null;
}

/**
 * A progress note on a goal, with its status (unchanged or new). When the status stays the same the
 * note is required: an update that says nothing is not recorded.
 */
export const goalUpdateInputSchema = z.object({
  goalId: z.number().int().positive(),
  /** The goal's version when the user read it. */
  version: z.number().int(),
  on: pastOrTodayDate(),
  status: z.enum(GOAL_STATUSES, { error: 'required' }),
  note: optionalText(4000, { lines: true }),
});

export const goalUpdateSchema = z.object({
  id: z.number().int(),
  on: z.string(),
  /** The status the goal moved to, or null when this was only a progress note. */
  status: z.enum(GOAL_STATUSES).nullable(),
  fromStatus: z.enum(GOAL_STATUSES).nullable(),
  note: z.string().nullable(),
  reviewId: z.number().int().nullable(),
  recordedByName: z.string().nullable(),
});
export type GoalUpdate = z.infer<typeof goalUpdateSchema>;

export const goalSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  description: z.string(),
  measure: z.string(),
  targetDate: z.string(),
  owner: z.enum(GOAL_OWNERS),
  ownerDetail: z.string().nullable(),
  areaId: z.number().int().nullable(),
  status: z.enum(GOAL_STATUSES),
  statusSince: z.string(),
  version: z.number().int(),
  /** Newest first. */
  updates: z.array(goalUpdateSchema),
});
export type Goal = z.infer<typeof goalSchema>;

export const supportPlanSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  agreedOn: z.string(),
  summary: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  createdByName: z.string().nullable(),
  version: z.number().int(),
  goals: z.array(goalSchema),
});
export type SupportPlan = z.infer<typeof supportPlanSchema>;

export const endPlanSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int(),
  on: pastOrTodayDate(),
  reason: optionalText(1000, { lines: true }),
});

/** An action: something someone must do by a date, for a client, under a goal or on its own. */
export const taskInputSchema = z.object({
  title: requiredText(300),
  dueOn: requiredDate(),
  assignedTo: z.number({ error: 'required' }).int().positive(),
  goalId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  note: optionalText(2000, { lines: true }),
});
export type TaskInput = z.input<typeof taskInputSchema>;

export const taskSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  clientReference: z.string(),
  goalId: z.number().int().nullable(),
  title: z.string(),
  note: z.string().nullable(),
  dueOn: z.string(),
  assignedTo: z.number().int(),
  assignedToName: z.string().nullable(),
  doneOn: z.string().nullable(),
  doneByName: z.string().nullable(),
});
export type Task = z.infer<typeof taskSchema>;

/** What the Plan tab shows: the active plan (if any), earlier ones, and the client's tasks. */
export const plansViewSchema = z.object({
  active: supportPlanSchema.nullable(),
  /** Ended plans, newest first. */
  earlier: z.array(supportPlanSchema),
  /** Open tasks by due date, then done ones (newest first). */
  tasks: z.array(taskSchema),
});
export type PlansView = z.infer<typeof plansViewSchema>;
