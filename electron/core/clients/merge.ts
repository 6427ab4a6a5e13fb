import { eq, sql } from 'drizzle-orm';
import type { Client } from '../../../shared/domain/client';
import { localToday } from '../../../shared/clock';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { clientMerges, clients } from '../db/schema';
import { endPlanOfMergedClient } from '../plans/plans';
import { getClient, requireClient, writeTokens } from './queries';

/** Details copied from the merged record when the kept one has nothing there. */
const FILLABLE = [
  'preferredName',
  'dateOfBirth',
  'estimatedBirthYear',
  'gender',
  'pronouns',
  'phone',
  'email',
  'address',
  'postcode',
  'preferredLanguage',
  'referralSource',
  'referredBy',
  'caseworkerId',
] as const satisfies readonly (keyof Client & keyof typeof clients.$inferInsert)[];

/** Rebuilt rather than moved: the kept client's own tokens. */
const REBUILT = new Set(['client_search_tokens']);

/**
 * Every (table, column) that points at a client, read from the schema itself, so tables added by
 * later features (notes, plans, referrals, letters…) are moved without this code knowing them.
 */
export function clientReferences(db: Db): { table: string; column: string }[] {
  const tables = db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const refs: { table: string; column: string }[] = [];
  for (const { name } of tables) {
    if (REBUILT.has(name)) continue;
    const fks = db.all<{ table: string; from: string; to: string | null }>(
      sql`SELECT "table", "from", "to" FROM pragma_foreign_key_list(${name})`,
    );
    for (const fk of fks)
      if (fk.table === 'clients' && (fk.to === null || fk.to === 'id')) refs.push({ table: name, column: fk.from });
  }
  return refs;
}

/**
 * Tables where a client appears at most once per (column): a programme's list, a session's
 * attendance. Where both records are there, the merged record's row gives way to the kept one's.
 */
const ONCE_PER: Record<string, string> = { programme_members: 'programme_id', attendance: 'session_id' };

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Merges `mergeId` into `keepId`: every related row moves to the kept client, blank details are
 * filled from the merged record, the merged record's reference keeps finding the kept client, and
 * the merged record is removed. Runs inside the caller's transaction: all of it or none.
 */
export function mergeClients(
  db: Db,
  keepId: number,
  mergeId: number,
  userId: number,
  now: Date,
): { client: Client; mergedReference: string; moved: Record<string, number>; filled: string[] } {
  if (keepId === mergeId)
    throw new CasebookError('BAD_INPUT', 'A client cannot be merged with themselves', {
      fields: { mergeId: 'sameClient' },
    });
  const keep = requireClient(db, keepId);
  const merge = requireClient(db, mergeId);

  // One active support plan per client: the merged record's gives way if both have one.
  endPlanOfMergedClient(db, keepId, mergeId, localToday(now), now);
  const moved: Record<string, number> = {};
  for (const { table, column } of clientReferences(db)) {
    const per = ONCE_PER[table];
    if (per) {
      const [t, c, p] = [quote(table), quote(column), quote(per)];
      db.run(
        sql.raw(`DELETE FROM ${t} WHERE ${c} = ${mergeId} AND ${p} IN (SELECT ${p} FROM ${t} WHERE ${c} = ${keepId})`),
      );
    }
    const n = db.run(
      sql.raw(`UPDATE ${quote(table)} SET ${quote(column)} = ${keepId} WHERE ${quote(column)} = ${mergeId}`),
    ).changes;
    if (n > 0) moved[table] = (moved[table] ?? 0) + n;
  }

  const filled: string[] = [];
  const patch: Partial<typeof clients.$inferInsert> = {};
  for (const field of FILLABLE) {
    if (keep[field] === null && merge[field] !== null) {
      if (field === 'estimatedBirthYear' && (keep.dateOfBirth ?? patch.dateOfBirth)) continue;
      if (field === 'gender' && keep.genderWithheld) continue;
      (patch as Record<string, unknown>)[field] = merge[field];
      filled.push(field);
    }
  }
  if (!keep.interpreterNeeded && merge.interpreterNeeded) {
    patch.interpreterNeeded = true;
    filled.push('interpreterNeeded');
  }
  if (merge.intakeDate && (!keep.intakeDate || merge.intakeDate < keep.intakeDate)) {
    patch.intakeDate = merge.intakeDate;
    filled.push('intakeDate');
  }

  db.insert(clientMerges)
    .values({
      intoClientId: keepId,
      fromClientId: mergeId,
      fromReference: merge.reference,
      mergedBy: userId,
      mergedAt: now.toISOString(),
    })
    .run();
  db.delete(clients).where(eq(clients.id, mergeId)).run();
  db.update(clients)
    .set({ ...patch, version: sql`${clients.version} + 1`, updatedAt: now.toISOString(), updatedBy: userId })
    .where(eq(clients.id, keepId))
    .run();
  writeTokens(db, keepId);
  return { client: getClient(db, keepId)!, mergedReference: merge.reference, moved, filled };
}

export function formerReferences(db: ReadDb, clientId: number): string[] {
  return db
    .select({ ref: clientMerges.fromReference })
    .from(clientMerges)
    .where(eq(clientMerges.intoClientId, clientId))
    .orderBy(clientMerges.id)
    .all()
    .map((r) => r.ref);
}
