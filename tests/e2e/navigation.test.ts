import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import { callCore, launchChromium, openPage, setUpThroughCore, shot, unlockAs } from './browser';

const now = clockFrom('2026-11-23T10:00');

/**
 * Back and Forward, as in a browser: a volunteer who opens a client from a searched list, then a
 * tab, then a note, goes back step by step with Alt+Left, the mouse's back button or the Back
 * button, and finds the list as they left it (the search typed, the filter chosen). Forward walks
 * the same way again. Another person signing in cannot go Back into the last person's pages.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
const VOLUNTEER = { name: 'Piotr Nowak', password: 'copper lantern meadow 17' };
let root: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;

const heading = (name: string | RegExp) => page.getByRole('heading', { name });
const search = () => page.getByLabel('Search clients');
const rows = () => page.getByRole('table', { name: 'Clients' }).getByRole('row');
/** The mouse's side buttons: Chromium reports them as buttons 3 (back) and 4 (forward). */
const sideButton = (button: 3 | 4) =>
  page.evaluate((b) => window.dispatchEvent(new MouseEvent('mouseup', { button: b, bubbles: true })), button);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-nav-'));
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir: join(root, 'saved'), now });
  await setUpThroughCore(bridge, ADMIN);
  for (const [firstName, lastName] of [
    ['John', 'Smith'],
    ['Jane', 'Smith'],
    ['Ewa', 'Zając'],
    ['Tomasz', 'Wójcik'],
  ])
    await callCore(bridge, 'clients.intake', { details: { firstName, lastName } });
  await callCore(bridge, 'users.create', { ...VOLUNTEER, role: 'volunteer' });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openPage(browser, now);
  await page.goto(bridge.url);
  await unlockAs(page, ADMIN.name, ADMIN.password);
  await heading('Your caseload').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('Back and Forward', () => {
  it('walk back from a note to a searched list, and forward again, by keyboard, mouse and buttons', async () => {
    const back = page.getByRole('button', { name: 'Back', exact: true });
    const forward = page.getByRole('button', { name: 'Forward', exact: true });
    expect(await back.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Clients' }).click();
    await heading('Clients').waitFor();
    await search().fill('smith');
    await expect.poll(() => rows().count()).toBe(3);
    // Sorted by reference: John (the first taken in) before Jane, unlike the order by name.
    await page.getByRole('button', { name: 'Reference' }).click();
    await expect.poll(async () => (await rows().nth(1).innerText()).includes('Smith, John')).toBe(true);
    await rows().filter({ hasText: 'Smith, John' }).click();
    await heading(/John Smith/).waitFor();
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('button', { name: 'Add case note' }).click();
    await heading('New case note').waitFor();
    await shot(page, 'nav-1-note');

    // Alt+Left: the client, on the tab it was on.
    await page.keyboard.press('Alt+ArrowLeft');
    await heading(/John Smith/).waitFor();
    await expect.poll(() => page.getByRole('tab', { name: 'Notes' }).getAttribute('aria-selected')).toBe('true');

    // Alt+Left again: the list, with the search as it was typed and only the two Smiths.
    await page.keyboard.press('Alt+ArrowLeft');
    await heading('Clients').waitFor();
    expect(await search().inputValue()).toBe('smith');
    await expect.poll(() => rows().count()).toBe(3);
    expect(await rows().nth(1).innerText()).toContain('Smith, John');
    await shot(page, 'nav-2-list-restored');

    // Alt+Right: forward to the client, then the note.
    await page.keyboard.press('Alt+ArrowRight');
    await heading(/John Smith/).waitFor();
    await page.keyboard.press('Alt+ArrowRight');
    await heading('New case note').waitFor();
    expect(await forward.isDisabled()).toBe(true);

    // The mouse's back and forward buttons.
    await sideButton(3);
    await heading(/John Smith/).waitFor();
    await sideButton(4);
    await heading('New case note').waitFor();

    // The Back button in the header, twice, then Forward.
    await back.click();
    await heading(/John Smith/).waitFor();
    await back.click();
    await heading('Clients').waitFor();
    expect(await search().inputValue()).toBe('smith');
    await forward.click();
    await heading(/John Smith/).waitFor();

    // A new page forgets the pages ahead, as a browser does.
    await back.click();
    await heading('Clients').waitFor();
    await rows().filter({ hasText: 'Smith, Jane' }).click();
    await heading(/Jane Smith/).waitFor();
    expect(await forward.isDisabled()).toBe(true);
    await back.click();
    await heading('Clients').waitFor();
    expect(await search().inputValue()).toBe('smith');
  });

  it('the list keeps what was last typed in it, for the next time Back reaches it', async () => {
    await search().fill('zając');
    await expect.poll(() => rows().count()).toBe(2);
    await rows().filter({ hasText: 'Zając, Ewa' }).click();
    await heading(/Ewa Zając/).waitFor();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    expect(await search().inputValue()).toBe('zając');
  });

  it('asks before Back or the menu leave a note typed and not saved; Stay keeps it', async () => {
    await rows().filter({ hasText: 'Zając, Ewa' }).click();
    await heading(/Ewa Zając/).waitFor();
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('button', { name: 'Add case note' }).click();
    await heading('New case note').waitFor();
    await page.getByRole('textbox', { name: /^Note/ }).fill('Talked about the housing letter.');
    await page.keyboard.press('Alt+ArrowLeft');
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await shot(page, 'nav-4-leave-unsaved', { fullPage: false });
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    expect(await page.getByRole('textbox', { name: /^Note/ }).inputValue()).toBe('Talked about the housing letter.');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Clients' }).click();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await heading('Clients').waitFor();
    // Cancel is the page's own choice to drop what was typed: it does not ask.
    await rows().filter({ hasText: 'Zając, Ewa' }).click();
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('button', { name: 'Add case note' }).click();
    await page.getByRole('textbox', { name: /^Note/ }).fill('Second thoughts.');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await heading(/Ewa Zając/).waitFor();
  });

  it('after Switch user, the next person cannot go Back into the last person’s pages', async () => {
    await page.getByRole('button', { name: 'Switch user' }).click();
    await unlockAs(page, VOLUNTEER.name, VOLUNTEER.password);
    // The password an administrator gave is for the first sign-in only.
    await heading('Choose a new password').waitFor();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('violet harbour kettle 58');
    await page.getByLabel('Type the password again').fill('violet harbour kettle 58');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await heading('Your caseload').waitFor();
    expect(await page.getByRole('button', { name: 'Back', exact: true }).isDisabled()).toBe(true);
    await page.keyboard.press('Alt+ArrowLeft');
    await heading('Your caseload').waitFor();
    await shot(page, 'nav-3-after-switch-user');
  });
});
