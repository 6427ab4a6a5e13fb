import { sql } from 'drizzle-orm';
import type { Db } from '../../electron/core/db/database';
import { listDiary } from '../../electron/core/diary/appointments';
import { readDigest } from '../../electron/core/digest/digest';
import { addDays } from '../../shared/domain/caseload';
import { random } from './clients';
import { measure, type Figure } from './stats';

const KINDS = ['office', 'office', 'phone', 'phone', 'homeVisit', 'video', 'accompanied', 'group'] as const;
const ROOMS = ['Room 1', 'Room 2', 'Interview room', null, null];

/**
 * A year of the diary for every caseworker: `perWeek` appointments each week for each (weekdays,
 * 09:00–17:00), one client each (a family of two now and then), a room for office appointments, a
 * time to be back for home visits (all checked in), a few cancelled and most past ones recorded as
 * attended or missed. Plain inserts in one transaction.
 */
export function generateDiary(
  db: Db,
  clients: number,
  opts: { weeks?: number; perWeek?: number; firstMonday?: string; seed?: number } = {},
): { appointments: number; caseworkers: number } {
  const r = random(opts.seed ?? 23);
  const weeks = opts.weeks ?? 52;
  const perWeek = opts.perWeek ?? 20;
  const first = opts.firstMonday ?? '2025-11-24';
  const s = db.$client;
  const staff = (
    s.prepare(`SELECT id FROM users WHERE role = 'caseworker' ORDER BY id LIMIT 200`).all() as { id: number }[]
  ).map((u) => u.id);
  const add =
    s.prepare(`INSERT INTO appointments (kind, on_date, starts_at, ends_at, room, back_by, back_safely_at, cancelled, booked_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x') RETURNING id`);
  const withClient = s.prepare(
    `INSERT OR IGNORE INTO appointment_clients (appointment_id, client_id, outcome) VALUES (?, ?, ?)`,
  );
  const withStaff = s.prepare(`INSERT INTO appointment_staff (appointment_id, user_id) VALUES (?, ?)`);
  const hh = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  let appointments = 0;
  s.transaction(() => {
    for (let w = 0; w < weeks; w++)
      for (const userId of staff)
        for (let i = 0; i < perWeek; i++) {
          const date = addDays(first, w * 7 + (i % 5));
          const start = 9 * 60 + 30 * Math.floor(r.next() * 14);
          const kind = KINDS[Math.floor(r.next() * KINDS.length)]!;
          const room = kind === 'office' || kind === 'group' ? ROOMS[Math.floor(r.next() * ROOMS.length)]! : null;
          const past = w < weeks - 1;
          const { id } = add.get(
            kind,
            date,
            hh(start),
            hh(start + 45),
            room,
            kind === 'homeVisit' ? hh(start + 75) : null,
            kind === 'homeVisit' && past ? `${date}T12:00:00.000Z` : null,
            r.next() < 0.04 ? 1 : 0,
            userId,
          ) as { id: number };
          const outcome = !past ? 'booked' : r.next() < 0.12 ? 'missed' : 'attended';
          withClient.run(id, 1 + Math.floor(r.next() * clients), outcome);
          if (r.next() < 0.1) withClient.run(id, 1 + Math.floor(r.next() * clients), outcome);
          withStaff.run(id, userId);
          appointments++;
        }
  })();
  return { appointments, caseworkers: staff.length };
}

/** The diary's screens at the size of a large charity: the week for everyone, for one person, a day, the digest. */
export async function diaryFigures(db: Db, clients: number, label: string): Promise<Figure[]> {
  const made = generateDiary(db, clients);
  console.error(
    `generated ${made.appointments.toLocaleString('en-GB')} appointments for ${made.caseworkers} caseworkers over a year`,
  );
  const figures: Figure[] = [];
  const monday = '2026-11-16';
  const week = { from: monday, to: addDays(monday, 6), includeCancelled: true };
  const someone = db.get<{ id: number }>(
    sql`SELECT user_id AS id FROM appointment_staff ORDER BY appointment_id DESC LIMIT 1`,
  ).id;
  const perWeek = listDiary(db, { ...week, staffId: null }, null).length;
  figures.push(
    await measure(`diary week view, one caseworker (${label}, ${made.caseworkers} caseworkers)`, 200, () =>
      listDiary(db, { ...week, staffId: someone }, null),
    ),
    await measure(
      `diary week view, everyone: ${perWeek.toLocaleString('en-GB')} appointments (${label}, ${made.caseworkers} caseworkers)`,
      30,
      () => listDiary(db, { ...week, staffId: null }, null),
      { note: 'every appointment of the week with its clients, people and outcomes' },
    ),
    await measure(`diary day view, everyone (${label})`, 100, () =>
      listDiary(db, { from: monday, to: monday, staffId: null, includeCancelled: true }, null),
    ),
    await measure(`diary week view for a caseworker who sees only their own clients (${label})`, 100, () =>
      listDiary(db, { ...week, staffId: someone }, someone),
    ),
  );
  const trail = generateAuditTrail(db, clients);
  figures.push(
    await measure(
      `since you were last here, a caseworker back after a week (${label})`,
      50,
      () => {
        db.run(sql`UPDATE users SET digest_read_at = '2026-11-16T00:00:00.000Z' WHERE id = ${someone}`);
        return readDigest(db, { id: someone, role: 'caseworker' }, '2026-11-23');
      },
      {
        note: `${trail.toLocaleString('en-GB')} audit entries in the year, ${Math.round(trail / 52).toLocaleString('en-GB')} in the week`,
      },
    ),
  );
  return figures;
}

/**
 * A year of the audit trail as a busy charity writes it: each of the 200 caseworkers opening
 * clients and writing notes, flags and tasks every working day (the entries a digest reads among
 * many it does not). Plain inserts, without the hash chain, which the digest does not read.
 */
function generateAuditTrail(db: Db, clients: number): number {
  const r = random(29);
  const s = db.$client;
  const staff = (
    s.prepare(`SELECT id FROM users WHERE role = 'caseworker' ORDER BY id LIMIT 200`).all() as { id: number }[]
  ).map((u) => u.id);
  const add = s.prepare(`INSERT INTO audit_events (at, user_id, action, client_id, detail) VALUES (?, ?, ?, ?, ?)`);
  const actions = [
    'client.viewed',
    'client.viewed',
    'client.viewed',
    'note.added',
    'note.added',
    'riskFlag.raised',
    'task.added',
  ];
  let n = 0;
  s.transaction(() => {
    for (let day = 0; day < 364; day++) {
      const date = addDays('2025-11-24', day);
      for (const userId of staff)
        for (let i = 0; i < 5; i++) {
          const action = actions[Math.floor(r.next() * actions.length)]!;
          const detail =
            action === 'note.added'
              ? JSON.stringify({ noteId: n, sensitive: r.next() < 0.1 })
              : action === 'task.added'
                ? JSON.stringify({ taskId: n, assignedTo: staff[Math.floor(r.next() * staff.length)] })
                : null;
          add.run(
            `${date}T${String(9 + i).padStart(2, '0')}:00:00.000Z`,
            userId,
            action,
            1 + Math.floor(r.next() * clients),
            detail,
          );
          n++;
        }
    }
  })();
  return n;
}
