import { clientReference } from '../../shared/domain/client';
import { clientTokens, fold } from '../../electron/core/clients/folding';
import type { Db } from '../../electron/core/db/database';

/** A small deterministic generator (mulberry32): the same seed gives the same people. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

const FIRST_PL = [
  'Zofia',
  'Anna',
  'Łucja',
  'Małgorzata',
  'Katarzyna',
  'Agnieszka',
  'Józef',
  'Paweł',
  'Piotr',
  'Krzysztof',
  'Grzegorz',
  'Zbigniew',
  'Wojciech',
  'Ewa',
  'Jędrzej',
];
const LAST_PL = [
  'Wiśniewska',
  'Kowalska',
  'Nowak',
  'Łęcka',
  'Wójcik',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymańska',
  'Woźniak',
  'Dąbrowski',
  'Kozłowska',
  'Jankowski',
  'Mazur',
  'Krawczyk',
  'Piotrowska',
  'Grabowski',
  'Pawłowska',
  'Michalski',
  'Zając',
];
const FIRST_EN = [
  'John',
  'Mary',
  'James',
  'Sarah',
  'David',
  'Emma',
  'Michael',
  'Grace',
  'Daniel',
  'Olivia',
  'Thomas',
  'Amira',
  'Mohammed',
  'Priya',
  'Chloe',
];
const LAST_EN = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Khan',
  'Okafor',
  'Evans',
  'Thomas',
  'Roberts',
  'Walker',
  'Wright',
  'Robinson',
  'Hughes',
  'Green',
  'Hall',
];
const AREAS = ['LS1', 'LS2', 'LS6', 'LS7', 'LS8', 'LS9', 'LS11', 'M1', 'M4', 'M13', 'B1', 'B5', 'BD1', 'BD3', 'HX1'];

export interface Generated {
  clients: number;
  /** A few existing people, to time the duplicate check against. */
  samples: { firstName: string; lastName: string; dateOfBirth: string | null }[];
}

/**
 * Fills a new database with `n` clients and the rows around them (consent, household, key contacts,
 * risk flags, assessments, status history), with bulk prepared inserts in one transaction. The same
 * shapes the core writes; the seeded generator with more (notes, plans, referrals) is the scale issue's.
 */
export function generateClients(db: Db, n: number, seed = 42): Generated {
  const r = random(seed);
  const s = db.$client;
  s.exec(
    `INSERT OR IGNORE INTO users (id, name, login, role, created_at) VALUES (1, 'Bench Admin', 'bench admin', 'admin', 'x'), (2, 'Bench Caseworker', 'bench caseworker', 'caseworker', 'x')`,
  );
  s.exec(`INSERT OR IGNORE INTO charity (id, name, updated_at) VALUES (1, 'Bench Charity', 'x')`);
  const areas = (s.prepare('SELECT id FROM need_areas ORDER BY position').all() as { id: number }[]).map((a) => a.id);
  const client = s.prepare(
    `INSERT INTO clients (id, reference, first_name, last_name, preferred_name, date_of_birth, phone, address, postcode, preferred_language, sort_name, intake_date, caseworker_id, status, status_since, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const token = s.prepare('INSERT OR IGNORE INTO client_search_tokens (token, client_id) VALUES (?, ?)');
  const status = s.prepare(
    'INSERT INTO client_status_changes (client_id, status, changed_on, changed_by, changed_at) VALUES (?, ?, ?, 2, ?)',
  );
  const consent = s.prepare(
    `INSERT INTO consents (client_id, store_data, share_scope, share_agencies, contact_phone, contact_letter, contact_text, contact_email, given_on, method, recorded_by, recorded_at)
     VALUES (?, 1, ?, ?, 1, 1, 0, 0, ?, 'written', 2, ?)`,
  );
  const member = s.prepare(
    'INSERT INTO household_members (client_id, name, relationship, date_of_birth, lives_with_client, updated_at) VALUES (?, ?, ?, ?, 1, ?)',
  );
  const contact = s.prepare(
    `INSERT INTO key_contacts (client_id, role, name, organisation, phone, updated_at) VALUES (?, 'gp', 'Dr Patel', 'Hyde Park Surgery', '0113 295 1234', ?)`,
  );
  const flag = s.prepare(
    `INSERT INTO risk_flags (client_id, kind, note, raised_on, raised_by, raised_at) VALUES (?, ?, 'Check before visiting', ?, 2, ?)`,
  );
  const assessment = s.prepare(
    `INSERT INTO assessments (client_id, assessed_on, assessed_by, created_at, updated_at) VALUES (?, ?, 2, ?, ?)`,
  );
  const score = s.prepare('INSERT INTO assessment_scores (assessment_id, area_id, score, notes) VALUES (?, ?, ?, ?)');

  const samples: Generated['samples'] = [];
  const at = '2026-01-01T10:00:00.000Z';
  s.transaction(() => {
    for (let id = 1; id <= n; id++) {
      const polish = r.next() < 0.5;
      const firstName = r.pick(polish ? FIRST_PL : FIRST_EN);
      const lastName = r.pick(polish ? LAST_PL : LAST_EN) + (r.next() < 0.05 ? `-${r.pick(LAST_PL)}` : '');
      const dob =
        r.next() < 0.9
          ? `${1940 + r.int(65)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`
          : null;
      const phone = r.next() < 0.8 ? `07700 ${String(r.int(1e6)).padStart(6, '0')}` : null;
      const postcode = `${r.pick(AREAS)} ${1 + r.int(9)}${String.fromCharCode(65 + r.int(26))}${String.fromCharCode(65 + r.int(26))}`;
      const intake = `20${String(16 + r.int(10))}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
      const st = r.next() < 0.6 ? 'open' : r.next() < 0.2 ? 'onHold' : 'closed';
      const reference = clientReference(id);
      const preferred = r.next() < 0.1 ? firstName.slice(0, 4) : null;
      client.run(
        id,
        reference,
        firstName,
        lastName,
        preferred,
        dob,
        phone,
        `${1 + r.int(200)} Mill Lane`,
        postcode,
        polish ? 'pl' : 'en',
        fold(`${lastName} ${firstName}`),
        intake,
        r.next() < 0.7 ? 2 : null,
        st,
        intake,
        at,
        at,
      );
      for (const tk of clientTokens({ firstName, lastName, preferredName: preferred, reference, phone, postcode }))
        token.run(tk, id);
      status.run(id, 'open', intake, at);
      if (r.next() < 0.8) consent.run(id, r.pick(['none', 'named', 'any']), '[]', intake, at);
      for (let m = r.int(4) - 1; m > 0; m--)
        member.run(
          id,
          `${r.pick(polish ? FIRST_PL : FIRST_EN)} ${lastName}`,
          r.pick(['partner', 'child', 'parent']),
          null,
          at,
        );
      if (r.next() < 0.3) contact.run(id, at);
      if (r.next() < 0.08)
        flag.run(id, r.pick(['safeguarding', 'domesticAbuse', 'selfHarm', 'loneWorking']), intake, at);
      for (let a = r.next() < 0.6 ? 1 + r.int(3) : 0; a > 0; a--) {
        const aid = Number(assessment.run(id, intake, at, at).lastInsertRowid);
        for (const area of areas)
          if (r.next() < 0.7)
            score.run(aid, area, 1 + r.int(10), r.next() < 0.3 ? 'Discussed at the assessment meeting' : null);
      }
      if (id % Math.max(1, Math.floor(n / 50)) === 0) samples.push({ firstName, lastName, dateOfBirth: dob });
    }
  })();
  return { clients: n, samples };
}

/** Search as you type: each keystroke of a few names, accented and not, a postcode, a phone and a reference. */
export const SEARCHES_AS_TYPED = [
  'k',
  'ko',
  'kow',
  'kowa',
  'ł',
  'łę',
  'łęc',
  'le',
  'lec',
  'wiśn',
  'wisn',
  's',
  'sm',
  'smi',
  'smith j',
  'ls6',
  'ls6 2',
  '07700 12',
  'cb-0012',
  'zofia w',
] as const;
