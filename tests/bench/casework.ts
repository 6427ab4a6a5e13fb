import type { Db } from '../../electron/core/db/database';
import { random } from './clients';

export interface GeneratedCasework {
  notes: number;
  goals: number;
  tasks: number;
  /** The caseworker whose home screen is timed: exactly `caseload` open clients. */
  caseworkerId: number;
  caseload: number;
  /** Clients with a long history (about 500 timeline entries each), to time the timeline. */
  heavyClients: number[];
}

const NOTE_TEXT = [
  'Rang to check how the week went. Talked through the letter from the council and agreed to fill in the form together at the next visit.',
  'Office visit with her sister. Went through the arrears statement line by line; agreed a payment of £5 a week and wrote to the landlord.',
  'Home visit. The flat is cold and damp; took photos for the landlord and gave the number of the energy advice line. Next visit in two weeks.',
  'Online call with the interpreter. Explained the housing register bands and what evidence is needed. Client will bring the tenancy papers.',
  'Letter from the GP surgery received: appointment booked for the 14th. Reminded the client by text.',
];
const GOALS = [
  'Move into a settled home',
  'Rent arrears cleared',
  'Registered with a GP',
  'Attends the job club weekly',
  'Claim the benefits they are owed',
];
const KINDS = ['phone', 'officeVisit', 'homeVisit', 'online', 'letter', 'email'];

const pad = (n: number) => String(n).padStart(2, '0');
/** A date `days` from 2026-11-23 (the benchmark's today). */
const fromToday = (days: number) => new Date(Date.UTC(2026, 10, 23 + days)).toISOString().slice(0, 10);

/**
 * Adds the casework of `generateClients`' people: about 1,000,000 case notes for 100,000 clients
 * (a few with a long history), a support plan with goals for most open cases, tasks around today,
 * and goal progress. One caseworker gets exactly `caseload` open clients, the rest spread over
 * 200 caseworkers (most of them past staff).
 */
export function generateCasework(
  db: Db,
  clients: number,
  opts: { caseload?: number; seed?: number } = {},
): GeneratedCasework {
  const r = random(opts.seed ?? 7);
  const caseload = opts.caseload ?? 300;
  const s = db.$client;
  const staff = 200;
  const addUser = s.prepare(
    `INSERT OR IGNORE INTO users (id, name, login, role, active, created_at) VALUES (?, ?, ?, 'caseworker', ?, 'x')`,
  );
  const note = s.prepare(
    `INSERT INTO case_notes (client_id, occurred_at, kind, duration_minutes, body, goal_id, sensitive, written_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const plan = s.prepare(
    `INSERT INTO support_plans (client_id, agreed_on, summary, created_by, created_at, updated_at) VALUES (?, ?, 'A settled home and manageable debts', ?, ?, ?)`,
  );
  const goal = s.prepare(
    `INSERT INTO goals (plan_id, client_id, position, description, measure, target_date, owner, status, status_since, added_on, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'Agreed with the client', ?, 'client', ?, ?, ?, ?, ?, ?)`,
  );
  const update = s.prepare(
    `INSERT INTO goal_updates (goal_id, client_id, updated_on, from_status, status, note, recorded_by, recorded_at) VALUES (?, ?, ?, 'notStarted', 'inProgress', 'Started', ?, ?)`,
  );
  const task = s.prepare(
    `INSERT INTO tasks (client_id, goal_id, title, due_on, assigned_to, done_on, done_by, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = '2026-01-01T10:00:00.000Z';
  let notes = 0;
  let goals = 0;
  let tasks = 0;
  const heavyClients: number[] = [];

  s.transaction(() => {
    for (let u = 2; u <= staff + 2; u++) addUser.run(u, `Caseworker ${u}`, `caseworker ${u}`, u <= 22 ? 1 : 0);
    // Spread every client over past and present staff, then give the timed caseworker exactly `caseload` open cases.
    s.prepare(
      `UPDATE clients SET caseworker_id = CASE WHEN caseworker_id IS NULL THEN NULL ELSE 3 + (id % ${staff}) END`,
    ).run();
    s.prepare(
      `UPDATE clients SET caseworker_id = 2 WHERE id IN (SELECT id FROM clients WHERE status = 'open' ORDER BY (id * 7919) % 100003 LIMIT ${caseload})`,
    ).run();
    const rows = s
      .prepare(`SELECT id, status, caseworker_id AS cw, intake_date AS intake FROM clients ORDER BY id`)
      .all() as { id: number; status: string; cw: number | null; intake: string }[];
    for (const c of rows) {
      const writer = c.cw ?? 1;
      const goalIds: number[] = [];
      if (c.status === 'open' && r.next() < 0.8) {
        const planId = Number(plan.run(c.id, c.intake, writer, at, at).lastInsertRowid);
        for (let g = 1 + r.int(4); g > 0; g--) {
          const status = r.pick(['notStarted', 'inProgress', 'inProgress', 'achieved']);
          const gid = Number(
            goal.run(
              planId,
              c.id,
              g,
              r.pick(GOALS),
              fromToday(r.int(240) - 60),
              status,
              c.intake,
              c.intake,
              writer,
              at,
              at,
            ).lastInsertRowid,
          );
          if (status !== 'notStarted') update.run(gid, c.id, c.intake, writer, at);
          goalIds.push(gid);
          goals++;
        }
        for (let k = r.int(4); k > 0; k--) {
          const done = r.next() < 0.4;
          task.run(
            c.id,
            goalIds.length ? r.pick(goalIds) : null,
            'Ring the council',
            fromToday(r.int(45) - 30),
            writer,
            done ? fromToday(-r.int(30)) : null,
            done ? writer : null,
            writer,
            at,
            at,
          );
          tasks++;
        }
      }
      const heavy = c.id % 1000 === 500;
      if (heavy) heavyClients.push(c.id);
      const count = heavy ? 490 : r.int(20);
      const start = Date.parse(`${c.intake}T00:00:00Z`);
      const span = Math.max(1, Date.parse('2026-11-23T00:00:00Z') - start);
      for (let i = 0; i < count; i++) {
        const when = new Date(start + Math.floor(r.next() * span));
        const occurred = `${when.toISOString().slice(0, 10)}T${pad(9 + r.int(8))}:${pad(r.int(4) * 15)}`;
        note.run(
          c.id,
          occurred,
          r.pick(KINDS),
          10 + r.int(50),
          r.pick(NOTE_TEXT),
          goalIds.length && r.next() < 0.3 ? r.pick(goalIds) : null,
          r.next() < 0.05 ? 1 : 0,
          writer,
          at,
        );
        notes++;
      }
    }
  })();
  return { notes, goals, tasks, caseworkerId: 2, caseload, heavyClients };
}
