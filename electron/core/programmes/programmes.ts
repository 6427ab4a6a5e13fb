import { eq, sql, type SQL } from 'drizzle-orm';
import type {
  Programme,
  ProgrammeDetail,
  ProgrammeMember,
  ProgrammeSummary,
  ProgrammeValues,
} from '../../../shared/domain/programme';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { programmes } from '../db/schema';
import { attendanceFigures } from './figures';
import { listSessions } from './sessions';
import { refuseIfChanged } from '../db/versions';

export function addProgramme(db: Db, p: ProgrammeValues, userId: number, now: Date): number {
  const at = now.toISOString();
  return db
    .insert(programmes)
    .values({ ...p, createdBy: userId, createdAt: at, updatedAt: at })
    .returning({ id: programmes.id })
    .get().id;
}

/** Changes what a programme is. Its dates cannot shrink past sessions already planned or held. */
export function updateProgramme(db: Db, id: number, version: number, p: ProgrammeValues, now: Date): void {
  const row = db.select({ version: programmes.version }).from(programmes).where(eq(programmes.id, id)).get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such programme');
  refuseIfChanged(row.version === version, 'programme');
  const span = db.get<{ first: string | null; last: string | null }>(
    sql`SELECT min(held_on) AS first, max(held_on) AS last FROM programme_sessions WHERE programme_id = ${id}`,
  );
  if (span.first && span.first < p.startsOn)
    throw new CasebookError('BAD_INPUT', 'A session is before the new start', {
      fields: { 'programme.startsOn': 'sessionOutsideProgramme' },
    });
  if (span.last && p.endsOn && span.last > p.endsOn)
    throw new CasebookError('BAD_INPUT', 'A session is after the new end', {
      fields: { 'programme.endsOn': 'sessionOutsideProgramme' },
    });
  db.update(programmes)
    .set({ ...p, updatedAt: now.toISOString(), version: version + 1 })
    .where(eq(programmes.id, id))
    .run();
}

interface SummaryRow extends Omit<ProgrammeSummary, 'nextSessionOn' | 'nextSessionAt' | 'nextSessionId'> {
  next: string | null;
}

function summarySelect(today: string, where: SQL): SQL {
  return sql`
    SELECT p.id, p.name, p.kind, p.starts_on AS startsOn, p.ends_on AS endsOn, p.capacity, p.venue,
      (SELECT count(*) FROM programme_members m WHERE m.programme_id = p.id) AS registered,
      (SELECT count(*) FROM programme_sessions s WHERE s.programme_id = p.id AND s.cancelled = 0 AND s.held_on <= ${today}) AS sessionsHeld,
      (SELECT s.held_on || ' ' || s.starts_at || ' ' || s.id FROM programme_sessions s WHERE s.programme_id = p.id AND s.cancelled = 0 AND s.held_on >= ${today}
        ORDER BY s.held_on, s.starts_at LIMIT 1) AS next
    FROM programmes p WHERE ${where}`;
}

const toSummary = ({ next, ...r }: SummaryRow): ProgrammeSummary => {
  const [on, at, id] = next?.split(' ') ?? [];
  return { ...r, nextSessionOn: on ?? null, nextSessionAt: at ?? null, nextSessionId: id ? Number(id) : null };
};

/** Programmes still running (or not yet started), those that have ended, or all; the soonest session first. */
export function listProgrammes(db: ReadDb, show: 'current' | 'ended' | 'all', today: string): ProgrammeSummary[] {
  const where =
    show === 'current'
      ? sql`(p.ends_on IS NULL OR p.ends_on >= ${today})`
      : show === 'ended'
        ? sql`p.ends_on < ${today}`
        : sql`1`;
  const rows = db.all<SummaryRow>(
    sql`${summarySelect(today, where)} ORDER BY next IS NULL, next, p.starts_on DESC, p.id DESC`,
  );
  return rows.map(toSummary);
}

export function readProgramme(db: ReadDb, id: number, today: string): Programme {
  const row = db.all<SummaryRow>(summarySelect(today, sql`p.id = ${id}`))[0];
  if (!row) throw new CasebookError('NOT_FOUND', 'No such programme');
  const more = db
    .select({
      description: programmes.description,
      facilitators: programmes.facilitators,
      requiresServiceId: programmes.requiresServiceId,
      version: programmes.version,
    })
    .from(programmes)
    .where(eq(programmes.id, id))
    .get()!;
  return { ...toSummary(row), ...more };
}

/** The charity's forms asked now with each registration on this programme (`f`), with a question to ask. */
const askedOnRegistration = (programmeId: SQL | number) => sql`f.active = 1 AND f.asked_with = 'registration'
  AND (f.programme_id IS NULL OR f.programme_id = ${programmeId})
  AND EXISTS (SELECT 1 FROM custom_fields q WHERE q.form_id = f.id AND q.active = 1)`;

/**
 * Who is on a programme's list, with how many of the sessions held so far each came to, and how
 * many of the forms asked with a registration on it were filled in with theirs.
 */
export function listMembers(db: ReadDb, programmeId: number): ProgrammeMember[] {
  return db.all<ProgrammeMember>(sql`
    SELECT m.client_id AS clientId, c.first_name || ' ' || c.last_name AS name, c.reference, m.registered_on AS registeredOn,
      (SELECT count(*) FROM attendance a JOIN programme_sessions s ON s.id = a.session_id WHERE a.client_id = m.client_id AND s.programme_id = m.programme_id) AS attended,
      (SELECT count(*) FROM form_entries e JOIN custom_forms f ON f.id = e.form_id
        WHERE e.programme_id = m.programme_id AND e.client_id = m.client_id AND ${askedOnRegistration(sql`m.programme_id`)}) AS formsFilled
    FROM programme_members m JOIN clients c ON c.id = m.client_id
    WHERE m.programme_id = ${programmeId}
    ORDER BY c.sort_name, c.id`);
}

/** Everything on a programme's page: the programme, its sessions, who is registered and the figures so far. */
export function programmeDetail(db: ReadDb, id: number, today: string): ProgrammeDetail {
  const programme = readProgramme(db, id, today);
  return {
    programme,
    sessions: listSessions(db, id),
    members: listMembers(db, id),
    formsAsked: db.get<{ n: number }>(sql`SELECT count(*) AS n FROM custom_forms f WHERE ${askedOnRegistration(id)}`).n,
    figures: attendanceFigures(db, { programmeId: id, from: null, to: today }),
  };
}
