import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { RiskFlag, RiskFlagKind } from '../../../shared/domain/riskFlag';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { riskFlags, users } from '../db/schema';

const raiser = alias(users, 'raiser');
const remover = alias(users, 'remover');

export function raiseRiskFlag(
  db: Db,
  f: { clientId: number; kind: RiskFlagKind; note: string | null; raisedOn: string },
  userId: number,
  now: Date,
): number {
  return db
    .insert(riskFlags)
    .values({ ...f, raisedBy: userId, raisedAt: now.toISOString() })
    .returning({ id: riskFlags.id })
    .get().id;
}

/** Takes a flag down; it stays in the client's history with who removed it, when and why. */
export function removeRiskFlag(
  db: Db,
  id: number,
  on: string,
  note: string | null,
  userId: number,
  now: Date,
): { clientId: number; kind: RiskFlagKind } {
  const row = db
    .select({ clientId: riskFlags.clientId, kind: riskFlags.kind, raisedOn: riskFlags.raisedOn })
    .from(riskFlags)
    .where(eq(riskFlags.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such risk flag');
  if (on < row.raisedOn)
    throw new CasebookError('BAD_INPUT', 'Removed before it was raised', { fields: { on: 'invalidDate' } });
  const res = db
    .update(riskFlags)
    .set({ removedOn: on, removalNote: note, removedBy: userId, removedAt: now.toISOString() })
    .where(and(eq(riskFlags.id, id), isNull(riskFlags.removedOn)))
    .run();
  if (res.changes === 0) throw new CasebookError('CONFLICT', 'This flag was already removed');
  return { clientId: row.clientId, kind: row.kind };
}

/** Active flags first (newest first), then removed ones. */
export function listRiskFlags(db: ReadDb, clientId: number): RiskFlag[] {
  return db
    .select({
      id: riskFlags.id,
      kind: riskFlags.kind,
      note: riskFlags.note,
      raisedOn: riskFlags.raisedOn,
      raisedByName: raiser.name,
      removedOn: riskFlags.removedOn,
      removalNote: riskFlags.removalNote,
      removedByName: remover.name,
    })
    .from(riskFlags)
    .leftJoin(raiser, eq(raiser.id, riskFlags.raisedBy))
    .leftJoin(remover, eq(remover.id, riskFlags.removedBy))
    .where(eq(riskFlags.clientId, clientId))
    .orderBy(asc(sql`${riskFlags.removedOn} IS NOT NULL`), desc(riskFlags.raisedOn), desc(riskFlags.id))
    .all();
}
