import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import { byPerson, callCore, closeAll, launchChromium, openSignedIn, setUpThroughCore, shot } from './browser';

/** This file's day: the records below are dated around it. */
const now = clockFrom('2026-11-23T10:00');

/**
 * The coordinator brings the charity's old spreadsheet in: a CSV saved by Excel on a Polish
 * Windows (Windows-1250, semicolons). Casebook says it is not UTF-8 rather than guess, the
 * coordinator picks Central European, sees the problem row and the person already on file, imports
 * the rest, finds them, and undoes the import.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
let root: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;
const { visible, nav, dialog, quiet } = byPerson(() => page);

/** Text as Windows-1250 bytes (Node can decode it, not encode it). */
function cp1250(text: string): Buffer {
  const map: Record<string, number> = {
    ą: 0xb9,
    ć: 0xe6,
    ę: 0xea,
    ł: 0xb3,
    ń: 0xf1,
    ó: 0xf3,
    ś: 0x9c,
    ź: 0x9f,
    ż: 0xbf,
    Ą: 0xa5,
    Ć: 0xc6,
    Ę: 0xca,
    Ł: 0xa3,
    Ń: 0xd1,
    Ó: 0xd3,
    Ś: 0x8c,
    Ź: 0x8f,
    Ż: 0xaf,
  };
  return Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-imports-'));
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir: join(root, 'saved'), now });
  await setUpThroughCore(bridge, ADMIN);
  await callCore(bridge, 'clients.intake', {
    details: { firstName: 'Maria', lastName: 'Kowalczyk', dateOfBirth: '1970-01-01' },
  });
  const file = join(root, 'podopieczni.csv');
  writeFileSync(
    file,
    cp1250(
      [
        'Imię;Nazwisko;Data urodzenia;Telefon;Uwagi',
        'Zofia;Wiśniewska-Łęcka;17.05.1984;07700 900123;mama Kasi',
        'Jerzy;Żak;04.03.1950;;',
        'Grażyna;Wójcik;31.02.1979;;',
        'Maria;Kowalczyk;01.01.1970;;',
        'Łucja;Źródło;;;',
      ].join('\r\n'),
    ),
  );
  bridge.platform.nextFile = file;
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openSignedIn(browser, bridge, ADMIN);
});

afterAll(() => closeAll(browser, bridge, root));

describe('importing clients from a spreadsheet, end to end', () => {
  it('reads a Windows-1250 CSV once told, shows the problem row and the person on file, and imports the rest', async () => {
    await nav('Clients');
    await page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
    await expect.poll(() => visible('No clients have been imported yet.')).toBe(true);
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'This file is not in UTF-8' }).isVisible())
      .toBe(true);
    // Before its alphabet is chosen, nothing claims to know the rows or the alphabet.
    expect(
      await page.getByRole('heading', { name: /: choose how its letters are written to read its rows$/ }).isVisible(),
    ).toBe(true);
    expect(await visible(/0 rows of clients/)).toBe(false);
    expect(await page.getByLabel('How the letters in the file are written', { exact: true }).first().inputValue()).toBe(
      'Not found from the file: choose one',
    );
    await page.getByLabel('How the letters in the file are written', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Central European (Windows-1250, Polish)' }).click();
    const columns = page.getByRole('table', { name: 'Columns' });
    await expect.poll(() => columns.getByText('Wiśniewska-Łęcka · Żak · Wójcik').isVisible()).toBe(true);
    expect(await page.getByLabel('Import column “Imię” as').first().inputValue()).toBe('First name');
    expect(await page.getByLabel('Import column “Uwagi” as').first().inputValue()).toBe('Do not import');
    const check = page.getByRole('group', { name: 'Check' });
    await expect
      .poll(() => check.textContent())
      .toBe('5 rows3 ready to import1 with problems1 possibly already on file');
    const problems = page.getByRole('table', { name: 'Rows with problems' });
    expect(await problems.getByRole('row').nth(1).textContent()).toBe('4Data urodzenia31.02.1979Enter a real date.');
    expect(
      await page.getByRole('table', { name: 'Possibly already on file' }).getByRole('row').nth(1).textContent(),
    ).toMatch(/^5Maria Kowalczyk1 Jan 1970Maria Kowalczyk \(CB-00001\)/);
    const importButton = page.getByRole('button', { name: 'Import 3 clients' });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Leave out the row with problems and import the rest' }).check();
    // No column says when they were taken in: the file's date is asked for before anything is imported.
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByLabel('Date these people were taken in').fill('2025-12-31');
    await expect.poll(() => importButton.isEnabled()).toBe(true);
    await shot(page, 'imp-01-check');
    await importButton.click();
    await expect.poll(() => visible('3 clients imported.')).toBe(true);
    const history = page.getByRole('table', { name: 'Earlier imports' });
    await expect
      .poll(() => history.getByRole('row').nth(1).textContent())
      .toMatch(/podopieczni\.csv32Anna KowalskaUndo this import$/);
    await shot(page, 'imp-02-done');

    await quiet();
    await nav('Clients');
    await page.getByLabel('Search clients').fill('zrodlo');
    await expect.poll(() => visible('Łucja')).toBe(true);
    await page.getByLabel('Search clients').fill('lecka');
    await expect
      .poll(() =>
        page
          .getByRole('button', { name: /Wiśniewska-Łęcka/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
  });

  it('undoes the import while nothing has been recorded for those clients', async () => {
    await quiet();
    await page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
    await page.getByRole('button', { name: 'Undo this import' }).click();
    expect(await dialog().getByText('The 3 clients it added will be deleted.').first().isVisible()).toBe(true);
    await dialog().getByRole('button', { name: 'Undo the import' }).click();
    await expect.poll(() => visible('The import has been undone.')).toBe(true);
    await expect.poll(() => visible(/^Undone /)).toBe(true);
    await quiet();
    await nav('Clients');
    await page.getByLabel('Search clients').fill('lecka');
    await expect.poll(() => visible('No client matches “lecka”.')).toBe(true);
    const audit = await callCore<{ items: { action: string }[] }>(bridge, 'audit.list', {});
    expect(audit.items.map((e) => e.action).slice(0, 2)).toEqual(['clients.importUndone', 'clients.imported']);
  });

  it('shows how far the check of a large spreadsheet has got, and stops it on request without importing anything', async () => {
    await quiet();
    const big = join(root, 'duzy.csv');
    writeFileSync(
      big,
      [
        'First name,Last name,Date of birth',
        ...Array.from({ length: 20_000 }, (_, i) => `Adam${i},Kowal${i},01/02/19${50 + (i % 50)}`),
      ].join('\n'),
    );
    bridge.platform.nextFile = big;
    await nav('Clients');
    await page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
    await page.getByRole('button', { name: /Choose (a|another) file/ }).click();
    const bar = page.getByRole('progressbar', { name: 'Checking the spreadsheet' });
    await expect.poll(() => bar.isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Checking each row… \d+%/ })
          .isVisible(),
      )
      .toBe(true);
    await shot(page, 'imp-03-checking', { fullPage: false });
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => visible('The check was stopped. Nothing was imported.')).toBe(true);
    expect(await bar.isVisible()).toBe(false);
    const imports = await callCore<{ fileName: string }[]>(bridge, 'imports.list', {});
    expect(imports.map((i) => i.fileName)).toEqual(['podopieczni.csv']);
  });

  it('is in Polish too', async () => {
    await quiet();
    await nav('Settings');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await nav('Podopieczni');
    await page.getByRole('button', { name: 'Importuj z arkusza' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Import podopiecznych z arkusza' }).isVisible())
      .toBe(true);
    await shot(page, 'imp-04-pl');
  });
});
