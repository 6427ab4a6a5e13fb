import { join } from 'node:path';
import type { WorkerEntry } from '../../electron/core/host/messages';
import { TEST_BUILD } from './buildWorkers';

/**
 * The core's and the long jobs' workers as core tests start them: bundled from the TypeScript
 * sources at the start of the run (buildWorkers.ts, the core project's global setup), so these
 * tests need no `npm run build`; the bridge runs the app's own build.
 */
export const SOURCE_WORKERS: { core: WorkerEntry; job: WorkerEntry } = {
  core: { file: join(TEST_BUILD, 'coreWorker.js') },
  job: { file: join(TEST_BUILD, 'jobWorker.js') },
};

/** A child process the crash tests start and kill, bundled likewise. */
export const testChild = (name: 'crashWriter' | 'restoreKillChild') => join(TEST_BUILD, `${name}.js`);
