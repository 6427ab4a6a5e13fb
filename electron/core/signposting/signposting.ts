import { desc, eq, sql } from 'drizzle-orm';
import type { Signpost, SignpostValues } from '../../../shared/domain/signposting';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { agencies, needAreas, signposting, users } from '../db/schema';

function select(db: ReadDb, where: ReturnType<typeof eq> | undefined, limit: number): Signpost[] {
  return db
    .select({
      s: signposting,
      needAreaKey: needAreas.builtinKey,
      needAreaName: needAreas.name,
      agencyName: agencies.name,
      recordedByName: users.name,
    })
    .from(signposting)
    .leftJoin(needAreas, eq(needAreas.id, signposting.needAreaId))
    .leftJoin(agencies, eq(agencies.id, signposting.agencyId))
    .leftJoin(users, eq(users.id, signposting.recordedBy))
    .where(where)
    .orderBy(desc(signposting.contactedOn), desc(signposting.id))
    .limit(limit)
    .all()
    .map(({ s, needAreaKey, needAreaName, agencyName, recordedByName }) => ({
      id: s.id,
      contactedOn: s.contactedOn,
      how: s.how,
      needAreaId: s.needAreaId,
      needAreaKey,
      needAreaName,
      topic: s.topic,
      agencyId: s.agencyId,
      agencyName,
      elsewhere: s.elsewhere,
      name: s.name,
      phone: s.phone,
      language: s.language,
      note: s.note,
      recordedByName,
      clientId: s.clientId,
    }));
}

/** The latest signposting contacts, newest first. */
export const listSignposting = (db: ReadDb, limit: number) => select(db, undefined, limit);

/** The signposting contacts that became this client (for their subject access pack). */
export const clientSignposting = (db: ReadDb, clientId: number) => select(db, eq(signposting.clientId, clientId), 100);

export function readSignpost(db: ReadDb, id: number): Signpost {
  const found = select(db, eq(signposting.id, id), 1)[0];
  if (!found) throw new CasebookError('NOT_FOUND', 'No such signposting contact');
  return found;
}

/** Records a contact; a name (and phone) only when the person agreed to give it. */
export function recordSignpost(db: Db, v: SignpostValues, userId: number, now: Date): number {
  if (v.agencyId !== null && !db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, v.agencyId)).get())
    throw new CasebookError('BAD_INPUT', 'No such agency', { fields: { agencyId: 'invalid' } });
  if (
    v.needAreaId !== null &&
    !db.select({ id: needAreas.id }).from(needAreas).where(eq(needAreas.id, v.needAreaId)).get()
  )
    throw new CasebookError('BAD_INPUT', 'No such need area', { fields: { needAreaId: 'invalid' } });
  return db
    .insert(signposting)
    .values({
      contactedOn: v.contactedOn,
      how: v.how,
      needAreaId: v.needAreaId,
      topic: v.topic,
      agencyId: v.agencyId,
      elsewhere: v.agencyId === null ? v.elsewhere : null,
      name: v.named ? v.name : null,
      phone: v.named ? v.phone : null,
      language: v.language,
      note: v.note,
      recordedBy: userId,
      recordedAt: now.toISOString(),
    })
    .returning({ id: signposting.id })
    .get().id;
}

/** The person came back and was taken in: the contact becomes part of their record. */
export function signpostBecameClient(db: Db, id: number, clientId: number): void {
  const s = readSignpost(db, id);
  if (s.clientId !== null || s.name === null)
    throw new CasebookError('BAD_INPUT', 'This contact cannot become an intake', {
      fields: { signpostId: 'signpostNotNamed' },
    });
  db.run(sql`UPDATE signposting SET client_id = ${clientId} WHERE id = ${id}`);
}
