import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { wallClockInstant } from '../../shared/clock';
import type { ChannelInput } from '../../shared/contract';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { ADMIN, addNewPerson, setUp, signInAsNewUser, startCore, tempDir, type TestCore } from './helpers';

type Booking = ChannelInput<'diary.book'>['appointment'];

let savedTz: string | undefined;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});
function inTimeZone(zone: string) {
  savedTz ??= process.env.TZ;
  process.env.TZ = zone;
}

async function as(t: TestCore, name: string, password: string) {
  await t.ok('signIn.lock', {});
  await t.ok('signIn.unlock', { name, password });
}

/** A charity with a coordinator (Anna), a caseworker (Dan), a volunteer (Vera), and two clients. */
async function charity() {
  const t = startCore();
  await setUp(t);
  const dan = (await signInAsNewUser(t, 'Dan Wood', 'caseworker')).user;
  await as(t, ADMIN.name, ADMIN.password);
  const vera = (await signInAsNewUser(t, 'Vera Lis', 'volunteer')).user;
  await as(t, ADMIN.name, ADMIN.password);
  const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowalczyk', caseworkerId: dan.id });
  const jan = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak' });
  const anna = (await t.ok('app.status', {})).user!;
  return { t, dan, vera, anna, ewa, jan };
}

const office = (clientIds: number[], staffIds: number[], extra: Partial<Booking> = {}): Booking => ({
  kind: 'office',
  clientIds,
  staffIds,
  date: '2026-12-01',
  startsAt: '10:00',
  endsAt: '11:00',
  room: 'Room 2',
  ...extra,
});

describe('the diary', () => {
  it('books every other Tuesday until March on the calendar: summer time moves no appointment off 10:00', async () => {
    const { t, dan, ewa } = await charity();
    // UK and Poland enter summer time on 28 March 2027.
    const run = await t.ok('diary.book', {
      appointment: office([ewa.id], [dan.id], { repeat: 'fortnightly', until: '2027-04-30' }),
    });
    expect(run.clashes).toEqual([]);
    const booked = await t.ok('diary.list', { from: '2026-12-01', to: '2027-01-11' });
    expect(booked.map((a) => a.date)).toEqual(['2026-12-01', '2026-12-15', '2026-12-29']);
    const all = [];
    for (let from = '2026-12-01'; from <= '2027-04-30';) {
      const to = new Date(Date.parse(`${from}T00:00:00Z`) + 41 * 86_400_000).toISOString().slice(0, 10);
      all.push(...(await t.ok('diary.list', { from, to })));
      from = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    }
    expect(all).toHaveLength(11);
    expect(new Set(all.map((a) => new Date(`${a.date}T00:00:00Z`).getUTCDay()))).toEqual(new Set([2]));
    expect(new Set(all.map((a) => `${a.startsAt}-${a.endsAt}`))).toEqual(new Set(['10:00-11:00']));
    expect(new Set(all.map((a) => a.seriesId))).toEqual(new Set([run.ids[0]]));
    expect(all.at(-1)!.date).toBe('2027-04-20');
    // The same 10:00 is a different instant once summer time starts: a reminder counts from the wall clock.
    inTimeZone('Europe/London');
    expect(wallClockInstant('2027-03-23', '10:00').toISOString()).toBe('2027-03-23T10:00:00.000Z');
    expect(wallClockInstant('2027-04-06', '10:00').toISOString()).toBe('2027-04-06T09:00:00.000Z');
    inTimeZone('Europe/Warsaw');
    expect(wallClockInstant('2027-03-23', '10:00').toISOString()).toBe('2027-03-23T09:00:00.000Z');
    expect(wallClockInstant('2027-04-06', '10:00').toISOString()).toBe('2027-04-06T08:00:00.000Z');
    // One appointment of the run is seen with how many follow; cancelling "this and later" leaves the earlier.
    const fourth = all[3]!;
    expect(fourth.laterInSeries).toBe(7);
    const cancelled = await t.ok('diary.cancel', {
      id: fourth.id,
      version: fourth.version,
      reason: 'Ewa has found work',
      laterToo: true,
    });
    expect(cancelled).toMatchObject({ cancelled: true, cancelReason: 'Ewa has found work', laterInSeries: 0 });
    const left = await t.ok('diary.forClient', { clientId: ewa.id });
    expect(left.upcoming.map((a) => a.date)).toEqual(['2026-12-01', '2026-12-15', '2026-12-29']);
  });

  it('warns of clashes for a person, a client or a room, and books only when told to go ahead', async () => {
    const { t, dan, vera, ewa, jan } = await charity();
    await t.ok('diary.book', { appointment: office([ewa.id], [dan.id]) });
    // Back to back is no clash; another room and other people at the same time are none either.
    const next = await t.ok('diary.book', {
      appointment: office([jan.id], [dan.id], { startsAt: '11:00', endsAt: '11:30' }),
    });
    expect(next.clashes).toEqual([]);
    expect(
      (await t.ok('diary.book', { appointment: office([jan.id], [vera.id], { startsAt: '10:30', room: 'Kitchen' }) }))
        .clashes,
    ).toEqual([]);
    // Dan at 10:30 in "room 2" (the same room, however typed) with Ewa again: three clashes, nothing booked.
    const tried = await t.ok('diary.book', {
      appointment: office([ewa.id], [dan.id], { startsAt: '10:30', endsAt: '11:15', room: ' room 2 ' }),
    });
    expect(tried.ids).toEqual([]);
    expect(tried.clashes.map((c) => [c.startsAt, c.who.by, c.who.name])).toEqual([
      ['10:00', 'staff', 'Dan Wood'],
      ['10:00', 'client', 'Ewa Kowalczyk'],
      ['10:00', 'room', 'Room 2'],
      ['11:00', 'staff', 'Dan Wood'],
      ['11:00', 'room', 'Room 2'],
    ]);
    expect(await t.ok('diary.list', { from: '2026-12-01', to: '2026-12-01' })).toHaveLength(3);
    const booked = await t.ok('diary.book', {
      appointment: office([ewa.id], [dan.id], { startsAt: '10:30', endsAt: '11:15', room: ' room 2 ' }),
      despiteClashes: true,
    });
    expect(booked.ids).toHaveLength(1);
    // Dan's own diary has his three; a cancelled appointment clashes with nothing.
    const dans = await t.ok('diary.list', { from: '2026-12-01', to: '2026-12-07', staffId: dan.id });
    expect(dans.map((a) => a.startsAt)).toEqual(['10:00', '10:30', '11:00']);
    for (const a of dans) await t.ok('diary.cancel', { id: a.id, version: a.version, reason: null, laterToo: false });
    expect((await t.ok('diary.book', { appointment: office([ewa.id], [dan.id]) })).clashes).toEqual([]);
    expect(await t.ok('diary.list', { from: '2026-12-01', to: '2026-12-01', includeCancelled: true })).toHaveLength(5);
  });

  it('needs a client, someone to see them, a time to be back from a home visit, and two people where there is a lone-working risk', async () => {
    const { t, dan, vera, ewa, jan } = await charity();
    const fields = async (a: Booking) =>
      Object.fromEntries(
        Object.entries((await t.fail('diary.book', { appointment: a })).fields ?? {}).map(([k, v]) => [
          k.replace(/^appointment\./, ''),
          v,
        ]),
      );
    expect(await fields(office([], []))).toEqual({ clientIds: 'clientsRequired', staffIds: 'withWhomRequired' });
    expect(await fields(office([ewa.id], [dan.id], { endsAt: '09:00' }))).toEqual({ endsAt: 'endBeforeStart' });
    expect(await fields(office([ewa.id], [dan.id], { repeat: 'weekly' }))).toEqual({ until: 'untilOrCountRequired' });
    expect(await fields(office([ewa.id], [9999]))).toEqual({ staffIds: 'unknownStaff' });
    const visit = office([ewa.id], [dan.id], { kind: 'homeVisit', room: null, place: '4 Mill Lane, Leeds' });
    expect(await fields(visit)).toEqual({ backBy: 'backByRequired' });
    expect(await fields({ ...visit, backBy: '10:30' })).toEqual({ backBy: 'backBeforeEnd' });
    await t.ok('riskFlags.raise', {
      clientId: ewa.id,
      kind: 'loneWorking',
      note: 'Dog; partner hostile',
      raisedOn: '2026-11-20',
    });
    expect(await fields({ ...visit, backBy: '11:30' })).toEqual({ staffIds: 'secondPersonRequired' });
    const ok = await t.ok('diary.book', { appointment: { ...visit, backBy: '11:30', staffIds: [dan.id, vera.id] } });
    const a = await t.ok('diary.get', { id: ok.ids[0]! });
    expect(a).toMatchObject({ kind: 'homeVisit', backBy: '11:30', place: '4 Mill Lane, Leeds', room: null });
    expect(a.clients).toEqual([expect.objectContaining({ name: 'Ewa Kowalczyk', loneWorkingRisk: true })]);
    expect(a.staff.map((s) => s.name)).toEqual(['Dan Wood', 'Vera Lis']);
    // With an agency instead of a person from the charity.
    const agency = await t.ok('agencies.save', {
      agency: { name: 'Citizens Advice Leeds', referralRoutes: ['phone'], contacts: [] },
    });
    const withAgency = await t.ok('diary.book', {
      appointment: office([jan.id], [], {
        kind: 'accompanied',
        room: null,
        agencyId: agency!.id,
        agencyContact: 'Mr Patel, housing officer',
        date: '2026-12-02',
      }),
    });
    expect(await t.ok('diary.get', { id: withAgency.ids[0]! })).toMatchObject({
      agencyName: 'Citizens Advice Leeds',
      agencyContact: 'Mr Patel, housing officer',
      staff: [],
    });
  });

  it('records who came and who did not: a note written after it marks it attended; the client’s page counts the missed', async () => {
    const { t, dan, ewa, jan } = await charity();
    const family = await t.ok('diary.book', {
      appointment: office([ewa.id, jan.id], [dan.id], { date: '2026-11-20' }),
    });
    const id = family.ids[0]!;
    const note = await t.ok('notes.save', {
      clientId: ewa.id,
      appointmentId: id,
      note: {
        date: '2026-11-20',
        time: '10:00',
        kind: 'officeVisit',
        durationMinutes: 60,
        present: 'Jan Nowak',
        body: 'Went through the council tax letter together.',
      },
    });
    await t.ok('diary.setOutcome', { id, clientId: jan.id, outcome: 'missed' });
    const a = await t.ok('diary.get', { id });
    expect(a.clients.map((c) => [c.name, c.outcome, c.noteId])).toEqual([
      ['Ewa Kowalczyk', 'attended', note.id],
      ['Jan Nowak', 'missed', null],
    ]);
    expect(await t.ok('diary.forClient', { clientId: jan.id })).toMatchObject({ missed: 1, attended: 0, upcoming: [] });
    expect(await t.ok('diary.forClient', { clientId: ewa.id })).toMatchObject({ missed: 0, attended: 1 });
    // The funder report counts each client on it: one came, one did not; a cancelled one is counted apart.
    const later = await t.ok('diary.book', { appointment: office([jan.id], [dan.id], { date: '2026-11-21' }) });
    const cancelled = await t.ok('diary.get', { id: later.ids[0]! });
    await t.ok('diary.cancel', { id: cancelled.id, version: cancelled.version, reason: 'Ill', laterToo: false });
    const report = await t.ok('reports.funder', { from: '2026-11-01', to: '2026-11-30' });
    expect(report.appointments).toEqual([{ kind: 'office', attended: 1, missed: 1, notRecorded: 0, cancelled: 1 }]);
    expect(
      (await t.fail('diary.setOutcome', { id: cancelled.id, clientId: jan.id, outcome: 'attended' })).fields,
    ).toEqual({ id: 'appointmentCancelled' });
    // A client not on the appointment has no outcome on it.
    expect((await t.fail('diary.setOutcome', { id, clientId: 9999, outcome: 'missed' })).code).toBe('NOT_FOUND');
    const audit = await t.ok('audit.list', { client: jan.reference, limit: 20, offset: 0 });
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['appointment.booked', 'appointment.outcome']),
    );
  });

  it('makes the appointment letter from the appointment itself, in the client’s language, so nothing is typed twice', async () => {
    const { t, dan, ewa, jan } = await charity();
    const booked = await t.ok('diary.book', {
      appointment: office([ewa.id], [dan.id], { date: '2026-12-10', startsAt: '14:00', endsAt: '15:00' }),
    });
    const id = booked.ids[0]!;
    const templates = await t.ok('templates.list', {});
    const english = templates.find((x) => x.kind === 'appointment' && x.language === 'en')!;
    const polish = templates.find((x) => x.kind === 'appointment' && x.language === 'pl')!;
    const letter = await t.ok('letters.preview', { clientId: ewa.id, templateId: english.id, appointmentId: id });
    expect(letter.subject).toBe('Your appointment on 10 December 2026');
    expect(letter.body).toContain('Time: 14:00');
    expect(letter.body).toContain('Place: Room 2, 12 High Street, Leeds LS1 4AB');
    const inPolish = await t.ok('letters.preview', { clientId: ewa.id, templateId: polish.id, appointmentId: id });
    expect(inPolish.subject).toBe('Termin spotkania: 10 grudnia 2026');
    // Another client's appointment, or a cancelled one, makes no letter.
    expect(
      (await t.fail('letters.preview', { clientId: jan.id, templateId: english.id, appointmentId: id })).fields,
    ).toEqual({ appointmentId: 'invalid' });
    const a = await t.ok('diary.get', { id });
    await t.ok('diary.cancel', { id, version: a.version, reason: null, laterToo: false });
    expect(
      (await t.fail('letters.preview', { clientId: ewa.id, templateId: english.id, appointmentId: id })).fields,
    ).toEqual({ appointmentId: 'appointmentCancelled' });
  });

  it('lists the texts to send today about tomorrow, in each client’s language, only where they agreed to texts', async () => {
    const { t, dan, ewa, jan } = await charity();
    const texts = (clientId: number, contactText: boolean) =>
      t.ok('consent.record', {
        clientId,
        consent: { storeData: true, shareScope: 'none', contactText, givenOn: '2026-11-20', method: 'verbal' },
      });
    const ola = await addNewPerson(t, {
      firstName: 'Ola',
      lastName: 'Zając',
      phone: '07700 900555',
      preferredLanguage: 'pl',
    });
    const tom = await addNewPerson(t, { firstName: 'Tom', lastName: 'Reed', phone: '07700 900666' });
    await t.ok('clients.update', {
      id: ewa.id,
      version: ewa.version,
      details: { firstName: 'Ewa', lastName: 'Kowalczyk', phone: '07700 900444', caseworkerId: dan.id },
    });
    await texts(ola.id, true);
    await texts(tom.id, true);
    await texts(ewa.id, false);
    await t.ok('diary.book', {
      appointment: office([ola.id, tom.id, ewa.id, jan.id], [dan.id], {
        date: '2026-11-24',
        startsAt: '09:30',
        endsAt: '10:00',
        room: null,
        place: 'Leeds Civic Hall',
      }),
    });
    await t.ok('diary.book', { appointment: office([tom.id], [dan.id], { date: '2026-11-25' }) });
    const list = await t.ok('diary.textsToSend', {});
    expect(list.map((x) => [x.name, x.phone, x.language])).toEqual([
      ['Tom Reed', '07700 900666', 'en'],
      ['Ola Zając', '07700 900555', 'pl'],
    ]);
    expect(list[0]!.message).toBe(
      'Hello Tom, a reminder of your appointment with Przystań Community Aid on 24 November 2026 at 09:30, Leeds Civic Hall. If you cannot come, please ring 0113 496 0000.',
    );
    expect(list[1]!.message).toBe(
      'Dzień dobry Ola, przypominamy o spotkaniu: 24 listopada 2026, godz. 09:30, Leeds Civic Hall. Organizacja: Przystań Community Aid. Jeśli nie może Pan/Pani przyjść, prosimy zadzwonić pod numer 0113 496 0000.',
    );
    const left = await t.ok('diary.markTexted', { appointmentId: list[0]!.appointmentId, clientId: tom.id });
    expect(left.map((x) => x.name)).toEqual(['Ola Zając']);
    // On a Friday, Monday's appointments are texted about too (the office is shut at the weekend).
    await t.ok('diary.book', { appointment: office([ola.id], [dan.id], { date: '2026-11-30' }) });
    t.clock.now = Date.parse('2026-11-27T09:00:00Z');
    expect((await t.ok('diary.textsToSend', {})).map((x) => [x.name, x.message.includes('30 listopada')])).toEqual([
      ['Ola Zając', true],
    ]);
    t.clock.now = Date.parse('2026-11-23T10:00:00Z');
    // Withdrawn consent: no text.
    const record = await t.ok('clients.get', { id: ola.id });
    await t.ok('consent.withdraw', { consentId: record.consents[0]!.id, on: '2026-11-23' });
    expect(await t.ok('diary.textsToSend', {})).toEqual([]);
  });

  it('shows a caseworker who sees only their own clients the others’ appointments as busy, without names, place or note', async () => {
    const { t, dan, anna, ewa, jan } = await charity();
    await t.ok('settings.setOwnClientsOnly', { ownClientsOnly: true });
    await t.ok('diary.book', {
      appointment: office([jan.id], [anna.id], { note: 'About his debts', room: null, place: 'Café' }),
    });
    await t.ok('diary.book', { appointment: office([ewa.id], [dan.id], { startsAt: '12:00', endsAt: '13:00' }) });
    await as(t, 'Dan Wood', 'caseworker password 123');
    const seen = await t.ok('diary.list', { from: '2026-12-01', to: '2026-12-01' });
    expect(seen.map((a) => [a.clients.map((c) => c.name), a.hiddenClients, a.place, a.note])).toEqual([
      [[], 1, null, null],
      [['Ewa Kowalczyk'], 0, null, null],
    ]);
    expect((await t.fail('diary.forClient', { clientId: jan.id })).code).toBe('NOT_YOUR_CLIENT');
    expect(
      (await t.fail('diary.cancel', { id: seen[0]!.id, version: seen[0]!.version, reason: null, laterToo: false }))
        .code,
    ).toBe('NOT_YOUR_CLIENT');
  });
});

describe('home visits and lone working', () => {
  it('raises the alert when a visitor is not back by the time they gave, for everyone, once in the audit trail, until they check in', async () => {
    inTimeZone('Europe/London');
    const { t, dan, vera, ewa } = await charity();
    await t.ok('diary.setLoneWorkingSteps', {
      steps: 'Ring the visitor twice. Then ring the coordinator on 07700 900001.',
    });
    await as(t, 'Dan Wood', 'caseworker password 123');
    expect(await t.ok('diary.setMyDetails', { phone: '07700 900123', reminderMinutes: 10 })).toEqual({
      phone: '07700 900123',
      reminderMinutes: 10,
    });
    expect((await t.fail('diary.setMyDetails', { phone: 'call me', reminderMinutes: 10 })).fields).toEqual({
      phone: 'invalidPhone',
    });
    const visit = (date: string) =>
      t.ok('diary.book', {
        appointment: office([ewa.id], [dan.id], {
          kind: 'homeVisit',
          room: null,
          place: '4 Mill Lane, Leeds',
          date,
          startsAt: '14:00',
          endsAt: '15:00',
          backBy: '15:30',
        }),
      });
    const booked = await visit('2026-11-23');
    // A visit written in on a later day than it took place: nobody was waiting for it.
    t.clock.now = Date.parse('2026-11-25T09:00:00Z');
    await visit('2026-11-24');
    t.clock.now = Date.parse('2026-11-23T15:29:00Z');
    expect((await t.ok('diary.safetyAlerts', {})).visits).toEqual([]);
    t.clock.now = Date.parse('2026-11-23T15:31:00Z');
    // Vera (a volunteer, not Ewa's caseworker) sees it too, with where to look and whom to ring.
    await as(t, 'Vera Lis', 'volunteer password 123');
    const seen = await t.ok('diary.safetyAlerts', {});
    expect(seen).toEqual({
      steps: 'Ring the visitor twice. Then ring the coordinator on 07700 900001.',
      visits: [
        {
          appointmentId: booked.ids[0],
          date: '2026-11-23',
          backBy: '15:30',
          place: '4 Mill Lane, Leeds',
          clients: [{ clientId: ewa.id, name: 'Ewa Kowalczyk', reference: ewa.reference }],
          visitors: [{ id: dan.id, name: 'Dan Wood', phone: '07700 900123' }],
        },
      ],
    });
    await t.ok('diary.safetyAlerts', {});
    // In the diary, a volunteer who may not see clients' addresses does not see where a visit she is not on goes.
    expect((await t.ok('diary.get', { id: booked.ids[0]! })).place).toBeNull();
    await as(t, ADMIN.name, ADMIN.password);
    expect((await t.ok('diary.get', { id: booked.ids[0]! })).place).toBe('4 Mill Lane, Leeds');
    const raised = await t.ok('audit.list', { action: 'visit.alertRaised', limit: 20, offset: 0 });
    expect(raised.items).toHaveLength(1);
    expect(raised.items[0]).toMatchObject({ userName: 'Vera Lis', clientReference: ewa.reference });
    // The next day it still shows: nobody has said they are back.
    t.clock.now = Date.parse('2026-11-24T08:00:00Z');
    expect((await t.ok('diary.safetyAlerts', {})).visits).toHaveLength(1);
    await as(t, 'Dan Wood', 'caseworker password 123');
    expect((await t.ok('diary.backSafely', { id: booked.ids[0]! })).visits).toEqual([]);
    const a = await t.ok('diary.get', { id: booked.ids[0]! });
    expect(a).toMatchObject({ backSafelyByName: 'Dan Wood', backSafelyAt: '2026-11-24T08:00:00.000Z' });
    expect((await t.fail('diary.backSafely', { id: 9999 })).code).toBe('NOT_FOUND');
    expect(vera.id).toBeGreaterThan(0);
  });
});

describe('since you were last here', () => {
  const note = (body: string, sensitive = false) => ({
    date: '2026-11-23',
    time: '09:00',
    kind: 'phone' as const,
    body,
    sensitive,
  });

  it('shows each person what others did on their clients while they were away; a sensitive note only to those who may read it', async () => {
    const { t, dan, vera, ewa, jan } = await charity();
    // Ewa is Dan's; she is shared with Vera (a volunteer). Jan is nobody's but Anna's intake.
    await t.ok('clients.share', { clientId: ewa.id, userIds: [vera.id] });
    // Dan and Vera were here, and signed out, at 10:00.
    await as(t, 'Dan Wood', 'caseworker password 123');
    await as(t, 'Vera Lis', 'volunteer password 123');
    await as(t, ADMIN.name, ADMIN.password);
    t.clock.now = Date.parse('2026-11-23T11:00:00Z');
    await t.ok('notes.save', { clientId: ewa.id, note: note('Rang about her benefits.') });
    await t.ok('notes.save', { clientId: ewa.id, note: note('Disclosed abuse at home.', true) });
    await t.ok('notes.save', { clientId: jan.id, note: note('Not Dan’s client.') });
    await t.ok('riskFlags.raise', { clientId: ewa.id, kind: 'domesticAbuse', raisedOn: '2026-11-23' });
    await t.ok('tasks.save', {
      clientId: jan.id,
      task: { title: 'Ring Jan’s landlord', dueOn: '2026-11-25', assignedTo: dan.id },
    });
    await t.ok('diary.book', {
      appointment: office([ewa.id], [dan.id], { date: '2026-11-26', startsAt: '13:00', endsAt: '14:00' }),
    });
    await t.ok('handover.write', { body: 'The office heating is off: use room 2.' });

    t.clock.now = Date.parse('2026-11-23T12:00:00Z');
    await as(t, 'Dan Wood', 'caseworker password 123');
    const dans = await t.ok('digest.get', {});
    expect(dans.since).toBe('2026-11-23T10:00:00.000Z');
    expect(dans.items.map((i) => [i.kind, i.clientName, i.byName])).toEqual([
      ['appointment', 'Ewa Kowalczyk', 'Anna Kowalska'],
      ['task', 'Jan Nowak', 'Anna Kowalska'],
      ['riskFlag', 'Ewa Kowalczyk', 'Anna Kowalska'],
      ['note', 'Ewa Kowalczyk', 'Anna Kowalska'],
      ['note', 'Ewa Kowalczyk', 'Anna Kowalska'],
    ]);
    expect(dans.items[0]).toMatchObject({ on: '2026-11-26', what: '13:00' });
    expect(dans.items[2]).toMatchObject({ what: 'domesticAbuse' });
    expect(dans.handover).toEqual([
      expect.objectContaining({
        body: 'The office heating is off: use room 2.',
        writtenByName: 'Anna Kowalska',
        mine: false,
      }),
    ]);

    // Vera, a volunteer, is not shown that the sensitive note exists; nor Dan's task or appointment.
    await as(t, 'Vera Lis', 'volunteer password 123');
    const veras = await t.ok('digest.get', {});
    expect(veras.items.map((i) => i.kind)).toEqual(['riskFlag', 'note']);
    const [plain] = veras.items.filter((i) => i.kind === 'note');
    expect((await t.ok('notes.get', { id: plain!.noteId! })).body).toBe('Rang about her benefits.');
    // She reads the handover note: it leaves every home screen.
    expect((await t.ok('handover.markRead', { id: veras.handover[0]!.id })).handover).toEqual([]);
    // Mark all as read: only what happens after shows.
    expect((await t.ok('digest.markAllRead', {})).items).toEqual([]);
    t.clock.now = Date.parse('2026-11-23T12:30:00Z');
    await as(t, 'Dan Wood', 'caseworker password 123');
    await t.ok('notes.save', { clientId: ewa.id, note: note('Dan’s own note: not news to Dan.') });
    await as(t, 'Vera Lis', 'volunteer password 123');
    const later = await t.ok('digest.get', {});
    expect(later.items.map((i) => [i.kind, i.byName])).toEqual([['note', 'Dan Wood']]);
    expect(later.handover).toEqual([]);
    await as(t, ADMIN.name, ADMIN.password);
    const audit = await t.ok('audit.list', { action: 'handover.read', limit: 5, offset: 0 });
    expect(audit.items.map((a) => a.userName)).toEqual(['Vera Lis']);
    expect(jan.id).toBeGreaterThan(0);
  });
});

describe('migration 24', () => {
  it('keeps appointments with their clients and people; an appointment goes with its last client', () => {
    const dir = tempDir('casebook-migration-');
    const path = join(dir, 'casebook.db');
    const key = randomBytes(32);
    closeDatabase(openDatabase(path, key, { create: true, migrations: MIGRATIONS.slice(0, 23) }));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 24) });
    const x = db.$client;
    expect(x.pragma('user_version', { simple: true })).toBe(24);
    x.exec(`INSERT INTO users (id, name, login, role, created_at) VALUES (1, 'Dan', 'dan', 'caseworker', 'x')`);
    expect(x.prepare(`SELECT reminder_minutes, phone FROM users WHERE id = 1`).get()).toEqual({
      reminder_minutes: 15,
      phone: null,
    });
    x.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Ewa', 'K', 'k ewa', 'x', 'x'), (2, 'CB-00002', 'Jan', 'K', 'k jan', 'x', 'x')`,
    );
    const add = (id: number, start = '10:00', end = '11:00') =>
      x.exec(
        `INSERT INTO appointments (id, kind, on_date, starts_at, ends_at, created_at, updated_at) VALUES (${id}, 'office', '2026-12-01', '${start}', '${end}', 'x', 'x')`,
      );
    add(1);
    add(2);
    expect(() => add(3, '11:00', '10:00')).toThrow(/CHECK/);
    x.exec(`INSERT INTO appointment_clients (appointment_id, client_id) VALUES (1, 1), (1, 2), (2, 2)`);
    x.exec(`INSERT INTO appointment_staff (appointment_id, user_id) VALUES (1, 1)`);
    expect(() => x.exec(`UPDATE appointment_clients SET outcome = 'late' WHERE appointment_id = 1`)).toThrow(/CHECK/);
    // Erasing Jan: the appointment he shared with Ewa stays (hers); the one that was his alone goes.
    x.exec(`DELETE FROM clients WHERE id = 2`);
    expect(x.prepare(`SELECT id FROM appointments ORDER BY id`).pluck().all()).toEqual([1]);
    x.exec(`DELETE FROM clients WHERE id = 1`);
    expect(x.prepare(`SELECT count(*) FROM appointments`).pluck().get()).toBe(0);
    expect(x.prepare(`SELECT count(*) FROM appointment_staff`).pluck().get()).toBe(0);
    closeDatabase(db);
  });
});

describe('migration 25', () => {
  it('keeps handover notes with who read them, and when each person last marked the digest as read', () => {
    const dir = tempDir('casebook-migration-');
    const path = join(dir, 'casebook.db');
    const key = randomBytes(32);
    closeDatabase(openDatabase(path, key, { create: true, migrations: MIGRATIONS.slice(0, 24) }));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 25) });
    const x = db.$client;
    expect(x.pragma('user_version', { simple: true })).toBe(25);
    x.exec(`INSERT INTO users (id, name, login, role, created_at) VALUES (1, 'Dan', 'dan', 'caseworker', 'x')`);
    expect(x.prepare(`SELECT digest_read_at FROM users WHERE id = 1`).pluck().get()).toBeNull();
    x.exec(`INSERT INTO handover_notes (body, written_by, written_at) VALUES ('Heating is off', 1, 'x')`);
    expect(() => x.exec(`INSERT INTO handover_notes (body, written_at) VALUES ('', 'x')`)).toThrow(/CHECK/);
    const plan = (
      x.prepare(`EXPLAIN QUERY PLAN SELECT id FROM handover_notes WHERE read_at IS NULL ORDER BY written_at`).all() as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/handover_notes_unread/);
    x.exec(`INSERT INTO saved_files (what, path, saved_at) VALUES ('daySheet', '/tmp/day.pdf', 'x')`);
    expect(() => x.exec(`INSERT INTO saved_files (what, path, saved_at) VALUES ('photo', '/tmp/c', 'x')`)).toThrow(
      /CHECK/,
    );
    closeDatabase(db);
  });
});
