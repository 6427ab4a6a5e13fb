import { z } from 'zod';

/**
 * Long jobs (a backup, checking or restoring one, the import check, the subject access pack, the
 * funder report) run beside the screens, in a worker of their own. While one runs, the window asks
 * how far it has got (`jobs.progress`) by the id it gave the job, and may stop it (`jobs.cancel`).
 * The stage is a key the window puts into words: "Checking the copy… 63%".
 */
export const JOB_STAGES = [
  'starting',
  'reading',
  'copying',
  'checkingCopy',
  'writing',
  'verifying',
  'unlocking',
  'extracting',
  'checkingBackup',
  'switching',
  'readingFile',
  'checkingRows',
  'gathering',
  'drawing',
  'saving',
  'counting',
  'stopping',
] as const;
export type JobStage = (typeof JOB_STAGES)[number];

/** Chosen by the window (a random id), so it can ask about a job before the call that runs it returns. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const jobProgressSchema = z.object({
  stage: z.enum(JOB_STAGES),
  /** How much of the whole job is done, 0 to 1. */
  fraction: z.number().min(0).max(1),
  /** Whether it can still be stopped safely (a restore cannot once it is switching over). */
  cancellable: z.boolean(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

/** Adds the optional job id to a long job's input. */
export const withJobId = <S extends z.core.$ZodShape, C extends z.core.$ZodObjectConfig>(schema: z.ZodObject<S, C>) =>
  schema.extend({ jobId: jobIdSchema.optional() });
