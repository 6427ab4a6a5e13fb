import { reachFilter, type Reach } from '../clients/reach';
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { accessDueOn, type AccessRequest } from '../../../shared/domain/subjectAccess';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { accessRequests, clients, users } from '../db/schema';

const columns = {
  id: accessRequests.id,
  clientId: accessRequests.clientId,
  clientName: sql<string>`${clients.firstName} || ' ' || ${clients.lastName}`,
  clientReference: clients.reference,
  receivedOn: accessRequests.receivedOn,
  dueOn: accessRequests.dueOn,
  note: accessRequests.note,
  packSavedOn: accessRequests.packSavedOn,
  answeredOn: accessRequests.answeredOn,
  recordedByName: users.name,
};

function select(db: ReadDb, where: SQL | undefined, order: SQL[]): AccessRequest[] {
  return db
    .select(columns)
    .from(accessRequests)
    .innerJoin(clients, eq(clients.id, accessRequests.clientId))
    .leftJoin(users, eq(users.id, accessRequests.recordedBy))
    .where(where)
    .orderBy(...order)
    .all();
}

/** A client's requests, newest first. */
export function clientAccessRequests(db: ReadDb, clientId: number): AccessRequest[] {
  return select(db, eq(accessRequests.clientId, clientId), [desc(accessRequests.receivedOn), desc(accessRequests.id)]);
}

/** Every request still waiting for its answer, the soonest due first. */
export function openAccessRequests(db: ReadDb, reach: Reach = null): AccessRequest[] {
  return select(db, and(isNull(accessRequests.answeredOn), ...reachFilter(reach, sql`${accessRequests.clientId}`)), [
    asc(accessRequests.dueOn),
    asc(accessRequests.id),
  ]);
}

export function requireAccessRequest(db: ReadDb, id: number): AccessRequest {
  const r = select(db, eq(accessRequests.id, id), [])[0];
  if (!r) throw new CasebookError('NOT_FOUND', 'No such subject access request');
  return r;
}

/** Records a request as it arrives; one at a time per client (a second one is the same request). */
export function recordAccessRequest(
  db: Db,
  r: { clientId: number; receivedOn: string; note: string | null },
  userId: number,
  now: Date,
): number {
  if (!db.select({ id: clients.id }).from(clients).where(eq(clients.id, r.clientId)).get())
    throw new CasebookError('NOT_FOUND', 'No such client');
  const open = db
    .select({ id: accessRequests.id })
    .from(accessRequests)
    .where(and(eq(accessRequests.clientId, r.clientId), isNull(accessRequests.answeredOn)))
    .get();
  if (open)
    throw new CasebookError('BAD_INPUT', 'This client already has a request waiting for its answer', {
      fields: { receivedOn: 'accessAlreadyOpen' },
    });
  return db
    .insert(accessRequests)
    .values({
      clientId: r.clientId,
      receivedOn: r.receivedOn,
      dueOn: accessDueOn(r.receivedOn),
      note: r.note,
      recordedBy: userId,
      recordedAt: now.toISOString(),
    })
    .returning({ id: accessRequests.id })
    .get().id;
}

export function markPackSaved(db: Db, id: number, today: string): void {
  db.update(accessRequests).set({ packSavedOn: today }).where(eq(accessRequests.id, id)).run();
}

/** The pack was given or sent to the person: the request is closed. */
export function markAnswered(db: Db, id: number, answeredOn: string): AccessRequest {
  const r = requireAccessRequest(db, id);
  if (answeredOn < r.receivedOn)
    throw new CasebookError('BAD_INPUT', 'Answered before the request arrived', {
      fields: { answeredOn: 'answeredBeforeReceived' },
    });
  db.update(accessRequests).set({ answeredOn }).where(eq(accessRequests.id, id)).run();
  return { ...r, answeredOn };
}
