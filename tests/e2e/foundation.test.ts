import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import { launchChromium, openPage, pdfText, pdfToPng, shot, unlockAs, whatIsPrinted } from './browser';

/** This file's day: the records below are dated around it. */
const now = clockFrom('2026-11-23T10:00');

/**
 * The foundation, as a person uses it: set up, save the recovery sheet, add a client with Polish
 * letters, find her, restart, unlock (after a wrong password), lock, switch to Polish, and recover
 * access with the recovery key.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
let root: string;
let dataDir: string;
let saveDir: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;
let recoveryGroups: string[] = [];

async function openApp() {
  await page.goto(bridge.url);
}

async function restartBridge() {
  await bridge.close();
  bridge = await startBridge({ dataDir, saveDir, now });
}

const unlock = (name: string, password: string) => unlockAs(page, name, password);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-'));
  dataDir = join(root, 'data');
  saveDir = join(root, 'saved');
  bridge = await startBridge({ dataDir, saveDir, now });
  browser = await launchChromium();
  page = await openPage(browser, now);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('foundation, end to end', () => {
  it('first-run setup: charity, administrator, recovery sheet, check', async () => {
    await openApp();
    await expect.poll(() => page.getByRole('heading', { name: 'Set up Casebook' }).isVisible()).toBe(true);

    // The currency follows the language chosen here at once (not after a reload), and back.
    const currency = () =>
      page
        .getByLabel(/^(Money is counted in|Waluta)/)
        .first()
        .inputValue();
    expect(await currency()).toBe('Pounds (£)');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Konfiguracja programu Casebook' }).isVisible())
      .toBe(true);
    await expect.poll(currency).toBe('Złote (zł)');
    await page.getByRole('radiogroup', { name: 'Język' }).getByText('English').click();
    await expect.poll(currency).toBe('Pounds (£)');

    // Empty required field: a clear sentence, and the step does not move on.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByText('Please fill this in.').isVisible()).toBe(true);
    await page.getByLabel('Charity name').fill('Przystań Community Aid');
    await page.getByLabel('Address').fill('12 High Street\nLeeds LS1 4AB');
    await page.getByLabel('Registered charity number').fill('1234567');
    await page.getByLabel('Phone').fill('0113 496 0000');
    await shot(page, '01-setup-charity');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await page.getByLabel('Type the password again').fill('short');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByText('Use at least 10 characters.').isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
    await page.getByLabel('Type the password again').fill(ADMIN.password + 'x');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByText('The two passwords are not the same.').isVisible()).toBe(true);
    await page.getByLabel('Type the password again').fill(ADMIN.password);
    await shot(page, '02-setup-admin');
    await page.getByRole('button', { name: 'Next' }).click();

    const key = page.getByRole('list', { name: 'Recovery key' });
    await expect.poll(() => key.getByRole('listitem').count()).toBe(8);
    recoveryGroups = (await key.locator('code').allInnerTexts()).map((s) => s.trim());
    expect(recoveryGroups.every((g) => /^\d{6}$/.test(g))).toBe(true);
    // Going on without saving the sheet is refused with a plain sentence.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Print or save the recovery sheet before you go on.');
    // Printed: the sheet's one page goes to the printer, and the key counts as kept.
    const printed = await whatIsPrinted(
      page,
      bridge,
      () => page.getByRole('button', { name: 'Print recovery sheet' }).click(),
      '03a-recovery-sheet-print',
    );
    expect(printed.pages).toBe(1);
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Recovery sheet printed.');
    await page.getByRole('button', { name: 'Save recovery sheet (PDF)' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Recovery sheet saved to');
    await shot(page, '03-setup-recovery-key');

    const sheets = readdirSync(saveDir).filter((f) => f.endsWith('.pdf'));
    expect(sheets).toHaveLength(1);
    const sheet = join(saveDir, sheets[0]!);
    const text = pdfText(sheet);
    for (const g of recoveryGroups) expect(text).toContain(g);
    expect(text).toContain('Przystań Community Aid');
    expect(existsSync(pdfToPng(sheet, '03b-recovery-sheet-pdf'))).toBe(true);
    await page.getByRole('button', { name: 'Next' }).click();

    const label = await page
      .getByText(/^To be sure the key is kept safe, type group \d of your recovery key\.$/)
      .innerText();
    const n = Number(/group (\d)/.exec(label)![1]);
    await page.getByLabel(`Group ${n}`).fill(recoveryGroups[n === 1 ? 1 : 0]!);
    await page.getByRole('button', { name: 'Finish setup' }).click();
    await expect.poll(() => page.getByText('That is not the right group.', { exact: false }).isVisible()).toBe(true);
    await page.getByLabel(`Group ${n}`).fill(recoveryGroups[n - 1]!);
    await shot(page, '04-setup-check');
    await page.getByRole('button', { name: 'Finish setup' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your caseload' }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await page.getByRole('button', { name: 'Clients' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Clients' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('No clients yet.', { exact: false }).isVisible()).toBe(true);
    await shot(page, '05-clients-empty');
  });

  it('adds a client with Polish letters, refusing bad input first', async () => {
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByText('Please fill this in.').count()).toBe(2);
    await page.getByLabel('First name').fill('Zofia');
    await page.getByLabel('Last name').fill('Wiśniewska-Łęcka');
    await page.getByLabel('Date of birth').fill('2999-01-01');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByText('This date is in the future.').isVisible()).toBe(true);
    await shot(page, '06-client-form-errors');
    await page.getByLabel('Date of birth').fill('1984-03-07');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Phone').fill('+44 7700 900123');
    await page.getByLabel('Postcode').fill('LS6 2AB');
    await page.getByLabel('Address').fill('3 Mill Lane\nHeadingley, Leeds');
    await page.getByLabel('Preferred language').first().click();
    await page.getByRole('option', { name: 'Polish' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: 'Not recorded yet' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Save new client' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Zofia Wiśniewska-Łęcka' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('CB-00001').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('7 Mar 1984').isVisible()).toBe(true);
    await shot(page, '07-client-detail');

    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Phone').fill('07700 900123');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('07700 900123').isVisible()).toBe(true);

    await page.getByRole('button', { name: '← Back to clients' }).click();
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByLabel('First name').fill('John');
    await page.getByLabel('Last name').fill('Smith');
    await page.getByRole('button', { name: 'Consent' }).click();
    await page.getByRole('radio', { name: 'Not recorded yet' }).check();
    await page.getByRole('button', { name: 'Check and save' }).click();
    await page.getByRole('button', { name: 'Save new client' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'John Smith' }).isVisible()).toBe(true);
  });

  it('finds her by typing part of her name', async () => {
    await page.getByRole('button', { name: '← Back to clients' }).click();
    await expect.poll(() => page.getByText('2 clients').isVisible()).toBe(true);
    await page.getByLabel('Search clients').fill('wiśn');
    await expect.poll(() => page.getByText('1 client', { exact: true }).isVisible()).toBe(true);
    const rows = page.getByRole('table', { name: 'Clients' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(2); // header + Zofia
    expect(await rows.nth(1).innerText()).toContain('Wiśniewska-Łęcka, Zofia');
    await shot(page, '08-clients-search-wisn');
    await page.getByLabel('Search clients').fill('lecka');
    await expect.poll(() => page.getByText('1 client', { exact: true }).isVisible()).toBe(true);
    await page.getByLabel('Search clients').fill('nobody here');
    await expect.poll(() => page.getByText('No client matches “nobody here”.').isVisible()).toBe(true);
  });

  it('after a restart: locked; a wrong password is refused plainly; the right one unlocks and she is still there', async () => {
    await restartBridge();
    await openApp();
    await expect.poll(() => page.getByRole('heading', { name: 'Unlock Casebook' }).isVisible()).toBe(true);
    await shot(page, '09-unlock');
    await unlock(ADMIN.name, 'not my password');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('That name and password do not match.');
    expect(await page.getByRole('alert').innerText()).toMatch(/You can try again in \d seconds?\./);
    await shot(page, '10-unlock-wrong-password');
    // The button is held back for the delay, then works again.
    await expect
      .poll(() => page.getByRole('button', { name: 'Unlock', exact: true }).isEnabled(), { timeout: 5_000 })
      .toBe(true);
    await unlock(ADMIN.name, ADMIN.password);
    await expect.poll(() => page.getByRole('heading', { name: 'Your caseload' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Clients' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Clients' }).isVisible()).toBe(true);
    await page.getByLabel('Search clients').fill('wiśn');
    await expect.poll(() => page.getByText('Wiśniewska-Łęcka, Zofia').isVisible()).toBe(true);
  });

  it('locks by hand, and a call after locking shows the unlock screen', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Unlock Casebook' }).isVisible()).toBe(true);
    const r = await page.evaluate(() => window.casebook.invoke('clients.search', { query: '' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('works in Polish: the switch on the unlock screen changes every word', async () => {
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Odblokuj Casebook' }).isVisible()).toBe(true);
    await shot(page, '11-unlock-pl');
    await page.getByLabel('Imię i nazwisko').fill(ADMIN.name);
    await page.getByRole('textbox', { name: 'Hasło', exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Odblokuj', exact: true }).click();
    // Back on the screen that was open when Casebook was locked, with the search as it was typed.
    await expect.poll(() => page.getByRole('heading', { name: 'Podopieczni' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Szukaj podopiecznych').inputValue()).toBe('wiśn');
    await page.getByLabel('Szukaj podopiecznych').fill('');
    await expect.poll(() => page.getByText('2 podopiecznych').isVisible()).toBe(true);
    await shot(page, '12-clients-pl');
    await page.getByRole('button', { name: 'Dodaj podopiecznego' }).click();
    await page.getByRole('button', { name: 'Dalej' }).click();
    await expect.poll(() => page.getByText('To pole jest wymagane.').count()).toBe(2);
    await shot(page, '13-client-form-pl');
    await page.getByRole('button', { name: 'Ustawienia' }).click();
    await page.getByRole('radiogroup', { name: 'Język' }).getByText('English').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Settings' }).isVisible()).toBe(true);
    await shot(page, '14-settings');
  });

  it('the recovery key unlocks and asks for a new password, which then works', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Forgotten your password? Use the recovery key' }).click();
    await page.getByLabel('Your name').fill(ADMIN.name);
    const typo = [...recoveryGroups];
    typo[3] = typo[3]!.slice(0, 5) + String((Number(typo[3]![5]) + 1) % 10);
    await page.getByLabel('Recovery key').fill(typo.join(' '));
    await page.getByRole('button', { name: 'Unlock with recovery key' }).click();
    await expect.poll(() => page.getByText('Group 4 has a typing mistake.', { exact: false }).isVisible()).toBe(true);
    await shot(page, '15-recovery-typo');
    await page.getByLabel('Recovery key').fill(recoveryGroups.join('-'));
    await page.getByRole('button', { name: 'Unlock with recovery key' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Choose a new password' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a completely new password');
    await page.getByLabel('Type the password again').fill('a completely new password');
    await shot(page, '16-new-password');
    await page.getByRole('button', { name: 'Save new password' }).click();
    // Back on the screen that was open when Casebook was locked.
    await expect.poll(() => page.getByRole('heading', { name: 'Settings' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(ADMIN.name, ADMIN.password);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('That name and password do not match.');
    await expect
      .poll(() => page.getByRole('button', { name: 'Unlock', exact: true }).isEnabled(), { timeout: 5_000 })
      .toBe(true);
    await unlock(ADMIN.name, 'a completely new password');
    await expect.poll(() => page.getByRole('heading', { name: 'Settings' }).isVisible()).toBe(true);
  });
});
