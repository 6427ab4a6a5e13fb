import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatDateForEntry } from '../../renderer/src/format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/caseload';
import { localToday } from '../../shared/clock';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import {
  callCore,
  closeAll,
  launchChromium,
  openPage,
  openSignedIn,
  pdfText,
  pdfToPng,
  setUpThroughCore,
  shot,
  byPerson,
  whatIsPrinted,
} from './browser';

/**
 * A referral as a caseworker makes it: add the agency to the directory, refer the client, be stopped
 * because there is no consent, record the consent, send, write the referral letter, keep it, save it
 * as a PDF and find it on the client's Letters tab. Then the template editor flags a mistyped field,
 * and the same screens in Polish.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
/** This file's day (any day works: the dates below follow it). */
const now = clockFrom('2029-03-14T10:00');
const today = localToday(now());
let root: string;
let saveDir: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;

const { visible, dialog, tab, nav, quiet } = byPerson(() => page);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-referrals-'));
  saveDir = join(root, 'saved');
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir, now });
  await setUpThroughCore(bridge, ADMIN);
  await callCore(bridge, 'charity.update', {
    name: 'Przystań Community Aid',
    address: '12 High Street\nLeeds LS1 4AB',
    charityNumber: '1187654',
    phone: '0113 496 0000',
    email: 'help@przystan.example.org',
  });
  await callCore(bridge, 'clients.intake', {
    details: {
      firstName: 'Zofia',
      lastName: 'Wiśniewska-Łęcka',
      dateOfBirth: '1984-05-17',
      address: 'Flat 3, 27 Żółkiewski Court\nLeeds',
      postcode: 'LS6 2AB',
      phone: '07700 900123',
      preferredLanguage: 'pl',
      intakeDate: addDays(today, -20),
      caseworkerId: 1,
    },
  });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();

  // A logo for the letterhead, drawn in the browser and chosen as a file would be.
  const drawing = await openPage(browser, now);
  await drawing.setContent(
    `<div id="logo" style="display:inline-flex;align-items:center;gap:10px;padding:8px 14px;font:700 30px sans-serif;color:#1c4f7c">
       <svg width="46" height="46" viewBox="0 0 46 46"><circle cx="23" cy="23" r="21" fill="#1c4f7c"/><path d="M12 26 L23 14 L34 26 M16 24 V34 H30 V24" stroke="white" stroke-width="3.5" fill="none"/></svg>Przystań</div>`,
  );
  const logoPath = join(root, 'logo.png');
  await drawing.locator('#logo').screenshot({ path: logoPath, omitBackground: true });
  await drawing.close();
  bridge.platform.nextFile = logoPath;
  await callCore(bridge, 'signIn.unlock', { name: ADMIN.name, password: ADMIN.password });
  await callCore(bridge, 'charity.chooseLogo', {});
  await callCore(bridge, 'signIn.lock', {});

  page = await openSignedIn(browser, bridge, ADMIN);
});

afterAll(() => closeAll(browser, bridge, root));

describe('referrals and letters, end to end', () => {
  it('adds an agency with a named contact to the directory and finds it without typing the accents', async () => {
    await nav('Agencies');
    await expect.poll(() => visible('No agencies yet.')).toBe(true);
    await page.getByRole('button', { name: 'Add an agency' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Please fill this in.')).toBe(true);
    await page.getByLabel(/^Name of the organisation/).fill('Łódź Housing Advice Leeds');
    await page
      .getByLabel('Services offered')
      .fill('Housing advice, homelessness prevention, help with notices to quit');
    await page.getByLabel('Address').fill('4 Park Row\nLeeds LS1 5HD');
    await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('0113 222 3333');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('referrals@housing.example.org');
    await page.getByLabel('Website').fill('not a web address');
    await page.getByRole('checkbox', { name: 'Letter' }).check();
    await page.getByRole('checkbox', { name: 'Email' }).check();
    await page
      .getByLabel('How to refer')
      .fill('Send the referral letter by post or email; they reply within 10 working days.');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page
      .getByLabel(/^Name$|^Name \*/)
      .last()
      .fill('Grażyna Wójcik');
    await page.getByLabel('Role').fill('Housing officer');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Enter a web address such as www.example.org.')).toBe(true);
    await page.getByLabel('Website').fill('www.housing.example.org');
    await shot(page, 'ref-01-agency-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Łódź Housing Advice Leeds' }).isVisible()).toBe(true);
    expect(await visible('Grażyna Wójcik')).toBe(true);
    await quiet();
    await shot(page, 'ref-02-agency');

    await nav('Agencies');
    await page.getByLabel('Search agencies').fill('lodz housing');
    await expect.poll(() => page.getByRole('button', { name: 'Łódź Housing Advice Leeds' }).isVisible()).toBe(true);
    await page.getByLabel('Search agencies').fill('food bank');
    await expect.poll(() => visible('No agency matches “food bank”.')).toBe(true);
  });

  it('refers the client; sending is refused without consent and says how to record it', async () => {
    await nav('Clients');
    await page
      .getByRole('button', { name: /Wiśniewska-Łęcka/ })
      .first()
      .click();
    await tab('Referrals');
    await page.getByRole('button', { name: 'Refer to an agency' }).click();
    await dialog().getByLabel('Agency').first().click();
    await page.getByRole('option', { name: 'Łódź Housing Advice Leeds' }).click();
    await dialog().getByLabel('Contact at the agency').first().click();
    await page.getByRole('option', { name: 'Grażyna Wójcik (Housing officer)' }).click();
    await dialog()
      .getByLabel(/^Reason for the referral/)
      .fill(
        'Zofia has been given a section 21 notice and must leave her flat in eight weeks. She needs advice on her rights and help to apply for rehousing.',
      );
    await dialog().getByLabel('Need area').first().click();
    await page.getByRole('option', { name: 'Housing' }).click();
    await dialog()
      .getByLabel(/^Urgency/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Soon' }).click();
    await dialog()
      .getByLabel('What is shared with the agency')
      .fill('Name, date of birth, address, phone number and a copy of the notice.');
    await shot(page, 'ref-03-referral-form');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('article', { name: 'Łódź Housing Advice Leeds' }).isVisible()).toBe(true);
    expect(await page.getByRole('article', { name: 'Łódź Housing Advice Leeds' }).getByText('Draft').isVisible()).toBe(
      true,
    );

    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await dialog().getByRole('button', { name: 'Mark as sent' }).click();
    const refusal =
      'This referral cannot be sent: the client has no consent on record to share their details with other agencies. Record their consent on the Consent tab, then send the referral.';
    await expect.poll(() => dialog().getByText(refusal).isVisible()).toBe(true);
    await shot(page, 'ref-04-consent-gate');
    await dialog().getByRole('button', { name: 'Open the Consent tab' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Record consent' }).isVisible()).toBe(true);
  });

  it('records consent, then sends the referral with a follow-up date that reaches the home screen', async () => {
    await page.getByRole('button', { name: 'Record consent' }).click();
    await dialog().getByRole('radio', { name: 'With any agency we refer them to' }).check();
    await dialog().getByRole('radio', { name: 'In writing' }).check();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().isVisible()).toBe(false);
    await tab('Referrals');
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    // Offered two weeks ahead, shown day first as British dates are.
    expect(
      await dialog()
        .getByLabel(/^Follow up by/)
        .inputValue(),
    ).toBe(formatDateForEntry(addDays(today, 14), 'en'));
    await dialog()
      .getByLabel(/^Follow up by/)
      .fill(addDays(today, 5));
    await dialog().getByRole('button', { name: 'Mark as sent' }).click();
    await expect.poll(() => dialog().isVisible()).toBe(false);
    const card = page.getByRole('article', { name: 'Łódź Housing Advice Leeds' });
    await expect.poll(() => card.getByText('Sent', { exact: true }).isVisible()).toBe(true);
    expect(await card.getByText(/^Follow up by/).isVisible()).toBe(true);
    await quiet();
    await shot(page, 'ref-05-referral-sent');
    await nav('Home');
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Referrals to follow up' }).getByText('Łódź Housing Advice Leeds').isVisible(),
      )
      .toBe(true);
  });

  it('writes the referral letter: preview, keep, save as PDF; the PDF has the Polish letters and no empty fields', async () => {
    await page
      .getByRole('region', { name: 'Referrals to follow up' })
      .getByRole('button', { name: /Wiśniewska-Łęcka/ })
      .click();
    await page.getByRole('button', { name: 'Write the referral letter' }).click();
    // The client prefers Polish: the Polish referral letter is offered first.
    await expect.poll(() => visible(/^Written in Polish/)).toBe(true);
    const preview = page.getByRole('article', { name: 'Preview' });
    await expect.poll(() => preview.getByText('Skierowanie: Zofia Wiśniewska-Łęcka (CB-00001)').isVisible()).toBe(true);
    // Written in English instead: choose the English template.
    await page
      .getByLabel(/^Template/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Referral letter (English)' }).click();
    await expect.poll(() => preview.getByText('Referral: Zofia Wiśniewska-Łęcka (CB-00001)').isVisible()).toBe(true);
    expect(await preview.getByText('Grażyna Wójcik, Housing officer').isVisible()).toBe(true);
    expect(await visible(/^Nothing to fill these fields with/)).toBe(false);
    await shot(page, 'ref-06-letter-preview');

    await page.getByRole('button', { name: 'Keep the letter' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save as PDF' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect.poll(() => visible(/^Saved the letter to/)).toBe(true);
    const pdf = join(
      saveDir,
      readdirSync(saveDir).find((f) => f.startsWith('Referral letter'))!,
    );
    const text = pdfText(pdf);
    for (const s of [
      'Zofia Wiśniewska-Łęcka',
      'Grażyna Wójcik',
      'Łódź Housing Advice Leeds',
      'Flat 3, 27 Żółkiewski Court',
      'Our reference',
      'CB-00001/R1',
      'Registered charity number 1187654',
      'Page 1 of',
    ])
      expect(text, s).toContain(s);
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(existsSync(pdfToPng(pdf, 'ref-07-letter-pdf'))).toBe(true);

    // What the printer gets: the saved PDF's own pages (the address in the envelope window),
    // without the app around them, drawn sharp enough for paper (200 dots per inch on A4).
    const printed = await whatIsPrinted(
      page,
      bridge,
      () => page.getByRole('button', { name: 'Print' }).click(),
      'ref-08-letter-print',
    );
    expect(printed.pages).toBe(Number(/Page 1 of (\d+)/.exec(text)![1]));
    expect(printed.width).toBeGreaterThan(1600);
    await expect.poll(() => visible(/was sent to the printer\.$/)).toBe(true);
    await quiet();

    await page.getByRole('button', { name: '← Zofia Wiśniewska-Łęcka' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Letters' })
          .getByText('Referral: Zofia Wiśniewska-Łęcka (CB-00001)')
          .isVisible(),
      )
      .toBe(true);
    await shot(page, 'ref-09-letters-tab');
    await tab('Notes');
    await expect.poll(() => visible('Letter written')).toBe(true);
    expect(await page.getByText('Referral', { exact: true }).first().isVisible()).toBe(true);
    const audit = await callCore<{ items: { action: string }[] }>(bridge, 'audit.list', { client: 'CB-00001' });
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'referral.created',
        'referral.statusChanged',
        'letter.written',
        'letter.saved',
        'letter.printed',
      ]),
    );
  });

  it('the template editor flags a mistyped field, inserts fields from the picker and previews live', async () => {
    await nav('Letter templates');
    await page.getByRole('button', { name: 'Change: General letter (English)' }).click();
    const body = page.getByLabel(/^Letter text/);
    await body.fill('Dear {{client.firstNmae}},\n\n{{letter.text}}\n\nYours sincerely,');
    await expect
      .poll(() => visible('{{client.firstNmae}} is not a field Casebook knows. Pick fields from “Insert a field”.'))
      .toBe(true);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => visible('This text has a field Casebook does not know. See the list under the text.'))
      .toBe(true);
    await body.fill('Dear ,\n\n{{letter.text}}\n\nYours sincerely,');
    await body.focus();
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));
    await page.getByRole('button', { name: 'Insert a field' }).click();
    await page.getByRole('menuitem', { name: /Client first name/ }).click();
    await expect
      .poll(() => body.inputValue())
      .toBe('Dear {{client.firstName}},\n\n{{letter.text}}\n\nYours sincerely,');
    await expect
      .poll(() =>
        page.getByRole('article', { name: 'Live preview (with made-up details)' }).getByText('Dear Zofia,').isVisible(),
      )
      .toBe(true);
    await shot(page, 'ref-10-template-editor');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Template saved.')).toBe(true);
  });

  it('shows the same screens in Polish', async () => {
    await quiet();
    await nav('Settings');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await nav('Skierowania');
    await expect.poll(() => page.getByRole('heading', { name: 'Skierowania' }).isVisible()).toBe(true);
    await shot(page, 'ref-11-referrals-pl');
    await page
      .getByRole('button', { name: /Wiśniewska-Łęcka/ })
      .first()
      .click();
    await expect.poll(() => visible('Wysłane')).toBe(true);
    await shot(page, 'ref-12-referral-pl');
    await page.getByRole('button', { name: 'Napisz pismo ze skierowaniem' }).click();
    const preview = page.getByRole('article', { name: 'Podgląd' });
    await expect.poll(() => preview.getByText('Skierowanie: Zofia Wiśniewska-Łęcka (CB-00001)').isVisible()).toBe(true);
    await shot(page, 'ref-13-letter-pl');
    await nav('Instytucje');
    await expect.poll(() => page.getByRole('button', { name: 'Łódź Housing Advice Leeds' }).isVisible()).toBe(true);
    await shot(page, 'ref-14-agencies-pl');
  });
});
