import { join } from 'node:path';
import type { WorkerEntry } from '../core/host/messages';

/**
 * The core's worker script and the long jobs' one, built beside this file (out/main, inside
 * app.asar when packaged: Electron's worker threads read from it).
 */
export function workerEntries(): { core: WorkerEntry; job: WorkerEntry } {
  return { core: { file: join(__dirname, 'coreWorker.js') }, job: { file: join(__dirname, 'jobWorker.js') } };
}
