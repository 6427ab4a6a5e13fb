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
} from './browser';

/**
 * Referrals in and the waiting list, end to end: a GP's referral is logged (refused without consent
 * to hold the details), put on the waiting list for a full programme, offered the place freed when
 * someone leaves, and taken in through an intake already filled in from the referral, which also
 * registers her on the programme. Then the same screens in Polish.
 */
const now = clockFrom('2026-11-23T10:00');
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };

let root: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;
const { visible, dialog, nav, quiet } = byPerson(() => page);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-waiting-'));
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir: join(root, 'saved'), now });
  await setUpThroughCore(bridge, ADMIN);
  // A workshop with one place, taken.
  const p = await callCore<{ programme: { id: number } }>(bridge, 'programmes.save', {
    programme: {
      name: 'Money skills workshop',
      kind: 'workshop',
      startsOn: '2026-10-01',
      endsOn: '2027-03-31',
      capacity: 1,
      facilitators: [],
    },
  });
  const tom = await callCore<{ id: number }>(bridge, 'clients.intake', {
    details: { firstName: 'Tom', lastName: 'Brown', intakeDate: '2026-10-01' },
    duplicatesSeen: [],
  });
  await callCore(bridge, 'programmes.register', {
    programmeId: p.programme.id,
    clientId: tom.id,
    registeredOn: '2026-10-01',
  });
  await callCore(bridge, 'agencies.save', {
    agency: {
      name: 'Łódź Housing Advice',
      services: 'Housing advice, homelessness prevention',
      address: '4 Park Row\nLeeds LS1 5HD',
      phone: '0113 222 3333',
      howToRefer: 'Drop in Monday to Friday, 9:30 to 12:30, or phone first.',
      referralRoutes: ['phone'],
      contacts: [],
    },
  });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openSignedIn(browser, bridge, ADMIN);
});

afterAll(() => closeAll(browser, bridge, root));

describe('referrals in and the waiting list, end to end', () => {
  it('logs a GP’s referral, only with consent to hold the details, and puts her on the waiting list', async () => {
    await nav('Referrals in');
    await expect.poll(() => visible('No referral in is waiting to be dealt with.')).toBe(true);
    await page.getByRole('button', { name: 'Log a referral in' }).click();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().getByText('Please fill this in.').count()).toBeGreaterThan(2);
    await dialog().getByLabel('First name').fill('Ewa');
    await dialog().getByLabel('Last name').fill('Nowak');
    await dialog().getByLabel('Why they were referred').fill('Rent arrears; an eviction notice for January');
    await dialog().getByLabel('Where the referral came from').click();
    await page.getByRole('option', { name: 'GP or health service' }).click();
    await dialog().getByLabel('Who referred them').fill('Dr Patel, Hyde Park Surgery');
    await dialog().getByLabel('Phone').fill('07700 900555');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => visible(/^Nothing is kept without the person agreeing to us holding their details/))
      .toBe(true);
    await shot(page, 'wl-01-log-refused');
    await dialog().getByRole('checkbox', { name: 'They agreed to us holding these details' }).check();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().getByRole('heading', { name: 'Ewa Nowak' }).isVisible()).toBe(true);
    // Until someone deals with it, the home screen says there is a new referral in.
    await dialog().getByRole('button', { name: 'Close' }).click();
    await nav('Home');
    await expect.poll(() => visible('1 new referral in to deal with.')).toBe(true);
    await page.getByRole('button', { name: 'Referrals in', exact: true }).last().click();
    await page.getByRole('button', { name: 'Ewa Nowak' }).click();
    expect(await dialog().textContent()).toContain('GP or health service: Dr Patel, Hyde Park Surgery');
    await dialog().getByRole('button', { name: 'Put on the waiting list' }).click();
    await dialog().getByLabel('Waiting for').click();
    await page.getByRole('option', { name: 'Money skills workshop' }).click();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Ewa Nowak is on the waiting list.')).toBe(true);
    await dialog().getByRole('button', { name: 'Close' }).click();
    await page.getByText('Waiting list', { exact: true }).click();
    const table = page.getByRole('table', { name: 'Referrals in and the waiting list' });
    await expect.poll(() => table.getByRole('row').nth(1).textContent()).toContain('Ewa Nowak');
    expect(await table.getByRole('row').nth(1).textContent()).toContain('Money skills workshop');
    await quiet();
    await shot(page, 'wl-02-waiting-list');
  });

  it('offers her the place freed on the programme, and takes her in from the referral', async () => {
    await nav('Programmes');
    await page.getByRole('button', { name: 'Money skills workshop' }).click();
    const waiting = page.getByRole('region', { name: 'Waiting list' });
    await expect.poll(() => waiting.getByText('No place free').isVisible()).toBe(true);
    expect(await waiting.getByRole('button', { name: /^Offer the place/ }).count()).toBe(0);
    // Tom leaves: a place is free, and Ewa is next.
    await page.getByRole('button', { name: 'Take off the list: Tom Brown' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Take off the list' }).click();
    await expect.poll(() => waiting.getByText('1 place free').isVisible()).toBe(true);
    await shot(page, 'wl-03-place-free');
    await waiting.getByRole('button', { name: 'Offer the place to Ewa Nowak' }).click();
    await expect.poll(() => visible('Ewa Nowak has been offered a place.')).toBe(true);
    await expect.poll(() => waiting.getByText('No place free').isVisible()).toBe(true);
    await waiting.getByRole('button', { name: 'Take in (start the intake)' }).click();
    // The intake opens with what the referral says.
    await expect.poll(() => visible(/^Taking in Ewa Nowak, referred on 23 Nov 2026/)).toBe(true);
    expect(await page.getByLabel('First name').inputValue()).toBe('Ewa');
    await shot(page, 'wl-04-intake-from-referral');
    const next = () => page.getByRole('button', { name: 'Next' }).click();
    await next();
    expect(await page.getByLabel('Phone').inputValue()).toBe('07700 900555');
    await next();
    expect(await page.getByLabel('Referred by').inputValue()).toBe('Dr Patel, Hyde Park Surgery');
    await next();
    await page.getByRole('radio', { name: 'Not recorded yet' }).check();
    await next();
    await page.getByRole('button', { name: 'Save new client' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Ewa Nowak' }).isVisible()).toBe(true);
    // Registered on the programme, and the referral is hers, decided.
    await page.getByRole('tab', { name: 'Groups and help' }).click();
    await expect.poll(() => visible('Money skills workshop')).toBe(true);
    await quiet();
    await nav('Referrals in');
    await page.getByText('Decided', { exact: true }).click();
    const table = page.getByRole('table', { name: 'Referrals in and the waiting list' });
    await expect.poll(() => table.getByRole('row').nth(1).textContent()).toContain('Taken in');
    await nav('Funder report');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('23/11/2026');
    await page.getByRole('button', { name: 'Show the report' }).click();
    const bySource = page.getByRole('table', { name: 'Referrals in, by where they came from' });
    await expect.poll(() => bySource.getByRole('row').nth(1).textContent()).toBe('GP or health service<5<500');
  });

  it('records a signposting contact, hands over the agency sheet in Polish, and counts it', async () => {
    await quiet();
    await nav('Signposting');
    const form = page.getByRole('form', { name: 'Signposting contact' });
    // Nothing says where they were sent, or what they needed: refused in words.
    await form.getByRole('button', { name: 'Record a signposting contact' }).click();
    await expect.poll(() => visible('Choose the agency they were told to go to, or say where.')).toBe(true);
    await form.getByLabel('Need', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Housing' }).click();
    await form.getByLabel('Signposted to (from the directory)').first().click();
    await page.getByRole('option', { name: 'Łódź Housing Advice' }).click();
    await form.getByLabel('Their language (for the agency sheet)').first().click();
    await page.getByRole('option', { name: 'Polish' }).click();
    await form.getByRole('button', { name: 'Record a signposting contact' }).click();
    await expect.poll(() => visible('Signposting contact recorded.')).toBe(true);
    // The form is fresh for the next person.
    await expect.poll(() => form.getByLabel('Signposted to (from the directory)').first().inputValue()).toBe('');
    const latest = page.getByRole('table', { name: 'Latest contacts' });
    await expect.poll(() => latest.getByRole('row').nth(1).textContent()).toContain('Łódź Housing Advice');
    expect(await latest.getByRole('row').nth(1).textContent()).toContain('Anonymous');
    await page.getByRole('button', { name: 'Save the agency sheet as PDF' }).click();
    await expect.poll(() => visible(/^The agency sheet has been saved as/)).toBe(true);
    const saved = join(root, 'saved');
    const sheet = join(
      saved,
      readdirSync(saved).find((f) => f.startsWith('Where to get help'))!,
    );
    expect(pdfText(sheet).replace(/\s+/g, ' ')).toContain('Tutaj możesz uzyskać pomoc: Łódź Housing Advice');
    pdfToPng(sheet, 'wl-06-agency-sheet');
    await quiet();
    await shot(page, 'wl-05-signposting', { fullPage: true });
    await nav('Funder report');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('23/11/2026');
    await page.getByRole('button', { name: 'Show the report' }).click();
    const counted = page.getByRole('table', { name: 'Signposting: people told where else to get help, by need' });
    await expect.poll(() => counted.getByRole('row').allTextContents()).toEqual(['NeedContacts', 'Housing1', 'Total1']);
  });

  it('declines a referral and writes back to the referrer from a template, saved as a PDF', async () => {
    await callCore(bridge, 'incoming.log', {
      receivedOn: '2026-11-20',
      firstName: 'Adam',
      lastName: 'Wójcik',
      reason: 'Debt advice',
      source: 'council',
      referrerName: 'Sam Green, Leeds City Council',
      referrerContact: 'Merrion House\n110 Merrion Centre\nLeeds LS2 8BB',
      urgency: 'routine',
      consentToHold: true,
    });
    await quiet();
    await nav('Referrals in');
    await page.getByRole('button', { name: 'Adam Wójcik' }).click();
    await dialog().getByRole('button', { name: 'Decline' }).click();
    await dialog().getByLabel('Why').fill('We can only give debt advice to people living in the LS6 area.');
    await dialog().getByRole('button', { name: 'Save' }).click();
    // The letter back to the council is next, from the charity's own template, filled in.
    const body = dialog().getByRole('textbox', { name: /^Letter/ });
    await expect.poll(() => body.inputValue()).toContain('Dear Sam Green, Leeds City Council,');
    expect(await body.inputValue()).toContain(
      'Our reason: We can only give debt advice to people living in the LS6 area.',
    );
    expect(await dialog().textContent()).toContain(
      'Sam Green, Leeds City Council, Merrion House, 110 Merrion Centre, Leeds LS2 8BB',
    );
    await body.fill(
      (await body.inputValue()).replace(
        'Yours sincerely,',
        'Leeds Citizens Advice may be able to help sooner.\n\nYours sincerely,',
      ),
    );
    await shot(page, 'wl-07-reply-to-referrer');
    await dialog().getByRole('button', { name: 'Keep the letter' }).click();
    await expect.poll(() => dialog().getByRole('article', { name: 'Letter to the referrer' }).isVisible()).toBe(true);
    await dialog().getByRole('button', { name: 'Save as PDF' }).click();
    await expect.poll(() => visible(/^Saved the letter to/)).toBe(true);
    const saved = join(root, 'saved');
    const letter = join(
      saved,
      readdirSync(saved).find((f) => f.startsWith('Your referral of Adam'))!,
    );
    const text = pdfText(letter).replace(/\s+/g, ' ');
    expect(text).toContain('Leeds Citizens Advice may be able to help sooner.');
    expect(text).toContain('Merrion House');
    pdfToPng(letter, 'wl-08-reply-pdf');
    await dialog().getByRole('button', { name: 'Close' }).click();

    // The wording is the charity's own: the template editor offers the referral's fields, with a preview.
    await nav('Letter templates');
    const replies = page.getByRole('region', { name: 'Reply to a referral in' });
    await expect.poll(() => replies.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Change: Reply to a referral we cannot take on (English)' }).click();
    await page.getByRole('button', { name: 'Insert a field' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: /Why we cannot take it on/ }).isVisible()).toBe(true);
    expect(await page.getByRole('menuitem', { name: /Client first name/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    const preview = page.getByRole('article', { name: 'Live preview (with made-up details)' });
    await expect.poll(() => preview.textContent()).toContain('Dear Dr Sarah Jones,');
    await quiet();
    await shot(page, 'wl-09-reply-template');
    await nav('Referrals in');
  });

  it('the same screens in Polish', async () => {
    await quiet();
    await nav('Settings');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await page.getByRole('navigation').getByRole('button', { name: 'Zgłoszenia', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Zgłoszenia i lista oczekujących' }).isVisible())
      .toBe(true);
    await page.getByRole('button', { name: 'Zapisz zgłoszenie' }).click();
    await expect
      .poll(() => dialog().getByText('Osoba zgodziła się na przechowywanie tych danych').isVisible())
      .toBe(true);
    await shot(page, 'wl-pl-01-log');
    await dialog().getByRole('button', { name: 'Anuluj' }).click();
    await page.getByText('Rozpatrzone', { exact: true }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Zgłoszenia i lista oczekujących' }).textContent())
      .toContain('Przyjęte');
    await shot(page, 'wl-pl-02-decided');
    await page.getByRole('navigation').getByRole('button', { name: 'Informacja o pomocy', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Informacja o innej pomocy' }).isVisible()).toBe(true);
    await shot(page, 'wl-pl-03-signposting');
  });
});
