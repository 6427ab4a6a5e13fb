import { sql, type SQL } from 'drizzle-orm';
import { AGE_BANDS, type AgeBand } from '../../../shared/domain/ageBand';
import type { AttendanceFigures, ProgrammeFigures, ProgrammeKind } from '../../../shared/domain/programme';
import type { ReadDb } from '../db/database';

export interface FiguresQuery {
  programmeId?: number | null;
  /** Sessions held on or after this date (none: from the start). */
  from: string | null;
  /** Sessions held on or before this date: usually today, so planned sessions are not counted. */
  to: string;
  /**
   * Count only these clients' attendances (a report about one caseworker's clients). People counted
   * without a name cannot be anybody's clients, so the headcount is then left out.
   */
  clientIn?: SQL | null;
}

const attendees = (q: FiguresQuery): SQL => (q.clientIn ? sql`AND a.client_id IN (${q.clientIn})` : sql``);

/** The sessions counted: held (not cancelled) within the dates, of one programme or all. */
function heldSessions(q: FiguresQuery): SQL {
  return sql`SELECT s.id, s.programme_id FROM programme_sessions s
    WHERE s.cancelled = 0 AND s.held_on <= ${q.to}
    ${q.from ? sql`AND s.held_on >= ${q.from}` : sql``}
    ${q.programmeId ? sql`AND s.programme_id = ${q.programmeId}` : sql``}`;
}

interface Counts {
  programmeId: number;
  sessionsHeld: number;
  attendances: number;
  walkInAttendances: number;
  headcount: number;
  uniquePeople: number;
}

function figures(c: Omit<Counts, 'programmeId'>, cancelled: number, bands: Map<AgeBand, number>): AttendanceFigures {
  return {
    sessionsHeld: c.sessionsHeld,
    sessionsCancelled: cancelled,
    attendances: c.attendances,
    registeredAttendances: c.attendances - c.walkInAttendances,
    walkInAttendances: c.walkInAttendances,
    headcount: c.headcount,
    headcountByBand: AGE_BANDS.map((band) => ({ band, people: bands.get(band) ?? 0 })),
    uniquePeople: c.uniquePeople,
    totalAttendances: c.attendances + c.headcount,
  };
}

const cancelledCount = (db: ReadDb, q: FiguresQuery, programmeId: number | null) =>
  db.get<{
    n: number;
  }>(sql`SELECT count(*) AS n FROM programme_sessions s WHERE s.cancelled = 1 AND s.held_on <= ${q.to}
    ${q.from ? sql`AND s.held_on >= ${q.from}` : sql``} ${programmeId ? sql`AND s.programme_id = ${programmeId}` : sql``}`)
    .n;

function bandsOf(db: ReadDb, q: FiguresQuery): Map<number, Map<AgeBand, number>> {
  if (q.clientIn) return new Map();
  const rows = db.all<{ programmeId: number; band: AgeBand; people: number }>(sql`
    SELECT h2.programme_id AS programmeId, h.age_band AS band, sum(h.people) AS people
    FROM session_headcounts h JOIN (${heldSessions(q)}) h2 ON h2.id = h.session_id
    GROUP BY h2.programme_id, h.age_band`);
  const out = new Map<number, Map<AgeBand, number>>();
  for (const r of rows) {
    const m = out.get(r.programmeId) ?? new Map<AgeBand, number>();
    m.set(r.band, r.people);
    out.set(r.programmeId, m);
  }
  return out;
}

/**
 * How many came in a period, to one programme or to all: sessions held, attendances (registered and
 * walk-in), anonymous headcount by age band, and unique people (each named client counted once,
 * however many sessions or programmes they came to).
 */
export function attendanceFigures(db: ReadDb, q: FiguresQuery): AttendanceFigures {
  const held = heldSessions(q);
  const c = db.get<Omit<Counts, 'programmeId'>>(sql`
    SELECT (SELECT count(*) FROM (${held})) AS sessionsHeld,
      (SELECT count(*) FROM attendance a JOIN (${held}) s ON s.id = a.session_id WHERE 1 ${attendees(q)}) AS attendances,
      (SELECT count(*) FROM attendance a JOIN (${held}) s ON s.id = a.session_id WHERE a.walk_in = 1 ${attendees(q)}) AS walkInAttendances,
      ${q.clientIn ? sql`0` : sql`(SELECT coalesce(sum(h.people), 0) FROM session_headcounts h JOIN (${held}) s ON s.id = h.session_id)`} AS headcount,
      (SELECT count(DISTINCT a.client_id) FROM attendance a JOIN (${held}) s ON s.id = a.session_id WHERE 1 ${attendees(q)}) AS uniquePeople`);
  const bands = new Map<AgeBand, number>();
  for (const m of bandsOf(db, q).values()) for (const [band, n] of m) bands.set(band, (bands.get(band) ?? 0) + n);
  return figures(c, cancelledCount(db, q, q.programmeId ?? null), bands);
}

/** The same figures for each programme that held a session in the period, and for all of them together. */
export function programmeFigures(db: ReadDb, q: FiguresQuery & { from: string }): ProgrammeFigures {
  const held = heldSessions(q);
  const rows = db.all<Counts & { name: string; kind: ProgrammeKind }>(sql`
    SELECT p.id AS programmeId, p.name, p.kind,
      (SELECT count(*) FROM (${held}) s WHERE s.programme_id = p.id) AS sessionsHeld,
      (SELECT count(*) FROM attendance a JOIN (${held}) s ON s.id = a.session_id WHERE s.programme_id = p.id ${attendees(q)}) AS attendances,
      (SELECT count(*) FROM attendance a JOIN (${held}) s ON s.id = a.session_id WHERE s.programme_id = p.id AND a.walk_in = 1 ${attendees(q)}) AS walkInAttendances,
      ${q.clientIn ? sql`0` : sql`(SELECT coalesce(sum(h.people), 0) FROM session_headcounts h JOIN (${held}) s ON s.id = h.session_id WHERE s.programme_id = p.id)`} AS headcount,
      (SELECT count(DISTINCT a.client_id) FROM attendance a JOIN (${held}) s ON s.id = a.session_id WHERE s.programme_id = p.id ${attendees(q)}) AS uniquePeople
    FROM programmes p
    WHERE p.id IN (SELECT programme_id FROM (${held}))
      ${q.clientIn ? sql`AND EXISTS (SELECT 1 FROM attendance a JOIN (${held}) s ON s.id = a.session_id WHERE s.programme_id = p.id ${attendees(q)})` : sql``}
    ORDER BY p.name, p.id`);
  const bands = bandsOf(db, q);
  return {
    overall: attendanceFigures(db, q),
    byProgramme: rows.map(({ name, kind, programmeId, ...c }) => ({
      programmeId,
      name,
      kind,
      ...figures(c, cancelledCount(db, q, programmeId), bands.get(programmeId) ?? new Map()),
    })),
  };
}
