import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readCaseload } from '../../electron/core/caseload/caseload';
import { findDuplicates } from '../../electron/core/clients/duplicates';
import { searchClients } from '../../electron/core/clients/queries';
import { readClientRecord } from '../../electron/core/clients/record';
import { listAudit } from '../../electron/core/audit/audit';
import { clientTimeline } from '../../electron/core/timeline/timeline';
import { clientHelpGiven } from '../../electron/core/helpGiven/helpGiven';
import { clientProgrammes } from '../../electron/core/programmes/attendance';
import { listClientReferrals } from '../../electron/core/referrals/referrals';
import { readPlans } from '../../electron/core/plans/plans';
import { funderReport } from '../../electron/core/reports/funderReport';
import type { ReadDb } from '../../electron/core/db/database';
import { generateClients } from '../bench/clients';
import { generateCasework } from '../bench/casework';
import { startCore, setUp } from './helpers';

/**
 * Tables that stay small whatever the charity's age (users, need areas, kinds of help, programmes,
 * agencies, settings): reading them whole is fine. Any other table read whole on a keystroke or a
 * page open would slow down year by year.
 */
const SMALL = [
  'users',
  'need_areas',
  'support_types',
  'programmes',
  'agencies',
  'agency_contacts',
  'settings',
  'charity',
  'letter_templates',
  // The charity's own questions: at most 60 in use, each with the wordings it has had.
  'custom_fields',
  'custom_field_wordings',
  // The charity's own forms: at most 40 in use.
  'custom_forms',
  'u',
  'w',
  'e',
];
/**
 * Runs `fn` and returns the query plan of every statement it ran, with the values it bound: the
 * plans of the real queries the screens use, not copies of them.
 */
function plansOf(db: ReadDb, fn: () => unknown): { sql: string; plan: string[] }[] {
  const client = db.$client as Database.Database & { prepare: Database.Database['prepare'] };
  const ran: { sql: string; params: unknown[] }[] = [];
  const prepare = client.prepare;
  client.prepare = function (this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    const proxy: Database.Statement = new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (key === 'all' || key === 'get' || key === 'run' || key === 'iterate')
            ran.push({ sql: source, params: args });
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  } as typeof client.prepare;
  try {
    fn();
  } finally {
    client.prepare = prepare;
  }
  return ran.map((r) => {
    const explain = prepare.call(client, `EXPLAIN QUERY PLAN ${r.sql}`) as unknown as {
      all(...params: unknown[]): { detail: string }[];
    };
    return { sql: r.sql, plan: explain.all(...r.params).map((p) => p.detail) };
  });
}

/** Plan lines that read a table from end to end: a SCAN with no index to narrow or order it. */
function fullScans(plans: { sql: string; plan: string[] }[]): string[] {
  return plans.flatMap((p) =>
    p.plan
      .filter((d) => {
        const m = /^SCAN (\S+)/.exec(d);
        return (
          m &&
          !/USING/.test(d) &&
          !m[1]!.startsWith('(') &&
          m[1] !== 'CONSTANT' &&
          m[1] !== 'json_each' &&
          !SMALL.includes(m[1]!)
        );
      })
      .map((d) => `${d}  <-  ${p.sql.slice(0, 200)}`),
  );
}

describe('the hot queries use their indexes', () => {
  it('search as you type, opening a client, the timeline, the home screen, the duplicate check and the audit trail of a client read no big table whole', async () => {
    const t = startCore();
    await setUp(t);
    const { work } = t.cb.write((db) => {
      generateClients(db, 300);
      return { work: generateCasework(db, 300, { caseload: 40 }) };
    });
    const checks: [string, (db: ReadDb) => unknown][] = [
      [
        'search "kow"',
        (db) =>
          searchClients(db, {
            query: 'kow',
            status: null,
            caseworkerId: null,
            riskFlag: null,
            sort: 'name',
            descending: false,
            limit: 100,
            offset: 0,
          }),
      ],
      [
        'search "ł" open with a risk flag',
        (db) =>
          searchClients(db, {
            query: 'ł',
            status: 'open',
            caseworkerId: null,
            riskFlag: 'any',
            sort: 'name',
            descending: false,
            limit: 100,
            offset: 0,
          }),
      ],
      [
        'search by phone',
        (db) =>
          searchClients(db, {
            query: '07700 12',
            status: null,
            caseworkerId: null,
            riskFlag: null,
            sort: 'name',
            descending: false,
            limit: 100,
            offset: 0,
          }),
      ],
      ['open a client record', (db) => readClientRecord(db, 7, 'caseworker', '2026-11-23')],
      ['the plan tab', (db) => readPlans(db, 7)],
      [
        'referrals, help and groups of a client',
        (db) => [listClientReferrals(db, 7), clientHelpGiven(db, 7), clientProgrammes(db, 7)],
      ],
      [
        'the timeline',
        (db) =>
          clientTimeline(db, { clientId: 7, types: [], limit: 500, offset: 0 }, { id: 1, mayReadSensitive: true }),
      ],
      ['a caseworker’s home screen', (db) => readCaseload(db, work.caseworkerId, '2026-11-23', false)],
      [
        'the duplicate check at intake',
        (db) =>
          findDuplicates(db, {
            firstName: 'Zofia',
            lastName: 'Wiśniewska',
            dateOfBirth: '1984-05-17',
            phone: '07700 900123',
            excludeId: null,
          }),
      ],
      ['the audit trail of one client', (db) => listAudit(db, { client: 'CB-00007' }, 100, 0)],
    ];
    for (const [what, fn] of checks) {
      const plans = t.cb.read((db) => plansOf(db, () => fn(db)));
      expect(plans.length, what).toBeGreaterThan(0);
      expect(fullScans(plans), what).toEqual([]);
    }
  });
  it('the funder report reads a year of notes and help given from indexes alone, with no sorting of them', async () => {
    const t = startCore();
    await setUp(t);
    t.cb.write((db) => {
      generateClients(db, 300);
      generateCasework(db, 300, { caseload: 40 });
    });
    const year = { from: '2025-11-24', to: '2026-11-23' };
    for (const cohort of [
      { programmeId: null, caseworkerId: null },
      { programmeId: null, caseworkerId: 1 },
    ]) {
      const plans = t.cb.read((db) =>
        plansOf(db, () => funderReport(db, { ...year, ...cohort }, { programmeName: null, caseworkerName: null })),
      );
      // Who the people were: a report about everyone asks of every client once whether they were
      // supported (as many rows as clients, no more); about one caseworker's, of theirs only.
      expect(fullScans(plans)).toEqual(
        cohort.caseworkerId ? [] : [expect.stringMatching(/^SCAN c\s+<-\s+SELECT CASE WHEN c\.date_of_birth/)],
      );
      const of = (table: string) =>
        plans.filter((p) => new RegExp(`FROM ${table} `).test(p.sql)).map((p) => p.plan.join(' | '));
      // Contacts by kind: one range of the index per kind, already grouped, the notes never read.
      expect(of('case_notes')).toEqual([
        expect.stringMatching(
          /^SEARCH n USING COVERING INDEX case_notes_kind_on \(kind=\? AND occurred_at>\? AND occurred_at<\?\)/,
        ),
      ]);
      expect(of('case_notes')[0]).not.toMatch(/FOR GROUP BY/);
      // Help given to everyone: from the index that holds every column counted (for one
      // caseworker's clients, from each client's own records).
      expect(of('support_given').length).toBeGreaterThan(0);
      for (const plan of of('support_given'))
        expect(plan).toMatch(cohort.caseworkerId ? /support_given_client/ : /COVERING INDEX support_given_period/);
    }
  });
});
