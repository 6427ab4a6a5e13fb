import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { JobProgress } from '../../shared/domain/jobs';
import type { Result } from '../../shared/result';
import { invoke } from './api';

/** How often the window asks how far a long job has got. */
const POLL_MS = 250;

/** Channels that run as long jobs: they take the job id the window chose. */
type JobChannel = { [C in Channel]: ChannelInput<C> extends { jobId?: string } ? C : never }[Channel];

export interface Job {
  /** Runs the channel as a long job: resolves with its result when it has finished or stopped. */
  run<C extends JobChannel>(channel: C, input: Omit<ChannelInput<C>, 'jobId'>): Promise<Result<ChannelOutput<C>>>;
  /** Asks the running job to stop at its next safe point (its result is then CANCELLED). */
  cancel(): void;
  /** Whether the last job ended because the person pressed Stop (not, say, a closed save dialog). */
  wasStopped(): boolean;
  running: boolean;
  /** How far it has got, while it runs. */
  progress: JobProgress | null;
}

/**
 * Runs a long job (a backup, a restore, the import check, a subject access pack, a report) and
 * follows it: the window gives the job an id, asks the core how far it has got four times a second
 * while it runs (a real progress bar), and can ask it to stop.
 */
export function useJob(): Job {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<string | null>(null);
  const stopped = useRef(false);
  useEffect(
    () => () => {
      current.current = null;
    },
    [],
  );

  const run = useCallback(async <C extends JobChannel>(channel: C, input: Omit<ChannelInput<C>, 'jobId'>) => {
    const jobId = crypto.randomUUID();
    current.current = jobId;
    stopped.current = false;
    setRunning(true);
    setProgress({ stage: 'starting', fraction: 0, cancellable: true });
    const timer = setInterval(() => {
      void invoke('jobs.progress', { jobId }).then((p) => {
        if (p.ok && p.value && current.current === jobId) setProgress(p.value);
      });
    }, POLL_MS);
    try {
      return await invoke(channel, { ...input, jobId } as ChannelInput<C>);
    } finally {
      clearInterval(timer);
      if (current.current === jobId) {
        current.current = null;
        setRunning(false);
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const jobId = current.current;
    if (!jobId) return;
    stopped.current = true;
    setProgress((p) => p && { ...p, stage: 'stopping', cancellable: false });
    void invoke('jobs.cancel', { jobId });
  }, []);

  const wasStopped = useCallback(() => stopped.current, []);
  return { run, cancel, wasStopped, running, progress };
}
