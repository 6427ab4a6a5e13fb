import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import { chromiumPath, launchChromium, openPage, unlockAs } from '../bridge/chromium';
import { figureOf, report, type Figure } from './stats';

/**
 * What a person feels, measured in Chromium on the built screens against the core on a large
 * database: from a keystroke in the client search box to the list showing the new results, and
 * from a click on a client to their page. Times are taken inside the page (performance.now() until
 * the frame after the change), so they include the call to the core (every keystroke searches; the
 * first rows are drawn before the matches are counted) and React's update, but not the test driver.
 * The bridge stands in for Electron's IPC: it carries calls over a local HTTP connection, a little
 * slower than IPC.
 *
 * The bridge hosts the core as Electron's main process does (CoreHost and the built workers), so
 * this process stands for the thread that owns the window: how long its event loop is held up
 * while a backup, an import check or a funder report runs is measured here, and the screens are
 * timed again while backups run one after another.
 */
export async function rendererFigures(
  dataDir: string,
  admin: { name: string; password: string },
  label: string,
): Promise<Figure[]> {
  // The generated records are dated up to 2026-11-23, the benchmark's today.
  const bridge = await startBridge({ dataDir, saveDir: `${dataDir}-saved`, now: clockFrom('2026-11-23T10:00') });
  const browser = await launchChromium();
  try {
    const page = await openPage(browser, bridge.now);
    await page.goto(bridge.url);
    await unlockAs(page, admin.name, admin.password);
    await page.getByRole('navigation').getByRole('button', { name: 'Clients', exact: true }).click();
    await page.getByRole('table', { name: 'Clients' }).waitFor();
    const typed = [
      'k',
      'ko',
      'kow',
      'kowa',
      'kowal',
      '',
      'w',
      'wi',
      'wiś',
      'wiśn',
      '',
      's',
      'sm',
      'smi',
      'smit',
      '',
      'ł',
      'łę',
      'łęc',
      '',
      'ls6',
      '',
      'cb-0012',
      '',
    ];
    const keystroke: number[] = [];
    for (let round = 0; round < 6; round++) for (const text of typed) keystroke.push(await typeAndWait(page, text));
    // The parts of a keystroke: the search call as the window makes it (the core and the hop), and
    // the hop alone (a call that does almost nothing); React's drawing is what remains.
    const searchCall: number[] = [];
    const hop: number[] = [];
    for (let round = 0; round < 6; round++) {
      for (const text of typed) {
        searchCall.push(
          await timedCall(page, 'clients.search', { query: text, limit: 100, offset: 0, withTotal: false }),
        );
        hop.push(await timedCall(page, 'app.status', {}));
      }
    }
    const open: number[] = [];
    for (let i = 0; i < 30; i++) open.push(await openClient(page, i));
    // -1: nothing changed on screen (the same results), not a time.
    const figure = (name: string, times: number[], note: string) =>
      figureOf(
        name,
        times.filter((x) => x >= 0),
        note,
      );

    // Long jobs beside the screens: the window's thread is never held up by them.
    const usb = `${dataDir}-usb`;
    mkdirSync(usb, { recursive: true });
    await call(bridge, 'backup.updateSettings', { keep: 1, warnDays: 7, alertDays: 14, onExit: false });
    bridge.platform.nextFile = importFile(`${dataDir}-import.csv`);
    const stalls = [
      await stallFigure(`longest stall of the window's thread during a backup + verify (${label})`, 3, () =>
        call(bridge, 'backup.create', { targetDir: usb }),
      ),
      await stallFigure(
        `longest stall of the window's thread during an import check of 10,000 rows (${label})`,
        3,
        () => call(bridge, 'imports.choose', {}),
      ),
      await stallFigure(`longest stall of the window's thread during a funder report over a year (${label})`, 10, () =>
        call(bridge, 'reports.funder', { from: '2025-11-24', to: '2026-11-23' }),
      ),
    ];
    // The screens while backups run one after another.
    let backingUp = true;
    let backups = 0;
    const backupsRunning = (async () => {
      while (backingUp) {
        await call(bridge, 'backup.create', { targetDir: usb });
        backups++;
      }
    })();
    const keystrokeDuring: number[] = [];
    const openDuring: number[] = [];
    try {
      for (let round = 0; round < 3; round++)
        for (const text of typed) keystrokeDuring.push(await typeAndWait(page, text));
      for (let i = 0; i < 20; i++) openDuring.push(await openClient(page, i));
    } finally {
      backingUp = false;
      await backupsRunning;
    }
    return [
      ...stalls,
      figure(
        `keystroke to updated client list while a backup runs, Chromium (${label})`,
        keystrokeDuring,
        `no pause for typing; backups one after another (${backups + 1} made meanwhile)`,
      ),
      figure(
        `click to client page shown while a backup runs, Chromium (${label})`,
        openDuring,
        'backups one after another',
      ),
      figure(
        `keystroke to updated client list, Chromium (${label})`,
        keystroke,
        'no pause for typing; bridge over local HTTP instead of IPC',
      ),
      figure(
        `click to client page shown, Chromium (${label})`,
        open,
        'record, tabs and header; bridge over local HTTP instead of IPC',
      ),
      figure(
        `  part: the search call from the window, first 100 rows (${label})`,
        searchCall,
        'the core and the hop, no drawing',
      ),
      figure(`  part: the hop alone, window to core and back (${label})`, hop, 'app.status over the bridge'),
    ];
  } finally {
    await browser.close();
    await bridge.close();
    // The backups made (each the size of the records) and the files beside them go.
    for (const made of ['-usb', '-saved', '-saved.last-seen.json', '-import.csv'])
      rmSync(`${dataDir}${made}`, { recursive: true, force: true });
  }
}

/**
 * The code run inside the page is plain JavaScript text: the TypeScript runner adds helpers to
 * compiled functions that do not exist in the browser.
 */
const TYPE_AND_WAIT = `async (value) => {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent && l.textContent.startsWith('Search clients'));
  const input = document.getElementById(label.htmlFor);
  const table = document.querySelector('[role="table"]');
  const signature = () => table.getAttribute('aria-rowcount') + '|' + (table.textContent || '');
  const before = signature();
  if (input.value === value) return -1;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const start = performance.now();
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (;;) {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    if (signature() !== before) return performance.now() - start;
    if (performance.now() - start > 3000) return -1;
  }
}`;

/** One call from the page, as the screens make it, timed inside the page. */
const TIMED_CALL = `async ([channel, input]) => {
  const start = performance.now();
  const r = await window.casebook.invoke(channel, input);
  if (!r.ok) throw new Error(channel + ': ' + JSON.stringify(r.error));
  return performance.now() - start;
}`;

const CLICK_AND_WAIT = `async (i) => {
  const rows = [...document.querySelectorAll('[role="table"] [role="row"] button')];
  const target = rows[i % Math.max(1, rows.length)];
  if (!target) return -1;
  const start = performance.now();
  target.click();
  for (;;) {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    if (document.querySelector('[role="tablist"]')) return performance.now() - start;
    if (performance.now() - start > 5000) return -1;
  }
}`;

async function timedCall(page: Page, channel: string, input: unknown): Promise<number> {
  return page.evaluate(`(${TIMED_CALL})(${JSON.stringify([channel, input])})`) as Promise<number>;
}

/** A channel through the bridge's core (as the page would call it); throws on failure. */
async function call(bridge: Bridge, channel: string, input: unknown): Promise<unknown> {
  const r = await bridge.core.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/**
 * Runs a long job `n` times and takes, each time, the longest stall of this thread's event loop
 * while it ran: what the window would have felt. Node samples every 10 ms and reads the time between
 * samples, so an idle loop reads 10 ms; the stall is what comes on top.
 */
async function stallFigure(name: string, n: number, job: () => Promise<unknown>): Promise<Figure> {
  const SAMPLE_MS = 10;
  const longest: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = monitorEventLoopDelay({ resolution: SAMPLE_MS });
    h.enable();
    await job();
    h.disable();
    longest.push(Math.max(0, h.max / 1e6 - SAMPLE_MS));
  }
  return figureOf(name, longest, `longest event-loop delay per run, ${n} runs; the job runs in a worker`);
}

/** 10,000 rows to import: one in ten with a surname and birth date like people on file, the rest new. */
export function importFile(path: string): string {
  const surnames = [
    'Kowalska',
    'Nowak',
    'Wiśniewska',
    'Smith',
    'Jones',
    'Wójcik',
    'Brown',
    'Kamińska',
    'Taylor',
    'Lewandowski',
  ];
  const rows = Array.from(
    { length: 10_000 },
    (_, i) => `Nowa${i},${surnames[i % surnames.length]},${1 + (i % 28)}/${1 + (i % 12)}/19${50 + (i % 50)}`,
  );
  writeFileSync(path, ['First name,Last name,Date of birth', ...rows].join('\n'));
  return path;
}

/** Sets the search text as typing does and times until the list changes (-1 when the results are the same). */
function typeAndWait(page: Page, text: string): Promise<number> {
  return page.evaluate(`(${TYPE_AND_WAIT})(${JSON.stringify(text)})`) as Promise<number>;
}

/** Clicks the n-th client in the list and times until their page's tabs are shown, then goes back. */
async function openClient(page: Page, n: number): Promise<number> {
  const took = (await page.evaluate(`(${CLICK_AND_WAIT})(${n})`)) as number;
  await page.getByRole('navigation').getByRole('button', { name: 'Clients', exact: true }).click();
  await page.getByRole('table', { name: 'Clients' }).waitFor();
  return took;
}

/** `npm run bench:ui -- --data <folder made by seed:large>` */
if (require.main === module) {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      name: { type: 'string', default: 'Bench Admin' },
      password: { type: 'string', default: 'large database 2026' },
    },
  });
  if (!values.data || !existsSync(resolve(values.data, 'casebook.db'))) {
    console.error('Usage: npm run bench:ui -- --data <folder made by npm run seed:large>');
    process.exit(2);
  }
  chromiumPath();
  void rendererFigures(
    resolve(values.data),
    { name: values.name!, password: values.password! },
    'seeded database',
  ).then(report, (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
