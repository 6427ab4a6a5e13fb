import { and, eq, sql } from 'drizzle-orm';
import {
  MAX_SESSIONS_AT_ONCE,
  sessionDates,
  type ProgrammeSession,
  type SessionPattern,
  type SessionValues,
} from '../../../shared/domain/programme';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { programmes, programmeSessions } from '../db/schema';
import { refuseIfChanged } from '../db/versions';

const SESSION_COLUMNS = sql`
  s.id, s.programme_id AS programmeId, s.held_on AS heldOn, s.starts_at AS startsAt, s.ends_at AS endsAt, s.venue, s.facilitator, s.note,
  s.cancelled, s.cancel_reason AS cancelReason, s.version,
  (SELECT count(*) FROM attendance a WHERE a.session_id = s.id) AS present,
  (SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.walk_in = 1) AS walkIns,
  (SELECT coalesce(sum(h.people), 0) FROM session_headcounts h WHERE h.session_id = s.id) AS headcount`;

type SessionRow = Omit<ProgrammeSession, 'cancelled'> & { cancelled: number };
const toSession = (r: SessionRow): ProgrammeSession => ({ ...r, cancelled: r.cancelled === 1 });

/** A programme's sessions in date order, each with how many came. */
export function listSessions(db: ReadDb, programmeId: number): ProgrammeSession[] {
  return db
    .all<SessionRow>(
      sql`SELECT ${SESSION_COLUMNS} FROM programme_sessions s WHERE s.programme_id = ${programmeId} ORDER BY s.held_on, s.starts_at, s.id`,
    )
    .map(toSession);
}

export function readSession(db: ReadDb, id: number): ProgrammeSession {
  const row = db.all<SessionRow>(sql`SELECT ${SESSION_COLUMNS} FROM programme_sessions s WHERE s.id = ${id}`)[0];
  if (!row) throw new CasebookError('NOT_FOUND', 'No such session');
  return toSession(row);
}

function requireProgramme(db: Db, id: number) {
  const p = db
    .select({
      startsOn: programmes.startsOn,
      endsOn: programmes.endsOn,
      venue: programmes.venue,
      facilitators: programmes.facilitators,
    })
    .from(programmes)
    .where(eq(programmes.id, id))
    .get();
  if (!p) throw new CasebookError('NOT_FOUND', 'No such programme');
  return p;
}

function checkWithinProgramme(p: { startsOn: string; endsOn: string | null }, date: string, field: string): void {
  if (date < p.startsOn || (p.endsOn !== null && date > p.endsOn))
    throw new CasebookError('BAD_INPUT', 'The session is outside the programme\u2019s dates', {
      fields: { [field]: 'sessionOutsideProgramme' },
    });
}

/**
 * Adds the sessions a pattern makes (one, or a weekly or fortnightly run until a date or for a
 * number of times). Dates that already have a session at that time are skipped, so running the same
 * pattern twice adds nothing. Returns how many were added and skipped.
 */
export function addSessions(
  db: Db,
  programmeId: number,
  pattern: SessionPattern,
  now: Date,
): { added: number; skipped: number; ids: number[] } {
  const p = requireProgramme(db, programmeId);
  checkWithinProgramme(p, pattern.firstOn, 'pattern.firstOn');
  const dates = sessionDates(pattern, p.endsOn);
  if (dates.length > MAX_SESSIONS_AT_ONCE)
    throw new CasebookError('BAD_INPUT', 'Too many sessions at once', {
      fields: { 'pattern.until': 'tooManySessions' },
    });
  const at = now.toISOString();
  const venue = pattern.venue ?? p.venue;
  const facilitator = pattern.facilitator ?? (p.facilitators.length ? p.facilitators.join(', ') : null);
  const ids: number[] = [];
  let skipped = 0;
  for (const heldOn of dates) {
    const row = db
      .insert(programmeSessions)
      .values({
        programmeId,
        heldOn,
        startsAt: pattern.startsAt,
        endsAt: pattern.endsAt,
        venue,
        facilitator,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .returning({ id: programmeSessions.id })
      .get();
    if (row) ids.push(row.id);
    else skipped++;
  }
  return { added: ids.length, skipped, ids };
}

function loadForChange(db: Db, id: number, version: number) {
  const row = db
    .select({
      programmeId: programmeSessions.programmeId,
      version: programmeSessions.version,
      heldOn: programmeSessions.heldOn,
    })
    .from(programmeSessions)
    .where(eq(programmeSessions.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such session');
  refuseIfChanged(row.version === version, 'session');
  return row;
}

const hasAttendance = (db: Db, id: number) =>
  db.get<{ n: number }>(
    sql`SELECT (SELECT count(*) FROM attendance WHERE session_id = ${id}) + (SELECT count(*) FROM session_headcounts WHERE session_id = ${id}) AS n`,
  ).n > 0;

/** Moves or changes one session. Another session of the programme at the same date and time is refused. */
export function updateSession(db: Db, id: number, version: number, s: SessionValues, now: Date): number {
  const row = loadForChange(db, id, version);
  checkWithinProgramme(requireProgramme(db, row.programmeId), s.heldOn, 'session.heldOn');
  const clash = db
    .select({ id: programmeSessions.id })
    .from(programmeSessions)
    .where(
      and(
        eq(programmeSessions.programmeId, row.programmeId),
        eq(programmeSessions.heldOn, s.heldOn),
        eq(programmeSessions.startsAt, s.startsAt),
        sql`${programmeSessions.id} <> ${id}`,
      ),
    )
    .get();
  if (clash)
    throw new CasebookError('BAD_INPUT', 'There is already a session then', {
      fields: { 'session.startsAt': 'sessionClash' },
    });
  db.update(programmeSessions)
    .set({ ...s, updatedAt: now.toISOString(), version: version + 1 })
    .where(eq(programmeSessions.id, id))
    .run();
  return row.programmeId;
}

/** Marks a session as not taking place (with the reason), or takes that back. A session people came to was not cancelled. */
export function setSessionCancelled(
  db: Db,
  c: { id: number; version: number; cancelled: boolean; reason: string | null },
  now: Date,
): number {
  const row = loadForChange(db, c.id, c.version);
  if (c.cancelled && hasAttendance(db, c.id))
    throw new CasebookError('BAD_INPUT', 'People came to this session', {
      fields: { cancelled: 'sessionHasAttendance' },
    });
  db.update(programmeSessions)
    .set({
      cancelled: c.cancelled,
      cancelReason: c.cancelled ? c.reason : null,
      updatedAt: now.toISOString(),
      version: c.version + 1,
    })
    .where(eq(programmeSessions.id, c.id))
    .run();
  return row.programmeId;
}

/** Removes a session added by mistake. Only while nobody is marked as having come to it. */
export function removeSession(db: Db, id: number): number {
  const row = db
    .select({ programmeId: programmeSessions.programmeId })
    .from(programmeSessions)
    .where(eq(programmeSessions.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such session');
  if (hasAttendance(db, id))
    throw new CasebookError('BAD_INPUT', 'People came to this session', { fields: { id: 'sessionHasAttendance' } });
  db.delete(programmeSessions).where(eq(programmeSessions.id, id)).run();
  return row.programmeId;
}
