import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfText } from './pdfCheck';
import type { ChannelInput } from '../../shared/contract';
import {
  MAX_SESSIONS_AT_ONCE,
  sessionDates,
  sessionPatternSchema,
  type ProgrammeDetail,
} from '../../shared/domain/programme';
import { fieldIssues } from '../../shared/domain/validation';
import { addNewPerson, setUp, signInAsNewUser, startCore, type TestCore } from './helpers';

async function ready(): Promise<TestCore> {
  const t = startCore();
  await setUp(t);
  return t;
}

const WORKSHOP: ChannelInput<'programmes.save'>['programme'] = {
  name: 'Money skills workshop',
  description: 'Budgeting, bills and benefits in six evenings',
  kind: 'workshop',
  startsOn: '2026-10-01',
  endsOn: '2026-12-31',
  capacity: 2,
  facilitators: ['Ewa Zając', 'Tom Price'],
  venue: 'Community room, 12 High Street',
};

const weekly = (
  firstOn: string,
  until: string | null,
  extra: Partial<ChannelInput<'sessions.add'>['pattern']> = {},
) => ({
  firstOn,
  startsAt: '18:00',
  endsAt: '20:00',
  repeat: 'weekly' as const,
  weekdays: [] as number[],
  until,
  count: null,
  ...extra,
});

let savedTz: string | undefined;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});
function inTimeZone(zone: string) {
  savedTz ??= process.env.TZ;
  process.env.TZ = zone;
}

describe('recurring sessions', () => {
  it('makes a weekly run on the calendar, so summer time ending or starting moves no session to another day or hour', () => {
    // UK and Poland leave summer time on 25 October 2026 and enter it on 28 March 2027.
    const autumn = sessionDates(weekly('2026-10-15', '2026-11-12'));
    expect(autumn).toEqual(['2026-10-15', '2026-10-22', '2026-10-29', '2026-11-05', '2026-11-12']);
    const spring = sessionDates(weekly('2027-03-18', '2027-04-08'));
    expect(spring).toEqual(['2027-03-18', '2027-03-25', '2027-04-01', '2027-04-08']);
    for (const zone of ['Europe/London', 'Europe/Warsaw', 'America/Sao_Paulo', 'Pacific/Auckland', 'UTC']) {
      inTimeZone(zone);
      expect(sessionDates(weekly('2026-10-15', '2026-11-12')), zone).toEqual(autumn);
      expect(sessionDates(weekly('2027-03-18', '2027-04-08')), zone).toEqual(spring);
      // Each is a Thursday at 18:00 on the wall clock, though the instant shifts by the hour summer time moved.
      for (const d of [...autumn, ...spring]) {
        const at = new Date(`${d}T18:00`);
        expect([at.getDay(), at.getHours()], `${zone} ${d}`).toEqual([4, 18]);
      }
    }
    inTimeZone('Europe/London');
    expect(new Date('2026-10-22T18:00').toISOString()).toBe('2026-10-22T17:00:00.000Z');
    expect(new Date('2026-10-29T18:00').toISOString()).toBe('2026-10-29T18:00:00.000Z');
  });

  it('repeats on chosen days, every other week, for a number of times, and stops at the end date or the programme end', () => {
    // Mondays and Wednesdays, fortnightly, from a Wednesday: the Monday before it is not included.
    expect(
      sessionDates({
        firstOn: '2026-11-04',
        repeat: 'fortnightly',
        weekdays: [1, 3],
        until: '2026-12-02',
        count: null,
      }),
    ).toEqual(['2026-11-04', '2026-11-16', '2026-11-18', '2026-11-30', '2026-12-02']);
    expect(sessionDates({ firstOn: '2026-11-05', repeat: 'weekly', weekdays: [], until: null, count: 3 })).toEqual([
      '2026-11-05',
      '2026-11-12',
      '2026-11-19',
    ]);
    // The end date itself is included; the programme's end cuts a longer run short.
    expect(
      sessionDates(
        { firstOn: '2026-12-03', repeat: 'weekly', weekdays: [], until: '2027-06-01', count: null },
        '2026-12-24',
      ),
    ).toEqual(['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24']);
    // Across the end of a leap February.
    expect(
      sessionDates({ firstOn: '2028-02-22', repeat: 'weekly', weekdays: [2], until: '2028-03-07', count: null }),
    ).toEqual(['2028-02-22', '2028-02-29', '2028-03-07']);
    expect(sessionDates({ firstOn: '2026-11-05', repeat: 'once', weekdays: [], until: null, count: null })).toEqual([
      '2026-11-05',
    ]);
    // With no end at all, it stops one past the most allowed (the core then refuses the pattern).
    expect(
      sessionDates({ firstOn: '2026-01-01', repeat: 'weekly', weekdays: [1, 2, 3, 4, 5], until: null, count: null }),
    ).toHaveLength(MAX_SESSIONS_AT_ONCE + 1);

    const issues = (p: object) =>
      fieldIssues(sessionPatternSchema.safeParse({ firstOn: '2026-11-05', startsAt: '18:00', ...p }).error!);
    expect(issues({ repeat: 'weekly' })).toEqual({ until: 'untilOrCountRequired' });
    expect(issues({ repeat: 'weekly', until: '2026-11-01' })).toEqual({ until: 'endBeforeStart' });
    expect(issues({ endsAt: '17:30' })).toEqual({ endsAt: 'endBeforeStart' });
    expect(issues({ startsAt: '25:00' })).toEqual({ startsAt: 'invalidTime' });
    expect(issues({ repeat: 'weekly', count: 500 })).toEqual({ count: 'sessionCountRange' });
  });

  it('adds the run to a programme once: the same pattern again adds nothing, too many at once and dates outside the programme are refused', async () => {
    const t = await ready();
    const p = await t.ok('programmes.save', { programme: WORKSHOP });
    const first = await t.ok('sessions.add', {
      programmeId: p.programme.id,
      pattern: weekly('2026-10-15', '2026-11-12'),
    });
    expect([first.added, first.skipped]).toEqual([5, 0]);
    expect(first.detail.sessions.map((s) => [s.heldOn, s.startsAt, s.endsAt, s.venue, s.facilitator])).toEqual(
      ['2026-10-15', '2026-10-22', '2026-10-29', '2026-11-05', '2026-11-12'].map((d) => [
        d,
        '18:00',
        '20:00',
        WORKSHOP.venue,
        'Ewa Zając, Tom Price',
      ]),
    );
    const again = await t.ok('sessions.add', {
      programmeId: p.programme.id,
      pattern: weekly('2026-10-15', '2026-11-26'),
    });
    expect([again.added, again.skipped]).toEqual([2, 5]);
    // Runs past the programme's end stop there; starting outside it is refused.
    const late = await t.ok('sessions.add', {
      programmeId: p.programme.id,
      pattern: weekly('2026-12-03', '2027-03-01', { startsAt: '10:00', endsAt: null, venue: 'Library' }),
    });
    expect(late.detail.sessions.filter((s) => s.startsAt === '10:00').map((s) => [s.heldOn, s.venue])).toEqual([
      ['2026-12-03', 'Library'],
      ['2026-12-10', 'Library'],
      ['2026-12-17', 'Library'],
      ['2026-12-24', 'Library'],
      ['2026-12-31', 'Library'],
    ]);
    expect(
      (await t.fail('sessions.add', { programmeId: p.programme.id, pattern: weekly('2027-01-07', '2027-02-01') }))
        .fields,
    ).toEqual({ 'pattern.firstOn': 'sessionOutsideProgramme' });
    const open = await t.ok('programmes.save', {
      programme: { ...WORKSHOP, name: 'Thursday drop-in', kind: 'dropIn', endsOn: null, capacity: null },
    });
    expect(
      (
        await t.fail('sessions.add', {
          programmeId: open.programme.id,
          pattern: {
            firstOn: '2026-10-01',
            startsAt: '10:00',
            repeat: 'weekly',
            weekdays: [1, 2, 3, 4, 5],
            until: '2027-12-31',
          },
        })
      ).fields,
    ).toEqual({
      'pattern.until': 'tooManySessions',
    });
    expect((await t.ok('programmes.get', { id: open.programme.id })).sessions).toHaveLength(0);

    // The programme's dates cannot be moved past sessions it already has.
    expect(
      (
        await t.fail('programmes.save', {
          target: { id: p.programme.id, version: p.programme.version },
          programme: { ...WORKSHOP, endsOn: '2026-11-30' },
        })
      ).fields,
    ).toEqual({
      'programme.endsOn': 'sessionOutsideProgramme',
    });
    expect(
      (
        await t.fail('programmes.save', {
          target: { id: p.programme.id, version: p.programme.version },
          programme: { ...WORKSHOP, startsOn: '2026-11-01' },
        })
      ).fields,
    ).toEqual({
      'programme.startsOn': 'sessionOutsideProgramme',
    });
    const renamed = await t.ok('programmes.save', {
      target: { id: p.programme.id, version: p.programme.version },
      programme: { ...WORKSHOP, name: 'Money skills (autumn)' },
    });
    expect(renamed.programme).toMatchObject({ name: 'Money skills (autumn)', version: 2 });
    expect(
      (await t.fail('programmes.save', { target: { id: p.programme.id, version: 1 }, programme: WORKSHOP })).code,
    ).toBe('CONFLICT');
    expect(
      (await t.fail('programmes.save', { programme: { ...WORKSHOP, endsOn: '2026-09-01', capacity: 0 } })).fields,
    ).toEqual({ 'programme.endsOn': 'endBeforeStart', 'programme.capacity': 'capacityRange' });

    // Moving one session onto another's time is refused; a session nobody came to can be removed.
    const [s1, s2] = renamed.sessions;
    expect(
      (
        await t.fail('sessions.update', {
          id: s2!.id,
          version: s2!.version,
          session: { heldOn: s1!.heldOn, startsAt: '18:00' },
        })
      ).fields,
    ).toEqual({ 'session.startsAt': 'sessionClash' });
    const moved = await t.ok('sessions.update', {
      id: s2!.id,
      version: s2!.version,
      session: { heldOn: '2026-10-23', startsAt: '17:30', endsAt: '19:30', venue: 'Hall' },
    });
    expect(moved.sessions.find((s) => s.id === s2!.id)).toMatchObject({
      heldOn: '2026-10-23',
      startsAt: '17:30',
      venue: 'Hall',
      facilitator: null,
      version: 2,
    });
    const removed = await t.ok('sessions.remove', { id: s2!.id });
    expect(removed.sessions.some((s) => s.id === s2!.id)).toBe(false);
  });
});

/** Two registered clients and a walk-in, a session with an anonymous headcount, and one in the future. */
async function groupWithAttendance(t: TestCore) {
  const zofia = await addNewPerson(t, {
    firstName: 'Zofia',
    lastName: 'Wiśniewska-Łęcka',
    dateOfBirth: '1984-05-17',
    intakeDate: '2026-10-01',
  });
  const adam = await addNewPerson(t, {
    firstName: 'Adam',
    lastName: 'Brown',
    dateOfBirth: '1990-01-02',
    intakeDate: '2026-10-01',
  });
  const jerzy = await addNewPerson(t, {
    firstName: 'Jerzy',
    lastName: 'Żak',
    dateOfBirth: '1950-03-04',
    intakeDate: '2026-10-01',
  });
  const p = await t.ok('programmes.save', { programme: WORKSHOP });
  const id = p.programme.id;
  const { detail } = await t.ok('sessions.add', { programmeId: id, pattern: weekly('2026-11-05', '2026-11-26') });
  const [s1, s2, s3, s4] = detail.sessions as [
    ProgrammeDetail['sessions'][number],
    ProgrammeDetail['sessions'][number],
    ProgrammeDetail['sessions'][number],
    ProgrammeDetail['sessions'][number],
  ];
  for (const c of [zofia, adam])
    await t.ok('programmes.register', { programmeId: id, clientId: c.id, registeredOn: '2026-11-01' });
  return { zofia, adam, jerzy, id, s1, s2, s3, s4 };
}

describe('registration and attendance', () => {
  it('warns when the programme is full and registers only when the user says so; a programme that has ended takes no one', async () => {
    const t = await ready();
    const { jerzy, zofia, id } = await groupWithAttendance(t);
    const full = await t.fail('programmes.register', {
      programmeId: id,
      clientId: jerzy.id,
      registeredOn: '2026-11-02',
    });
    expect([full.code, full.fields]).toEqual(['BAD_INPUT', { overCapacity: 'programmeFull' }]);
    expect((await t.ok('programmes.get', { id })).members).toHaveLength(2);
    const over = await t.ok('programmes.register', {
      programmeId: id,
      clientId: jerzy.id,
      registeredOn: '2026-11-02',
      overCapacity: true,
    });
    expect(over.members.map((m) => m.name)).toEqual(['Adam Brown', 'Zofia Wiśniewska-Łęcka', 'Jerzy Żak']);
    expect(over.programme).toMatchObject({ registered: 3, capacity: 2 });
    // Registering someone already on the list changes nothing (and is not refused as "full").
    expect(
      (await t.ok('programmes.register', { programmeId: id, clientId: zofia.id, registeredOn: '2026-11-20' })).members,
    ).toHaveLength(3);
    expect(
      (await t.fail('programmes.register', { programmeId: id, clientId: zofia.id, registeredOn: '2026-12-01' })).fields,
    ).toEqual({ registeredOn: 'dateInFuture' });

    const past = await t.ok('programmes.save', {
      programme: { ...WORKSHOP, name: 'Spring course', startsOn: '2026-03-01', endsOn: '2026-05-31' },
    });
    expect(
      (
        await t.fail('programmes.register', {
          programmeId: past.programme.id,
          clientId: zofia.id,
          registeredOn: '2026-11-20',
        })
      ).fields,
    ).toEqual({ programmeId: 'programmeEnded' });
    expect((await t.ok('programmes.list', { show: 'ended' })).map((p) => p.name)).toEqual(['Spring course']);
    expect((await t.ok('programmes.list', {})).map((p) => [p.name, p.nextSessionOn, p.nextSessionAt])).toEqual([
      ['Money skills workshop', '2026-11-26', '18:00'],
    ]);
  });

  it('counts attendances, walk-ins, anonymous headcount and unique people, within the dates asked', async () => {
    const t = await ready();
    const { zofia, adam, jerzy, id, s1, s2, s3, s4 } = await groupWithAttendance(t);
    const mark = (sessionId: number, clientId: number, present = true, register = false) =>
      t.ok('attendance.mark', { sessionId, clientId, present, register });

    await mark(s1.id, zofia.id);
    await mark(s1.id, adam.id);
    const withWalkIn = await mark(s1.id, jerzy.id);
    expect(withWalkIn.lines.map((l) => [l.name, l.registered, l.present, l.walkIn])).toEqual([
      ['Adam Brown', true, true, false],
      ['Zofia Wiśniewska-Łęcka', true, true, false],
      ['Jerzy Żak', false, true, true],
    ]);
    const counted = await t.ok('attendance.headcount', {
      sessionId: s1.id,
      counts: [
        { band: 'under18', people: 2 },
        { band: '65plus', people: 1 },
        { band: '18to24', people: 0 },
      ],
    });
    expect(counted.headcount.filter((h) => h.people > 0)).toEqual([
      { band: 'under18', people: 2 },
      { band: '65plus', people: 1 },
    ]);
    expect(counted.session).toMatchObject({ present: 3, walkIns: 1, headcount: 3 });

    // Marking twice counts once; unmarking takes it back.
    await mark(s2.id, zofia.id);
    await mark(s2.id, zofia.id);
    await mark(s2.id, adam.id);
    expect((await mark(s2.id, adam.id, false)).lines.filter((l) => l.present).map((l) => l.name)).toEqual([
      'Zofia Wiśniewska-Łęcka',
    ]);
    await t.ok('attendance.headcount', { sessionId: s2.id, counts: [{ band: 'notKnown', people: 1 }] });

    // A walk-in put on the list at the door counts as a walk-in at that session and is registered from then on.
    const s3reg = await mark(s3.id, jerzy.id, true, true);
    expect(s3reg.lines.find((l) => l.name === 'Jerzy Żak')).toMatchObject({ registered: true, walkIn: true });
    await mark(s3.id, zofia.id);

    // Not before it happens, not at a cancelled session; a session people came to cannot be cancelled.
    expect((await t.fail('attendance.mark', { sessionId: s4.id, clientId: zofia.id, present: true })).fields).toEqual({
      sessionId: 'sessionNotYet',
    });
    expect(
      (await t.fail('sessions.setCancelled', { id: s1.id, version: s1.version, cancelled: true, reason: 'Snow' }))
        .fields,
    ).toEqual({ cancelled: 'sessionHasAttendance' });
    expect((await t.fail('sessions.remove', { id: s1.id })).fields).toEqual({ id: 'sessionHasAttendance' });
    expect((await t.fail('sessions.setCancelled', { id: s4.id, version: s4.version, cancelled: true })).fields).toEqual(
      { reason: 'reasonRequired' },
    );
    await t.ok('sessions.setCancelled', { id: s4.id, version: s4.version, cancelled: true, reason: 'Venue flooded' });
    // From here on it is 27 November: the cancelled session's day has passed.
    t.clock.now = Date.parse('2026-11-27T10:00:00Z');
    expect((await t.fail('attendance.mark', { sessionId: s4.id, clientId: zofia.id, present: true })).fields).toEqual({
      sessionId: 'sessionCancelled',
    });

    // Sessions 5 Nov (3 named + 3 anonymous), 12 Nov (1 + 1), 19 Nov (2, one a walk-in); 26 Nov cancelled.
    const all = (await t.ok('programmes.get', { id })).figures;
    expect(all).toMatchObject({
      sessionsHeld: 3,
      attendances: 6,
      registeredAttendances: 4,
      walkInAttendances: 2,
      headcount: 4,
      uniquePeople: 3,
      totalAttendances: 10,
    });
    expect(all.headcountByBand.filter((b) => b.people)).toEqual([
      { band: 'under18', people: 2 },
      { band: '65plus', people: 1 },
      { band: 'notKnown', people: 1 },
    ]);
    expect(all.sessionsCancelled).toBe(1);

    // Another programme that Zofia also came to: she is one of the unique people across both.
    const dropIn = await t.ok('programmes.save', {
      programme: { name: 'Thursday drop-in', kind: 'dropIn', startsOn: '2026-11-01' },
    });
    const ds = (
      await t.ok('sessions.add', {
        programmeId: dropIn.programme.id,
        pattern: { firstOn: '2026-11-12', startsAt: '10:00' },
      })
    ).detail.sessions[0]!;
    await t.ok('attendance.mark', { sessionId: ds.id, clientId: zofia.id, present: true });

    const period = await t.ok('programmes.figures', { from: '2026-11-12', to: '2026-11-30' });
    expect(
      period.byProgramme.map((p) => [
        p.name,
        p.sessionsHeld,
        p.attendances,
        p.walkInAttendances,
        p.headcount,
        p.uniquePeople,
        p.sessionsCancelled,
      ]),
    ).toEqual([
      ['Money skills workshop', 2, 3, 1, 1, 2, 1],
      ['Thursday drop-in', 1, 1, 1, 0, 1, 0],
    ]);
    expect(period.overall).toMatchObject({
      sessionsHeld: 3,
      attendances: 4,
      uniquePeople: 2,
      headcount: 1,
      totalAttendances: 5,
      sessionsCancelled: 1,
    });
    // Dates at the edges: a session on the first or last day is in; the day after the last is out.
    expect((await t.ok('programmes.figures', { from: '2026-11-05', to: '2026-11-05' })).overall).toMatchObject({
      sessionsHeld: 1,
      attendances: 3,
      headcount: 3,
      uniquePeople: 3,
    });
    expect((await t.ok('programmes.figures', { from: '2026-11-06', to: '2026-11-11' })).overall).toMatchObject({
      sessionsHeld: 0,
      attendances: 0,
      uniquePeople: 0,
    });
    expect((await t.fail('programmes.figures', { from: '2026-11-30', to: '2026-11-01' })).fields).toEqual({
      to: 'endBeforeStart',
    });
    // Sessions still to come are not counted as held, whatever the period asked for.
    await t.ok('sessions.add', {
      programmeId: dropIn.programme.id,
      pattern: { firstOn: '2026-12-03', startsAt: '10:00' },
    });
    expect((await t.ok('programmes.figures', { from: '2026-11-01', to: '2026-12-31' })).overall.sessionsHeld).toBe(4);

    // On the client's page and timeline.
    const mine = await t.ok('programmes.forClient', { clientId: jerzy.id });
    expect(mine.registered.map((r) => r.name)).toEqual(['Money skills workshop']);
    expect(mine.attended.map((a) => [a.programmeName, a.heldOn, a.walkIn])).toEqual([
      ['Money skills workshop', '2026-11-19', true],
      ['Money skills workshop', '2026-11-05', true],
    ]);
    const timeline = await t.ok('timeline.get', { clientId: zofia.id, types: ['programme'] });
    expect(timeline.items.map((e) => [e.event, e.at, e.text, e.detail])).toEqual([
      ['attended', '2026-11-19', 'Money skills workshop', null],
      ['attended', '2026-11-12', 'Thursday drop-in', 'walkIn'],
      ['attended', '2026-11-12', 'Money skills workshop', null],
      ['attended', '2026-11-05', 'Money skills workshop', null],
    ]);
    // Leaving the list keeps the sessions they came to.
    await t.ok('programmes.unregister', { programmeId: id, clientId: jerzy.id });
    expect((await t.ok('programmes.forClient', { clientId: jerzy.id })).attended).toHaveLength(2);
  });

  it('lets a volunteer take the register and count people, but not set up programmes or sessions', async () => {
    const t = await ready();
    const { zofia, id, s1 } = await groupWithAttendance(t);
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    await t.ok('attendance.mark', { sessionId: s1.id, clientId: zofia.id, present: true });
    await t.ok('attendance.headcount', { sessionId: s1.id, counts: [{ band: '25to34', people: 4 }] });
    expect(
      (await t.fail('sessions.add', { programmeId: id, pattern: { firstOn: '2026-11-30', startsAt: '10:00' } })).code,
    ).toBe('FORBIDDEN');
    expect((await t.fail('programmes.save', { programme: WORKSHOP })).code).toBe('FORBIDDEN');
    const audit = await signInAdminAndAudit(t);
    expect(audit).toEqual(
      expect.arrayContaining([
        'attendance.marked',
        'attendance.headcount',
        'programme.registered',
        'session.added',
        'programme.added',
      ]),
    );
  });

  it('keeps one attendance per session when two records of the same person are merged', async () => {
    const t = await ready();
    const { zofia, adam, s1, s2, id } = await groupWithAttendance(t);
    await t.ok('attendance.mark', { sessionId: s1.id, clientId: zofia.id, present: true });
    await t.ok('attendance.mark', { sessionId: s1.id, clientId: adam.id, present: true });
    await t.ok('attendance.mark', { sessionId: s2.id, clientId: adam.id, present: true });
    await t.ok('clients.merge', { keepId: zofia.id, mergeId: adam.id });
    const after = await t.ok('programmes.get', { id });
    expect(after.members.map((m) => [m.name, m.attended])).toEqual([['Zofia Wiśniewska-Łęcka', 2]]);
    expect(after.figures).toMatchObject({ attendances: 2, uniquePeople: 1 });
  });
});

async function signInAdminAndAudit(t: TestCore): Promise<string[]> {
  await t.ok('signIn.lock', {});
  await t.ok('signIn.unlock', { name: 'Anna Kowalska', password: 'correct horse battery' });
  return (await t.ok('audit.list', { limit: 200 })).items.map((e) => e.action);
}

describe('the printed session register', () => {
  it('lists everyone on the list and the walk-ins with boxes to tick, ticks those marked, and spreads a long list over pages', async () => {
    const t = await ready();
    const { zofia, jerzy, id, s1 } = await groupWithAttendance(t);
    await t.ok('attendance.mark', { sessionId: s1.id, clientId: zofia.id, present: true });
    await t.ok('attendance.mark', { sessionId: s1.id, clientId: jerzy.id, present: true });
    await t.ok('attendance.headcount', { sessionId: s1.id, counts: [{ band: 'under18', people: 2 }] });
    const { path } = await t.ok('sessions.registerPdf', { id: s1.id });
    const text = pdfText(path);
    for (const words of [
      'Session register',
      'Money skills workshop',
      'Thursday, 5 November 2026, 18:00–20:00',
      'Community room, 12 High Street',
      'Ewa Zając, Tom Price',
      'Zofia Wiśniewska-Łęcka',
      'Adam Brown',
      'Jerzy Żak',
      'walk-in',
      'Signature',
      'Under 18',
      'Confidential',
      'Page 1 of 1',
    ])
      expect(text, words).toContain(words);
    expect((text.match(/✓/g) ?? []).length).toBe(2);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

    // Sixty people on the list: the headings and the programme are repeated on every page.
    const big = await t.ok('programmes.save', {
      programme: { name: 'Food bank', kind: 'dropIn', startsOn: '2026-11-01' },
    });
    for (let i = 0; i < 60; i++) {
      const c = await addNewPerson(t, { firstName: `Osoba${i}`, lastName: 'Łukasiewicz', intakeDate: '2026-11-01' });
      await t.ok('programmes.register', { programmeId: big.programme.id, clientId: c.id, registeredOn: '2026-11-01' });
    }
    const fs = (
      await t.ok('sessions.add', {
        programmeId: big.programme.id,
        pattern: { firstOn: '2026-11-20', startsAt: '09:30' },
      })
    ).detail.sessions[0]!;
    const long = (await t.ok('sessions.registerPdf', { id: fs.id })).path;
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [long], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) {
      const page = pdfText(long, p);
      expect(page, `page ${p}`).toContain(`Page ${p} of ${pages}`);
      expect(page, `page ${p}`).toContain('Signature');
      expect(page, `page ${p}`).toContain('Food bank');
    }
    expect(await signInAdminAndAudit(t)).toContain('session.registerSaved');
    void id;
  });

  it('prints in Polish when the interface is in Polish', async () => {
    const t = await ready();
    const { s1 } = await groupWithAttendance(t);
    await t.ok('app.setLanguage', { language: 'pl' });
    const { path } = await t.ok('sessions.registerPdf', { id: s1.id });
    const text = pdfText(path);
    for (const words of ['Lista obecności', 'czwartek, 5 listopada 2026', 'Podpis', 'Poniżej 18', 'Strona 1 z 1'])
      expect(text, words).toContain(words);
  });
});
