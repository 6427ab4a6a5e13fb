import { fork } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clockFrom } from '../bridge/clock';
import { FolderPlatform } from '../bridge/folderPlatform';
import { startCoreHost } from '../bridge/server';
import { importFile } from './renderer';
import { report, type Figure } from './stats';

/**
 * The core's memory after an hour of an office's mixed use, measured in a process of its own that
 * holds the core as Electron's main process does (the same CoreHost and the built workers), so
 * nothing the benchmark itself made (generated clients, other figures) is counted.
 *
 * An hour is twelve rounds of what a busy office does in five minutes, through the core's channels
 * as the window calls them: three names typed letter by letter into the search, three clients
 * opened (record, timeline, plan, referrals, help given), two case notes written, the home screen
 * twice and a letter merged; and, through the hour, three funder reports, one saved as a PDF, two
 * import checks of 10,000 rows and one backup. The resident set is read after every round, so
 * growth shows as well as the level.
 */
export interface CoreMemory {
  /** Resident set of the process (MB) before the core started: the measuring script itself. */
  harness: number;
  /** The same after the core started, once unlocked, after each round, and after a quiet minute. */
  started: number;
  unlocked: number;
  rounds: number[];
  quiet: number;
  /** The highest resident set seen (sampled every 100 ms), and while doing what. */
  peak: number;
  peakDuring: string;
  /** The core's JavaScript heap at the end (MB). */
  coreHeapUsed: number;
  coreHeapTotal: number;
  /** After signing out: the records closed and the job workers stopped. */
  locked: number;
  calls: number;
}

const MB = (bytes: number) => Math.round(bytes / 1e6);
const rss = () => MB(process.memoryUsage().rss);
const TYPED = ['k', 'ko', 'kow', 'kowa', 'kowal', 'w', 'wi', 'wiś', 'wiśn', 'wiśni', 's', 'sm', 'smi', 'smit', 'smith'];

/** Runs in the child process: the hour itself. */
async function hour(dataDir: string, admin: { name: string; password: string }): Promise<CoreMemory> {
  const platform = new FolderPlatform(`${dataDir}-memory-saved`);
  const usb = `${dataDir}-memory-usb`;
  mkdirSync(usb, { recursive: true });
  const harness = rss();
  const core = await startCoreHost({ dataDir, now: clockFrom('2026-11-23T10:00') }, platform);
  let calls = 0;
  let doing = 'starting';
  let peak = { mb: 0, during: '' };
  const sampler = setInterval(() => {
    const now = rss();
    if (now > peak.mb) peak = { mb: now, during: doing };
  }, 100);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    calls++;
    doing = channel;
    const r = await core.call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  try {
    const started = rss();
    await call('signIn.unlock', admin);
    const unlocked = rss();
    const highest = (await call<{ total: number }>('clients.count', { query: '' })).total;
    const template = (
      await call<{ id: number; kind: string; language: string; active: boolean }[]>('templates.list', {})
    ).find((t) => t.kind === 'general' && t.language === 'en')!;
    const csv = importFile(`${dataDir}-memory-import.csv`);
    const year = { from: '2025-11-24', to: '2026-11-23' };
    const rounds: number[] = [];
    let person = 0;
    for (let round = 0; round < 12; round++) {
      for (let name = 0; name < 3; name++)
        for (const text of TYPED.slice(name * 5, name * 5 + 5))
          await call('clients.search', { query: text, limit: 100, offset: 0, withTotal: false });
      for (let i = 0; i < 3; i++) {
        const id = 1 + ((person++ * 7919) % highest);
        const record = await call<{ client: { id: number } } | null>('clients.get', { id }).catch(() => null);
        if (!record) continue;
        await call('timeline.get', { clientId: id, types: [], limit: 500, offset: 0 });
        await call('plans.get', { clientId: id });
        await call('referrals.forClient', { clientId: id });
        await call('helpGiven.forClient', { clientId: id });
        if (i < 2)
          await call('notes.save', {
            clientId: id,
            note: {
              date: '2026-11-23',
              time: '10:00',
              kind: 'phone',
              body: 'Rang about the housing benefit claim; agreed to bring the letters on Tuesday.',
            },
          });
        if (i === 0)
          await call('letters.preview', {
            clientId: id,
            templateId: template.id,
            referralId: null,
            text: 'We look forward to seeing you.',
            appointment: null,
          });
      }
      await call('caseload.get', {});
      await call('caseload.get', {});
      if (round % 4 === 1) await call('reports.funder', year);
      if (round === 6) await call('reports.savePdf', year);
      if (round === 3 || round === 9) {
        platform.nextFile = csv;
        await call('imports.choose', {});
      }
      if (round === 10) await call('backup.create', { targetDir: usb });
      rounds.push(rss());
    }
    // The office then reads a client's file for a minute: the warm job worker is stopped.
    doing = 'a quiet minute';
    await new Promise((r) => setTimeout(r, 62_000));
    const quiet = rss();
    const coreHeap = await core.heapStatistics();
    const end = { coreHeapUsed: MB(coreHeap.used_heap_size), coreHeapTotal: MB(coreHeap.total_heap_size) };
    await call('signIn.lock', {});
    return {
      harness,
      started,
      unlocked,
      rounds,
      quiet,
      peak: peak.mb,
      peakDuring: peak.during,
      ...end,
      locked: rss(),
      calls,
    };
  } finally {
    clearInterval(sampler);
    await core.close();
    rmSync(usb, { recursive: true, force: true });
    rmSync(`${dataDir}-memory-saved`, { recursive: true, force: true });
    rmSync(`${dataDir}-memory-saved.last-seen.json`, { force: true });
    rmSync(`${dataDir}-memory-import.csv`, { force: true });
  }
}

/** Runs the hour in a child process of its own and returns what it measured. */
export function coreMemory(dataDir: string, admin: { name: string; password: string }): Promise<CoreMemory> {
  return new Promise((resolveMemory, reject) => {
    const child = fork(__filename, ['--child', '--data', dataDir, '--name', admin.name], {
      env: { ...process.env, CASEBOOK_BENCH_PASSWORD: admin.password },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: CoreMemory | null = null;
    child.on('message', (m) => (result = m as CoreMemory));
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0 ? resolveMemory(result) : reject(new Error(`the memory run stopped (exit code ${code})`)),
    );
  });
}

export async function memoryFigures(
  dataDir: string,
  admin: { name: string; password: string },
  label: string,
): Promise<Figure[]> {
  const m = await coreMemory(dataDir, admin);
  const core = (mb: number) => mb - m.harness;
  const figure = (name: string, mb: number, note: string): Figure => ({
    name,
    unit: 'MB',
    p50: mb,
    p95: mb,
    n: 1,
    note,
  });
  return [
    figure(
      `memory of the core after an hour's mixed use and a quiet minute (${label})`,
      core(m.quiet),
      `resident set of a process holding the core as Electron's main does (CoreHost + built workers), less the ${m.harness} MB it held before the core started; ${m.calls} calls`,
    ),
    figure(
      `  the same straight after the hour's last call, a job worker still warm (${label})`,
      core(m.rounds.at(-1)!),
      `after each five minutes: ${m.rounds.map(core).join(' ')}`,
    ),
    figure(`  the highest while working (${label})`, core(m.peak), `during ${m.peakDuring}`),
    figure(`  part: the core's JavaScript heap (${label})`, m.coreHeapTotal, `${m.coreHeapUsed} MB in use`),
    figure(
      `  part: the core on starting, and once unlocked (${label})`,
      core(m.started),
      `${core(m.unlocked)} MB once unlocked`,
    ),
    figure(
      `  after signing out: records closed, job workers stopped (${label})`,
      core(m.locked),
      'what stays is memory the process keeps for reuse',
    ),
  ];
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      child: { type: 'boolean', default: false },
      data: { type: 'string' },
      name: { type: 'string', default: 'Bench Admin' },
      password: { type: 'string' },
    },
  });
  const password = values.password ?? process.env['CASEBOOK_BENCH_PASSWORD'] ?? 'large database 2026';
  if (!values.data || !existsSync(resolve(values.data, 'casebook.db'))) {
    console.error('Usage: npm run bench:memory -- --data <folder made by npm run seed:large>');
    process.exit(2);
  }
  const admin = { name: values.name!, password };
  if (values.child) {
    void hour(resolve(values.data), admin).then(
      (m) => process.send!(m, () => process.exit(0)),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  } else {
    void memoryFigures(resolve(values.data), admin, 'seeded database').then(report, (e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  }
}
