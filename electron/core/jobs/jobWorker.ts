import { parentPort } from 'node:worker_threads';
import { JOB_STAGES, type JobStage } from '../../../shared/domain/jobs';
import { CasebookError, type AppError } from '../../../shared/result';
import { withClock } from '../clock';
import { openDatabase, type Db } from '../db/database';
import { diskProblem } from '../storage/files';
import type { JobContext } from './context';
import { JOBS, type JobKind } from './kinds';
import { CONTROL, type FromJob, type ToJob } from './messages';

/**
 * A job worker: runs long jobs one at a time for the core (see runner.ts), on its own read-only
 * connection to the records, opened with the first job that needs them and kept until the worker
 * ends (when Casebook locks).
 */
const port = parentPort;
if (!port) throw new Error('jobWorker.ts runs as a worker thread');
const post = (m: FromJob) => port.postMessage(m);
let records: Db | null = null;

/** Progress is sent when the stage changes, or at most every 100 ms. */
const PROGRESS_EVERY_MS = 100;

function contextFor(m: ToJob): JobContext {
  const control = new Int32Array(m.control);
  let last = { stage: '' as string, at: 0 };
  const checkCancelled = () => {
    if (Atomics.load(control, CONTROL.cancel)) throw new CasebookError('CANCELLED', 'Stopped as asked');
  };
  const holdIfAsked = (stage: JobStage) => {
    // Tests only: wait here until released (see JobRunner.holdNextAt).
    if (Atomics.load(control, CONTROL.holdAt) !== JOB_STAGES.indexOf(stage) + 1) return;
    Atomics.store(control, CONTROL.held, 1);
    Atomics.notify(control, CONTROL.held);
    Atomics.wait(control, CONTROL.held, 1);
  };
  return {
    records() {
      if (!records) throw new CasebookError('INTERNAL', 'This job was not given the records');
      return records;
    },
    resourcesDir: m.resourcesDir,
    step(stage, fraction) {
      const now = performance.now();
      if (stage !== last.stage || now - last.at >= PROGRESS_EVERY_MS) {
        last = { stage, at: now };
        post({ t: 'progress', jobId: m.jobId, stage, fraction: Math.min(1, Math.max(0, fraction)) });
      }
      holdIfAsked(stage);
      checkCancelled();
    },
    checkCancelled,
    log: (message) => post({ t: 'log', message }),
  };
}

function asAppError(err: unknown, kind: string): AppError {
  if (err instanceof CasebookError) return err.toAppError();
  const disk = diskProblem(err);
  if (disk) return { code: disk, message: 'The file could not be written' };
  post({
    t: 'log',
    message: `[casebook] job ${kind} failed: ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err)}`,
  });
  return { code: 'INTERNAL', message: 'Unexpected error' };
}

async function answer(m: ToJob): Promise<void> {
  if (m.t !== 'run') return;
  try {
    if (m.records) {
      const key = Buffer.from(m.records.key);
      try {
        records = openDatabase(m.records.path, key, { readOnly: true, migrate: false });
      } finally {
        key.fill(0);
        m.records.key.fill(0);
      }
    }
    const job = JOBS[m.kind as JobKind] as (ctx: JobContext, input: unknown) => unknown;
    if (!job) throw new CasebookError('INTERNAL', `No job called ${m.kind.slice(0, 40)}`);
    // The job's rules about "today" follow the core's clock: its time at the start, moving on.
    const startedAt = Date.parse(m.now);
    const started = performance.now();
    const value = await withClock(
      () => new Date(startedAt + (performance.now() - started)),
      () => job(contextFor(m), m.input),
    );
    post({ t: 'done', jobId: m.jobId, value });
  } catch (err) {
    post({ t: 'failed', jobId: m.jobId, error: asAppError(err, m.kind) });
  }
}

port.on('message', (m: ToJob) => void answer(m));
