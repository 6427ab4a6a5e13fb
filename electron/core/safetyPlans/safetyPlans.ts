import { count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SafetyPlan, safetyPlanInputSchema } from '../../../shared/domain/safetyPlan';
import type { Db, ReadDb } from '../db/database';
import { safetyPlans, users } from '../db/schema';

type SafetyPlanValues = z.output<typeof safetyPlanInputSchema>;

/** Saves a new version of a client's safety plan; earlier versions stay. */
export function saveSafetyPlan(db: Db, clientId: number, values: SafetyPlanValues, userId: number, now: Date): number {
  return db
    .insert(safetyPlans)
    .values({ ...values, clientId, writtenBy: userId, writtenAt: now.toISOString() })
    .returning({ id: safetyPlans.id })
    .get().id;
}

const planColumns = {
  id: safetyPlans.id,
  clientId: safetyPlans.clientId,
  warningSigns: safetyPlans.warningSigns,
  copingSteps: safetyPlans.copingSteps,
  keepingSafe: safetyPlans.keepingSafe,
  contacts: safetyPlans.contacts,
  agreedOn: safetyPlans.agreedOn,
  reviewOn: safetyPlans.reviewOn,
  writtenByName: users.name,
  writtenAt: safetyPlans.writtenAt,
};

const clientPlans = (db: ReadDb, clientId: number) =>
  db
    .select(planColumns)
    .from(safetyPlans)
    .leftJoin(users, eq(users.id, safetyPlans.writtenBy))
    .where(eq(safetyPlans.clientId, clientId))
    .orderBy(desc(safetyPlans.writtenAt), desc(safetyPlans.id));

/** The safety plan in force: the newest version, or null when there is none. */
export function currentSafetyPlan(db: ReadDb, clientId: number): SafetyPlan | null {
  const row = clientPlans(db, clientId).limit(1).get();
  if (!row) return null;
  const versions = db.select({ n: count() }).from(safetyPlans).where(eq(safetyPlans.clientId, clientId)).get()!.n;
  return { ...row, versions };
}

/** Every version of a client's safety plan, newest first (each counts as one version). */
export function safetyPlanHistory(db: Db, clientId: number): SafetyPlan[] {
  const rows = clientPlans(db, clientId).all();
  return rows.map((r, i) => ({ ...r, versions: rows.length - i }));
}
