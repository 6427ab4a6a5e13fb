import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import { callCore, launchChromium, openPage, setUpThroughCore, shot, unlockAs } from './browser';

/** This file's day: the records below are dated around it. */
const now = clockFrom('2026-11-23T10:00');

/**
 * The client record as a caseworker builds it: a full intake with consent, a duplicate warning on
 * a second similar intake, a scored needs assessment, a risk flag shown on every screen of the
 * client, household and key contacts, finding the client again by part of a postcode and an
 * accent-free name, and merging a duplicate record. Then the same screens in Polish.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
let root: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;

const visible = (text: string | RegExp) => page.getByText(text).first().isVisible();
const next = () => page.getByRole('button', { name: 'Next' }).click();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-client-'));
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir: join(root, 'saved'), now });
  await setUpThroughCore(bridge, ADMIN);
  // Some people already known to the charity.
  await callCore(bridge, 'clients.intake', {
    details: { firstName: 'John', lastName: 'Smith', postcode: 'M1 1AA', dateOfBirth: '1970-05-05' },
  });
  await callCore(bridge, 'clients.intake', { details: { firstName: 'Ewa', lastName: 'Zając', postcode: 'LS1 4AB' } });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openPage(browser, now);
  await page.goto(bridge.url);
  await unlockAs(page, ADMIN.name, ADMIN.password);
  await page.getByRole('heading', { name: 'Your caseload' }).waitFor();
  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('heading', { name: 'Clients' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the client record, end to end', () => {
  it('takes a client in through the five intake steps, with consent', async () => {
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByLabel('First name').fill('Zofia');
    await page.getByLabel('Last name').fill('Wiśniewska-Łęcka');
    await page.getByLabel('Preferred name').fill('Zosia');
    // Dates are typed day first, in the interface language's order, or picked from a calendar.
    const dateOfBirth = page.getByRole('textbox', { name: 'Date of birth' });
    await expect.poll(() => dateOfBirth.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await dateOfBirth.fill('31/2/1984');
    await dateOfBirth.press('Tab');
    await expect.poll(() => visible('Type the date as dd/mm/yyyy, or pick it from the calendar.')).toBe(true);
    await dateOfBirth.fill('7/3/1984');
    await dateOfBirth.press('Tab');
    await expect.poll(() => dateOfBirth.inputValue()).toBe('07/03/1984');
    expect(await visible('Type the date as dd/mm/yyyy, or pick it from the calendar.')).toBe(false);
    await page.getByRole('button', { name: 'Open the calendar' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: '10 March 1984' }).isVisible()).toBe(true);
    await shot(page, 'cr-01a-intake-date-picker');
    await page.getByRole('button', { name: '10 March 1984' }).click();
    await expect.poll(() => dateOfBirth.inputValue()).toBe('10/03/1984');
    await dateOfBirth.fill('07/03/1984');
    await page.getByLabel('Gender', { exact: true }).fill('Woman');
    await page.getByLabel('Pronouns').fill('she/her');
    await shot(page, 'cr-01-intake-person');
    await next();
    await page.getByLabel('Phone').fill('07700 900123');
    await page.getByLabel('Email').fill('zofia at example');
    await page.getByLabel('Postcode').fill('LS6 2AB');
    await page.getByLabel('Address').fill('3 Mill Lane\nHeadingley, Leeds');
    await page.getByLabel('Preferred language').first().click();
    await page.getByRole('option', { name: 'Polish' }).click();
    await page.getByLabel('Needs an interpreter').check();
    await next();
    // A mistyped email stops the step, with the field marked and a sentence saying what is wrong.
    await expect.poll(() => visible('Enter an email address like name@example.org.')).toBe(true);
    await page.getByLabel('Email').fill('zofia@example.org');
    await shot(page, 'cr-02-intake-contact');
    await next();
    await page.getByLabel('Caseworker').first().click();
    await page.getByRole('option', { name: ADMIN.name }).click();
    await page.getByLabel('How they came to us').first().click();
    await page.getByRole('option', { name: 'Referred by an agency' }).click();
    await page.getByLabel('Referred by').fill('Leeds Housing Options');
    await shot(page, 'cr-03-intake-referral');
    await next();
    await page.getByRole('radio', { name: 'Only with the agencies named' }).check();
    await next();
    await expect.poll(() => visible('Name at least one agency, or choose another sharing option.')).toBe(true);
    await expect.poll(() => visible('Please fill this in.')).toBe(true); // how consent was given
    await page.getByLabel('Agencies they agreed to').first().fill('Leeds Housing Options');
    await page.keyboard.press('Enter');
    await page.getByLabel('Agencies they agreed to').first().fill('StepChange Debt Charity');
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: 'Phone' }).check();
    await page.getByRole('checkbox', { name: 'Letter' }).check();
    await page.getByRole('radio', { name: 'In writing' }).check();
    await shot(page, 'cr-04-intake-consent');
    await next();
    await expect.poll(() => visible('Zofia Wiśniewska-Łęcka (known as Zosia)')).toBe(true);
    // The check shows everything that will be saved, as the record will show it.
    const check = page.locator('dl');
    for (const [label, value] of [
      ['Gender', 'Woman'],
      ['Pronouns', 'she/her'],
      ['Email', 'zofia@example.org'],
      ['Address', '3 Mill Lane, Headingley, Leeds · LS6 2AB'],
      ['How they came to us', 'Referred by an agency: Leeds Housing Options'],
      ['Sharing with other agencies', 'Only with the agencies named: Leeds Housing Options, StepChange Debt Charity'],
      ['Contact by', 'Phone, Letter'],
    ] as const)
      expect(await check.getByText(value, { exact: true }).isVisible(), `${label}: ${value}`).toBe(true);
    await shot(page, 'cr-05-intake-check');
    await page.getByRole('button', { name: 'Save new client' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Zofia Wiśniewska-Łęcka' }).isVisible()).toBe(true);
    await expect.poll(() => visible('CB-00003')).toBe(true);
    await expect.poll(() => visible('known as Zosia · she/her · 42 years old')).toBe(true);
    expect(await page.getByText('Polish · Needs an interpreter').isVisible()).toBe(true);
    await shot(page, 'cr-06-client-overview');
    await page.getByRole('tab', { name: 'Consent' }).click();
    const consent = page.getByRole('article', { name: 'Consent in force' });
    await expect
      .poll(() => consent.innerText())
      .toContain('Only with the agencies named: Leeds Housing Options, StepChange Debt Charity');
    expect(await consent.innerText()).toContain('Phone, Letter');
    await shot(page, 'cr-07-client-consent');
  });

  it('warns of a duplicate while a second, similar intake is typed', async () => {
    await page.getByRole('button', { name: '← Back to clients' }).click();
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByLabel('First name').fill('Zofia');
    await page.getByLabel('Last name').fill('Wisniewska');
    await page.getByLabel('Date of birth').fill('1984-03-07');
    const warning = page.getByRole('alert', { name: /Is this someone we already know\?/ });
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.innerText()).toContain('Wiśniewska-Łęcka');
    expect(await warning.innerText()).toMatch(/Similar name · Same date of birth/);
    await shot(page, 'cr-08-duplicate-warning');
    // Going on to save asks the user to say it is a new person first.
    await page.getByRole('button', { name: 'Consent' }).click();
    await page.getByRole('radio', { name: 'Not recorded yet' }).check();
    await page.getByRole('button', { name: 'Check and save' }).click();
    await page.getByRole('button', { name: 'Save new client' }).click();
    await expect
      .poll(() => visible('Open the existing record, or tick the box to confirm this is a new person.'))
      .toBe(true);
    await shot(page, 'cr-09-duplicate-confirm');
    await page.getByRole('button', { name: 'Open existing: the record of Zofia Wiśniewska-Łęcka' }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'Zofia Wiśniewska-Łęcka' }).isVisible()).toBe(true);
    const all = await callCore<{ total: number }>(bridge, 'clients.search', {});
    expect(all.total).toBe(3);
  });

  it('scores a needs assessment', async () => {
    await page.getByRole('tab', { name: 'Needs assessments' }).click();
    await page.getByRole('button', { name: 'New needs assessment' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Score at least one area.')).toBe(true);
    await page.getByRole('radiogroup', { name: 'Score for Housing' }).getByText('3', { exact: true }).click();
    await page.getByLabel('Notes on Housing').fill('Section 21 notice, must leave by January');
    await page.getByLabel('Strengths in Housing').fill('Good relationship with the landlord');
    await page.getByRole('radiogroup', { name: 'Score for Money and debt' }).getByText('2', { exact: true }).click();
    await page.getByLabel('Notes on Money and debt').fill('£1,200 rent arrears, council tax letters unopened');
    await page
      .getByRole('radiogroup', { name: 'Score for Mental health and wellbeing' })
      .getByText('5', { exact: true })
      .click();
    await page.getByLabel('Summary').fill('Housing and debt are urgent; refer to StepChange.');
    await shot(page, 'cr-10-assessment-form');
    await page.getByRole('button', { name: 'Save' }).click();
    const card = page.getByRole('article', { name: /^Assessment on/ });
    await expect.poll(() => card.isVisible()).toBe(true);
    const rows = await card.getByRole('row').allInnerTexts();
    const texts = rows.slice(1).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(texts[0]).toMatch(
      /^Housing 3 Section 21 notice, must leave by January Good relationship with the landlord$/,
    );
    expect(texts[1]).toMatch(/^Money and debt 2 £1,200 rent arrears/);
    expect(texts[2]).toBe('Mental health and wellbeing 5');
    expect(texts).toHaveLength(3);
    await shot(page, 'cr-11-assessments');
  });

  it('raises a risk flag, shown as a banner on every screen of the client', async () => {
    await page.getByRole('tab', { name: 'Risk flags' }).click();
    await page.getByRole('button', { name: 'Raise a risk flag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Raise a risk flag' });
    await dialog.getByRole('button', { name: 'Raise flag' }).click();
    await expect.poll(() => dialog.getByText('Please fill this in.').isVisible()).toBe(true);
    await dialog.getByLabel('Kind of risk').first().click();
    await page.getByRole('option', { name: 'Domestic abuse' }).click();
    await dialog
      .getByLabel('What staff need to know')
      .fill('Ex-partner must not learn her address. Never leave a voicemail.');
    await shot(page, 'cr-12-raise-flag', { fullPage: false });
    await dialog.getByRole('button', { name: 'Raise flag' }).click();
    const banner = page.getByRole('alert', { name: 'Risk' });
    await expect.poll(() => banner.innerText()).toContain('Domestic abuse: Ex-partner must not learn her address.');
    await shot(page, 'cr-13-risk-banner');
    for (const tab of ['Overview', 'Consent', 'Household and contacts']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await banner.isVisible(), tab).toBe(true);
    }
    await page.getByRole('button', { name: 'Edit details' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Edit client' }).isVisible()).toBe(true);
    expect(await banner.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('records the household and key contacts', async () => {
    await page.getByRole('tab', { name: 'Household and contacts' }).click();
    await page.getByRole('button', { name: 'Add household member' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add household member' });
    await dialog.getByLabel('Name').fill('Ola Wiśniewska');
    await dialog.getByLabel('Relationship').first().click();
    await page.getByRole('option', { name: 'Child', exact: true }).click();
    await dialog.getByLabel('Date of birth').fill('2015-06-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Household' }).innerText()).toContain('Ola Wiśniewska');
    // A relationship not on the list is said in words.
    await page.getByRole('button', { name: 'Add household member' }).click();
    dialog = page.getByRole('dialog', { name: 'Add household member' });
    await dialog.getByLabel('Name').fill('Bogdan Nowak');
    await dialog.getByLabel('Relationship').first().click();
    await page.getByRole('option', { name: 'Other (say what)', exact: true }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByText('Please fill this in.').isVisible()).toBe(true);
    await dialog.getByLabel('Relationship in words').fill('Neighbour who helps with shopping');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const household = page.getByRole('table', { name: 'Household' });
    await expect
      .poll(() => household.getByRole('row', { name: /Bogdan Nowak/ }).innerText())
      .toContain('Neighbour who helps with shopping');
    expect(await household.getByRole('row', { name: /Ola Wiśniewska/ }).innerText()).toContain('Child');
    await page.getByRole('button', { name: 'Add key contact' }).click();
    dialog = page.getByRole('dialog', { name: 'Add key contact' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByText('Enter a name or an organisation.').isVisible()).toBe(true);
    await dialog.getByLabel('Role').first().click();
    await page.getByRole('option', { name: 'GP' }).click();
    await dialog.getByLabel('Name').fill('Dr Amrit Patel');
    await dialog.getByLabel('Organisation').fill('Hyde Park Surgery');
    await dialog.getByLabel('Phone').fill('0113 295 1234');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Key contacts' }).innerText())
      .toContain('Hyde Park Surgery');
    await shot(page, 'cr-14-household');
  });

  it('finds her in the list by part of a postcode and by her name typed without Polish letters', async () => {
    await page.getByRole('button', { name: '← Back to clients' }).click();
    const rows = page.getByRole('table', { name: 'Clients' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    await expect.poll(() => page.getByRole('img', { name: 'Risk flags: Domestic abuse' }).isVisible()).toBe(true);
    await shot(page, 'cr-15-list-with-flag');
    await page.getByLabel('Search clients').fill('ls6');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).innerText()).toContain('Wiśniewska-Łęcka, Zofia');
    await page.getByLabel('Search clients').fill('wisniewska lecka');
    await expect.poll(() => page.getByText('1 client', { exact: true }).isVisible()).toBe(true);
    await shot(page, 'cr-16-search-accent-free');
    // By the end of her phone number, read in pieces, and by her reference's number alone.
    for (const q of ['900 123', '123', 'CB-3']) {
      await page.getByLabel('Search clients').fill(q);
      await expect.poll(() => rows.count(), { message: q }).toBe(2);
      expect(await rows.nth(1).innerText(), q).toContain('Wiśniewska-Łęcka, Zofia');
    }
    await page.getByLabel('Search clients').fill('');
    await page.getByLabel('Risk flags').first().click();
    await page.getByRole('option', { name: 'Any risk flag' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    // Sorting by reference, newest first.
    await page.getByLabel('Risk flags').first().click();
    await page.getByRole('option', { name: 'All clients' }).click();
    await page.getByRole('button', { name: 'Reference' }).click();
    await page.getByRole('button', { name: /Reference/ }).click();
    await expect.poll(async () => (await rows.nth(1).innerText()).includes('CB-00003')).toBe(true);
  });

  it('merges a duplicate record into hers, moving what it held', async () => {
    const dup = await callCore<{ id: number; reference: string }>(bridge, 'clients.intake', {
      details: { firstName: 'Zofia', lastName: 'Wisniewska', dateOfBirth: '1984-03-07', phone: '07700 900999' },
      duplicatesSeen: [3],
    });
    await callCore(bridge, 'household.save', {
      clientId: dup.id,
      member: { name: 'Piotr Wiśniewski', relationship: 'child' },
    });
    await page.getByLabel('Search clients').fill('zofia');
    // The list has redrawn for the search (a row clicked while it redraws could be another client).
    await expect.poll(() => page.getByText('2 clients', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Wiśniewska-Łęcka, Zofia' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('heading', { name: /Wiśniewska-Łęcka/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Merge with another record' }).click();
    await page.getByRole('button', { name: `Compare with Zofia Wisniewska (${dup.reference})` }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Compare the two records' }).isVisible()).toBe(true);
    await shot(page, 'cr-17-merge-compare');
    await page.getByRole('button', { name: 'Merge records' }).click();
    const confirm = page.getByRole('dialog', { name: 'Merge these records?' });
    await confirm.getByRole('button', { name: 'Merge records' }).click();
    await expect.poll(() => visible(`${dup.reference} has been merged into CB-00003`)).toBe(true);
    await expect.poll(() => visible(`Also known by merged record numbers: ${dup.reference}`)).toBe(true);
    await page.getByRole('tab', { name: 'Household and contacts' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Household' }).innerText()).toContain('Piotr Wiśniewski');
  });

  it('closes the case with a reason', async () => {
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Change status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change status' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByText('Choose why the case is being closed.').isVisible()).toBe(true);
    await dialog.getByLabel('Reason').first().click();
    await page.getByRole('option', { name: 'Referred to another service' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Reopen case' }).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Status history' }).innerText()).toContain(
      'Referred to another service',
    );
  });

  it('the same screens in Polish', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Ustawienia' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Podopieczni' }).click();
    await expect.poll(() => page.getByText('3 podopiecznych').isVisible()).toBe(true);
    await shot(page, 'cr-pl-01-list');
    await page.getByRole('button', { name: 'Wiśniewska-Łęcka, Zofia' }).click();
    await expect.poll(() => page.getByRole('alert', { name: 'Zagrożenie' }).isVisible()).toBe(true);
    await shot(page, 'cr-pl-02-overview');
    await page.getByRole('tab', { name: 'Ocena potrzeb' }).click();
    await shot(page, 'cr-pl-03-assessments');
    await page.getByRole('button', { name: 'Nowa ocena potrzeb' }).click();
    await expect.poll(() => page.getByRole('radiogroup', { name: 'Ocena: Mieszkanie' }).isVisible()).toBe(true);
    await shot(page, 'cr-pl-04-assessment-form');
    await page.getByRole('button', { name: 'Anuluj' }).click();
    await page.getByRole('tab', { name: 'Zgody' }).click();
    await shot(page, 'cr-pl-05-consent');
    // Chosen from the English list, read in Polish.
    await page.getByRole('tab', { name: 'Gospodarstwo i kontakty' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Gospodarstwo domowe' })
          .getByRole('row', { name: /Ola Wiśniewska/ })
          .innerText(),
      )
      .toContain('Dziecko');
    await shot(page, 'cr-pl-05b-household');
    await page.getByRole('button', { name: '← Wróć do listy podopiecznych' }).click();
    await page.getByRole('button', { name: 'Dodaj podopiecznego' }).click();
    await page.getByRole('textbox', { name: /^Imię\s*\*?$/ }).fill('Zofia');
    await page.getByRole('textbox', { name: /^Nazwisko\s*\*?$/ }).fill('Wiśniewska');
    const dataUrodzenia = page.getByRole('textbox', { name: 'Data urodzenia' });
    await expect.poll(() => dataUrodzenia.getAttribute('placeholder')).toBe('dd.mm.rrrr');
    await dataUrodzenia.fill('7.3.1984');
    await dataUrodzenia.press('Tab');
    await expect.poll(() => dataUrodzenia.inputValue()).toBe('07.03.1984');
    await page.getByRole('button', { name: 'Otwórz kalendarz' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: '7 marca 1984', exact: true }).isVisible()).toBe(true);
    await shot(page, 'cr-pl-05c-date-picker');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('alert', { name: /Czy już znamy tę osobę\?/ }).isVisible()).toBe(true);
    await shot(page, 'cr-pl-06-intake-duplicate');
    await page.getByRole('button', { name: 'Zgoda' }).click();
    await shot(page, 'cr-pl-07-intake-consent');
  });
});
