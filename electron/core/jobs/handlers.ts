import type { Work } from '../domain';
import type { Handlers } from '../rpc';

/**
 * How far a long job has got, and stopping it. Open to the window before sign-in too (a restore
 * from the unlock screen): a job is only known by the random id the window gave it.
 */
export function jobHandlers(cb: Work): Pick<Handlers, 'jobs.progress' | 'jobs.cancel'> {
  return {
    'jobs.progress': ({ jobId }) => cb.jobs.progress(jobId),
    'jobs.cancel': ({ jobId }) => ({ cancelling: cb.jobs.cancel(jobId) }),
  };
}
