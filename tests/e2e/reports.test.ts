import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
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
  whatIsPrinted,
} from './browser';

/** This file's day: the records below are dated around it. */
const now = clockFrom('2026-11-23T10:00');

/**
 * The coordinator runs the report for funders over the default twelve months: the figures and
 * charts on screen, then the same report saved as a PDF (read back and looked at) and as CSV for
 * Excel (parsed back, Polish letters intact). Then in Polish.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
let root: string;
let saveDir: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;

const { visible, nav, quiet } = byPerson(() => page);

const PEOPLE = [
  ['Zofia', 'Wiśniewska-Łęcka', '1984-05-17', 'Female', 'pl', 3, 7],
  ['Adam', 'Brown', '1990-01-02', 'Male', 'en', 4, 4],
  ['Jerzy', 'Żak', '1950-03-04', 'Male', 'pl', 6, 8],
  ['Grażyna', 'Wójcik', '1979-09-09', 'Female', 'pl', 2, 5],
  ['Tom', 'Price', '1988-12-12', 'Male', 'en', 5, 3],
  ['Ewa', 'Zając', '1992-07-07', 'Female', 'pl', 4, 6],
] as const;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-reports-'));
  saveDir = join(root, 'saved');
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir, now });
  await setUpThroughCore(bridge, ADMIN);
  await callCore(bridge, 'charity.update', {
    name: 'Przystań Community Aid',
    address: '12 High Street\nLeeds LS1 4AB',
    currency: 'GBP',
  });
  const areas = await callCore<{ id: number; builtinKey: string | null }[]>(bridge, 'needAreas.list', {});
  const housing = areas.find((a) => a.builtinKey === 'housing')!.id;
  const parcel = (await callCore<{ id: number; builtinKey: string | null }[]>(bridge, 'helpTypes.list', {})).find(
    (x) => x.builtinKey === 'foodParcel',
  )!.id;
  let n = 0;
  for (const [firstName, lastName, dateOfBirth, gender, preferredLanguage, before, after] of PEOPLE) {
    n++;
    const seen = await callCore<{ client: { id: number } }[]>(bridge, 'clients.findDuplicates', {
      firstName,
      lastName,
      dateOfBirth,
    });
    const c = await callCore<{ id: number }>(bridge, 'clients.intake', {
      details: {
        firstName,
        lastName,
        dateOfBirth,
        gender,
        preferredLanguage,
        intakeDate: `2026-0${n}-10`,
        caseworkerId: 1,
      },
      duplicatesSeen: seen.map((m) => m.client.id),
    });
    await callCore(bridge, 'assessments.save', {
      clientId: c.id,
      assessment: { assessedOn: `2026-0${n}-10`, scores: [{ areaId: housing, score: before }] },
    });
    await callCore(bridge, 'assessments.save', {
      clientId: c.id,
      assessment: { assessedOn: '2026-09-15', scores: [{ areaId: housing, score: after }] },
    });
    await callCore(bridge, 'notes.save', {
      clientId: c.id,
      note: {
        date: `2026-0${n}-11`,
        time: '10:00',
        kind: n % 2 ? 'phone' : 'homeVisit',
        durationMinutes: 45,
        body: 'First contact.',
      },
    });
    await callCore(bridge, 'helpGiven.give', {
      clientId: c.id,
      helpGiven: { typeId: parcel, givenOn: `2026-0${n}-12`, quantity: 1, value: 1500 },
    });
  }
  // A case closed in 2019: past the six-year retention period.
  const old = await callCore<{ id: number; version: number }>(bridge, 'clients.intake', {
    details: { firstName: 'Maria', lastName: 'Dawna', intakeDate: '2018-03-01' },
    duplicatesSeen: [],
  });
  await callCore(bridge, 'clients.setStatus', {
    id: old.id,
    version: old.version,
    change: { status: 'closed', on: '2019-06-01', reason: 'movedAway' },
  });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openSignedIn(browser, bridge, ADMIN);
});

afterAll(() => closeAll(browser, bridge, root));

describe('the funder report, end to end', () => {
  it('shows the figures and charts for the last twelve months, with small groups hidden', async () => {
    await nav('Funder report');
    await expect.poll(() => page.getByRole('heading', { name: 'Report for funders' }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('group', { name: 'New clients taken in' }).textContent())
      .toBe('6New clients taken in');
    const outcomes = page.getByRole('table', { name: 'Outcomes: change between the first and the latest score' });
    // 4 improved, 1 the same, 1 worse: every one a group under five, so all hidden (and not drawn).
    await expect.poll(() => outcomes.getByRole('row', { name: /Housing/ }).textContent()).toBe('Housing<5<5<5');
    expect(
      await visible(
        '6 clients supported and assessed or reviewed in the period had two or more scored assessments; <5 of them (–) improved on average across their areas.',
      ),
    ).toBe(true);
    // Three women, three men: both groups under five.
    const genders = page.getByRole('table', { name: 'Gender (as the client describes it)' });
    expect(await genders.getByRole('row', { name: /Female/ }).textContent()).toBe('Female<5');
    expect(
      await page
        .getByRole('table', { name: 'Help given' })
        .getByRole('row', { name: /Food parcel/ })
        .textContent(),
    ).toMatch(/Food parcel66£90\.006/);
    await shot(page, 'rep-01-report');
  });

  it('prints the report, and saves the same report as a PDF and as CSV for Excel', async () => {
    const printed = await whatIsPrinted(
      page,
      bridge,
      () => page.getByRole('button', { name: 'Print', exact: true }).click(),
      'rep-01b-report-print',
    );
    expect(printed.pages).toBeGreaterThan(1);
    await quiet();
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect.poll(() => visible(/^Saved as .*\.pdf$/)).toBe(true);
    const pdf = join(
      saveDir,
      readdirSync(saveDir).find((f) => f.startsWith('Funder report') && f.endsWith('.pdf'))!,
    );
    const text = pdfText(pdf);
    for (const s of [
      'Przystań Community Aid',
      'Report for funders',
      'New clients taken in',
      'Outcomes: change between the first and the latest score',
      'Food parcel',
      '£90.00',
      '<5',
      'Page 1 of',
    ])
      expect(text, s).toContain(s);
    expect(existsSync(pdfToPng(pdf, 'rep-02-report-pdf'))).toBe(true);
    await quiet();
    await page.getByRole('button', { name: 'Save as CSV (Excel)' }).click();
    await expect.poll(() => visible(/^Saved as .*\.csv$/)).toBe(true);
    const csv = readFileSync(
      join(
        saveDir,
        readdirSync(saveDir).find((f) => f.endsWith('.csv'))!,
      ),
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv.toString('utf8'), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    expect(rows[0]).toEqual(['Przystań Community Aid']);
    expect(rows).toContainEqual(['New clients taken in', '6']);
    expect(rows).toContainEqual(['Polish', '<5']);
  });

  it('saves only the report on screen: dates changed and not shown must be shown first', async () => {
    await quiet();
    const before = readdirSync(saveDir).length;
    await page.getByLabel('From', { exact: true }).fill('2026-06-01');
    await expect.poll(() => visible(/have changed since this report was shown/)).toBe(true);
    expect(await page.getByRole('button', { name: 'Save as PDF' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save as CSV (Excel)' }).isDisabled()).toBe(true);
    await shot(page, 'rep-03-show-first', { fullPage: false });
    expect(readdirSync(saveDir).length).toBe(before);
    await page.getByRole('button', { name: 'Show the report' }).click();
    await expect.poll(() => visible(/^Period: 1 Jun 2026/)).toBe(true);
    expect(await visible(/have changed since this report was shown/)).toBe(false);
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect.poll(() => visible(/^Saved as .*\.pdf$/)).toBe(true);
    const newest = readdirSync(saveDir)
      .filter((f) => f.startsWith('Funder report') && f.endsWith('.pdf'))
      .map((f) => join(saveDir, f))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
    expect(pdfText(newest)).toContain('1 June 2026');
  });

  it('answers her subject access request: the request on the home screen, the pack as PDF and JSON, marked answered', async () => {
    await quiet();
    await nav('Clients');
    await page
      .getByRole('button', { name: /Wiśniewska-Łęcka/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Subject access', exact: true }).click();
    await expect.poll(() => visible('This client has made no subject access request.')).toBe(true);
    const form = page.getByRole('region', { name: 'Record a subject access request' });
    await form.getByLabel(/^Request received on/).fill('2030-01-01');
    await form.getByRole('button', { name: 'Record request' }).click();
    await expect.poll(() => form.getByText('This date is in the future.').first().isVisible()).toBe(true);
    await form.getByLabel(/^Request received on/).fill('2026-11-20');
    await expect.poll(() => visible('The answer will be due by 20 Dec 2026.')).toBe(true);
    await form.getByLabel(/^How it came in/).fill('Letter handed in at the office; passport seen.');
    await form.getByRole('button', { name: 'Record request' }).click();
    await expect.poll(() => visible('Request recorded. The answer is due by 20 Dec 2026.')).toBe(true);

    await quiet();
    await nav('Home');
    const waiting = page.getByRole('region', { name: '1 subject access request waiting for an answer' });
    await expect.poll(() => waiting.getByText('Due by 20 Dec 2026').isVisible()).toBe(true);
    await waiting.getByRole('button', { name: /Zofia Wiśniewska-Łęcka/ }).click();
    await page.getByRole('button', { name: 'Make the pack (PDF and JSON)' }).click();
    await expect
      .poll(() => visible(/^The pack was saved as .*\.pdf, with the same information as data in .*\.json/))
      .toBe(true);
    const name = readdirSync(saveDir).find((f) => f.startsWith('Subject access') && f.endsWith('.pdf'))!;
    const text = pdfText(join(saveDir, name)).replace(/\s+/g, ' ');
    for (const s of [
      'Information we hold about Zofia',
      'Subject access request received on 20 November 2026',
      'Your details',
      '17 May 1984',
      'Housing',
      '3 out of 10',
      'First contact.',
      'Food parcel',
      '£15.00',
      'Who opened or changed your record',
      'Opened a client’s record',
    ])
      expect(text, s).toContain(s);
    const pack = JSON.parse(readFileSync(join(saveDir, name.replace(/\.pdf$/, '.json')), 'utf8')) as {
      record: { client: { lastName: string } };
      caseNotes: { body: string }[];
    };
    expect(pack.record.client.lastName).toBe('Wiśniewska-Łęcka');
    expect(pack.caseNotes.map((n) => n.body)).toEqual(['First contact.']);
    expect(existsSync(pdfToPng(join(saveDir, name), 'rep-07-access-pack'))).toBe(true);
    await expect.poll(() => visible(/^The pack was last made on/)).toBe(true);
    // The readable pack can go to the printer too (to hand over in person).
    await quiet();
    const printedPack = await whatIsPrinted(
      page,
      bridge,
      () => page.getByRole('button', { name: 'Print the pack' }).click(),
      'rep-07b-access-pack-print',
    );
    expect(printedPack.pages).toBe(Number(/Page 1 of (\d+)/.exec(text)![1]));
    await shot(page, 'rep-06-access');
    await page.getByRole('button', { name: 'Mark as answered' }).click();
    await expect.poll(() => visible('The request is marked as answered.')).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Requests from this client' })
          .getByText(/^Answered on/)
          .isVisible(),
      )
      .toBe(true);
    const audit = await callCore<{ items: { action: string }[] }>(bridge, 'audit.list', { client: 'CB-00001' });
    expect(audit.items.map((e) => e.action).filter((a) => a.startsWith('access.'))).toEqual([
      'access.answered',
      'access.packPrinted',
      'access.packSaved',
      'access.requested',
    ]);
  });

  it('erases a client at her request: she is gone from search, and the report counts one fewer', async () => {
    await quiet();
    await nav('Clients');
    await page
      .getByRole('button', { name: /Wiśniewska-Łęcka/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Erase or anonymise' }).click();
    const d = page.getByRole('dialog');
    await d.getByRole('radio', { name: 'Erase everything' }).check();
    // The pack saved earlier is outside Casebook and is not erased with her: the dialog says where it is.
    const copies = d.getByRole('region', { name: 'Copies outside Casebook' });
    await expect.poll(() => copies.getByText(/^Subject access pack, saved /).count()).toBe(2);
    expect(await copies.innerText()).toContain(
      join(
        saveDir,
        readdirSync(saveDir).find((f) => f.startsWith('Subject access') && f.endsWith('.pdf'))!,
      ),
    );
    expect(await d.innerText()).toContain('Backups made before now still hold the record.');
    await d.getByLabel(/^Why/).fill('She asked us to delete her data (request of 20 November).');
    await d.getByLabel(/^Type the reference CB-00001 to confirm/).fill('CB-00002');
    await d.getByRole('button', { name: 'Erase or anonymise now' }).click();
    await expect
      .poll(() => d.getByText('This is not the client’s reference. Type it exactly as shown.').first().isVisible())
      .toBe(true);
    await shot(page, 'rep-03-erase', { fullPage: false });
    await d.getByLabel(/^Type the reference CB-00001 to confirm/).fill('CB-00001');
    await d.getByRole('button', { name: 'Erase or anonymise now' }).click();
    await expect.poll(() => visible('CB-00001 has been erased.')).toBe(true);
    await page.getByLabel('Search clients').fill('lecka');
    await expect.poll(() => visible('No client matches “lecka”.')).toBe(true);
    await nav('Funder report');
    await expect
      .poll(() => page.getByRole('group', { name: 'New clients taken in' }).textContent())
      .toBe('5New clients taken in');
    const audit = await callCore<{ items: { action: string; detail: unknown }[] }>(bridge, 'audit.list', {
      action: 'client.erased',
    });
    expect(audit.items[0]!.detail).toEqual({
      reference: 'CB-00001',
      reason: 'She asked us to delete her data (request of 20 November).',
    });
  });

  it('lists the case past the retention period from the home screen, and keeps it for a stated reason', async () => {
    await quiet();
    await nav('Home');
    await expect.poll(() => visible('1 closed case is past the retention period.')).toBe(true);
    await page.getByRole('button', { name: 'Retention review' }).first().click();
    const due = page.getByRole('table', { name: '1 closed case past the retention period' });
    await expect.poll(() => due.getByText('Maria Dawna').isVisible()).toBe(true);
    await shot(page, 'rep-05-retention');
    await due.getByRole('button', { name: /^Keep: CB-/ }).click();
    await page
      .getByRole('dialog')
      .getByLabel(/^Why keep it/)
      .fill('Her housing appeal is still open.');
    await page.getByRole('dialog').getByRole('button', { name: 'Keep' }).click();
    await expect.poll(() => visible('No closed case is past the retention period.')).toBe(true);

    // Someone who never became a client, told where to go last year with their name taken: due to be forgotten.
    await callCore(bridge, 'signposting.record', {
      contactedOn: '2025-06-02',
      how: 'phone',
      topic: 'Debt',
      elsewhere: 'Citizens Advice',
      named: true,
      name: 'Piotr Zieliński',
      phone: '07700 900321',
    });
    await nav('Home');
    await nav('Retention review');
    const never = page.getByRole('table', { name: 'People who never became clients: 1 kept its time' });
    await expect
      .poll(() => never.getByRole('row').nth(1).textContent())
      .toContain('Piotr ZielińskiSignposting contact');
    await never.scrollIntoViewIfNeeded();
    await shot(page, 'rep-06-never-clients');
    await never.getByRole('button', { name: 'Remove their details: Piotr Zieliński' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove for good' }).click();
    await expect.poll(() => visible('Nobody who never became a client has been kept that long.')).toBe(true);
    // The months are the charity's to set: saved on their own, and kept when the page is opened again.
    const months = page.getByLabel('Months to keep the details of people who never became clients');
    const saveMonths = months
      .locator('xpath=ancestor::div[contains(@class, "mantine-Group-root")][1]')
      .getByRole('button', { name: 'Save' });
    // Too many months is refused in words, and nothing is saved.
    await months.fill('200');
    await saveMonths.click();
    await expect.poll(() => visible('Give a whole number of months from 1 to 120.')).toBe(true);
    await months.fill('24');
    await saveMonths.click();
    await expect.poll(() => visible('Retention period saved.')).toBe(true);
    await nav('Home');
    await nav('Retention review');
    await expect
      .poll(() => page.getByLabel('Months to keep the details of people who never became clients').inputValue())
      .toBe('24');
  });

  it('shows the report in Polish', async () => {
    await quiet();
    await nav('Settings');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await nav('Sprawozdanie');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Sprawozdanie dla grantodawców' }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole('group', { name: 'Nowi klienci' }).isVisible()).toBe(true);
    await shot(page, 'rep-04-report-pl');
    await nav('Podopieczni');
    await page.getByRole('button', { name: /Żak/ }).first().click();
    await page.getByRole('button', { name: 'Dostęp do danych', exact: true }).click();
    await expect.poll(() => visible('Zapisz wniosek o dostęp do danych')).toBe(true);
    await shot(page, 'rep-08-access-pl');
  });
});
