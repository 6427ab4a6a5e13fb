import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * Back up to a USB stick, add a client, restore the backup: the client added afterwards is gone,
 * everything before it is there, and the "last backup" reminder tells the truth throughout.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
let root: string;
let usb: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-backup-'));
  usb = join(root, 'media', 'KINGSTON');
  mkdirSync(usb, { recursive: true });
  bridge = await startBridge({
    dataDir: join(root, 'data'),
    saveDir: join(root, 'saved'),
    drives: [{ path: usb, label: 'KINGSTON (E:)', removable: true }],
    now,
  });
  await setUpThroughCore(bridge, ADMIN);
  await callCore(bridge, 'clients.intake', { details: { firstName: 'Zofia', lastName: 'Wiśniewska-Łęcka' } });
  await callCore(bridge, 'clients.intake', { details: { firstName: 'John', lastName: 'Smith' } });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openPage(browser, now, 900);
  await page.goto(bridge.url);
  await unlockAs(page, ADMIN.name, ADMIN.password);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('backup and restore, end to end', () => {
  it('the home screen asks for a first backup; it is made on the USB stick and verified', async () => {
    const reminder = page.locator('[data-backup-level="never"]');
    await expect.poll(() => reminder.innerText()).toContain('No backup has been made yet.');
    await shot(page, 'bak-01-home-no-backup');
    await reminder.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Backup and restore' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('radio', { name: /KINGSTON \(E:\)/ }).isChecked()).toBe(true);
    await page.getByRole('region', { name: 'Back up now' }).getByRole('button', { name: 'Back up now' }).click();
    await expect
      .poll(() => page.getByText('Backup verified: 2 clients and 1 user, saved to KINGSTON (E:).').isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    await shot(page, 'bak-02-backup-verified');
    expect(readdirSync(usb).filter((f) => f.endsWith('.casebook-backup'))).toHaveLength(1);
  });

  it('the reminder now says today; a client is added after the backup', async () => {
    await page.getByRole('button', { name: 'Clients' }).click();
    await expect.poll(() => page.getByText('Last verified backup: today, on KINGSTON (E:).').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByLabel('First name').fill('Added');
    await page.getByLabel('Last name').fill('Afterwards');
    await page.getByRole('button', { name: 'Consent' }).click();
    await page.getByRole('radio', { name: 'Not recorded yet' }).check();
    await page.getByRole('button', { name: 'Check and save' }).click();
    await page.getByRole('button', { name: 'Save new client' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Added Afterwards' }).isVisible()).toBe(true);
  });

  it('restoring the backup brings back the records as they were, and asks to sign in again', async () => {
    bridge.platform.nextFile = join(
      usb,
      readdirSync(usb).find((f) => f.endsWith('.casebook-backup'))!,
    );
    await page.getByRole('button', { name: 'Backup' }).click();
    const restore = page.getByRole('region', { name: 'Restore a backup' });
    await restore.getByRole('button', { name: 'Choose a backup file…' }).click();
    await expect.poll(() => restore.getByText('This backup is complete and can be restored.').isVisible()).toBe(true);
    expect(await restore.innerText()).toContain('It holds 2 clients and 1 user (');
    await restore.getByRole('button', { name: 'Restore this backup' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
    await expect.poll(() => dialog.innerText()).toContain('Everything recorded after');
    await shot(page, 'bak-03-restore-warning', { fullPage: false });
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Unlock Casebook' }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await unlockAs(page, ADMIN.name, ADMIN.password);
    await page.getByRole('button', { name: 'Clients' }).click();
    await expect.poll(() => page.getByText('2 clients').isVisible()).toBe(true);
    await page.getByLabel('Search clients').fill('afterwards');
    await expect.poll(() => page.getByText('No client matches “afterwards”.').isVisible()).toBe(true);
    await page.getByLabel('Search clients').fill('wiśn');
    await expect.poll(() => page.getByText('Wiśniewska-Łęcka, Zofia').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Last verified backup: today, on KINGSTON (E:).').isVisible()).toBe(true);
    await shot(page, 'bak-04-after-restore');
  });

  it('exports everything, as a workbook and JSON, after saying the files are not encrypted', async () => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Backup' }).click();
    await expect.poll(() => page.getByText('The files are not encrypted').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Export everything…' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Exported' }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    const files = readdirSync(join(root, 'saved')).filter((f) => f.startsWith('Casebook export'));
    expect(files.sort()).toEqual(['Casebook export 2026-11-23.json', 'Casebook export 2026-11-23.xlsx'].sort());
    await page.getByRole('heading', { name: 'Take everything elsewhere' }).scrollIntoViewIfNeeded();
    await shot(page, 'bak-04b-export-everything', { fullPage: false });
  });

  it('the backup screen in Polish', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await page.getByRole('button', { name: 'Kopia zapasowa' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Kopia zapasowa i przywracanie' }).isVisible())
      .toBe(true);
    await shot(page, 'bak-05-backup-pl');
    await page.getByRole('button', { name: 'Ustawienia' }).click();
    await page.getByRole('radiogroup', { name: 'Język' }).getByText('English').click();
  });

  it('an earlier records file copied back by hand is noticed on every screen until an administrator confirms it', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    const dataDir = join(root, 'data');
    const earlier = readFileSync(join(dataDir, 'casebook.db'));
    await unlockAs(page, ADMIN.name, ADMIN.password);
    await expect.poll(() => page.getByRole('button', { name: 'Lock' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Unlock', exact: true }).isVisible()).toBe(true);
    // Someone copies the older records file back into the data folder while Casebook is locked.
    writeFileSync(join(dataDir, 'casebook.db'), earlier);
    await unlockAs(page, ADMIN.name, ADMIN.password);
    const warning = page.getByRole('alert').filter({ hasText: 'These records may be an older copy' });
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.innerText()).toContain('an earlier copy of it seems to have been put back');
    await shot(page, 'bak-06-older-copy');
    await page.getByRole('button', { name: 'Clients' }).click();
    expect(await warning.isVisible()).toBe(true);
    await warning.getByRole('button', { name: 'These are the records we want to keep' }).click();
    await expect.poll(() => warning.count()).toBe(0);
    const trail = await callCore<{ items: { action: string }[] }>(bridge, 'audit.list', {});
    expect(trail.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['records.rollbackSuspected', 'records.rollbackAccepted']),
    );
  });

  it('on a new, empty PC the backup is restored with words for that case: nothing here is replaced', async () => {
    const newPc = await startBridge({
      dataDir: join(root, 'new-pc'),
      saveDir: join(root, 'new-pc-saved'),
      drives: [{ path: usb, label: 'KINGSTON (E:)', removable: true }],
      now,
    });
    const other = await openPage(browser, now, 900);
    try {
      newPc.platform.nextFile = join(
        usb,
        readdirSync(usb).find((f) => f.endsWith('.casebook-backup'))!,
      );
      await other.goto(newPc.url);
      await other.getByRole('button', { name: 'Restore from a backup' }).click();
      const restore = other.getByRole('dialog', { name: 'Restore a backup' });
      await expect
        .poll(() =>
          restore
            .getByText('Brings your charity’s records onto this computer from a backup', { exact: false })
            .isVisible(),
        )
        .toBe(true);
      await restore.getByRole('button', { name: 'Choose a backup file…' }).click();
      await restore.getByLabel('Your name').fill(ADMIN.name);
      await restore.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
      await restore.getByRole('button', { name: 'Open the backup' }).click();
      await expect.poll(() => restore.getByText('This backup is complete and can be restored.').isVisible()).toBe(true);
      expect(await restore.innerText()).not.toContain('other records than the ones open now');
      await restore.getByRole('button', { name: 'Restore this backup' }).click();
      const confirm = other.getByRole('dialog', { name: 'Restore a backup' }).last();
      await expect
        .poll(() => confirm.innerText())
        .toContain('Casebook will be set up on this computer with the records in this backup');
      expect(await confirm.innerText()).not.toContain('A copy of the current records is kept');
      await shot(other, 'bak-07-restore-new-pc', { fullPage: false });
      await confirm.getByRole('button', { name: 'Restore this backup' }).click();
      await expect
        .poll(() => other.getByRole('heading', { name: 'Unlock Casebook' }).isVisible(), { timeout: 30_000 })
        .toBe(true);
    } finally {
      await other.close();
      await newPc.close();
    }
  });
});
