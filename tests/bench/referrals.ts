import type { Db } from '../../electron/core/db/database';
import { fold } from '../../electron/core/clients/folding';
import { random } from './clients';

export interface GeneratedReferrals {
  agencies: number;
  referrals: number;
  nearDuplicates: number;
  letters: number;
}

const KINDS = [
  'Housing Advice',
  'Food Bank',
  'Debt Advice',
  'Mental Health Team',
  'Citizens Advice',
  'Women’s Aid',
  'Job Centre',
  'Language School',
  'GP Surgery',
  'Legal Centre',
];
const PLACES = [
  'Leeds',
  'Bradford',
  'Manchester',
  'Birmingham',
  'Halifax',
  'Łódź',
  'Kraków',
  'Wakefield',
  'Huddersfield',
  'Salford',
  'Oldham',
  'Bolton',
  'Sheffield',
  'York',
  'Harrogate',
  'Dewsbury',
  'Keighley',
  'Otley',
  'Ilkley',
  'Pudsey',
  'Morley',
  'Batley',
  'Rochdale',
  'Bury',
  'Wigan',
  'Stockport',
  'Walsall',
  'Dudley',
  'Solihull',
  'Coventry',
];
const REASONS = [
  'Notice to quit; needs advice on rights and rehousing',
  'Rent arrears of four months',
  'No food at home until the next payment',
  'Low mood since losing work',
  'Wants English classes in the evening',
];
const STATUSES = ['draft', 'sent', 'accepted', 'declined', 'completed', 'withdrawn'] as const;

/** A date `days` from 2026-11-23. */
const fromToday = (days: number) => new Date(Date.UTC(2026, 10, 23 + days)).toISOString().slice(0, 10);

/**
 * Adds a few hundred agencies (10 kinds × 30 places) and referrals to them for about two clients in
 * five, each with its history of status changes and, for half of those sent, the letter that went, and plants near-duplicate clients (one letter of the
 * surname changed, same date of birth) for the duplicate check to find: one per thousand clients.
 */
export function generateReferrals(db: Db, clients: number, seed = 23): GeneratedReferrals {
  const r = random(seed);
  const s = db.$client;
  const agency = s.prepare(
    `INSERT INTO agencies (name, folded_name, search_text, referral_routes, created_at, updated_at) VALUES (?, ?, ?, '["letter","email"]', 'x', 'x')`,
  );
  const referral = s.prepare(
    `INSERT INTO referrals (client_id, agency_id, reason, urgency, status, status_on, sent_on, follow_up_on, outcome, created_on, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2, 'x', 'x')`,
  );
  const change = s.prepare(
    `INSERT INTO referral_changes (referral_id, client_id, from_status, status, changed_on, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, 2, 'x')`,
  );
  const twin = s.prepare(
    `INSERT INTO clients (id, reference, first_name, last_name, date_of_birth, sort_name, intake_date, status, status_since, created_at, updated_at)
     SELECT ?, printf('CB-%05d', ?), first_name, substr(last_name, 1, length(last_name) - 1) || 'x', date_of_birth, sort_name || 'x', intake_date, 'open', intake_date, 'x', 'x' FROM clients WHERE id = ?`,
  );
  const letter = s.prepare(
    `INSERT INTO letters (client_id, template_name, kind, language, referral_id, letter_date, content, written_by, written_at) VALUES (?, 'Referral letter', 'referral', 'en', ?, ?, ?, 2, ?)`,
  );
  const token = s.prepare(
    'INSERT OR IGNORE INTO client_search_tokens (token, client_id) SELECT token, ? FROM client_search_tokens WHERE client_id = ?',
  );
  let referrals = 0;
  let nearDuplicates = 0;
  let letters = 0;
  s.transaction(() => {
    const first = (s.prepare('SELECT coalesce(max(id), 0) AS n FROM agencies').get() as { n: number }).n + 1;
    for (const place of PLACES)
      for (const kind of KINDS) {
        const name = `${place} ${kind}`;
        agency.run(name, fold(name), fold(name));
      }
    const agencies = PLACES.length * KINDS.length;
    for (let c = 1; c <= clients; c++) {
      if (r.next() > 0.4) continue;
      const created = fromToday(-r.int(3650));
      const status = r.pick(STATUSES);
      const sent = status === 'draft' || status === 'withdrawn' ? null : created;
      const open = status === 'draft' || status === 'sent' || status === 'accepted';
      const id = Number(
        referral.run(
          c,
          first + r.int(agencies),
          r.pick(REASONS),
          r.pick(['routine', 'soon', 'urgent']),
          status,
          created,
          sent,
          open ? fromToday(r.int(60) - 20) : null,
          status === 'completed' ? 'Rehoused' : null,
          created,
        ).lastInsertRowid,
      );
      change.run(id, c, null, 'draft', created);
      if (status !== 'draft') change.run(id, c, 'draft', status === 'withdrawn' ? 'withdrawn' : 'sent', created);
      if (status !== 'draft' && status !== 'sent' && status !== 'withdrawn') change.run(id, c, 'sent', status, created);
      referrals++;
      // Half the referrals that went out went with a letter, kept as it was printed.
      if (sent && r.next() < 0.5) {
        const content = {
          kind: 'referral',
          language: 'en',
          letterhead: {
            name: 'Przystań Community Aid',
            address: '12 High Street\nLeeds LS1 4AB',
            charityNumber: '1234567',
            phone: '0113 496 0000',
            email: null,
          },
          recipient: ['The Duty Adviser', 'Referrals team'],
          date: created,
          reference: `CB-${String(c).padStart(5, '0')}`,
          subject: 'Referral',
          body: 'We are writing to refer our client, who has agreed to this referral and to us sharing the details below.',
          signatureName: 'Bench Caseworker',
          emptyFields: [],
        };
        letter.run(c, id, created, JSON.stringify(content), `${created}T10:00:00.000Z`);
        letters++;
      }
    }
    const next = (s.prepare('SELECT max(id) AS n FROM clients').get() as { n: number }).n;
    for (let k = 1; k * 1000 <= clients; k++) {
      const id = next + k;
      twin.run(id, id, k * 1000);
      token.run(id, k * 1000);
      nearDuplicates++;
    }
  })();
  return { agencies: PLACES.length * KINDS.length, referrals, nearDuplicates, letters };
}
