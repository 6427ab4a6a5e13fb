import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  goalTransitionProblem,
  type Goal,
  type goalInputSchema,
  type GoalStatus,
  type GoalUpdate,
  type PlansView,
  type SupportPlan,
  type supportPlanInputSchema,
} from '../../../shared/domain/supportPlan';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { goals, goalUpdates, needAreas, supportPlans, users } from '../db/schema';
import { listClientTasks } from './tasks';
import { refuseIfChanged } from '../db/versions';

type PlanValues = z.output<typeof supportPlanInputSchema>;
type GoalValues = z.output<typeof goalInputSchema>;

function requirePlan(db: Db, id: number) {
  const plan = db.select().from(supportPlans).where(eq(supportPlans.id, id)).get();
  if (!plan) throw new CasebookError('NOT_FOUND', 'No such support plan');
  return plan;
}

function requireActivePlan(db: Db, id: number) {
  const plan = requirePlan(db, id);
  if (plan.status !== 'active')
    throw new CasebookError('BAD_INPUT', 'This plan has ended', { fields: { planId: 'planEnded' } });
  return plan;
}

/** Agrees a new plan. A client has one active plan at a time: the current one must be ended first. */
export function agreePlan(db: Db, clientId: number, values: PlanValues, userId: number, now: Date): number {
  const active = db
    .select({ id: supportPlans.id })
    .from(supportPlans)
    .where(and(eq(supportPlans.clientId, clientId), eq(supportPlans.status, 'active')))
    .get();
  if (active) throw new CasebookError('CONFLICT', 'This client already has an active support plan');
  const at = now.toISOString();
  return db
    .insert(supportPlans)
    .values({ ...values, clientId, createdBy: userId, createdAt: at, updatedAt: at })
    .returning({ id: supportPlans.id })
    .get().id;
}

export function updatePlan(db: Db, id: number, version: number, values: PlanValues, now: Date): number {
  const plan = requireActivePlan(db, id);
  const res = db
    .update(supportPlans)
    .set({ ...values, version: sql`${supportPlans.version} + 1`, updatedAt: now.toISOString() })
    .where(and(eq(supportPlans.id, id), eq(supportPlans.version, version)))
    .run();
  refuseIfChanged(res.changes > 0, 'support plan');
  return plan.clientId;
}

/** Ends the active plan; it and its goals stay, read-only, under "earlier plans". */
export function endPlan(
  db: Db,
  e: { id: number; version: number; on: string; reason: string | null },
  now: Date,
): number {
  const plan = requireActivePlan(db, e.id);
  if (e.on < plan.agreedOn)
    throw new CasebookError('BAD_INPUT', 'Ended before it was agreed', { fields: { on: 'invalidDate' } });
  const res = db
    .update(supportPlans)
    .set({
      status: 'ended',
      endedOn: e.on,
      endReason: e.reason,
      version: sql`${supportPlans.version} + 1`,
      updatedAt: now.toISOString(),
    })
    .where(and(eq(supportPlans.id, e.id), eq(supportPlans.version, e.version)))
    .run();
  refuseIfChanged(res.changes > 0, 'support plan');
  return plan.clientId;
}

/** Refuses an unknown or retired need area (one already chosen, `had`, may stay); `field` names the form field. */
export function checkArea(db: Db, areaId: number | null, had: number | null, field = 'goal.areaId'): void {
  if (areaId === null || areaId === had) return;
  const area = db.select({ retiredAt: needAreas.retiredAt }).from(needAreas).where(eq(needAreas.id, areaId)).get();
  if (!area) throw new CasebookError('BAD_INPUT', 'Unknown need area', { fields: { [field]: 'invalid' } });
  if (area.retiredAt) throw new CasebookError('BAD_INPUT', 'Retired need area', { fields: { [field]: 'areaRetired' } });
}

/** Adds a goal to an active plan (no target) or changes its wording, measure, date, owner or area. */
export function saveGoal(
  db: Db,
  planId: number,
  target: { id: number; version: number } | null,
  values: GoalValues,
  userId: number,
  now: Date,
  today: string,
): { goalId: number; clientId: number } {
  const plan = requireActivePlan(db, planId);
  const at = now.toISOString();
  if (target === null) {
    checkArea(db, values.areaId, null);
    const position =
      (db
        .select({ max: sql<number | null>`max(${goals.position})` })
        .from(goals)
        .where(eq(goals.planId, planId))
        .get()?.max ?? 0) + 1;
    const goalId = db
      .insert(goals)
      .values({
        ...values,
        planId,
        clientId: plan.clientId,
        position,
        statusSince: today,
        addedOn: today,
        createdBy: userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: goals.id })
      .get().id;
    return { goalId, clientId: plan.clientId };
  }
  const goal = db
    .select({ planId: goals.planId, areaId: goals.areaId })
    .from(goals)
    .where(eq(goals.id, target.id))
    .get();
  if (!goal || goal.planId !== planId) throw new CasebookError('NOT_FOUND', 'No such goal');
  checkArea(db, values.areaId, goal.areaId);
  const res = db
    .update(goals)
    .set({ ...values, version: sql`${goals.version} + 1`, updatedAt: at })
    .where(and(eq(goals.id, target.id), eq(goals.version, target.version)))
    .run();
  refuseIfChanged(res.changes > 0, 'goal');
  return { goalId: target.id, clientId: plan.clientId };
}

/**
 * Records progress on a goal: a note, a new status, or both. Status changes follow
 * `goalTransitionProblem`; an update that neither changes the status nor says anything is refused.
 */
export function updateGoal(
  db: Db,
  u: { goalId: number; version: number; on: string; status: GoalStatus; note: string | null },
  userId: number,
  now: Date,
  reviewId: number | null = null,
): { clientId: number; from: GoalStatus; to: GoalStatus } {
  const goal = db.select().from(goals).where(eq(goals.id, u.goalId)).get();
  if (!goal) throw new CasebookError('NOT_FOUND', 'No such goal');
  requireActivePlan(db, goal.planId);
  const changed = goal.status !== u.status;
  if (!changed && !u.note) throw new CasebookError('BAD_INPUT', 'Nothing to record', { fields: { note: 'required' } });
  const problem = goalTransitionProblem(goal.status, u.status, u.note);
  if (problem)
    throw new CasebookError('BAD_INPUT', `Goal status cannot change from ${goal.status} to ${u.status}`, {
      fields: { [problem === 'reasonRequired' ? 'note' : 'status']: problem },
    });
  const at = now.toISOString();
  const res = db
    .update(goals)
    .set({
      status: u.status,
      statusSince: changed ? u.on : goal.statusSince,
      version: sql`${goals.version} + 1`,
      updatedAt: at,
    })
    .where(and(eq(goals.id, u.goalId), eq(goals.version, u.version)))
    .run();
  refuseIfChanged(res.changes > 0, 'goal');
  db.insert(goalUpdates)
    .values({
      goalId: u.goalId,
      clientId: goal.clientId,
      updatedOn: u.on,
      fromStatus: changed ? goal.status : null,
      status: changed ? u.status : null,
      note: u.note,
      reviewId,
      recordedBy: userId,
      recordedAt: at,
    })
    .run();
  return { clientId: goal.clientId, from: goal.status, to: u.status };
}

/** Refuses a link to a goal (from a note, a task, a review) unless the goal is this client's; `field` names the form field. */
export function checkGoalOfClient(db: Db, clientId: number, goalId: number | null, field: string): void {
  if (goalId === null) return;
  const g = db.select({ clientId: goals.clientId }).from(goals).where(eq(goals.id, goalId)).get();
  if (!g || g.clientId !== clientId)
    throw new CasebookError('BAD_INPUT', 'The goal is not this client’s', { fields: { [field]: 'invalid' } });
}

/** Every plan of a client with its goals and their updates: the active one, then earlier ones. */
function listPlans(db: ReadDb, clientId: number): SupportPlan[] {
  const plans = db
    .select({
      id: supportPlans.id,
      clientId: supportPlans.clientId,
      agreedOn: supportPlans.agreedOn,
      summary: supportPlans.summary,
      status: supportPlans.status,
      endedOn: supportPlans.endedOn,
      endReason: supportPlans.endReason,
      createdByName: users.name,
      version: supportPlans.version,
    })
    .from(supportPlans)
    .leftJoin(users, eq(users.id, supportPlans.createdBy))
    .where(eq(supportPlans.clientId, clientId))
    .orderBy(asc(sql`${supportPlans.status} = 'ended'`), desc(supportPlans.agreedOn), desc(supportPlans.id))
    .all();
  if (plans.length === 0) return [];
  const goalRows = db
    .select({
      id: goals.id,
      planId: goals.planId,
      description: goals.description,
      measure: goals.measure,
      targetDate: goals.targetDate,
      owner: goals.owner,
      ownerDetail: goals.ownerDetail,
      areaId: goals.areaId,
      status: goals.status,
      statusSince: goals.statusSince,
      version: goals.version,
    })
    .from(goals)
    .where(
      inArray(
        goals.planId,
        plans.map((p) => p.id),
      ),
    )
    .orderBy(asc(goals.position), asc(goals.id))
    .all();
  const updates = goalRows.length
    ? db
        .select({
          id: goalUpdates.id,
          goalId: goalUpdates.goalId,
          on: goalUpdates.updatedOn,
          status: goalUpdates.status,
          fromStatus: goalUpdates.fromStatus,
          note: goalUpdates.note,
          reviewId: goalUpdates.reviewId,
          recordedByName: users.name,
        })
        .from(goalUpdates)
        .leftJoin(users, eq(users.id, goalUpdates.recordedBy))
        .where(eq(goalUpdates.clientId, clientId))
        .orderBy(desc(goalUpdates.updatedOn), desc(goalUpdates.id))
        .all()
    : [];
  const updatesByGoal = new Map<number, GoalUpdate[]>();
  for (const { goalId, ...u } of updates) updatesByGoal.set(goalId, [...(updatesByGoal.get(goalId) ?? []), u]);
  const goalsByPlan = new Map<number, Goal[]>();
  for (const g of goalRows)
    goalsByPlan.set(g.planId, [...(goalsByPlan.get(g.planId) ?? []), { ...g, updates: updatesByGoal.get(g.id) ?? [] }]);
  return plans.map((p) => ({ ...p, goals: goalsByPlan.get(p.id) ?? [] }));
}

/** What the client's Plan tab shows. */
export function readPlans(db: ReadDb, clientId: number): PlansView {
  const plans = listPlans(db, clientId);
  const active = plans[0]?.status === 'active' ? plans[0] : null;
  return { active, earlier: plans.filter((p) => p !== active), tasks: listClientTasks(db, clientId) };
}

/**
 * Before two records are merged: if both have an active plan, the one being merged in is ended
 * (its goals are kept under earlier plans), so the kept client still has one active plan.
 */
export function endPlanOfMergedClient(db: Db, keepId: number, mergeId: number, on: string, now: Date): void {
  const active = (id: number) =>
    db
      .select({ id: supportPlans.id })
      .from(supportPlans)
      .where(and(eq(supportPlans.clientId, id), eq(supportPlans.status, 'active')))
      .get();
  const merged = active(mergeId);
  if (!merged || !active(keepId)) return;
  db.update(supportPlans)
    .set({
      status: 'ended',
      endedOn: on,
      endReason: 'merged',
      version: sql`${supportPlans.version} + 1`,
      updatedAt: now.toISOString(),
    })
    .where(eq(supportPlans.id, merged.id))
    .run();
}
