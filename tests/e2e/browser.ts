import { pdfText as checkedPdfText } from '../core/pdfCheck';
import { expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Bridge } from '../bridge/server';
import { chromiumPath, launchChromium, openPage, unlockAs } from '../bridge/chromium';

export { chromiumPath, launchChromium, openPage, unlockAs };

export const SCREENSHOTS = resolve(__dirname, 'screenshots');

/** Saves a screenshot for a person to open and look at: the whole page, or (for dialogs) what is on screen. */
export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  return path;
}

/**
 * What the printer gets: runs `start` (a Print button, File › Print) and holds the print dialog
 * open while the page is looked at as print shows it (screenshot `name`). Answers with the number
 * of pages and the width of the first page's picture in pixels.
 */
export async function whatIsPrinted(
  page: Page,
  bridge: Bridge,
  start: () => Promise<unknown>,
  name: string,
): Promise<{ pages: number; width: number }> {
  let letGo: () => void = () => {};
  bridge.platform.holdPrint = new Promise<void>((resolve) => (letGo = resolve));
  const before = bridge.platform.printDialogs;
  try {
    await start();
    await expect.poll(() => bridge.platform.printDialogs, { timeout: 30_000 }).toBe(before + 1);
    await page.emulateMedia({ media: 'print' });
    const pictures = page.getByTestId('printout').locator('img');
    // Only the pages are printed: the app around them is not.
    expect(await page.locator('#root').isVisible()).toBe(false);
    expect(await pictures.first().isVisible()).toBe(true);
    await shot(page, name, { fullPage: false });
    return {
      pages: await pictures.count(),
      width: await pictures.first().evaluate((img) => (img as HTMLImageElement).naturalWidth),
    };
  } finally {
    await page.emulateMedia({ media: 'screen' });
    bridge.platform.holdPrint = null;
    letGo();
  }
}

/** The PDF's text; also checks that no text is drawn over other text (the check every PDF test makes). */
export function pdfText(path: string): string {
  return checkedPdfText(path);
}

export function pdfToPng(path: string, name: string, page = 1): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const prefix = join(SCREENSHOTS, name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', path, prefix]);
  return `${prefix}.png`;
}

/** Calls the bridge's core directly (for arranging a test, not for what is being tested). */
export async function callCore<T = never>(bridge: Bridge, channel: string, input: unknown): Promise<T> {
  const r = await bridge.core.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/**
 * First-run setup through the core, for tests about later screens (foundation.test.ts drives the
 * setup screens themselves). Leaves the administrator signed in.
 */
export async function setUpThroughCore(
  bridge: Bridge,
  admin: { name: string; password: string },
  charityName = 'Przystań Community Aid',
): Promise<void> {
  const shown = await callCore<{ groups: string[]; confirmGroup: number }>(bridge, 'setup.prepare', {
    charity: { name: charityName },
    admin,
  });
  await callCore(bridge, 'setup.saveRecoverySheet', {});
  await callCore(bridge, 'setup.finish', { confirmation: shown.groups[shown.confirmGroup - 1] });
}

/** A page signed in on the bridge as `who`, on the home screen. */
export async function openSignedIn(
  browser: Browser,
  bridge: Bridge,
  who: { name: string; password: string },
): Promise<Page> {
  const page = await openPage(browser, bridge.now);
  await page.goto(bridge.url);
  await unlockAs(page, who.name, who.password);
  await page.getByRole('heading', { name: 'Your caseload' }).waitFor();
  return page;
}

/** Closes what an end-to-end file opened and removes its folder. */
export async function closeAll(browser: Browser | undefined, bridge: Bridge | undefined, root: string): Promise<void> {
  await browser?.close();
  await bridge?.close();
  rmSync(root, { recursive: true, force: true });
}

/**
 * The few ways every end-to-end file looks at a page, by what a person sees: text on screen, the open
 * dialog, a tab, the main menu, and waiting for notifications to close (with the pointer moved away:
 * hovering one keeps it open). `page` is read each time, so a file can open its page later.
 */
export function byPerson(page: () => Page) {
  return {
    visible: (text: string | RegExp) => page().getByText(text).first().isVisible(),
    dialog: () => page().getByRole('dialog'),
    tab: (name: string) => page().getByRole('tab', { name, exact: true }).click(),
    nav: (name: string) => page().getByRole('navigation').getByRole('button', { name, exact: true }).click(),
    quiet: async () => {
      await page().mouse.move(640, 5);
      await expect.poll(() => page().locator('.mantine-Notification-root').count(), { timeout: 12_000 }).toBe(0);
    },
  };
}
