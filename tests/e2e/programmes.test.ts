import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/caseload';
import { sessionDay } from '../../shared/domain/programme';
import { localToday } from '../../shared/clock';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import {
  callCore,
  closeAll,
  launchChromium,
  openSignedIn,
  pdfText,
  pdfToPng,
  setUpThroughCore,
  shot,
  byPerson,
  whatIsPrinted,
} from './browser';

/**
 * A weekly group as a coordinator and a volunteer run it: set up the programme and its weekly
 * sessions, register two clients (a third is refused politely because it is full), take today's
 * register with a walk-in and two children counted without names, give a food parcel (the fourth
 * in a month asks why), see the session and the parcel on the client's timeline, print the register,
 * and read the totals; then the same screens in Polish.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
/** This file's day (any day works: the dates below follow it). */
const now = clockFrom('2027-06-10T10:00');
const today = localToday(now());
let root: string;
let saveDir: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;

const { visible, dialog, tab, nav, quiet } = byPerson(() => page);

/** The date as the sessions table shows it (23 Nov 2026 / 23 lis 2026). */
const medium = (lang: string) =>
  new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${today}T00:00:00Z`),
  );
const choose = async (label: RegExp | string, option: string) => {
  await page.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-programmes-'));
  saveDir = join(root, 'saved');
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir, now });
  await setUpThroughCore(bridge, ADMIN);
  await callCore(bridge, 'charity.update', {
    name: 'Przystań Community Aid',
    address: '12 High Street\nLeeds LS1 4AB',
    phone: '0113 496 0000',
    currency: 'GBP',
  });
  const people = [
    { firstName: 'Zofia', lastName: 'Wiśniewska-Łęcka', dateOfBirth: '1984-05-17' },
    { firstName: 'Adam', lastName: 'Brown', dateOfBirth: '1990-01-02' },
    { firstName: 'Jerzy', lastName: 'Żak', dateOfBirth: '1950-03-04' },
  ];
  for (const p of people) {
    const seen = await callCore<{ client: { id: number } }[]>(bridge, 'clients.findDuplicates', {
      firstName: p.firstName,
      lastName: p.lastName,
      dateOfBirth: p.dateOfBirth,
    });
    await callCore(bridge, 'clients.intake', {
      details: { ...p, intakeDate: addDays(today, -30), caseworkerId: 1 },
      duplicatesSeen: seen.map((m) => m.client.id),
    });
  }
  // Zofia had two food parcels in the last fortnight.
  const types = await callCore<{ id: number; builtinKey: string | null }[]>(bridge, 'helpTypes.list', {});
  const parcel = types.find((x) => x.builtinKey === 'foodParcel')!.id;
  for (const d of [-12, -5])
    await callCore(bridge, 'helpGiven.give', {
      clientId: 1,
      helpGiven: { typeId: parcel, givenOn: addDays(today, d), quantity: 1, value: 1500 },
    });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openSignedIn(browser, bridge, ADMIN);
});

afterAll(() => closeAll(browser, bridge, root));

describe('programmes, attendance and help given, end to end', () => {
  it('sets up a weekly programme and adds its sessions from a pattern', async () => {
    await nav('Programmes');
    await expect.poll(() => visible('No programmes here yet.')).toBe(true);
    await page.getByRole('button', { name: 'New programme' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Please fill this in.')).toBe(true);
    await page.getByLabel(/^Name/).fill('Money skills workshop');
    await choose(/^Type/, 'Workshop');
    await page.getByLabel('What it is').fill('Budgeting, bills and benefits: six evenings with a cup of tea.');
    await page.getByLabel(/^Starts on/).fill(addDays(today, -14));
    await page.getByLabel(/^Ends on/).fill(addDays(today, -20));
    await page.getByLabel(/^Places/).fill('2');
    await page
      .getByLabel(/^Facilitators/)
      .and(page.locator('input'))
      .fill('Ewa Zając');
    await page.keyboard.press('Enter');
    await page.getByLabel(/^Venue/).fill('Community room, 12 High Street');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('The end cannot be before the start.')).toBe(true);
    await page.getByLabel(/^Ends on/).fill(addDays(today, 42));
    await shot(page, 'prog-01-programme-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Money skills workshop' }).isVisible()).toBe(true);
    expect(await visible('0 of 2 places taken')).toBe(true);

    await page.getByRole('button', { name: 'Add sessions' }).click();
    await dialog()
      .getByLabel(/^First date/)
      .fill(addDays(today, -14));
    await dialog()
      .getByLabel(/^Starts at/)
      .fill('18:00');
    await dialog()
      .getByLabel(/^Ends at/)
      .fill('20:00');
    // Every week until the end of the programme (left empty): seven Thursdays (or whatever day it is).
    await expect.poll(() => dialog().getByRole('status').textContent()).toMatch(/^This adds 9 sessions:/);
    await shot(page, 'prog-02-add-sessions', { fullPage: false });
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('9 sessions added.')).toBe(true);
    const sessions = page.getByRole('table', { name: 'Sessions' });
    await expect.poll(() => sessions.getByRole('row').count()).toBe(10);
    // Running the same pattern again adds nothing.
    await page.getByRole('button', { name: 'Add sessions' }).click();
    await dialog()
      .getByLabel(/^First date/)
      .fill(addDays(today, -14));
    await dialog()
      .getByLabel(/^Starts at/)
      .fill('18:00');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('0 sessions added. 9 were already there.')).toBe(true);
  });

  it('registers two clients and asks before going over the two places', async () => {
    await quiet();
    await page.getByRole('button', { name: 'Register a client' }).click();
    await dialog().getByLabel('Find the client').fill('wisniewska');
    await dialog().getByRole('button', { name: 'Register a client: Zofia Wiśniewska-Łęcka' }).click();
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Registered clients' }).getByText('Zofia Wiśniewska-Łęcka').isVisible(),
      )
      .toBe(true);
    await dialog().getByLabel('Find the client').fill('adam');
    await dialog().getByRole('button', { name: 'Register a client: Adam Brown' }).click();
    await expect.poll(() => dialog().getByText('2 of 2 places taken').isVisible()).toBe(true);
    await dialog().getByLabel('Find the client').fill('zak');
    await dialog().getByRole('button', { name: 'Register a client: Jerzy Żak' }).click();
    await expect.poll(() => visible('All 2 places are taken. Register Jerzy Żak all the same?')).toBe(true);
    await shot(page, 'prog-03-programme-full', { fullPage: false });
    await page.getByRole('dialog', { name: 'This programme is full' }).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => page.getByRole('table', { name: 'Registered clients' }).getByRole('row').count()).toBe(3);
    await quiet();
    await shot(page, 'prog-04-programme');
  });

  it('takes today’s register: a tick by typing a name, a walk-in, and two children counted without names', async () => {
    await page.getByRole('button', { name: `Take the register: ${medium('en')}` }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Register: Money skills workshop' }).isVisible())
      .toBe(true);
    expect(await visible(`${sessionDay(today, 'en')}, 18:00–20:00`)).toBe(true);
    const search = page.getByLabel('Find a name on the list');
    await search.fill('zof');
    await search.press('Enter');
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Zofia Wiśniewska-Łęcka is here' }).isChecked())
      .toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Adam Brown is here' }).isChecked()).toBe(false);
    await expect.poll(() => visible('1 of 2 on the list are here')).toBe(true);

    const walkIn = page.getByRole('region', { name: 'Someone not on the list' });
    await walkIn.getByLabel('Find the client').fill('jerzy');
    await walkIn.getByRole('button', { name: 'Mark as here: Jerzy Żak' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Jerzy Żak is here' }).isChecked()).toBe(true);
    await expect.poll(() => visible('1 of 2 on the list are here · 1 walk-in')).toBe(true);

    const counted = page.getByRole('region', { name: 'People who did not give their name' });
    await counted.getByLabel('Under 18').fill('2');
    await counted.getByRole('button', { name: 'Save the count' }).click();
    await expect.poll(() => visible('Count saved.')).toBe(true);
    await expect.poll(() => visible('More people are here than there are places: 4 for 2.')).toBe(true);
    await quiet();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'prog-05-register', { fullPage: false });
  });

  it('gives a food parcel at the session, then a fourth in a month asks why before it is saved', async () => {
    await page.getByRole('button', { name: 'Help given: Zofia Wiśniewska-Łęcka' }).click();
    await choose(/^Kind of help/, 'Food parcel');
    await dialog()
      .getByLabel(/^Value/)
      .fill('15.00');
    expect(await dialog().getByLabel('Given at a session').inputValue()).toMatch(/^Money skills workshop/);
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Help recorded.')).toBe(true);
    await quiet();

    await nav('Clients');
    await page
      .getByRole('button', { name: /Wiśniewska-Łęcka/ })
      .first()
      .click();
    await tab('Groups and help');
    const given = page.getByRole('table', { name: 'Help given' });
    await expect.poll(() => given.getByRole('row').count()).toBe(4);
    await page.getByRole('button', { name: 'Record help given' }).click();
    await choose(/^Kind of help/, 'Food parcel');
    await expect.poll(() => dialog().getByRole('alert').isVisible()).toBe(true);
    expect(await dialog().getByRole('alert').textContent()).toMatch(
      /Food parcel given often already.*The charity’s limit is 3 in 30 days\./,
    );
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() =>
        dialog().getByText('This help has been given often already: say why it is given again.').first().isVisible(),
      )
      .toBe(true);
    await dialog()
      .getByLabel(/^Why give it again/)
      .fill('Her grandchildren are staying for the week.');
    await shot(page, 'prog-06-repeat-warning', { fullPage: false });
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => given.getByRole('row').count()).toBe(5);
    // Why it was given again is in the row, not only in a tooltip.
    expect(
      await given.getByText('Given above the limit: Her grandchildren are staying for the week.').isVisible(),
    ).toBe(true);
    expect(
      await page.getByRole('table', { name: 'Sessions attended' }).getByText('Money skills workshop').isVisible(),
    ).toBe(true);
    await quiet();
    await shot(page, 'prog-07-client-groups-and-help');

    await tab('Notes');
    await page.getByRole('group', { name: 'Show' }).getByText('Groups and sessions').click();
    await page.getByRole('group', { name: 'Show' }).getByText('Help given').click();
    const timeline = page.getByRole('list', { name: 'Notes and timeline' });
    await expect.poll(() => timeline.getByText('Came to a session').first().isVisible()).toBe(true);
    expect(await timeline.getByText('Money skills workshop').first().isVisible()).toBe(true);
    await expect.poll(() => timeline.getByText('Help given').count()).toBe(4);
    await shot(page, 'prog-08-timeline');
    const audit = await callCore<{ items: { action: string }[] }>(bridge, 'audit.list', { client: 'CB-00001' });
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(['programme.registered', 'attendance.marked', 'support.given']),
    );
  });

  it('prints the register, and saves it as a PDF with the names, the ticks and room to sign', async () => {
    await nav('Programmes');
    await page.getByRole('button', { name: 'Money skills workshop' }).click();
    await page.getByRole('button', { name: `Take the register: ${medium('en')}` }).click();
    const printed = await whatIsPrinted(
      page,
      bridge,
      () => page.getByRole('button', { name: 'Print', exact: true }).click(),
      'prog-09b-register-print',
    );
    expect(printed.pages).toBe(1);
    await page.getByRole('button', { name: 'Save the register as PDF' }).click();
    await expect.poll(() => visible(/^The register is saved as/)).toBe(true);
    const pdf = join(
      saveDir,
      readdirSync(saveDir).find((f) => f.startsWith('Session register'))!,
    );
    const text = pdfText(pdf);
    for (const s of [
      'Przystań Community Aid',
      'Session register',
      'Money skills workshop',
      `${sessionDay(today, 'en')}, 18:00–20:00`,
      'Venue: Community room, 12 High Street',
      'Facilitator: Ewa Zając',
      'Zofia Wiśniewska-Łęcka',
      'Adam Brown',
      'Jerzy Żak',
      'walk-in',
      'Signature',
      'Under 18',
      'Confidential',
      'Page 1 of 1',
    ])
      expect(text, s).toContain(s);
    expect((text.match(/✓/g) ?? []).length).toBe(2);
    expect(existsSync(pdfToPng(pdf, 'prog-09-register-pdf'))).toBe(true);
  });

  it('shows the help given and attendance for a period, for funders', async () => {
    await quiet();
    await nav('Help given');
    // The period opens on this month; the two earlier parcels may fall in the month before, so
    // the period is widened to the last 30 days, as a coordinator would for a monthly return.
    await page.getByLabel('From', { exact: true }).fill(addDays(today, -30));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const totals = page.getByRole('table', { name: 'Totals' });
    await expect.poll(() => totals.getByRole('row', { name: /Food parcel/ }).textContent()).toMatch(/Food parcel\s*44/);
    await shot(page, 'prog-10-help-given');
    await nav('Programmes');
    await page.getByRole('region', { name: 'Attendance in a period' }).getByRole('button', { name: 'Show' }).click();
    const figures = page.getByRole('table', { name: 'Attendance in a period' });
    await expect.poll(() => figures.getByRole('row', { name: /Money skills workshop/ }).isVisible()).toBe(true);
    await shot(page, 'prog-11-period-figures');
  });

  it('shows the kinds of help Casebook came with by their names in Settings, as values, in the reader’s language', async () => {
    await quiet();
    await nav('Settings');
    const name = page.getByLabel('Name: Food parcel', { exact: true });
    await expect.poll(() => name.inputValue()).toBe('Food parcel');
    // Saved unchanged, it stays the built-in kind (so it follows the language).
    await page.getByRole('button', { name: 'Save: Food parcel' }).click();
    await expect.poll(() => page.getByText('Saved.', { exact: true }).first().isVisible()).toBe(true);
    const types = await callCore<{ builtinKey: string | null; name: string | null }[]>(bridge, 'helpTypes.list', {});
    expect(types.find((x) => x.builtinKey === 'foodParcel')!.name).toBeNull();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await expect
      .poll(() => page.getByLabel('Nazwa: Paczka żywnościowa', { exact: true }).inputValue())
      .toBe('Paczka żywnościowa');
    await page.getByRole('radiogroup', { name: 'Język' }).getByText('English').click();
  });

  it('shows the same screens in Polish', async () => {
    await quiet();
    await nav('Settings');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await nav('Programy');
    await expect.poll(() => page.getByRole('heading', { name: 'Programy' }).isVisible()).toBe(true);
    await shot(page, 'prog-12-programmes-pl');
    await page.getByRole('button', { name: 'Money skills workshop' }).click();
    await expect.poll(() => visible('Zajęte miejsca: 2 z 2')).toBe(true);
    await shot(page, 'prog-13-programme-pl');
    await page.getByRole('button', { name: `Sprawdź obecność: ${medium('pl')}` }).click();
    await expect.poll(() => visible('Obecni z listy: 1 z 2 · 1 osoba bez zapisu')).toBe(true);
    await shot(page, 'prog-14-register-pl');
    await nav('Udzielona pomoc');
    await expect
      .poll(() => page.getByRole('table', { name: 'Podsumowanie' }).getByText('Paczka żywnościowa').isVisible())
      .toBe(true);
    await shot(page, 'prog-15-help-given-pl');
  });
});
