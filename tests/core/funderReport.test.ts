import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdfCheck';
import type { ChannelInput } from '../../shared/contract';
import { ageBandOf } from '../../shared/domain/ageBand';
import { ageOn } from '../../shared/domain/client';
import { suppressed } from '../../shared/domain/report';
import { cellText, reportTables } from '../../shared/domain/reportTables';
import { createTranslator } from '../../shared/i18n';
import { addNewPerson, setUp, startCore, type TestCore } from './helpers';

/**
 * A hand-built charity whose answers are known, for the first half of 2026 (1 January – 30 June):
 *  A Zofia   taken in 2025-11-10, open throughout; housing 3 → 6 (improved), money 4 → 4 (same); a later
 *            review in August does not count; two contacts in the period, a plan with two goals.
 *  B Adam    taken in 2026-01-01 (first day: new); one assessment only (housing 5, money 2).
 *  C Jerzy   taken in 2026-06-30 (last day: new); housing 8; gender withheld; 76 years old.
 *  D Maria   taken in 2026-07-01 (the day after: neither new nor supported).
 *  E Ewa     taken in 2025-01-01, closed 2025-12-31, reopened 2026-02-01, closed 2026-05-15 (goals met);
 *            money 7 → 5 (worsened).
 *  F Tomasz  taken in 2025-06-01, closed on 2026-01-01 (moved away): supported on the first day.
 */
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };

async function at<T>(t: TestCore, day: string, run: () => Promise<T>): Promise<T> {
  const before = t.clock.now;
  t.clock.now = Date.parse(`${day}T12:00:00Z`);
  try {
    return await run();
  } finally {
    t.clock.now = before;
  }
}

async function charity(): Promise<{ t: TestCore; ids: Record<string, number> }> {
  const t = startCore();
  await setUp(t);
  const areas = await t.ok('needAreas.list', {});
  const area = (key: string) => areas.find((a) => a.builtinKey === key)!.id;
  const person = (
    firstName: string,
    lastName: string,
    intakeDate: string,
    extra: Partial<ChannelInput<'clients.intake'>['details']> = {},
  ) => addNewPerson(t, { firstName, lastName, intakeDate, caseworkerId: 1, ...extra });
  const A = await person('Zofia', 'Wiśniewska-Łęcka', '2025-11-10', {
    dateOfBirth: '1984-05-17',
    gender: 'Female',
    preferredLanguage: 'pl',
  });
  const B = await person('Adam', 'Brown', '2026-01-01', {
    dateOfBirth: '1990-01-02',
    gender: 'male',
    preferredLanguage: 'en',
  });
  const C = await person('Jerzy', 'Żak', '2026-06-30', {
    dateOfBirth: '1950-03-04',
    genderWithheld: true,
    preferredLanguage: 'pl',
  });
  const D = await person('Maria', 'Nowak', '2026-07-01', { dateOfBirth: '2000-01-01' });
  const E = await person('Ewa', 'Kowal', '2025-01-01', { dateOfBirth: '1970-08-08', gender: 'Female' });
  const F = await person('Tomasz', 'Lis', '2025-06-01', { dateOfBirth: '1995-02-02', gender: 'male' });

  const assess = (clientId: number, assessedOn: string, scores: [string, number][]) =>
    t.ok('assessments.save', {
      clientId,
      assessment: { assessedOn, scores: scores.map(([k, score]) => ({ areaId: area(k), score })) },
    });
  await assess(A.id, '2025-11-10', [
    ['housing', 3],
    ['money', 4],
  ]);
  await assess(A.id, '2026-03-01', [
    ['housing', 6],
    ['money', 4],
  ]);
  await assess(A.id, '2026-08-01', [['housing', 2]]);
  await assess(B.id, '2026-01-01', [
    ['housing', 5],
    ['money', 2],
  ]);
  await assess(C.id, '2026-06-30', [['housing', 8]]);
  await assess(E.id, '2025-01-01', [['money', 7]]);
  await assess(E.id, '2026-05-01', [['money', 5]]);

  const status = async (
    id: number,
    status: 'open' | 'closed',
    on: string,
    reason: 'goalsMet' | 'movedAway' | null = null,
  ) => {
    const c = (await t.ok('clients.get', { id })).client;
    await t.ok('clients.setStatus', { id, version: c.version, change: { status, on, reason } });
  };
  await status(E.id, 'closed', '2025-12-31', 'goalsMet');
  await status(E.id, 'open', '2026-02-01');
  await status(E.id, 'closed', '2026-05-15', 'goalsMet');
  await status(F.id, 'closed', '2026-01-01', 'movedAway');

  const note = (
    clientId: number,
    date: string,
    time: string,
    kind: 'phone' | 'homeVisit' | 'officeVisit',
    durationMinutes: number | null,
  ) => t.ok('notes.save', { clientId, note: { date, time, kind, durationMinutes, body: 'Talked things through.' } });
  await note(A.id, '2026-02-10', '10:00', 'phone', 30);
  await note(A.id, '2026-06-30', '15:00', 'homeVisit', 90);
  await note(B.id, '2026-01-01', '00:00', 'officeVisit', null);
  await note(B.id, '2026-07-01', '09:00', 'phone', 15);
  await note(E.id, '2025-12-31', '23:59', 'phone', 60);

  // A plan agreed in February with two goals; one achieved in April, one partly in July (after).
  const plan = await at(t, '2026-02-01', () =>
    t.ok('plans.agree', { clientId: A.id, plan: { agreedOn: '2026-02-01' } }),
  );
  const goal = (description: string) =>
    at(t, '2026-02-01', () =>
      t.ok('goals.save', {
        planId: plan.active!.id,
        goal: { description, measure: 'Agreed with Zofia', targetDate: '2026-09-01', owner: 'client' },
      }),
    );
  await goal('Move into a settled home');
  const withGoals = await goal('Rent arrears cleared');
  const [g1, g2] = withGoals.active!.goals;
  await t.ok('goals.update', { goalId: g1!.id, version: g1!.version, on: '2026-04-01', status: 'achieved' });
  await t.ok('goals.update', { goalId: g2!.id, version: g2!.version, on: '2026-07-15', status: 'partlyAchieved' });

  // Referrals: two made in the period, one after.
  const agency = await t.ok('agencies.save', { agency: { name: 'Łódź Housing Advice' } });
  await at(t, '2026-03-01', () =>
    t.ok('referrals.create', {
      clientId: A.id,
      referral: { agencyId: agency.id, reason: 'Housing advice', urgency: 'soon' },
    }),
  );
  await at(t, '2026-06-30', () =>
    t.ok('referrals.create', {
      clientId: B.id,
      referral: { agencyId: agency.id, reason: 'Housing advice', urgency: 'routine' },
    }),
  );
  await at(t, '2026-07-01', () =>
    t.ok('referrals.create', {
      clientId: C.id,
      referral: { agencyId: agency.id, reason: 'Housing advice', urgency: 'routine' },
    }),
  );

  // Help given: two parcels to Zofia in the period, one to Adam after it.
  const parcel = (await t.ok('helpTypes.list', {})).find((x) => x.builtinKey === 'foodParcel')!.id;
  await t.ok('helpGiven.give', {
    clientId: A.id,
    helpGiven: { typeId: parcel, givenOn: '2026-01-01', quantity: 1, value: 1500 },
  });
  await t.ok('helpGiven.give', {
    clientId: A.id,
    helpGiven: { typeId: parcel, givenOn: '2026-06-30', quantity: 2, value: 3000 },
  });
  await t.ok('helpGiven.give', {
    clientId: B.id,
    helpGiven: { typeId: parcel, givenOn: '2026-07-01', quantity: 1, value: 1500 },
  });
  return { t, ids: { A: A.id, B: B.id, C: C.id, D: D.id, E: E.id, F: F.id } };
}

describe('the funder report', () => {
  it('counts every figure from the records, with the dates at the edges of the period', async () => {
    const { t } = await charity();
    const r = await t.ok('reports.funder', PERIOD);
    expect(r.cases).toEqual({ newClients: 2, active: 5, closed: 2, reopened: 1 });
    expect(r.closedByReason).toEqual([
      { reason: 'goalsMet', count: 1 },
      { reason: 'movedAway', count: 1 },
    ]);
    expect(r.contacts).toEqual([
      { kind: 'homeVisit', count: 1, minutes: 90 },
      { kind: 'officeVisit', count: 1, minutes: 0 },
      { kind: 'phone', count: 1, minutes: 30 },
    ]);
    expect(r.referrals.map((x) => [x.agencyName, x.status, x.count])).toEqual([['Łódź Housing Advice', 'draft', 2]]);
    expect(r.needsAtIntake.map((n) => [n.areaKey, n.assessed, n.inNeed, n.averageScore])).toEqual([
      ['housing', 2, 1, 6.5],
      ['money', 1, 1, 2],
    ]);
    expect(r.outcomes.areas.map((a) => [a.areaKey, a.improved, a.same, a.worse])).toEqual([
      ['housing', 1, 0, 0],
      ['money', 0, 1, 1],
    ]);
    expect([r.outcomes.clients, r.outcomes.improvedClients]).toEqual([2, 1]);
    expect(r.goals).toEqual({ set: 2, achieved: 1, partlyAchieved: 0, notAchieved: 0 });
    expect([r.helpGiven.times, r.helpGiven.value, r.helpGiven.people, r.helpGiven.byType[0]!.quantity]).toEqual([
      2, 4500, 1, 3,
    ]);
    // Five people supported (A, B, C, E, F): every group is under five, so none is shown.
    expect(r.demographics.people).toBe(5);
    expect(r.demographics.ageBands.filter((b) => b.count !== 0)).toEqual([
      { band: '25to34', count: null },
      { band: '35to44', count: null },
      { band: '55to64', count: null },
      { band: '65plus', count: null },
    ]);
    expect(r.demographics.genders).toEqual([
      { gender: 'female', count: null },
      { gender: 'male', count: null },
      { gender: '~withheld', count: null },
    ]);
    expect(r.demographics.languages.map((l) => l.language)).toEqual(['~notRecorded', 'pl', 'en']);

    // One day later at each end moves the edges: Adam and Tomasz drop out, Maria comes in.
    const shifted = await t.ok('reports.funder', { from: '2026-01-02', to: '2026-07-01' });
    expect(shifted.cases).toEqual({ newClients: 2, active: 5, closed: 1, reopened: 1 });
    expect(shifted.contacts.map((c) => [c.kind, c.count])).toEqual([
      ['phone', 2],
      ['homeVisit', 1],
    ]);
    expect(shifted.goals.partlyAchieved).toBe(0);
    expect((await t.fail('reports.funder', { from: '2026-06-30', to: '2026-01-01' })).fields).toEqual({
      to: 'endBeforeStart',
    });
  });

  it('counts each person’s age in whole years on the period’s last day, as the client record shows it', async () => {
    const t = startCore();
    await setUp(t);
    // Five people for each case, so no band is hidden: 18 that very day, 17 until the day after,
    // 25 that day, 24 until the day after, and a year of birth only (65 in 2026); then five born on
    // a leap day, still 17 on 28 February 2026 and 18 on 1 March (the others under 18 then too).
    const born: { dateOfBirth?: string; estimatedBirthYear?: number }[] = [
      ...['2008-06-30', '2008-07-01', '2001-06-30', '2001-07-01'].map((dateOfBirth) => ({ dateOfBirth })),
      { estimatedBirthYear: 1961 },
    ];
    const names = ['Anna', 'Bogdan', 'Celina', 'Dariusz', 'Elżbieta'];
    for (const [i, b] of born.entries())
      for (const name of names)
        await addNewPerson(t, { firstName: name, lastName: `Kowalczyk-${'ABCDE'[i]}`, intakeDate: '2026-01-05', ...b });
    const bands = (r: { demographics: { ageBands: { band: string; count: number | null }[] } }) =>
      Object.fromEntries(r.demographics.ageBands.filter((b) => b.count !== 0).map((b) => [b.band, b.count]));
    expect(bands(await t.ok('reports.funder', PERIOD))).toEqual({ under18: 5, '18to24': 10, '25to34': 5, '65plus': 5 });
    // The same ages as the app's one definition gives each person.
    const expected = new Map<string, number>();
    for (const b of born)
      for (let i = 0; i < names.length; i++) {
        const band = ageBandOf(
          ageOn(PERIOD.to, { dateOfBirth: b.dateOfBirth ?? null, estimatedBirthYear: b.estimatedBirthYear ?? null })!
            .years,
        );
        expected.set(band, (expected.get(band) ?? 0) + 1);
      }
    expect(bands(await t.ok('reports.funder', PERIOD))).toEqual(Object.fromEntries(expected));
    for (const name of names)
      await addNewPerson(t, { firstName: name, lastName: 'Leap', intakeDate: '2026-01-05', dateOfBirth: '2008-02-29' });
    expect(bands(await t.ok('reports.funder', { from: '2026-01-01', to: '2026-02-28' }))['under18']).toBe(15);
    expect(bands(await t.ok('reports.funder', { from: '2026-01-01', to: '2026-03-01' }))['under18']).toBe(10);
  });

  it('shows groups of fewer than five as "<5" and larger ones as they are', () => {
    expect([0, 1, 4, 5, 12].map(suppressed)).toEqual([0, null, null, 5, 12]);
  });

  it('narrows to one caseworker’s clients or one programme’s', async () => {
    const { t, ids } = await charity();
    const p = await t.ok('programmes.save', {
      programme: { name: 'Money skills', kind: 'workshop', startsOn: '2026-01-01' },
    });
    const s = (
      await t.ok('sessions.add', { programmeId: p.programme.id, pattern: { firstOn: '2026-03-05', startsAt: '18:00' } })
    ).detail.sessions[0]!;
    await t.ok('attendance.mark', { sessionId: s.id, clientId: ids.A!, present: true });
    const r = await t.ok('reports.funder', { ...PERIOD, programmeId: p.programme.id });
    expect([
      r.programmeName,
      r.cases.active,
      r.cases.newClients,
      r.contacts.length,
      r.helpGiven.times,
      r.attendance.overall.attendances,
    ]).toEqual(['Money skills', 1, 0, 2, 2, 1]);
    const nobody = await t.ok('users.create', {
      name: 'Piotr Caseworker',
      role: 'caseworker',
      password: 'temporary pass 1',
    });
    const mine = await t.ok('reports.funder', { ...PERIOD, caseworkerId: nobody.id });
    expect([mine.caseworkerName, mine.cases, mine.helpGiven.times]).toEqual([
      'Piotr Caseworker',
      { newClients: 0, active: 0, closed: 0, reopened: 0 },
      0,
    ]);
    // Attendance follows the caseworker too: their clients' attendances only, and no anonymous
    // headcount (nobody's client); the whole charity's report keeps the headcount.
    await t.ok('attendance.headcount', { sessionId: s.id, counts: [{ band: '25to34', people: 6 }] });
    expect([mine.attendance.overall.attendances, mine.attendance.byProgramme]).toEqual([0, []]);
    const again = await t.ok('reports.funder', { ...PERIOD, caseworkerId: nobody.id });
    expect([
      again.attendance.overall.attendances,
      again.attendance.overall.headcount,
      again.attendance.byProgramme.length,
    ]).toEqual([0, 0, 0]);
    const anna = await t.ok('reports.funder', { ...PERIOD, caseworkerId: 1 });
    expect([
      anna.attendance.overall.attendances,
      anna.attendance.overall.uniquePeople,
      anna.attendance.overall.headcount,
      anna.attendance.byProgramme.length,
    ]).toEqual([1, 1, 0, 1]);
    const everyone = await t.ok('reports.funder', PERIOD);
    expect([everyone.attendance.overall.attendances, everyone.attendance.overall.headcount]).toEqual([1, 6]);
  });

  it('hides every small count of people, and a second one wherever a total would give a hidden one away', async () => {
    const { t } = await charity();
    const real = await t.ok('reports.funder', PERIOD);
    const en = createTranslator('en').t;
    const cell = (r: typeof real, key: string) =>
      reportTables(r, en, 'en')
        .find((x) => x.key === key)!
        .rows.map((row) => row.map((c) => cellText(c, 'GBP', 'en')));
    // The examples: closed by reason 1, 1, 1; outcomes worsened 1; help given to 2 people; 4 different people at groups.
    const r = {
      ...real,
      cases: { ...real.cases, closed: 7 },
      closedByReason: [
        { reason: 'movedAway' as const, count: 1 },
        { reason: 'goalsMet' as const, count: 6 },
      ],
      outcomes: {
        ...real.outcomes,
        areas: [{ areaId: 1, areaKey: 'housing', areaName: null, improved: 9, same: 6, worse: 1 }],
      },
      helpGiven: { ...real.helpGiven, people: 2, byType: real.helpGiven.byType.map((b) => ({ ...b, people: 2 })) },
      attendance: { ...real.attendance, overall: { ...real.attendance.overall, uniquePeople: 4 } },
    };
    // One reason is small and "cases closed" (7) is shown: the other reason is hidden too.
    expect(cell(r, 'closedByReason')).toEqual([
      ['Moved away', '<5'],
      ['Support goals met', '<5'],
    ]);
    // Worsened 1 hides, and so does the smallest other in the row (improved + same + worse is the area's people).
    expect(cell(r, 'outcomes')).toEqual([['Housing', '9', '<5', '<5']]);
    expect(cell(r, 'helpGiven').at(-1)!.at(-1)).toBe('<5');
    expect(cell(r, 'attendance').at(-1)!.at(-1)).toBe('<5');
    // Counts of things stay: sessions held, contacts.
    expect(cell(r, 'attendance').at(-1)![1]).toBe(String(real.attendance.overall.sessionsHeld));
    // Small totals in the sentences are hidden as well.
    const note = reportTables({ ...r, outcomes: { ...r.outcomes, clients: 3, improvedClients: 2 } }, en, 'en').find(
      (x) => x.key === 'outcomes',
    )!.note!;
    expect(note).toContain('<5 clients');
    expect(note).not.toMatch(/\(\d+%\)/);
  });

  it('saves as CSV that parses back with the Polish letters intact, and as a PDF with the charity’s name', async () => {
    const { t } = await charity();
    const csvPath = (await t.ok('reports.saveCsv', PERIOD)).path;
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    expect(rows[0]).toEqual(['Przystań Community Aid']);
    // Every count of people under five is "<5" (an average over them too); counts of things stay.
    expect(rows).toContainEqual(['New clients taken in', '<5']);
    expect(rows).toContainEqual(['Łódź Housing Advice', 'Draft', '<5']);
    expect(rows).toContainEqual(['Housing', '<5', '<5', '<5']);
    expect(rows).toContainEqual(['Food parcel', '2', '3', '45.00', '<5']);
    expect(rows).toContainEqual(['Prefers not to say', '<5']);

    const pdfPath = (await t.ok('reports.savePdf', PERIOD)).path;
    const text = pdfText(pdfPath);
    for (const s of [
      'Przystań Community Aid',
      'Report for funders',
      'Period: 1 January 2026 – 30 June 2026',
      'New clients taken in',
      'Łódź Housing Advice',
      'Improved',
      '£45.00',
      '<5',
      'Page 1 of',
    ])
      expect(text, s).toContain(s);
    const audit = (await t.ok('audit.list', { action: 'export.created' })).items;
    expect(audit.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'funderReport', format: 'csv' }),
        expect.objectContaining({ what: 'funderReport', format: 'pdf' }),
      ]),
    );
  });
});
