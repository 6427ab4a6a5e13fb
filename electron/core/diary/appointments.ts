import { sql, type SQL } from 'drizzle-orm';
import {
  type Appointment,
  type AppointmentKind,
  type AppointmentOutcome,
  type AppointmentValues,
  type BookingResult,
  type Clash,
  type ClientAppointments,
} from '../../../shared/domain/appointment';
import { MAX_SESSIONS_AT_ONCE, sessionDates } from '../../../shared/domain/programme';
import { fold } from '../../../shared/domain/folding';
import { onOneLine } from '../../../shared/domain/validation';
import { CasebookError } from '../../../shared/result';
import type { Reach } from '../clients/reach';
import { withinReach } from '../clients/reach';
import type { Db, ReadDb } from '../db/database';
import { refuseIfChanged } from '../db/versions';

/**
 * The columns of an appointment as the diary shows it, with its clients and people as JSON. A
 * client outside the reader's reach (when the charity keeps people to their own clients) is left
 * out of the list and counted in `hidden`; such an appointment shows no place or note either.
 */
function columns(reach: Reach): SQL {
  const seen = reach === null ? sql`1` : withinReach(reach, sql`ac.client_id`);
  return sql`
    a.id, a.series_id AS seriesId, a.kind, a.on_date AS date, a.starts_at AS startsAt, a.ends_at AS endsAt,
    a.place, a.room, a.note, a.agency_id AS agencyId, ag.name AS agencyName, a.agency_contact AS agencyContact,
    a.back_by AS backBy, a.back_safely_at AS backSafelyAt, bs.name AS backSafelyByName,
    a.cancelled, a.cancel_reason AS cancelReason, bb.name AS bookedByName, a.version,
    (SELECT json_group_array(json_object('clientId', c.id, 'name', c.first_name || ' ' || c.last_name,
        'reference', c.reference, 'outcome', ac.outcome, 'noteId', ac.note_id,
        'loneWorkingRisk', EXISTS (SELECT 1 FROM risk_flags f WHERE f.client_id = c.id AND f.kind = 'loneWorking' AND f.removed_on IS NULL)))
      FROM appointment_clients ac JOIN clients c ON c.id = ac.client_id WHERE ac.appointment_id = a.id AND ${seen}) AS clients,
    (SELECT count(*) FROM appointment_clients ac WHERE ac.appointment_id = a.id AND NOT (${seen})) AS hidden,
    (SELECT json_group_array(json_object('id', u.id, 'name', u.name))
      FROM appointment_staff st JOIN users u ON u.id = st.user_id WHERE st.appointment_id = a.id) AS staff,
    (SELECT count(*) FROM appointments later WHERE later.series_id = coalesce(a.series_id, a.id) AND later.id <> a.id
      AND later.cancelled = 0 AND (later.on_date, later.starts_at) > (a.on_date, a.starts_at)) AS laterInSeries`;
}

const FROM = sql`FROM appointments a
  LEFT JOIN agencies ag ON ag.id = a.agency_id
  LEFT JOIN users bs ON bs.id = a.back_safely_by
  LEFT JOIN users bb ON bb.id = a.booked_by`;

type Row = Omit<Appointment, 'clients' | 'staff' | 'cancelled'> & {
  clients: string;
  staff: string;
  hidden: number;
  cancelled: number;
};

type ClientJson = Omit<Appointment['clients'][number], 'loneWorkingRisk'> & { loneWorkingRisk: number };

function toAppointment(r: Row): Appointment {
  const { hidden, ...rest } = r;
  const clients = (JSON.parse(r.clients) as ClientJson[]).map((c) => ({
    ...c,
    loneWorkingRisk: c.loneWorkingRisk === 1,
  }));
  clients.sort((a, b) => a.name.localeCompare(b.name));
  const staff = JSON.parse(r.staff) as Appointment['staff'];
  staff.sort((a, b) => a.name.localeCompare(b.name));
  return {
    ...rest,
    cancelled: r.cancelled === 1,
    clients,
    staff,
    hiddenClients: hidden,
    place: hidden ? null : r.place,
    note: hidden ? null : r.note,
  };
}

export function readAppointment(db: ReadDb, id: number, reach: Reach = null): Appointment {
  const row = db.all<Row>(sql`SELECT ${columns(reach)} ${FROM} WHERE a.id = ${id}`)[0];
  if (!row) throw new CasebookError('NOT_FOUND', 'No such appointment');
  return toAppointment(row);
}

/** The diary between two dates (inclusive), in time order: everyone's, or one person's. */
export function listDiary(
  db: ReadDb,
  q: { from: string; to: string; staffId: number | null; includeCancelled: boolean },
  reach: Reach,
): Appointment[] {
  const whose =
    q.staffId === null
      ? sql``
      : sql`AND a.id IN (SELECT st.appointment_id FROM appointment_staff st WHERE st.user_id = ${q.staffId})`;
  const cancelled = q.includeCancelled ? sql`` : sql`AND a.cancelled = 0`;
  return db
    .all<Row>(
      sql`SELECT ${columns(reach)} ${FROM} WHERE a.on_date BETWEEN ${q.from} AND ${q.to} ${whose} ${cancelled}
        ORDER BY a.on_date, a.starts_at, a.ends_at, a.id`,
    )
    .map(toAppointment);
}

/** A client's appointments: those to come (soonest first) and those past (latest first), with how many they missed. */
export function clientAppointments(db: ReadDb, clientId: number, today: string): ClientAppointments {
  const all = db
    .all<Row>(
      sql`SELECT ${columns(null)} ${FROM} WHERE a.id IN (SELECT appointment_id FROM appointment_clients WHERE client_id = ${clientId})
        ORDER BY a.on_date, a.starts_at, a.id`,
    )
    .map(toAppointment);
  const outcome = (a: Appointment) => a.clients.find((c) => c.clientId === clientId)?.outcome;
  return {
    upcoming: all.filter((a) => a.date >= today && !a.cancelled && outcome(a) === 'booked'),
    past: all.filter((a) => !(a.date >= today && !a.cancelled && outcome(a) === 'booked')).reverse(),
    missed: all.filter((a) => !a.cancelled && outcome(a) === 'missed').length,
    attended: all.filter((a) => !a.cancelled && outcome(a) === 'attended').length,
  };
}

/** People from the charity must be active users; an agency must be in the directory and not archived. */
function checkWhoAndWith(db: Db, v: AppointmentValues): void {
  for (const id of v.staffIds) {
    const u = db.get<{ active: number } | undefined>(sql`SELECT active FROM users WHERE id = ${id}`);
    if (!u || u.active !== 1)
      throw new CasebookError('BAD_INPUT', 'No such person at the charity', {
        fields: { 'appointment.staffIds': 'unknownStaff' },
      });
  }
  if (v.agencyId !== null) {
    const a = db.get<{ active: number } | undefined>(sql`SELECT active FROM agencies WHERE id = ${v.agencyId}`);
    if (!a) throw new CasebookError('NOT_FOUND', 'No such agency');
    if (a.active !== 1)
      throw new CasebookError('BAD_INPUT', 'The agency is archived', {
        fields: { 'appointment.agencyId': 'agencyArchived' },
      });
  }
  for (const id of v.clientIds)
    if (!db.get(sql`SELECT 1 AS x FROM clients WHERE id = ${id}`))
      throw new CasebookError('NOT_FOUND', 'No such client');
  // A client flagged as a lone-working risk is never visited at home by one person alone.
  if (v.kind === 'homeVisit' && v.staffIds.length < 2) {
    const risky = db.get(
      sql`SELECT 1 AS x FROM risk_flags WHERE kind = 'loneWorking' AND removed_on IS NULL AND client_id IN (${sql.join(
        v.clientIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    if (risky)
      throw new CasebookError('BAD_INPUT', 'A second person is needed for this home visit', {
        fields: { 'appointment.staffIds': 'secondPersonRequired' },
      });
  }
}

/**
 * Other appointments, not cancelled, that overlap one of `dates` between `startsAt` and `endsAt`
 * for the same person from the charity, the same client, or the same room. Warned about, never
 * refused: two people may share a room on purpose, and a worker may be double-booked knowingly.
 */
export function findClashes(
  db: ReadDb,
  dates: string[],
  v: Pick<AppointmentValues, 'startsAt' | 'endsAt' | 'staffIds' | 'clientIds' | 'room'>,
  except: number[] = [],
): Clash[] {
  if (!dates.length) return [];
  const list = (xs: (string | number)[]) => sql.join(xs.length ? xs.map((x) => sql`${x}`) : [sql`NULL`], sql`, `);
  const room = v.room ? fold(v.room) : null;
  const rows = db.all<{
    date: string;
    startsAt: string;
    endsAt: string;
    appointmentId: number;
    by: string;
    name: string;
  }>(sql`
    WITH overlapping AS (
      SELECT a.id, a.on_date, a.starts_at, a.ends_at, a.room FROM appointments a
      WHERE a.on_date IN (${list(dates)}) AND a.cancelled = 0 AND a.starts_at < ${v.endsAt} AND a.ends_at > ${v.startsAt}
        AND a.id NOT IN (${list(except.length ? except : [0])})
    )
    SELECT o.on_date AS date, o.starts_at AS startsAt, o.ends_at AS endsAt, o.id AS appointmentId, 'staff' AS by, u.name
      FROM overlapping o JOIN appointment_staff st ON st.appointment_id = o.id JOIN users u ON u.id = st.user_id
      WHERE st.user_id IN (${list(v.staffIds)})
    UNION ALL
    SELECT o.on_date, o.starts_at, o.ends_at, o.id, 'client', c.first_name || ' ' || c.last_name
      FROM overlapping o JOIN appointment_clients ac ON ac.appointment_id = o.id JOIN clients c ON c.id = ac.client_id
      WHERE ac.client_id IN (${list(v.clientIds)})
    UNION ALL
    SELECT o.on_date, o.starts_at, o.ends_at, o.id, 'room', o.room FROM overlapping o
      WHERE o.room IS NOT NULL AND ${room} IS NOT NULL
    ORDER BY 1, 2, 4`);
  return rows
    .filter((r) => r.by !== 'room' || fold(r.name) === room)
    .map((r) => ({
      date: r.date,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      appointmentId: r.appointmentId,
      who: { by: r.by as 'staff' | 'client' | 'room', name: r.name },
    }));
}

function datesOf(v: AppointmentValues): string[] {
  const dates = sessionDates({ ...v, firstOn: v.date });
  if (dates.length > MAX_SESSIONS_AT_ONCE)
    throw new CasebookError('BAD_INPUT', 'Too many appointments at once', {
      fields: { 'appointment.until': 'tooManySessions' },
    });
  return dates;
}

function writePeople(db: Db, id: number, v: AppointmentValues): void {
  const keep = v.clientIds.length ? v.clientIds : [0];
  // Clients taken off go (their outcome with them); those staying keep theirs.
  db.run(sql`DELETE FROM appointment_staff WHERE appointment_id = ${id}`);
  for (const clientId of v.clientIds)
    db.run(
      sql`INSERT INTO appointment_clients (appointment_id, client_id) VALUES (${id}, ${clientId}) ON CONFLICT DO NOTHING`,
    );
  db.run(
    sql`DELETE FROM appointment_clients WHERE appointment_id = ${id} AND client_id NOT IN (${sql.join(
      keep.map((x) => sql`${x}`),
      sql`, `,
    )})`,
  );
  for (const userId of v.staffIds)
    db.run(sql`INSERT INTO appointment_staff (appointment_id, user_id) VALUES (${id}, ${userId})`);
}

const fields = (v: AppointmentValues) => ({
  kind: v.kind,
  startsAt: v.startsAt,
  endsAt: v.endsAt,
  place: v.place,
  room: v.room,
  agencyId: v.agencyId,
  agencyContact: v.agencyId === null ? null : v.agencyContact,
  note: v.note,
  backBy: v.kind === 'homeVisit' ? v.backBy : null,
});

/**
 * Books one appointment or a run of them. With clashes, nothing is booked unless the person has
 * seen them and said go ahead (`despiteClashes`); the clashes are given back either way.
 */
export function bookAppointments(
  db: Db,
  v: AppointmentValues,
  despiteClashes: boolean,
  userId: number,
  now: Date,
): BookingResult {
  checkWhoAndWith(db, v);
  const dates = datesOf(v);
  const clashes = findClashes(db, dates, v);
  if (clashes.length && !despiteClashes) return { ids: [], clashes };
  const at = now.toISOString();
  const f = fields(v);
  const ids: number[] = [];
  for (const date of dates) {
    const seriesId = dates.length > 1 ? (ids[0] ?? null) : null;
    const id = db.get<{ id: number }>(sql`
      INSERT INTO appointments (series_id, kind, on_date, starts_at, ends_at, place, room, agency_id, agency_contact, note,
        back_by, booked_by, created_at, updated_at)
      VALUES (${seriesId}, ${f.kind}, ${date}, ${f.startsAt}, ${f.endsAt}, ${f.place}, ${f.room}, ${f.agencyId},
        ${f.agencyContact}, ${f.note}, ${f.backBy}, ${userId}, ${at}, ${at})
      RETURNING id`).id;
    if (dates.length > 1 && ids.length === 0) db.run(sql`UPDATE appointments SET series_id = ${id} WHERE id = ${id}`);
    writePeople(db, id, v);
    ids.push(id);
  }
  return { ids, clashes };
}

function loadForChange(db: Db, id: number, version: number) {
  const row = db.get<{ version: number; cancelled: number } | undefined>(
    sql`SELECT version, cancelled FROM appointments WHERE id = ${id}`,
  );
  if (!row) throw new CasebookError('NOT_FOUND', 'No such appointment');
  refuseIfChanged(row.version === version, 'appointment');
  return row;
}

/** Moves or changes one appointment (the others of its run stay as they are). */
export function changeAppointment(
  db: Db,
  id: number,
  version: number,
  v: AppointmentValues,
  despiteClashes: boolean,
  now: Date,
): Clash[] | null {
  loadForChange(db, id, version);
  checkWhoAndWith(db, v);
  const clashes = findClashes(db, [v.date], v, [id]);
  if (clashes.length && !despiteClashes) return clashes;
  const f = fields(v);
  db.run(sql`
    UPDATE appointments SET kind = ${f.kind}, on_date = ${v.date}, starts_at = ${f.startsAt}, ends_at = ${f.endsAt},
      place = ${f.place}, room = ${f.room}, agency_id = ${f.agencyId}, agency_contact = ${f.agencyContact}, note = ${f.note},
      back_by = ${f.backBy}, updated_at = ${now.toISOString()}, version = version + 1
    WHERE id = ${id}`);
  writePeople(db, id, v);
  return null;
}

/** Cancels an appointment, and if asked the later ones of its run. Returns the ids cancelled. */
export function cancelAppointment(
  db: Db,
  c: { id: number; version: number; reason: string | null; laterToo: boolean },
  now: Date,
): number[] {
  loadForChange(db, c.id, c.version);
  const at = now.toISOString();
  const which = c.laterToo
    ? sql`id = ${c.id} OR (series_id = (SELECT coalesce(series_id, id) FROM appointments WHERE id = ${c.id})
        AND (on_date, starts_at) > (SELECT on_date, starts_at FROM appointments WHERE id = ${c.id})
        AND id NOT IN (SELECT appointment_id FROM appointment_clients WHERE outcome <> 'booked'))`
    : sql`id = ${c.id}`;
  return db
    .all<{ id: number }>(
      sql`UPDATE appointments SET cancelled = 1, cancel_reason = ${c.reason}, updated_at = ${at}, version = version + 1
        WHERE cancelled = 0 AND (${which}) RETURNING id`,
    )
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

/** Whether a client came (and the note it became), did not come, or it is not yet known. */
export function setOutcome(
  db: Db,
  o: { id: number; clientId: number; outcome: AppointmentOutcome; noteId?: number },
  userId: number,
  now: Date,
): void {
  const row = db.get<{ cancelled: number } | undefined>(sql`
    SELECT a.cancelled FROM appointments a JOIN appointment_clients ac ON ac.appointment_id = a.id
    WHERE a.id = ${o.id} AND ac.client_id = ${o.clientId}`);
  if (!row) throw new CasebookError('NOT_FOUND', 'No such appointment for this client');
  if (row.cancelled)
    throw new CasebookError('BAD_INPUT', 'The appointment was cancelled', { fields: { id: 'appointmentCancelled' } });
  const booked = o.outcome === 'booked';
  db.run(sql`
    UPDATE appointment_clients SET outcome = ${o.outcome}, outcome_at = ${booked ? null : now.toISOString()},
      outcome_by = ${booked ? null : userId},
      note_id = ${o.outcome === 'attended' ? sql`coalesce(${o.noteId ?? null}, note_id)` : sql`NULL`}
    WHERE appointment_id = ${o.id} AND client_id = ${o.clientId}`);
  db.run(sql`UPDATE appointments SET updated_at = ${now.toISOString()}, version = version + 1 WHERE id = ${o.id}`);
}

/** The clients on an appointment, to check who may act on it. */
export function clientsOf(db: ReadDb, id: number): number[] {
  const rows = db.all<{ clientId: number }>(
    sql`SELECT client_id AS clientId FROM appointment_clients WHERE appointment_id = ${id}`,
  );
  if (!rows.length) throw new CasebookError('NOT_FOUND', 'No such appointment');
  return rows.map((r) => r.clientId);
}

/**
 * An appointment as its letter gives it: the day, the start, where (the place, or the room at the
 * charity's address; for a call, the kind of call), and with whom. Only an appointment of this
 * client that is not cancelled makes a letter.
 */
export function appointmentForLetter(
  db: ReadDb,
  id: number,
  clientId: number,
  words: { charityAddress: string | null; kindName: (kind: AppointmentKind) => string },
): { date: string; time: string; place: string; with: string | null } {
  const a = readAppointment(db, id);
  if (!a.clients.some((c) => c.clientId === clientId))
    throw new CasebookError('BAD_INPUT', 'That appointment is not this client’s', {
      fields: { appointmentId: 'invalid' },
    });
  if (a.cancelled)
    throw new CasebookError('BAD_INPUT', 'The appointment was cancelled', {
      fields: { appointmentId: 'appointmentCancelled' },
    });
  const address = words.charityAddress ? onOneLine(words.charityAddress) : null;
  const place =
    (a.place ? onOneLine(a.place) : null) ??
    (a.kind === 'phone' || a.kind === 'video'
      ? words.kindName(a.kind)
      : [a.room, address].filter(Boolean).join(', ') || words.kindName(a.kind));
  const people = [...a.staff.map((s) => s.name), ...(a.agencyName ? [a.agencyContact ?? a.agencyName] : [])];
  return { date: a.date, time: a.startsAt, place, with: people.length ? people.join(', ') : null };
}
