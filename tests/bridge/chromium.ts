import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Chromium for the end-to-end tests and the screen benchmarks (no test runner here, so a benchmark
 * script can use it too).
 */

/** Debian's Chromium (never a downloaded browser), with the flags this offline machine needs. */
export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH');
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Signs in on the unlock screen, by the labels a person reads. */
export async function unlockAs(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

/**
 * A page as the tests use it: desktop size, British English, no animations to wait for, and the
 * page's clock set to the core's (`now`), so the screens' own defaults (a form's date, a report's
 * period) are on the test's day whatever the real date is. The clock then runs on at real speed.
 */
export async function openPage(browser: Browser, now: () => Date, height = 860): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height }, locale: 'en-GB', reducedMotion: 'reduce' });
  await page.clock.install({ time: now() });
  page.setDefaultTimeout(15_000);
  // CASEBOOK_E2E_CONSOLE=1 shows the page's console and uncaught errors (for finding a failure).
  if (process.env['CASEBOOK_E2E_CONSOLE']) {
    page.on('console', (m) => console.error(`[page ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && console.error(`[page ${r.status()}] ${r.url()}`));
  }
  return page;
}
