import { and, eq, sql } from 'drizzle-orm';
import { requireCurrentEligibility } from '../eligibility/checks';
import { AGE_BANDS, type AgeBand } from '../../../shared/domain/ageBand';
import type { ClientProgrammes, RegisterLine, SessionRegister } from '../../../shared/domain/programme';
import { CasebookError } from '../../../shared/result';
import { requireClient } from '../clients/queries';
import type { Db, ReadDb } from '../db/database';
import { attendance, programmeMembers, programmes, programmeSessions, sessionHeadcounts } from '../db/schema';
import { readSession } from './sessions';

/**
 * Puts a client on a programme's list. When the programme is full the user must say they mean it
 * (`overCapacity`): the refusal says how many places there are. Registering twice changes nothing.
 */
export function registerClient(
  db: Db,
  r: { programmeId: number; clientId: number; registeredOn: string; overCapacity: boolean },
  userId: number,
  today: string,
): boolean {
  const p = db
    .select({
      capacity: programmes.capacity,
      endsOn: programmes.endsOn,
      requiresServiceId: programmes.requiresServiceId,
    })
    .from(programmes)
    .where(eq(programmes.id, r.programmeId))
    .get();
  if (!p) throw new CasebookError('NOT_FOUND', 'No such programme');
  requireClient(db, r.clientId);
  const already = db
    .select({ on: programmeMembers.registeredOn })
    .from(programmeMembers)
    .where(and(eq(programmeMembers.programmeId, r.programmeId), eq(programmeMembers.clientId, r.clientId)))
    .get();
  if (already) return false;
  if (p.endsOn !== null && p.endsOn < today)
    throw new CasebookError('BAD_INPUT', 'The programme has ended', { fields: { programmeId: 'programmeEnded' } });
  if (p.requiresServiceId !== null) requireCurrentEligibility(db, r.clientId, p.requiresServiceId, today);
  if (p.capacity !== null && !r.overCapacity) {
    const taken = db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM programme_members WHERE programme_id = ${r.programmeId}`,
    ).n;
    if (taken >= p.capacity)
      throw new CasebookError('BAD_INPUT', 'The programme is full', { fields: { overCapacity: 'programmeFull' } });
  }
  db.insert(programmeMembers)
    .values({ programmeId: r.programmeId, clientId: r.clientId, registeredOn: r.registeredOn, registeredBy: userId })
    .run();
  return true;
}

/** The day a client was put on a programme's list; refused when they are not on it. */
export function registeredOn(db: ReadDb, programmeId: number, clientId: number): string {
  const m = db
    .select({ on: programmeMembers.registeredOn })
    .from(programmeMembers)
    .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.clientId, clientId)))
    .get();
  if (!m) throw new CasebookError('NOT_FOUND', 'This client is not on the programme\u2019s list');
  return m.on;
}

/** Takes a client off a programme's list; the sessions they came to stay in their history. */
export function unregisterClient(db: Db, programmeId: number, clientId: number): void {
  const n = db
    .delete(programmeMembers)
    .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.clientId, clientId)))
    .run().changes;
  if (n === 0) throw new CasebookError('NOT_FOUND', 'This client is not on the programme\u2019s list');
}

/** One session's register: everyone on the programme's list and every walk-in, who came, and the anonymous headcount. */
export function sessionRegister(db: ReadDb, sessionId: number): SessionRegister {
  const session = readSession(db, sessionId);
  const programme = db
    .select({
      id: programmes.id,
      name: programmes.name,
      kind: programmes.kind,
      capacity: programmes.capacity,
      venue: programmes.venue,
    })
    .from(programmes)
    .where(eq(programmes.id, session.programmeId))
    .get()!;
  const lines = db
    .all<{ clientId: number; name: string; reference: string; registered: number; present: number; walkIn: number }>(
      sql`
      SELECT c.id AS clientId, c.first_name || ' ' || c.last_name AS name, c.reference,
        (m.client_id IS NOT NULL) AS registered, (a.client_id IS NOT NULL) AS present, coalesce(a.walk_in, 0) AS walkIn
      FROM clients c
      LEFT JOIN programme_members m ON m.client_id = c.id AND m.programme_id = ${session.programmeId}
      LEFT JOIN attendance a ON a.client_id = c.id AND a.session_id = ${sessionId}
      WHERE c.id IN (SELECT client_id FROM programme_members WHERE programme_id = ${session.programmeId}
                     UNION SELECT client_id FROM attendance WHERE session_id = ${sessionId})
      ORDER BY c.sort_name, c.id`,
    )
    .map((l): RegisterLine => ({
      ...l,
      registered: l.registered === 1,
      present: l.present === 1,
      walkIn: l.walkIn === 1,
    }));
  const counted = new Map(
    db
      .select({ band: sessionHeadcounts.ageBand, people: sessionHeadcounts.people })
      .from(sessionHeadcounts)
      .where(eq(sessionHeadcounts.sessionId, sessionId))
      .all()
      .map((h) => [h.band, h.people]),
  );
  return { session, programme, lines, headcount: AGE_BANDS.map((band) => ({ band, people: counted.get(band) ?? 0 })) };
}

function requireSessionOpenForMarking(db: Db, sessionId: number, today: string) {
  const s = db
    .select({
      programmeId: programmeSessions.programmeId,
      heldOn: programmeSessions.heldOn,
      cancelled: programmeSessions.cancelled,
    })
    .from(programmeSessions)
    .where(eq(programmeSessions.id, sessionId))
    .get();
  if (!s) throw new CasebookError('NOT_FOUND', 'No such session');
  if (s.cancelled)
    throw new CasebookError('BAD_INPUT', 'The session was cancelled', { fields: { sessionId: 'sessionCancelled' } });
  if (s.heldOn > today)
    throw new CasebookError('BAD_INPUT', 'The session has not happened yet', {
      fields: { sessionId: 'sessionNotYet' },
    });
  return s;
}

/**
 * Marks a client as having come to a session, or not. Someone not on the programme's list is a
 * walk-in, and can be put on the list at the same time. Returns whether anything changed.
 */
export function markAttendance(
  db: Db,
  a: { sessionId: number; clientId: number; present: boolean; register: boolean },
  userId: number,
  now: Date,
  today: string,
): boolean {
  const s = requireSessionOpenForMarking(db, a.sessionId, today);
  requireClient(db, a.clientId);
  if (!a.present)
    return (
      db
        .delete(attendance)
        .where(and(eq(attendance.sessionId, a.sessionId), eq(attendance.clientId, a.clientId)))
        .run().changes > 0
    );
  const member = db
    .select({ on: programmeMembers.registeredOn })
    .from(programmeMembers)
    .where(and(eq(programmeMembers.programmeId, s.programmeId), eq(programmeMembers.clientId, a.clientId)))
    .get();
  if (!member && a.register)
    registerClient(
      db,
      { programmeId: s.programmeId, clientId: a.clientId, registeredOn: s.heldOn, overCapacity: true },
      userId,
      s.heldOn,
    );
  return (
    db
      .insert(attendance)
      .values({
        sessionId: a.sessionId,
        clientId: a.clientId,
        walkIn: !member,
        markedBy: userId,
        markedAt: now.toISOString(),
      })
      .onConflictDoNothing()
      .run().changes > 0
  );
}

/** Replaces a session's anonymous headcount (people who came without giving their name) by age band. */
export function setHeadcount(
  db: Db,
  sessionId: number,
  counts: { band: AgeBand; people: number }[],
  today: string,
): void {
  requireSessionOpenForMarking(db, sessionId, today);
  db.delete(sessionHeadcounts).where(eq(sessionHeadcounts.sessionId, sessionId)).run();
  const byBand = new Map<AgeBand, number>();
  for (const c of counts) byBand.set(c.band, (byBand.get(c.band) ?? 0) + c.people);
  for (const [ageBand, people] of byBand)
    if (people > 0) db.insert(sessionHeadcounts).values({ sessionId, ageBand, people }).run();
}

/** The programmes a client is on and every session they came to, newest first. */
export function clientProgrammes(db: ReadDb, clientId: number): ClientProgrammes {
  const registered = db.all<ClientProgrammes['registered'][number]>(sql`
    SELECT p.id AS programmeId, p.name, p.kind, m.registered_on AS registeredOn, p.ends_on AS endsOn
    FROM programme_members m JOIN programmes p ON p.id = m.programme_id
    WHERE m.client_id = ${clientId} ORDER BY m.registered_on DESC, p.id DESC`);
  const attended = db
    .all<{
      sessionId: number;
      programmeId: number;
      programmeName: string;
      heldOn: string;
      startsAt: string;
      walkIn: number;
    }>(
      sql`
      SELECT s.id AS sessionId, p.id AS programmeId, p.name AS programmeName, s.held_on AS heldOn, s.starts_at AS startsAt, a.walk_in AS walkIn
      FROM attendance a JOIN programme_sessions s ON s.id = a.session_id JOIN programmes p ON p.id = s.programme_id
      WHERE a.client_id = ${clientId} ORDER BY s.held_on DESC, s.starts_at DESC`,
    )
    .map((r) => ({ ...r, walkIn: r.walkIn === 1 }));
  return { registered, attended };
}
