import type { Db } from '../../electron/core/db/database';
import { random } from './clients';

export interface GeneratedProgrammes {
  programmes: number;
  sessions: number;
  attendances: number;
  gives: number;
  /** A session with a long list, to time its register and its PDF. */
  bigSessionId: number;
}

const NAMES = [
  'Money skills workshop',
  'Thursday drop-in',
  'Food bank',
  'Women’s group',
  'Job club',
  'English conversation',
  'Parents’ coffee morning',
  'Outreach at the library',
];
const KINDS = ['workshop', 'dropIn', 'dropIn', 'groupSupport', 'workshop', 'groupSupport', 'groupSupport', 'outreach'];
const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);

/**
 * Three years of group work: `programmes` programmes with weekly sessions, 10–40 named people at each
 * (from a pool of regulars, a few walk-ins), anonymous headcounts, and practical help given to about
 * a third of all clients, food parcels most often. Plain inserts that respect every constraint.
 */
export function generateProgrammes(
  db: Db,
  clients: number,
  opts: { programmes?: number; seed?: number } = {},
): GeneratedProgrammes {
  const r = random(opts.seed ?? 11);
  const count = opts.programmes ?? 40;
  const s = db.$client;
  const programme = s.prepare(
    `INSERT INTO programmes (name, kind, starts_on, ends_on, capacity, venue, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'Community room', 'x', 'x')`,
  );
  const session = s.prepare(
    `INSERT INTO programme_sessions (programme_id, held_on, starts_at, ends_at, created_at, updated_at) VALUES (?, ?, '18:00', '20:00', 'x', 'x')`,
  );
  const member = s.prepare(
    `INSERT OR IGNORE INTO programme_members (programme_id, client_id, registered_on) VALUES (?, ?, ?)`,
  );
  const came = s.prepare(
    `INSERT OR IGNORE INTO attendance (session_id, client_id, walk_in, marked_at) VALUES (?, ?, ?, 'x')`,
  );
  const counted = s.prepare(`INSERT INTO session_headcounts (session_id, age_band, people) VALUES (?, ?, ?)`);
  const give = s.prepare(
    `INSERT INTO support_given (client_id, type_id, given_on, quantity, value, session_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, 'x')`,
  );
  const types = (s.prepare(`SELECT id FROM support_types ORDER BY position`).pluck().all() as number[]).slice(0, 6);
  let sessions = 0;
  let attendances = 0;
  let gives = 0;
  let bigSessionId = 0;
  let biggest = 0;
  s.transaction(() => {
    for (let p = 0; p < count; p++) {
      const start = r.int(900);
      const weeks = 20 + r.int(130);
      const id = Number(
        programme.run(
          `${NAMES[p % NAMES.length]} ${Math.floor(p / NAMES.length) + 1}`,
          KINDS[p % KINDS.length],
          day(start),
          day(start + weeks * 7),
          r.int(3) === 0 ? null : 20 + r.int(30),
        ).lastInsertRowid,
      );
      const regulars = Array.from({ length: 10 + r.int(30) }, () => 1 + r.int(clients));
      for (const c of regulars) member.run(id, c, day(start));
      for (let w = 0; w < weeks; w++) {
        const on = day(start + w * 7);
        if (on > '2026-11-23') break;
        const sid = Number(session.run(id, on).lastInsertRowid);
        sessions++;
        let here = 0;
        for (const c of regulars) if (r.int(10) < 7) here += came.run(sid, c, 0).changes;
        for (let k = r.int(4); k > 0; k--) here += came.run(sid, 1 + r.int(clients), 1).changes;
        if (r.int(3) === 0) counted.run(sid, ['under18', '25to34', 'notKnown'][r.int(3)], 1 + r.int(5));
        attendances += here;
        if (here > biggest) [biggest, bigSessionId] = [here, sid];
        // Help given at food banks and drop-ins.
        if (KINDS[p % KINDS.length] === 'dropIn')
          for (const c of regulars) if (r.int(3) === 0) gives += give.run(c, types[0], on, 1, 1500, null).changes;
      }
    }
    // Help given outside sessions to about a third of clients.
    for (let c = 1; c <= clients; c += 3) {
      for (let k = 1 + r.int(3); k > 0; k--) {
        const type = types[r.int(types.length)]!;
        gives += give.run(c, type, day(r.int(1056)), 1 + r.int(3), r.int(2) ? 500 + r.int(5000) : null, null).changes;
      }
    }
  })();
  return { programmes: count, sessions, attendances, gives, bigSessionId };
}
