import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { addDays, daysBetween } from '../../../shared/domain/caseload';
import { clientReference } from '../../../shared/domain/client';
import {
  DEFAULT_STILL_NEED_DAYS,
  OPEN_INCOMING,
  type Incoming,
  type IncomingStatus,
  type IncomingValues,
} from '../../../shared/domain/incoming';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { agencies, incomingReferrals, programmes, users } from '../db/schema';
import { refuseIfChanged } from '../db/versions';
import { registerClient } from '../programmes/attendance';
import { getSetting, setSetting } from '../settings/settings';

const STILL_NEED_KEY = 'incoming.stillNeedDays';

/** How long someone waits before being asked whether they still need us (Settings). */
export function stillNeedDays(db: ReadDb): number {
  return Number(getSetting(db, STILL_NEED_KEY) ?? DEFAULT_STILL_NEED_DAYS);
}
export function setStillNeedDays(db: Db, days: number): void {
  setSetting(db, STILL_NEED_KEY, String(days));
}

const decider = alias(users, 'decider');
/** Risk first, then urgent before soon before routine, then the longest waiting. */
const LIST_ORDER = [
  desc(incomingReferrals.atRisk),
  sql`CASE ${incomingReferrals.urgency} WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END`,
  asc(sql`coalesce(${incomingReferrals.waitingSince}, ${incomingReferrals.receivedOn})`),
  asc(incomingReferrals.receivedOn),
  asc(incomingReferrals.id),
];

function select(db: ReadDb, where: SQL | undefined, today: string, days: number, order = LIST_ORDER): Incoming[] {
  return db
    .select({
      r: incomingReferrals,
      agencyName: agencies.name,
      programmeName: programmes.name,
      deciderName: decider.name,
    })
    .from(incomingReferrals)
    .leftJoin(agencies, eq(agencies.id, incomingReferrals.agencyId))
    .leftJoin(programmes, eq(programmes.id, incomingReferrals.programmeId))
    .leftJoin(decider, eq(decider.id, incomingReferrals.decidedBy))
    .where(where)
    .orderBy(...order)
    .limit(2000)
    .all()
    .map(({ r, agencyName, programmeName, deciderName }) => {
      const since = r.checkedOn ?? r.waitingSince;
      return {
        id: r.id,
        receivedOn: r.receivedOn,
        firstName: r.firstName,
        lastName: r.lastName,
        dateOfBirth: r.dateOfBirth,
        phone: r.phone,
        email: r.email,
        postcode: r.postcode,
        preferredLanguage: r.preferredLanguage,
        reason: r.reason,
        source: r.source,
        referrerName: r.referrerName,
        referrerContact: r.referrerContact,
        reply: r.reply ?? null,
        agencyId: r.agencyId,
        agencyName,
        urgency: r.urgency,
        atRisk: r.atRisk,
        riskNote: r.riskNote,
        status: r.status,
        programmeId: r.programmeId,
        programmeName,
        waitingSince: r.waitingSince,
        offeredOn: r.offeredOn,
        checkedOn: r.checkedOn,
        stillNeedDue: r.status === 'waiting' && since !== null && addDays(since, days) <= today,
        daysWaited: Math.max(0, daysBetween(r.receivedOn, r.decidedOn ?? today)),
        decidedOn: r.decidedOn,
        decidedByName: deciderName,
        declineReason: r.declineReason,
        clientId: r.clientId,
        clientReference: r.clientId === null ? null : clientReference(r.clientId),
        version: r.version,
      };
    });
}

/** The referrals in: those still to deal with (in the waiting list's order), only the waiting list, or those decided (newest first). */
export function listIncoming(
  db: ReadDb,
  q: { show: 'open' | 'waiting' | 'closed'; programmeId: number | null },
  today: string,
): { items: Incoming[]; stillNeedDays: number } {
  const days = stillNeedDays(db);
  const statuses: IncomingStatus[] =
    q.show === 'open'
      ? [...OPEN_INCOMING]
      : q.show === 'waiting'
        ? ['waiting', 'offered']
        : ['accepted', 'declined', 'withdrawn'];
  const where = and(
    inArray(incomingReferrals.status, statuses),
    q.programmeId === null ? undefined : eq(incomingReferrals.programmeId, q.programmeId),
  );
  const order = q.show === 'closed' ? [desc(incomingReferrals.decidedOn), desc(incomingReferrals.id)] : LIST_ORDER;
  return { items: select(db, where, today, days, order), stillNeedDays: days };
}

/** The referrals in that became this client (for their subject access pack). */
export const clientIncoming = (db: ReadDb, clientId: number, today: string): Incoming[] =>
  select(db, eq(incomingReferrals.clientId, clientId), today, stillNeedDays(db));

export function readIncoming(db: ReadDb, id: number, today: string): Incoming {
  const found = select(db, eq(incomingReferrals.id, id), today, stillNeedDays(db))[0];
  if (!found) throw new CasebookError('NOT_FOUND', 'No such referral');
  return found;
}

const details = (v: IncomingValues) => ({
  receivedOn: v.receivedOn,
  firstName: v.firstName,
  lastName: v.lastName,
  dateOfBirth: v.dateOfBirth,
  phone: v.phone,
  email: v.email,
  postcode: v.postcode,
  preferredLanguage: v.preferredLanguage,
  reason: v.reason,
  source: v.source,
  referrerName: v.referrerName,
  referrerContact: v.referrerContact,
  agencyId: v.agencyId,
  urgency: v.urgency,
  atRisk: v.atRisk,
  riskNote: v.atRisk ? v.riskNote : null,
  consentToHold: true,
});

function requireAgency(db: ReadDb, id: number | null): void {
  if (id !== null && !db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id)).get())
    throw new CasebookError('BAD_INPUT', 'No such agency', { fields: { agencyId: 'invalid' } });
}

export function logIncoming(db: Db, v: IncomingValues, userId: number, now: Date): number {
  requireAgency(db, v.agencyId);
  const at = now.toISOString();
  return db
    .insert(incomingReferrals)
    .values({ ...details(v), createdAt: at, createdBy: userId, updatedAt: at })
    .returning({ id: incomingReferrals.id })
    .get().id;
}

/**
 * Moves a referral on, from one of `from`, if nobody else changed it meanwhile. Each step says
 * what it sets; refused in words when the referral is no longer where the step starts.
 */
function step(
  db: Db,
  ref: { id: number; version: number },
  from: readonly IncomingStatus[],
  set: Partial<typeof incomingReferrals.$inferInsert>,
  now: Date,
): void {
  const current = db
    .select({ status: incomingReferrals.status, version: incomingReferrals.version })
    .from(incomingReferrals)
    .where(eq(incomingReferrals.id, ref.id))
    .get();
  if (!current) throw new CasebookError('NOT_FOUND', 'No such referral');
  refuseIfChanged(current.version === ref.version, 'incoming referral');
  if (!from.includes(current.status))
    throw new CasebookError('BAD_INPUT', `The referral is ${current.status}`, { fields: { id: 'incomingDecided' } });
  db.update(incomingReferrals)
    .set({ ...set, updatedAt: now.toISOString(), version: sql`${incomingReferrals.version} + 1` })
    .where(eq(incomingReferrals.id, ref.id))
    .run();
}

export function changeIncoming(db: Db, id: number, version: number, v: IncomingValues, now: Date): void {
  requireAgency(db, v.agencyId);
  step(db, { id, version }, OPEN_INCOMING, details(v), now);
}

/** Puts them on the waiting list for the charity's support or a programme (still running). */
export function waitlist(
  db: Db,
  r: { id: number; version: number; programmeId: number | null },
  today: string,
  now: Date,
) {
  if (r.programmeId !== null) {
    const p = db.select().from(programmes).where(eq(programmes.id, r.programmeId)).get();
    if (!p) throw new CasebookError('BAD_INPUT', 'No such programme', { fields: { programmeId: 'invalid' } });
    if (p.endsOn !== null && p.endsOn < today)
      throw new CasebookError('BAD_INPUT', 'The programme has ended', { fields: { programmeId: 'programmeEnded' } });
  }
  const was = readIncoming(db, r.id, today);
  step(
    db,
    r,
    OPEN_INCOMING,
    {
      status: 'waiting',
      programmeId: r.programmeId,
      // Moved to another list, they keep their place in time: the wait counts from when they first joined one.
      waitingSince: was.waitingSince ?? today,
      offeredOn: null,
    },
    now,
  );
}

/** Places free on a programme: its capacity less those registered and those offered a place (null: no limit). */
export function placesFree(db: ReadDb, programmeId: number): number | null {
  const row = db.get<{ capacity: number | null; taken: number; offered: number }>(sql`
    SELECT p.capacity,
      (SELECT count(*) FROM programme_members m WHERE m.programme_id = p.id) AS taken,
      (SELECT count(*) FROM incoming_referrals i WHERE i.programme_id = p.id AND i.status = 'offered') AS offered
    FROM programmes p WHERE p.id = ${programmeId}`);
  if (!row) throw new CasebookError('NOT_FOUND', 'No such programme');
  return row.capacity === null ? null : Math.max(0, row.capacity - row.taken - row.offered);
}

/** Offers the person a place (on their programme, when one is free; or a start with the charity's support). */
export function offerPlace(db: Db, r: { id: number; version: number }, today: string, now: Date): void {
  const was = readIncoming(db, r.id, today);
  if (was.programmeId !== null && was.status === 'waiting' && placesFree(db, was.programmeId) === 0)
    throw new CasebookError('BAD_INPUT', 'No place is free', { fields: { id: 'noPlaceFree' } });
  step(db, r, ['waiting'], { status: 'offered', offeredOn: today }, now);
}

export function declineIncoming(
  db: Db,
  r: { id: number; version: number; reason: string },
  userId: number,
  today: string,
  now: Date,
): void {
  step(db, r, OPEN_INCOMING, { status: 'declined', declineReason: r.reason, decidedOn: today, decidedBy: userId }, now);
}

/** The "still need us?" contact: the wait goes on (asked again after the same time), or they are withdrawn. */
export function stillNeed(
  db: Db,
  r: { id: number; version: number; stillNeeds: boolean; note: string | null },
  userId: number,
  today: string,
  now: Date,
): void {
  if (r.stillNeeds) step(db, r, ['waiting', 'offered'], { checkedOn: today }, now);
  else
    step(
      db,
      r,
      ['waiting', 'offered'],
      { status: 'withdrawn', checkedOn: today, declineReason: r.note, decidedOn: today, decidedBy: userId },
      now,
    );
}

/**
 * Taken in: the referral becomes the client's, in the intake's transaction. Offered a place on a
 * programme, they are registered on it, unless it cannot take them now (full, ended, or needing an
 * eligibility decision they do not have yet): then the intake still stands, and the answer says so.
 */
export function acceptIncoming(
  db: Db,
  id: number,
  clientId: number,
  userId: number,
  today: string,
  now: Date,
): { programmeId: number | null; registered: boolean } {
  const was = readIncoming(db, id, today);
  step(
    db,
    { id, version: was.version },
    OPEN_INCOMING,
    { status: 'accepted', clientId, decidedOn: today, decidedBy: userId },
    now,
  );
  if (was.programmeId === null) return { programmeId: null, registered: false };
  try {
    const registered = registerClient(
      db,
      { programmeId: was.programmeId, clientId, registeredOn: today, overCapacity: was.status === 'offered' },
      userId,
      today,
    );
    return { programmeId: was.programmeId, registered };
  } catch (e) {
    if (e instanceof CasebookError && (e.code === 'BAD_INPUT' || e.code === 'ELIGIBILITY_REQUIRED'))
      return { programmeId: was.programmeId, registered: false };
    throw e;
  }
}
