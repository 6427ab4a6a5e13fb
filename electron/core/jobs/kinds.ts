import { backupJobs } from '../backup/jobs';
import { fullExportJobs } from '../fullExport/jobs';
import { importJobs } from '../imports/jobs';
import { reportJobs } from '../reports/jobs';
import { accessJobs } from '../subjectAccess/jobs';

/** Every long job, by name: each domain lists its own (as the handler table does for channels). */
export const JOBS = { ...backupJobs, ...importJobs, ...accessJobs, ...reportJobs, ...fullExportJobs };

export type JobKind = keyof typeof JOBS;
export type JobInput<K extends JobKind> = Parameters<(typeof JOBS)[K]>[1];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<(typeof JOBS)[K]>>;
