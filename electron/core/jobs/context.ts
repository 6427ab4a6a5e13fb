import type { JobStage } from '../../../shared/domain/jobs';
import type { Db } from '../db/database';

/**
 * What a long job gets in its worker: its own read-only connection to the records (when it reads
 * them), a way to say how far it has got, and a way to learn that the person asked to stop. A job
 * calls `step` at every point where stopping is safe; it then throws CANCELLED, and the job's own
 * `finally` removes whatever it had half made.
 */
export interface JobContext {
  /** The records, opened read-only for this worker. Throws when the job was given none. */
  records(): Db;
  resourcesDir: string;
  /** Reports the stage and how much of the whole job is done (0..1), and stops here if asked to. */
  step(stage: JobStage, fraction: number): void;
  /** Stops here if the person asked to (without changing the stage shown). */
  checkCancelled(): void;
  log(message: string): void;
}

/** A long job: runs in a job worker with its context and plain-data input; returns plain data. */
export type Job<I, O> = (ctx: JobContext, input: I) => O | Promise<O>;
