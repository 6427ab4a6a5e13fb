import type { JobStage } from '../../../shared/domain/jobs';
import type { AppError } from '../../../shared/result';

/** Messages between the core's thread and a job worker (see runner.ts). Plain data only. */
export type ToJob = {
  t: 'run';
  jobId: string;
  kind: string;
  input: unknown;
  /** The records, for jobs that read them: opened read-only on the worker's own connection. */
  records: { path: string; key: Uint8Array } | null;
  resourcesDir: string;
  /** The core's clock when the job started (ISO): the job's date rules ("not in the future") use it. */
  now: string;
  /** Int32 flags shared with the core's thread: [0] = cancel asked, [1] = held (tests), [2] = stage to hold at. */
  control: SharedArrayBuffer;
};

export type FromJob =
  | { t: 'progress'; jobId: string; stage: JobStage; fraction: number }
  | { t: 'done'; jobId: string; value: unknown }
  | { t: 'failed'; jobId: string; error: AppError }
  | { t: 'log'; message: string };

/** Slots of the shared control array. */
export const CONTROL = { cancel: 0, held: 1, holdAt: 2 } as const;
