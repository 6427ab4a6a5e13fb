import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import {
  byPerson,
  callCore,
  closeAll,
  launchChromium,
  openSignedIn,
  pdfText,
  pdfToPng,
  setUpThroughCore,
  shot,
  unlockAs,
} from './browser';

// Monday 23 November 2026, ten in the morning.
const now = clockFrom('2026-11-23T10:00');
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
const DAN = { name: 'Dan Wood', password: 'allotment kettle ferry 7' };
const VERA = { name: 'Vera Lis', password: 'lighthouse pebble orchard 3' };

let root: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;
let ewa: { id: number };
let jan: { id: number };
const { visible, dialog, nav, quiet } = byPerson(() => page);

/** Fills the booking form's fields a person types into. */
async function when(date: string, start: string, end: string) {
  await dialog().getByRole('textbox', { name: 'Date' }).fill(date);
  await dialog().getByLabel('Starts').fill(start);
  await dialog().getByLabel('Ends').fill(end);
}

async function addClient(name: string, search: string) {
  await dialog().getByLabel('Find each person by name, reference or phone.').fill(search);
  await dialog()
    .getByRole('button', { name: `Add ${name} to the appointment` })
    .click();
}

/** Switch user, and the next person at the shared PC signs in: on their home screen. */
async function switchTo(who: { name: string; password: string }) {
  await page.getByRole('button', { name: 'Switch user' }).click();
  await unlockAs(page, who.name, who.password);
  await page.getByRole('heading', { name: 'Your caseload' }).waitFor();
}

/** An administrator adds the person; they sign in with the password given and choose their own. */
async function firstSignIn(who: { name: string; password: string }, role: 'caseworker' | 'volunteer') {
  await callCore(bridge, 'users.create', { name: who.name, role, password: 'temporary pass 1' });
  await page.getByRole('button', { name: 'Switch user' }).click();
  await unlockAs(page, who.name, 'temporary pass 1');
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(who.password);
  await page.getByLabel('Type the password again').fill(who.password);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await page.getByRole('heading', { name: 'Your caseload' }).waitFor();
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-diary-'));
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir: join(root, 'saved'), now });
  await setUpThroughCore(bridge, ADMIN);
  ewa = await callCore(bridge, 'clients.intake', {
    details: {
      firstName: 'Ewa',
      lastName: 'Kowalczyk',
      intakeDate: '2026-10-01',
      address: '4 Mill Lane\nLeeds',
      postcode: 'LS6 2AB',
      preferredLanguage: 'pl',
      phone: '07700 900444',
    },
  });
  await callCore(bridge, 'consent.record', {
    clientId: ewa.id,
    consent: { storeData: true, shareScope: 'none', contactText: true, givenOn: '2026-10-01', method: 'written' },
  });
  jan = await callCore(bridge, 'clients.intake', {
    details: { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-10-01' },
    duplicatesSeen: [],
  });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openSignedIn(browser, bridge, ADMIN);
});

afterAll(() => closeAll(browser, bridge, root));

describe('the diary, end to end', () => {
  it('books every other Tuesday and sees the run in the week and day views; a clash is warned about, then booked', async () => {
    await nav('Diary');
    await expect.poll(() => page.getByRole('heading', { name: 'Week of 23 Nov 2026' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Book an appointment' }).click();
    // Nothing is booked without a client, or with an end before the start.
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Add the client (or each member of the family).')).toBe(true);
    await addClient('Ewa Kowalczyk', 'Kowal');
    await when('24/11/2026', '10:00', '09:00');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('The end cannot be before the start.')).toBe(true);
    await dialog().getByLabel('Ends').fill('11:00');
    await dialog().getByLabel('Room').fill('Room 2');
    await dialog().getByLabel('Repeats').click();
    await page.getByRole('option', { name: 'Every other week' }).click();
    await dialog().getByLabel('Or this many times').fill('4');
    await expect
      .poll(() => dialog().getByRole('status').textContent())
      .toBe('This books 4 appointments: 24 Nov 2026, 8 Dec 2026, 22 Dec 2026, 5 Jan 2027');
    await shot(page, 'diary-01-book');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('4 appointments booked.')).toBe(true);
    const tuesday = page.getByRole('region', { name: 'Tuesday, 24 November 2026' });
    const line = '10:00–11:00 Office appointment: Ewa Kowalczyk';
    await expect.poll(() => tuesday.getByRole('button', { name: line }).isVisible()).toBe(true);
    // Every other week: not next Tuesday, but the one after.
    await page.getByRole('button', { name: 'Next week' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Tuesday, 1 December 2026' }).getByText('Nothing').count())
      .toBe(0);
    expect(await page.getByRole('button', { name: line }).count()).toBe(0);
    await page.getByRole('button', { name: 'Next week' }).click();
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Tuesday, 8 December 2026' }).getByRole('button', { name: line }).count(),
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Today' }).click();

    // Jan at 10:30 the same Tuesday, with Anna again and in the same room: warned, then booked all the same.
    await page.getByRole('button', { name: 'Book an appointment' }).click();
    await addClient('Jan Nowak', 'Nowak');
    await when('24/11/2026', '10:30', '11:30');
    await dialog().getByLabel('Room').fill('room 2');
    await dialog().getByRole('button', { name: 'Save' }).click();
    const clash = dialog().getByRole('alert').filter({ hasText: 'This clashes with the diary' });
    await expect.poll(() => clash.isVisible()).toBe(true);
    expect(await clash.textContent()).toContain('24 Nov 2026, 10:00–11:00: Anna Kowalska already has an appointment');
    expect(await clash.textContent()).toContain('24 Nov 2026, 10:00–11:00: Room 2 is already booked');
    await shot(page, 'diary-02-clash');
    await dialog().getByRole('button', { name: 'Book all the same' }).click();
    await expect.poll(() => visible('1 appointment booked.')).toBe(true);
    await tuesday.getByText('Tue 24 Nov').click();
    const day = page.getByRole('table', { name: 'Appointments on 24 Nov 2026' });
    await expect.poll(() => day.getByRole('row').count()).toBe(3);
    expect(await day.getByRole('row').nth(2).textContent()).toContain('Jan Nowak');
    await quiet();
    await shot(page, 'diary-03-day');
  });

  it('makes the letter from the appointment, in the client’s language', async () => {
    await page.getByRole('button', { name: '10:00–11:00 Office appointment: Ewa Kowalczyk' }).click();
    await dialog().getByRole('button', { name: 'Write the appointment letter for Ewa Kowalczyk' }).click();
    await expect
      .poll(() =>
        visible('The date, time, place and people come from the appointment in the diary on 24 Nov 2026 at 10:00.'),
      )
      .toBe(true);
    // Ewa reads Polish: her letter is in Polish, with the appointment's day, time and room.
    const sheet = page.getByRole('article', { name: 'Preview' });
    await expect.poll(() => sheet.textContent()).toContain('Termin spotkania: 24 listopada 2026');
    expect(await sheet.textContent()).toContain('Godzina: 10:00');
    expect(await sheet.textContent()).toContain('Miejsce: Room 2');
    expect(await page.getByRole('textbox', { name: 'Date' }).count()).toBe(0);
    await shot(page, 'diary-04-letter');
    await page.getByRole('button', { name: 'Keep the letter' }).click();
    await expect.poll(() => visible('The letter is kept with the client’s record.')).toBe(true);
  });

  it('prints the day sheet, lists the texts to send today, and reminds before an appointment', async () => {
    await nav('Diary');
    await page.getByText('Day', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Next day' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Tuesday, 24 November 2026' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save the day sheet as PDF' }).click();
    await expect.poll(() => visible(/^The day sheet has been saved/)).toBe(true);
    const saved = join(
      root,
      'saved',
      readdirSync(join(root, 'saved')).find((f) => f.startsWith('Day sheet'))!,
    );
    const text = pdfText(saved);
    expect(text).toContain('Appointments for Tuesday, 24 November 2026');
    expect(text).toContain('Anna Kowalska');
    expect(text).toContain('Ewa Kowalczyk (CB-00001)');
    expect(text).toContain('Confidential: contains personal information.');
    pdfToPng(saved, 'diary-13-day-sheet');

    // Ewa agreed to texts: tomorrow's reminder, in Polish, to send from the office phone.
    await nav('Home');
    const texts = page.getByRole('region', { name: 'Texts to send today' });
    await expect
      .poll(() => texts.getByRole('article', { name: 'Ewa Kowalczyk' }).textContent())
      .toContain('Dzień dobry Ewa, przypominamy o spotkaniu: 24 listopada 2026, godz. 10:00, Room 2.');
    // The charity has no phone number on record: the text does not ask to ring one.
    expect(await texts.getByRole('article', { name: 'Ewa Kowalczyk' }).textContent()).toMatch(
      /Organizacja: Przystań Community Aid\.Copy/,
    );
    await shot(page, 'diary-14-texts', { fullPage: false });
    await texts.getByRole('button', { name: 'Text sent to Ewa Kowalczyk' }).click();
    await expect.poll(() => texts.count()).toBe(0);

    // An appointment in ten minutes: a reminder inside Casebook (15 minutes ahead unless changed).
    const soon = new Date(bridge.now().getTime() + 10 * 60_000);
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    await callCore(bridge, 'diary.book', {
      appointment: {
        kind: 'office',
        clientIds: [jan.id],
        staffIds: [1],
        date: '2026-11-23',
        startsAt: hhmm(soon),
        endsAt: hhmm(new Date(soon.getTime() + 30 * 60_000)),
      },
    });
    await nav('Clients');
    await expect
      .poll(() => page.getByText(/^In (9|10) minutes: Office appointment – Jan Nowak$/).isVisible())
      .toBe(true);
    await shot(page, 'diary-15-reminder', { fullPage: false });
    await page.locator('.mantine-Notification-root', { hasText: 'Jan Nowak' }).getByRole('button').click();
    await expect.poll(() => page.getByText(/minutes: Office appointment – Jan Nowak$/).count()).toBe(0);
  });

  it('marks one appointment attended (the note is filled in from it) and one missed, which the report counts', async () => {
    await callCore(bridge, 'diary.book', {
      appointment: {
        kind: 'phone',
        clientIds: [ewa.id],
        staffIds: [1],
        date: '2026-11-23',
        startsAt: '09:00',
        endsAt: '09:45',
      },
    });
    await callCore(bridge, 'diary.book', {
      appointment: {
        kind: 'office',
        clientIds: [jan.id],
        staffIds: [1],
        date: '2026-11-23',
        startsAt: '08:00',
        endsAt: '08:30',
      },
    });
    await nav('Home');
    const today = page.getByRole('region', { name: 'Today’s appointments' });
    await expect
      .poll(() => today.getByRole('button', { name: '09:00–09:45 Phone call: Ewa Kowalczyk' }).isVisible())
      .toBe(true);
    await today.getByRole('button', { name: '09:00–09:45 Phone call: Ewa Kowalczyk' }).click();
    await dialog().getByRole('button', { name: 'Ewa Kowalczyk attended: write the note' }).click();
    await expect.poll(() => visible(/This note is for the appointment on 23 Nov 2026 at 09:00/)).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Time' }).inputValue()).toBe('09:00');
    expect(await page.getByRole('combobox', { name: 'Type of contact' }).inputValue()).toBe('Phone call');
    expect(await page.getByLabel(/^Minutes/).inputValue()).toBe('45');
    expect(await page.getByLabel(/^Who was present/).inputValue()).toBe('');
    await shot(page, 'diary-05-note');
    await page
      .getByRole('textbox', { name: /^Note/ })
      .fill('Rang about the council tax letter; she will bring it on Tuesday.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('The case note has been saved.')).toBe(true);

    await nav('Home');
    await today.getByRole('button', { name: '08:00–08:30 Office appointment: Jan Nowak' }).click();
    await dialog().getByRole('button', { name: 'Jan Nowak did not attend' }).click();
    await expect.poll(() => dialog().getByRole('cell', { name: 'Did not attend' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => today.getByRole('button', { name: '08:00–08:30 Office appointment: Jan Nowak' }).textContent())
      .toContain('Did not attend');

    // Jan's page shows the appointment he missed.
    await nav('Clients');
    await page.getByRole('button', { name: /Nowak/ }).first().click();
    await page.getByRole('tab', { name: 'Appointments', exact: true }).click();
    await expect.poll(() => visible('Came to 0, did not attend 1.')).toBe(true);
    await shot(page, 'diary-06-client');

    await nav('Funder report');
    const table = page.getByRole('table', { name: 'Appointments, by kind: who came and who did not' });
    await page.getByLabel('From', { exact: true }).fill('01/11/2026');
    await page.getByLabel('To', { exact: true }).fill('30/11/2026');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await expect.poll(() => table.getByRole('row', { name: /Phone call/ }).textContent()).toBe('Phone call1000');
    expect(await table.getByRole('row', { name: /Office appointment/ }).textContent()).toBe('Office appointment0130');
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'diary-07-report', { fullPage: false });
  });

  it('raises the alert on another person’s screen when a home visitor is not back in time, until they check in', async () => {
    // Anna writes the charity's steps; Dan, a caseworker, gives his phone and books a visit to Jan.
    await nav('Settings');
    const lone = page.getByRole('region', { name: 'Lone working' });
    await lone
      .getByLabel('What to do when a visitor is not back')
      .fill('Ring the visitor twice.\nThen ring the coordinator on 07700 900001.');
    await lone.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('The steps have been saved.')).toBe(true);
    await firstSignIn(DAN, 'caseworker');
    await nav('Settings');
    const mine = page.getByRole('region', { name: 'My diary' });
    await mine.getByLabel('My phone number').fill('07700 900123');
    await mine.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => mine.getByLabel('My phone number').inputValue()).toBe('07700 900123');
    await callCore(bridge, 'diary.book', {
      appointment: {
        kind: 'homeVisit',
        clientIds: [jan.id],
        staffIds: [2],
        date: '2026-11-23',
        startsAt: '08:30',
        endsAt: '09:15',
        backBy: '09:40',
        place: '12 Park Row\nLeeds',
      },
    });
    await switchTo(ADMIN);

    // Anna's screen: a red alert with where he went, his phone, and the steps, on every page.
    const alert = page.getByRole('alert').filter({ hasText: 'Not back from a home visit' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    const text = await alert.textContent();
    expect(text).toContain(
      'Dan Wood should have been back from visiting Jan Nowak (CB-00002) by 09:40 on 23 Nov 2026.',
    );
    expect(text).toContain('Address: 12 Park Row, Leeds');
    expect(text).toContain('Dan Wood: 07700 900123');
    expect(text).toContain('Then ring the coordinator on 07700 900001.');
    await shot(page, 'diary-08-alert', { fullPage: false });
    await nav('Clients');
    await expect.poll(() => alert.isVisible()).toBe(true);

    // Dan is back: he checks in from his home screen, and the alert is gone for everyone.
    await switchTo(DAN);
    await expect.poll(() => alert.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Back safely from the visit to Jan Nowak' }).click();
    await expect.poll(() => visible('Checked back in. Thank you.')).toBe(true);
    await nav('Clients');
    await expect.poll(() => alert.count()).toBe(0);
    await switchTo(ADMIN);
    await expect.poll(() => alert.count()).toBe(0);
    const audit = await callCore<{ items: { action: string; userName: string }[] }>(bridge, 'audit.list', {
      client: 'CB-00002',
    });
    expect(audit.items.map((a) => `${a.action} ${a.userName}`)).toEqual(
      expect.arrayContaining(['visit.alertRaised Anna Kowalska', 'visit.backSafely Dan Wood']),
    );
  });

  it('asks for a second person on a home visit to a client flagged as a lone-working risk', async () => {
    await callCore(bridge, 'riskFlags.raise', { clientId: ewa.id, kind: 'loneWorking', raisedOn: '2026-11-20' });
    await nav('Diary');
    await page.getByRole('button', { name: 'Book an appointment' }).click();
    await dialog().getByLabel('Kind').first().click();
    await page.getByRole('option', { name: 'Home visit' }).click();
    await addClient('Ewa Kowalczyk', 'Kowal');
    await expect
      .poll(() => visible('Ewa Kowalczyk has a lone-working risk flag: a home visit needs a second person.'))
      .toBe(true);
    await when('25/11/2026', '14:00', '15:00');
    await dialog().getByLabel('Back by').fill('15:30');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => visible('A client here has a lone-working risk: choose a second person to go on the visit.'))
      .toBe(true);
    await dialog().getByLabel('With (people from the charity)').click();
    await page.getByRole('option', { name: 'Dan Wood' }).click();
    await page.keyboard.press('Escape');
    await shot(page, 'diary-09-lone-working');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('1 appointment booked.')).toBe(true);
  });

  it('shows the next person at sign-in what others did on their clients, hiding a sensitive note from a volunteer', async () => {
    // Vera, a volunteer, helps with Ewa, as Dan does; she signs in once and leaves.
    await firstSignIn(VERA, 'volunteer');
    await switchTo(ADMIN);
    await callCore(bridge, 'clients.share', { clientId: ewa.id, userIds: [2, 3] });

    // Anna writes two notes about Ewa, one sensitive, and leaves a note for the next shift.
    await callCore(bridge, 'notes.save', {
      clientId: ewa.id,
      note: { date: '2026-11-23', time: '11:00', kind: 'phone', body: 'Ewa rang: the council has written again.' },
    });
    await callCore(bridge, 'notes.save', {
      clientId: ewa.id,
      note: {
        date: '2026-11-23',
        time: '11:10',
        kind: 'phone',
        body: 'She spoke of her partner’s threats.',
        sensitive: true,
      },
    });
    await page.getByRole('button', { name: 'Leave a handover note' }).click();
    await dialog()
      .getByLabel(/^Note/)
      .fill('Ewa may ring back this afternoon: the council letter is in her documents.');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('The note will be on the home screen for the next person.')).toBe(true);
    await expect.poll(() => visible('Waiting for the next person to read it.')).toBe(true);

    // Dan signs in: both notes, by Anna, on Ewa; and the handover note.
    await switchTo(DAN);
    const digest = page.getByRole('list', { name: 'Since you were last here' });
    await expect.poll(() => digest.getByText('Anna Kowalska wrote a case note').count()).toBe(2);
    expect(await visible('Ewa may ring back this afternoon: the council letter is in her documents.')).toBe(true);
    await shot(page, 'diary-10-since-last-here');

    // Vera sees only the note she may read, opens it from the list, then reads the handover note.
    await switchTo(VERA);
    await expect.poll(() => digest.getByText('Anna Kowalska wrote a case note').count()).toBe(1);
    await shot(page, 'diary-11-volunteer');
    await digest.getByRole('button', { name: 'Ewa Kowalczyk (CB-00001)' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: /^Note/ }).inputValue())
      .toBe('Ewa rang: the council has written again.');
    await nav('Home');
    await page.getByRole('button', { name: 'I have read it' }).click();
    await expect.poll(() => page.getByRole('note', { name: 'Handover' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => visible('Nothing new on your clients.')).toBe(true);
    await switchTo(ADMIN);
    expect(await page.getByRole('note', { name: 'Handover' }).count()).toBe(0);
  });

  it('shows the diary in Polish', async () => {
    await nav('Settings');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await nav('Terminarz');
    await expect.poll(() => page.getByRole('heading', { name: 'Tydzień od 23 lis 2026' }).isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'wtorek, 24 listopada 2026' })
          .getByRole('button', { name: '10:00–11:00 Spotkanie w biurze: Ewa Kowalczyk' })
          .isVisible(),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Umów spotkanie' }).click();
    await expect.poll(() => dialog().getByLabel('Podopieczny lub rodzina').count()).toBe(0);
    expect(await visible('Z kim (osoby z organizacji)')).toBe(true);
    await shot(page, 'diary-07-polish');
    await dialog().getByRole('button', { name: 'Anuluj' }).click();
    await nav('Start');
    await expect.poll(() => page.getByRole('region', { name: 'Od Twojej ostatniej wizyty' }).isVisible()).toBe(true);
    await expect.poll(() => visible('Dzisiejsze spotkania')).toBe(true);
    await shot(page, 'diary-12-polish-home');
    // A visitor not back, in Polish; the coordinator reached him and says so.
    await callCore(bridge, 'diary.book', {
      appointment: {
        kind: 'homeVisit',
        clientIds: [jan.id],
        staffIds: [2],
        date: '2026-11-23',
        startsAt: '07:00',
        endsAt: '07:30',
        backBy: '07:45',
      },
    });
    await nav('Terminarz');
    const alarm = page.getByRole('alert').filter({ hasText: 'Brak powrotu z wizyty domowej' });
    await expect.poll(() => alarm.isVisible()).toBe(true);
    expect(await alarm.textContent()).toContain(
      'Dan Wood – planowany powrót z wizyty u: Jan Nowak (CB-00002) do 07:45, 23 lis 2026.',
    );
    expect(await alarm.textContent()).toContain('Dan Wood: 07700 900123');
    await shot(page, 'diary-16-polish-alert', { fullPage: false });
    await alarm.getByRole('button', { name: 'Potwierdź bezpieczny powrót' }).click();
    await expect.poll(() => alarm.count()).toBe(0);
    await nav('Terminarz');
    await page.getByRole('button', { name: 'Umów spotkanie' }).click();
    await dialog().getByRole('button', { name: 'Anuluj' }).click();
    await nav('Ustawienia');
    await page.getByRole('radiogroup', { name: 'Język' }).getByText('English').click();
  });
});
