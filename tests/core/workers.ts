import { resolve } from 'node:path';
import type { WorkerEntry } from '../../electron/core/host/messages';

/**
 * The core's and the long jobs' workers run from their TypeScript sources in core tests (tsx
 * compiles them in the worker), so these tests need no build; the bridge runs the built ones.
 */
const source = (path: string): WorkerEntry => ({ file: resolve(__dirname, '../..', path), execArgv: ['--import', 'tsx'] });

export const SOURCE_WORKERS = {
  core: source('electron/core/host/coreWorker.ts'),
  job: source('electron/core/jobs/jobWorker.ts'),
};
