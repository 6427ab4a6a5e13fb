import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { JOB_STAGES, type JobProgress, type JobStage } from '../../../shared/domain/jobs';
import { CasebookError, type AppError } from '../../../shared/result';
import type { WorkerEntry } from '../host/messages';
import type { JobInput, JobKind, JobOutput } from './kinds';
import { CONTROL, type FromJob, type ToJob } from './messages';

/**
 * Long jobs, run beside the screens. Each runs in a job worker with its own read-only connection to
 * the records, so the core's thread (and the window) keeps answering: search, a client's page and
 * saving a note go on while a backup is made. A job never writes to the records: it reads them and
 * writes files (the backup, a check copy, a PDF); whatever must be recorded afterwards (the last
 * backup, the audit trail) the core writes when the job is done, in one transaction.
 *
 * A task is what the person started and sees ("Back up now"): it has the id the window gave it, a
 * stage and a fraction done, and may be stopped while that is safe. A task runs one or more jobs in
 * workers, and may do steps of its own on the core's thread (switching to restored records).
 *
 * Workers are kept warm between jobs (one idle worker, with its connection open), and all of them
 * stop when Casebook locks: the key leaves memory with them.
 */
export interface JobRecords {
  path: string;
  key: Buffer;
}

interface JobThread {
  worker: Worker;
  /** The session whose records this worker has open (0: none yet). */
  records: number;
  busy: boolean;
  /** Why it is being stopped, when the runner stopped it. */
  stopping: 'locked' | 'cancelled' | null;
  onMessage: ((m: Exclude<FromJob, { t: 'log' }>) => void) | null;
  onExit: ((code: number) => void) | null;
  /** Stops the worker once it has waited this long for another job. */
  idleTimer: NodeJS.Timeout | null;
}

type Refine = (p: JobProgress) => JobProgress;

export interface JobOptions {
  /** The records, for a job that reads them (on its worker's own read-only connection). */
  records?: JobRecords | null;
  /** Removes what the job half made, when it fails or its worker is stopped outright. */
  cleanup?: () => void;
  /** Hears the job's stage and fraction instead of the task showing them. */
  onProgress?: (stage: JobStage, fraction: number) => void;
  /** Asks this job alone to stop (at its next safe point), e.g. when the job beside it failed. */
  signal?: AbortSignal;
}

/** How long a job may take to notice it was asked to stop before its worker is stopped outright. */
const CANCEL_GRACE_MS = 60_000;
const IDLE_WORKERS = 1;
/**
 * A warm worker is stopped after a minute with no job: jobs come in bursts (a report, then its PDF),
 * and a worker waiting longer only holds memory (its page cache and its JavaScript, 100–200 MB at
 * 100,000 clients) that the PC may want.
 */
const IDLE_STOP_MS = 60_000;

export class Task {
  stage: JobStage = 'starting';
  fraction = 0;
  cancellable: boolean;
  cancelled = false;
  /** Adjusts the progress shown, when the task knows better than its jobs (a step that cannot report). */
  refine: Refine | null = null;
  /** The shared flags of the jobs running now (a task may run jobs side by side). */
  readonly controls = new Set<Int32Array>();
  ended = false;

  constructor(
    readonly id: string,
    private readonly runner: JobRunner,
    cancellable: boolean,
  ) {
    this.cancellable = cancellable;
  }

  /**
   * Runs one job of this task in a worker. Its progress is this task's progress, or goes to
   * `onProgress` (when the task runs jobs side by side and shows them together).
   */
  run<K extends JobKind>(kind: K, input: JobInput<K>, o: JobOptions = {}): Promise<JobOutput<K>> {
    return this.runner.runJob(this, kind, input, o);
  }

  /**
   * Runs jobs side by side (each in a worker of its own). When one fails the others are asked to
   * stop, and once all have ended, the first failure is thrown: nothing is left running behind it.
   */
  async together<T extends readonly unknown[]>(
    ...starts: { [K in keyof T]: (signal: AbortSignal) => Promise<T[K]> }
  ): Promise<T> {
    const stop = new AbortController();
    let first: { error: unknown } | null = null;
    const settled = await Promise.allSettled(
      starts.map((start) =>
        start(stop.signal).catch((error: unknown) => {
          first ??= { error };
          stop.abort();
          throw error;
        }),
      ),
    );
    if (first) throw (first as { error: unknown }).error;
    return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
  }

  /** A step done on the core's own thread: shown as the task's stage. */
  show(stage: JobStage, fraction: number, opts: { cancellable?: boolean } = {}): void {
    this.stage = stage;
    this.fraction = fraction;
    if (opts.cancellable !== undefined) this.cancellable = opts.cancellable;
  }

  /** Throws CANCELLED when the person asked to stop (between the task's own steps). */
  checkCancelled(): void {
    if (this.cancelled) throw new CasebookError('CANCELLED', 'Stopped as asked');
  }

  progress(): JobProgress {
    const p: JobProgress = {
      stage: this.cancelled ? 'stopping' : this.stage,
      fraction: Math.min(1, Math.max(0, this.fraction)),
      cancellable: this.cancellable && !this.cancelled,
    };
    return this.refine && !this.cancelled ? this.refine(p) : p;
  }

  end(): void {
    this.ended = true;
    this.runner.forget(this);
  }
}

export class JobRunner {
  private readonly threads = new Set<JobThread>();
  private readonly tasks = new Map<string, Task>();
  /** Bumped whenever Casebook locks: workers holding older records are never used again. */
  private session = 1;
  private nextHold: { stage: JobStage; reached: () => void } | null = null;
  /** How long a warm worker waits for the next job before it is stopped (tests shorten it). */
  idleStopMs = IDLE_STOP_MS;

  constructor(
    private readonly entry: WorkerEntry | undefined,
    private readonly resourcesDir: string,
    private readonly now: () => Date,
    private readonly log: (message: string) => void,
  ) {}

  /** Starts a task under the window's id for it (or a new one); CONFLICT when that id is in use. */
  begin(jobId: string | undefined, opts: { cancellable: boolean }): Task {
    const id = jobId ?? randomBytes(12).toString('hex');
    if (this.tasks.has(id)) throw new CasebookError('CONFLICT', 'A job with that id is running');
    const task = new Task(id, this, opts.cancellable);
    this.tasks.set(id, task);
    return task;
  }

  /** Runs `fn` as a task: ended whatever happens. */
  async task<T>(jobId: string | undefined, opts: { cancellable: boolean }, fn: (task: Task) => Promise<T>): Promise<T> {
    const task = this.begin(jobId, opts);
    try {
      return await fn(task);
    } finally {
      task.end();
    }
  }

  /** Whether any task is running (the idle lock waits for it: it would stop the job). */
  busy(): boolean {
    return this.tasks.size > 0;
  }

  progress(jobId: string): JobProgress | null {
    return this.tasks.get(jobId)?.progress() ?? null;
  }

  /** Asks a task to stop at its next safe point. False when there is no such task or it cannot stop now. */
  cancel(jobId: string): boolean {
    const task = this.tasks.get(jobId);
    if (!task || !task.cancellable || task.ended) return false;
    task.cancelled = true;
    for (const control of task.controls) {
      Atomics.store(control, CONTROL.cancel, 1);
      this.release(control);
    }
    return true;
  }

  /**
   * For tests: the next job to reach `stage` waits there (its worker blocked) until it is released
   * or cancelled, so a test can stop a job at a chosen point. Resolves when it has got there.
   */
  holdNextAt(stage: JobStage): Promise<void> {
    return new Promise((reached) => (this.nextHold = { stage, reached }));
  }

  /** Lets a job held by `holdNextAt` go on. */
  releaseAll(): void {
    for (const task of this.tasks.values()) for (const control of task.controls) this.release(control);
  }

  /**
   * When Casebook locks: every job stops (LOCKED) and every worker ends, taking the key with it.
   * Resolves once they have all ended (their connections to the records closed).
   */
  stopAll(): Promise<void> {
    this.session++;
    for (const task of this.tasks.values()) {
      if (task.cancellable) task.cancelled = true;
      for (const control of task.controls) Atomics.store(control, CONTROL.cancel, 1);
    }
    const ended: Promise<unknown>[] = [];
    for (const thread of this.threads) {
      thread.stopping = 'locked';
      ended.push(thread.worker.terminate());
    }
    this.threads.clear();
    return Promise.all(ended).then(() => undefined);
  }

  forget(task: Task): void {
    if (this.tasks.get(task.id) === task) this.tasks.delete(task.id);
  }

  private release(control: Int32Array): void {
    Atomics.store(control, CONTROL.holdAt, 0);
    Atomics.store(control, CONTROL.held, 0);
    Atomics.notify(control, CONTROL.held);
  }

  /** How many job workers are running or waiting warm. */
  get workers(): number {
    return this.threads.size;
  }

  private thread(records: JobRecords | null | undefined): JobThread {
    for (const t of this.threads)
      if (!t.busy && (!records || t.records === this.session)) {
        if (t.idleTimer) clearTimeout(t.idleTimer);
        t.idleTimer = null;
        return t;
      }
    if (!this.entry) throw new CasebookError('INTERNAL', 'No worker for long jobs was configured');
    const worker = new Worker(this.entry.file, { execArgv: this.entry.execArgv, stdout: false, stderr: false });
    const thread: JobThread = {
      worker,
      records: 0,
      busy: false,
      stopping: null,
      onMessage: null,
      onExit: null,
      idleTimer: null,
    };
    worker.on('message', (m: FromJob) => {
      if (m.t === 'log') this.log(m.message);
      else thread.onMessage?.(m);
    });
    worker.on('error', (err) => this.log(`[casebook] a job worker stopped: ${err.name}: ${err.message}`));
    worker.on('exit', (code) => {
      if (thread.idleTimer) clearTimeout(thread.idleTimer);
      this.threads.delete(thread);
      thread.onExit?.(code);
    });
    this.threads.add(thread);
    return thread;
  }

  runJob<K extends JobKind>(task: Task, kind: K, input: JobInput<K>, o: JobOptions): Promise<JobOutput<K>> {
    task.checkCancelled();
    if (o.signal?.aborted) throw new CasebookError('CANCELLED', 'Stopped as asked');
    const thread = this.thread(o.records);
    const control = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
    const hold = this.nextHold;
    if (hold) {
      // Every job started until one gets there is told the stage (jobs side by side report different stages).
      Atomics.store(control, CONTROL.holdAt, JOB_STAGES.indexOf(hold.stage) + 1);
      const reached = () => {
        if (Atomics.load(control, CONTROL.held) !== 1) return; // woken by a release, not held
        if (this.nextHold === hold) this.nextHold = null;
        hold.reached();
      };
      const waiting = Atomics.waitAsync(control, CONTROL.held, 0);
      if (waiting.async) void waiting.value.then(reached);
      else reached();
    }
    task.controls.add(control);
    const stopThis = () => {
      Atomics.store(control, CONTROL.cancel, 1);
      this.release(control);
    };
    o.signal?.addEventListener('abort', stopThis, { once: true });
    thread.busy = true;
    const session = this.session;
    const needsRecords = !!o.records && thread.records !== session;
    if (o.records) thread.records = session;
    return new Promise<JobOutput<K>>((resolve, reject) => {
      let timer: NodeJS.Timeout | null = null;
      const finish = (outcome: { value: unknown } | { error: AppError }) => {
        if (timer) clearTimeout(timer);
        thread.onMessage = null;
        thread.onExit = null;
        task.controls.delete(control);
        o.signal?.removeEventListener('abort', stopThis);
        if ('error' in outcome) {
          try {
            o.cleanup?.();
          } catch (err) {
            this.log(`[casebook] clean-up after ${kind} failed: ${err instanceof Error ? err.message : String(err)}`);
          }
          reject(new CasebookError(outcome.error.code, outcome.error.message, outcome.error));
        } else resolve(outcome.value as JobOutput<K>);
      };
      thread.onMessage = (m) => {
        if (m.jobId !== task.id) return;
        if (m.t === 'progress') {
          if (o.onProgress) o.onProgress(m.stage, m.fraction);
          else {
            task.stage = m.stage;
            task.fraction = m.fraction;
          }
          return;
        }
        thread.busy = false;
        this.keepOrStop(thread);
        finish(m.t === 'done' ? { value: m.value } : { error: m.error });
      };
      thread.onExit = (code) => {
        const why = thread.stopping ?? (task.cancelled ? 'cancelled' : null);
        if (!why) this.log(`[casebook] a job worker stopped during ${kind} (exit code ${code})`);
        finish({
          error:
            why === 'locked'
              ? { code: 'LOCKED', message: 'Casebook locked while the job ran' }
              : why === 'cancelled'
                ? { code: 'CANCELLED', message: 'Stopped as asked' }
                : { code: 'INTERNAL', message: 'The job stopped unexpectedly' },
        });
      };
      // A job that does not notice a request to stop (a long step it cannot leave) is stopped outright.
      const watch = () => {
        if (task.cancelled && !thread.stopping) {
          thread.stopping = 'cancelled';
          void thread.worker.terminate();
        } else timer = setTimeout(watch, CANCEL_GRACE_MS);
      };
      timer = setTimeout(watch, CANCEL_GRACE_MS);
      const message: ToJob = {
        t: 'run',
        jobId: task.id,
        kind,
        input,
        records: needsRecords && o.records ? { path: o.records.path, key: new Uint8Array(o.records.key) } : null,
        resourcesDir: this.resourcesDir,
        now: this.now().toISOString(),
        control: control.buffer as SharedArrayBuffer,
      };
      thread.worker.postMessage(message);
      if (message.records) message.records.key.fill(0);
    });
  }

  /** Keeps one worker warm for the next job, for a minute; any more are stopped. */
  private keepOrStop(done: JobThread): void {
    const idle = [...this.threads].filter((t) => !t.busy);
    if (idle.length > IDLE_WORKERS || (done.records !== 0 && done.records !== this.session)) this.stopIdle(done);
    else {
      done.idleTimer = setTimeout(() => this.stopIdle(done), this.idleStopMs);
      done.idleTimer.unref();
    }
  }

  private stopIdle(thread: JobThread): void {
    if (thread.busy || !this.threads.has(thread)) return;
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    thread.idleTimer = null;
    this.threads.delete(thread);
    thread.stopping = 'cancelled';
    void thread.worker.terminate();
  }
}
