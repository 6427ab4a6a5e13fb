import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import { callCore, closeAll, launchChromium, openPage, setUpThroughCore, shot, unlockAs } from './browser';

/** This file's day: the records below are dated around it. */
const now = clockFrom('2026-11-23T10:00');

/**
 * The office PC: what the application menu and the file manager ask of Casebook, done the way the
 * main process does it (a command to the page), by a person reading the screen. Also the support
 * log afterwards (nothing about clients in it) and the page shown when the data folder cannot be used.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
const VOLUNTEER = { name: 'Piotr Nowak', password: 'marmalade lantern cobble 7' };
let root: string;
let usb: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;

const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });
const closeDialog = async () => {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
};
const said = (text: string) => expect.poll(() => page.getByText(text, { exact: true }).last().isVisible()).toBe(true);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-desktop-'));
  usb = join(root, 'media', 'KINGSTON');
  mkdirSync(usb, { recursive: true });
  bridge = await startBridge({
    dataDir: join(root, 'data'),
    saveDir: join(root, 'saved'),
    logDir: join(root, 'logs'),
    drives: [{ path: usb, label: 'KINGSTON (E:)', removable: true }],
    now,
  });
  await setUpThroughCore(bridge, ADMIN);
  await callCore(bridge, 'users.create', { name: VOLUNTEER.name, role: 'volunteer', password: VOLUNTEER.password });
  const client = await callCore<{ id: number }>(bridge, 'clients.intake', {
    details: { firstName: 'Zofia', lastName: 'Wiśniewska-Łęcka', email: 'zofia.wl@example.org', phone: '07700 900123' },
  });
  await callCore(bridge, 'notes.save', {
    clientId: client.id,
    note: {
      date: '2026-11-20',
      time: '10:00',
      kind: 'phone',
      durationMinutes: 15,
      body: 'Rang about the eviction notice from Mr Żółkiewski; worried about rent arrears of £1,240.',
    },
  });
  await callCore(bridge, 'backup.create', { targetDir: usb });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openPage(browser, now, 900);
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
});

afterAll(() => closeAll(browser, bridge, root));

describe('the application menu and opened files', () => {
  it('before anyone signs in: Help works, File › Back up asks to sign in, a double-clicked backup opens the restore window', async () => {
    bridge.command({ kind: 'menu', action: 'guide' });
    await expect.poll(() => dialog('User guide').isVisible()).toBe(true);
    for (const heading of [
      'Getting started',
      'Taking in a client',
      'Referrals and letters',
      'Backing up and restoring',
      'If something goes wrong',
    ])
      expect(await dialog('User guide').getByRole('heading', { name: heading }).isVisible()).toBe(true);
    await shot(page, 'desk-01-guide');
    await closeDialog();

    bridge.command({ kind: 'menu', action: 'dataFolder' });
    const data = dialog('Where your data is');
    await expect.poll(() => data.getByText(join(root, 'data'), { exact: true }).isVisible()).toBe(true);
    expect(await data.getByText('Sign in to see when the last backup was made.').isVisible()).toBe(true);
    expect(await data.getByText(/casebook\.db/).isVisible()).toBe(true);
    await data.getByRole('button', { name: 'Open the folder' }).click();
    await expect.poll(() => bridge.platform.opened).toEqual([join(root, 'data')]);
    await closeDialog();

    bridge.command({ kind: 'menu', action: 'backup' });
    await said('Sign in first, then choose this again.');

    // A backup file double-clicked in the file manager (or "Open with Casebook").
    const file = join(
      usb,
      readdirSync(usb).find((f) => f.endsWith('.casebook-backup'))!,
    );
    bridge.command({ kind: 'openBackup', path: file });
    const restore = dialog('Restore a backup');
    await expect.poll(() => restore.getByText(file).isVisible()).toBe(true);
    // Nobody is signed in, so the backup asks who is opening it; a wrong password is refused in words.
    await restore.getByLabel('Your name').fill(ADMIN.name);
    await restore.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
    await restore.getByRole('button', { name: 'Open the backup' }).click();
    await expect.poll(() => restore.getByRole('alert').innerText()).toMatch(/password/i);
    // The next try waits a moment, as signing in does; the button says when.
    await restore.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
    await expect.poll(() => restore.getByRole('button', { name: 'Open the backup' }).isEnabled()).toBe(true);
    await restore.getByRole('button', { name: 'Open the backup' }).click();
    await expect
      .poll(
        () =>
          restore
            .getByText(/1 client/)
            .first()
            .isVisible(),
        { timeout: 30_000 },
      )
      .toBe(true);
    await shot(page, 'desk-02-opened-backup');
    await closeDialog();
  });

  it('signed in as an administrator: About, Back up, Print (nothing, cancelled, failed, printed)', async () => {
    await unlockAs(page, ADMIN.name, ADMIN.password);
    await expect.poll(() => page.getByRole('button', { name: 'Lock' }).isVisible()).toBe(true);

    bridge.command({ kind: 'menu', action: 'about' });
    const about = dialog('About Casebook');
    await expect.poll(() => about.getByRole('heading', { name: /^Casebook \d+\.\d+\.\d+/ }).isVisible()).toBe(true);
    expect(await about.getByText(join(root, 'data'), { exact: true }).isVisible()).toBe(true);
    expect(await about.getByText(join(root, 'logs'), { exact: true }).isVisible()).toBe(true);
    await about.getByRole('button', { name: 'Open the log folder' }).click();
    await expect.poll(() => bridge.platform.opened.at(-1)).toBe(join(root, 'logs'));
    await shot(page, 'desk-03-about');
    await closeDialog();

    bridge.command({ kind: 'menu', action: 'dataFolder' });
    await expect
      .poll(() =>
        dialog('Where your data is')
          .getByText(/^Last backup: .*, to KINGSTON \(E:\)\.$/)
          .isVisible(),
      )
      .toBe(true);
    await closeDialog();

    bridge.command({ kind: 'menu', action: 'backup' });
    await expect.poll(() => page.getByRole('heading', { name: 'Backup and restore' }).isVisible()).toBe(true);

    bridge.command({ kind: 'menu', action: 'print' });
    await said(
      'There is nothing to print on this screen. Open what you want to print first: a letter, a safety plan, a session’s register, a report or a subject access request.',
    );
  });

  it('File › Print on a kept letter opens the print dialog; only a letter really printed is recorded', async () => {
    const [client] = (await callCore<{ items: { id: number }[] }>(bridge, 'clients.search', { query: 'Zofia' })).items;
    const templates = await callCore<{ id: number; kind: string; language: string }[]>(bridge, 'templates.list', {
      includeArchived: false,
    });
    const general = templates.find((t) => t.kind === 'general' && t.language === 'en')!;
    const request = { clientId: client!.id, templateId: general.id, text: 'We will call you next week.' };
    const preview = await callCore<{ subject: string; body: string }>(bridge, 'letters.preview', request);
    await callCore(bridge, 'letters.keep', { request, edits: { subject: preview.subject, body: preview.body } });
    await page.getByRole('button', { name: 'Clients' }).click();
    await page.getByText('Wiśniewska-Łęcka').first().click();
    await page.getByRole('tab', { name: 'Letters' }).click();
    await page
      .getByRole('table', { name: 'Letters' })
      .getByRole('button', { name: /^Open: / })
      .first()
      .click();
    await expect.poll(() => page.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    const printedEntries = async () =>
      (await callCore<{ items: { action: string }[] }>(bridge, 'audit.list', { client: 'CB-00001' })).items.filter(
        (a) => a.action === 'letter.printed',
      ).length;

    bridge.platform.nextPrint = 'cancelled';
    bridge.command({ kind: 'menu', action: 'print' });
    await expect.poll(() => bridge.platform.printDialogs).toBe(1);
    expect(await printedEntries()).toBe(0);
    // A Print while one is still under way is ignored: wait until the window has finished with it.
    const printButton = page.getByRole('button', { name: 'Print', exact: true });
    await expect.poll(() => printButton.isEnabled()).toBe(true);
    bridge.platform.nextPrint = 'fails';
    bridge.command({ kind: 'menu', action: 'print' });
    await expect.poll(() => bridge.platform.printDialogs).toBe(2);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'It could not be printed.' }).isVisible())
      .toBe(true);
    await shot(page, 'desk-04-print-failed');
    await expect.poll(() => printButton.isEnabled()).toBe(true);
    bridge.command({ kind: 'menu', action: 'print' });
    await expect
      .poll(() =>
        page
          .getByText(/^“.*CB-00001.*” was sent to the printer\.$/)
          .last()
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => printedEntries()).toBe(1);
    expect(bridge.platform.printed).toBe(1);
  });

  it('a volunteer is told that backing up and restoring are for an administrator', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockAs(page, VOLUNTEER.name, VOLUNTEER.password);
    // Their first sign-in: they choose their own password.
    await expect.poll(() => page.getByRole('heading', { name: 'Choose a new password' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('kettle meadow violin 31');
    await page.getByLabel('Type the password again').fill('kettle meadow violin 31');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Lock' }).isVisible()).toBe(true);
    bridge.command({ kind: 'menu', action: 'backup' });
    await said('Only an administrator can make a backup. Ask your coordinator.');
    bridge.command({ kind: 'menu', action: 'restore' });
    await said('Only an administrator can restore a backup. Ask your coordinator.');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('in Polish, the guide and the data window speak Polish', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await callCore(bridge, 'app.setLanguage', { language: 'pl' });
    await page.reload();
    bridge.command({ kind: 'menu', action: 'guide' });
    await expect
      .poll(() =>
        dialog('Podręcznik użytkownika').getByRole('heading', { name: 'Kopie zapasowe i przywracanie' }).isVisible(),
      )
      .toBe(true);
    await shot(page, 'desk-05-guide-pl');
    await closeDialog();
    bridge.command({ kind: 'menu', action: 'dataFolder' });
    await expect
      .poll(() =>
        dialog('Gdzie są Twoje dane')
          .getByText('Zaloguj się, aby zobaczyć, kiedy utworzono ostatnią kopię zapasową.')
          .isVisible(),
      )
      .toBe(true);
    await closeDialog();
    await callCore(bridge, 'app.setLanguage', { language: 'en' });
  });

  it('a core that stops unexpectedly is started again: the page says so, nothing saved is lost, and the log records it', async () => {
    await page.reload();
    await unlockAs(page, ADMIN.name, ADMIN.password);
    await expect.poll(() => page.getByRole('button', { name: 'Lock' }).isVisible()).toBe(true);
    const first = bridge.core.threadId;
    // As if the core ran out of memory or hit a fault: its worker stops at once.
    await bridge.core.kill();
    await expect
      .poll(() =>
        page
          .getByRole('alert')
          .filter({ hasText: 'Casebook had a problem and has restarted. Nothing you saved was lost.' })
          .isVisible(),
      )
      .toBe(true);
    expect(bridge.core.threadId).not.toBe(first);
    await shot(page, 'desk-08-restarted');
    await unlockAs(page, ADMIN.name, ADMIN.password);
    await expect.poll(() => page.getByRole('button', { name: 'Lock' }).isVisible()).toBe(true);
    const found = await callCore<{ items: { id: number }[] }>(bridge, 'clients.search', { query: 'lecka' });
    const timeline = await callCore<{ items: { text?: string | null; body?: string | null }[] }>(
      bridge,
      'timeline.get',
      { clientId: found.items[0]!.id },
    );
    expect(JSON.stringify(timeline.items)).toContain('Rang about the eviction notice');
    await page.getByRole('button', { name: 'Lock' }).click();
  });

  it('the error log kept through all this holds no client details', () => {
    const logs = readdirSync(join(root, 'logs'))
      .map((f) => readFileSync(join(root, 'logs', f), 'utf8'))
      .join('\n');
    // It was kept: sign-ins and the backup are there, for whoever helps the charity.
    expect(logs).toMatch(/unlocked \(password, role admin\)/);
    expect(logs).toMatch(/backup made and verified: 1 clients/);
    expect(logs).toMatch(/the core stopped unexpectedly/);
    for (const secret of [
      'Zofia',
      'Wiśniewska',
      'zofia.wl@example.org',
      '07700 900123',
      'Żółkiewski',
      '1,240',
      ADMIN.password,
      VOLUNTEER.password,
      'kettle meadow violin 31',
    ])
      expect(logs).not.toContain(secret);
  });
});

describe('a data folder Casebook cannot use', () => {
  it('says so in plain words, changes nothing, and opens once the problem is put right', async () => {
    // The folder's parent is a file (as when a drive letter now points somewhere else): nothing can be written.
    const blocked = join(root, 'blocked');
    writeFileSync(blocked, 'not a folder');
    const other = await startBridge({ dataDir: join(blocked, 'data'), now });
    try {
      const p = await openPage(browser, now);
      await p.goto(other.url);
      await expect
        .poll(() => p.getByRole('alert').innerText())
        .toContain('Casebook cannot save anything in its data folder');
      await p.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => p.getByText('The problem is still there.').isVisible()).toBe(true);
      await shot(p, 'desk-06-not-writable');
      rmSync(blocked);
      mkdirSync(blocked);
      await p.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => p.getByRole('heading', { name: /Set up Casebook/ }).isVisible()).toBe(true);
      await p.close();
    } finally {
      await other.close();
    }

    // A disk with less free space than Casebook needs to work safely.
    const full = await startBridge({ dataDir: join(root, 'full'), minFreeBytes: Number.MAX_SAFE_INTEGER, now });
    try {
      const p = await openPage(browser, now);
      await p.goto(full.url);
      await expect.poll(() => p.getByRole('alert').innerText()).toContain('is full or nearly full');
      await shot(p, 'desk-07-disk-full');
      await p.close();
    } finally {
      await full.close();
    }
  });
});
