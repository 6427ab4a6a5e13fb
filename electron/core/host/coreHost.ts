import { Worker } from 'node:worker_threads';
import type { HeapInfo } from 'node:v8';
import { CasebookError, type AppError, type Result } from '../../../shared/result';
import type { Platform } from '../platform';
import {
  PLATFORM_METHODS,
  type ControlOp,
  type CoreSettings,
  type FromCore,
  type ToCore,
  type WorkerEntry,
} from './messages';

/**
 * The core as the window's thread sees it: a worker thread that holds the records, reached by
 * messages. Every call of the contract goes to the worker and comes back as the same
 * `{ ok, value | error }` envelope; nothing slow (SQLite, key derivation, PDFs) runs on the thread
 * that owns the window, so the window answers whatever the core is doing.
 *
 * When the core needs something only the window's thread can do (a save dialog, printing), it asks
 * here by message and waits; `platform` answers. If the worker stops unexpectedly (out of memory,
 * a native fault), every call in flight is answered CORE_RESTARTED, the stop is logged, and a new
 * worker is started: locked, because the key never leaves the worker that held it, and saying on
 * the unlock screen that it restarted. Whatever was acknowledged was committed before it was.
 *
 * This file must never import the core itself (the database, Argon2): it runs on the window's
 * thread. tests/core/coreHost.test.ts checks that.
 */
export interface CoreHostOptions {
  /** The core's worker script (and, through `settings.jobWorker`, the long jobs' one). */
  entry: WorkerEntry;
  settings: CoreSettings;
  platform: Platform;
  /** The error log (written here, on the window's thread: one writer for the file). */
  log: (message: string) => void;
  /** Called once a stopped core has been started again. */
  onRestart?: () => void;
  /** The most memory the core's JavaScript may use before it is stopped and started again. */
  maxMemoryMb?: number;
}

type Pending = { resolve: (value: unknown) => void; kind: 'call' | 'control' };

const RESTARTED: AppError = { code: 'CORE_RESTARTED', message: 'The core stopped unexpectedly and was started again' };
/** Restarts come quickly at first and then more slowly, so a core that keeps stopping does not spin. */
const RESTART_DELAYS_MS = [0, 500, 2_000, 5_000, 15_000];
const QUIET_MS = 60_000;

export class CoreHost {
  private worker!: Worker;
  /** False between a worker stopping and the next one starting: messages wait for it. */
  private alive = false;
  private readonly waiting: ToCore[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;
  private closed: Promise<void> | null = null;
  private recentStops: number[] = [];
  private ready!: Promise<void>;
  /** How many times the core has been started again after stopping unexpectedly. */
  restarts = 0;

  constructor(private readonly opts: CoreHostOptions) {
    this.start(false);
  }

  /** Runs one channel of the contract in the core; never rejects. */
  call(channel: string, input: unknown): Promise<Result<unknown>> {
    if (this.closing) return Promise.resolve({ ok: false, error: { code: 'LOCKED', message: 'Casebook is closing' } });
    return this.send({ t: 'call', id: this.nextId++, channel, input }, 'call') as Promise<Result<unknown>>;
  }

  /** When Casebook closes: a backup to the last backup's drive, if the charity asked for one. */
  async backUpOnExit(): Promise<'done' | 'skipped' | 'failed'> {
    const r = await this.control('backUpOnExit');
    return r === 'done' || r === 'skipped' ? r : 'failed';
  }

  /** Locks the records (the key leaves memory, the database closes) and stops the worker. */
  close(): Promise<void> {
    if (this.closed) return this.closed;
    this.closing = true;
    this.closed = (async () => {
      if (this.alive) await Promise.race([this.control('dispose'), new Promise((r) => setTimeout(r, 10_000).unref())]);
      await this.worker.terminate();
    })();
    return this.closed;
  }

  /**
   * Stops the worker at once, as a crash would (for the tests that prove nothing acknowledged is
   * lost, and for a core that stopped answering). It is started again like after any crash.
   */
  async kill(): Promise<void> {
    await this.worker.terminate();
  }

  /** The worker's thread id (tests tell a restarted core from the first one by it). */
  get threadId(): number {
    return this.worker.threadId;
  }

  /** The core's JavaScript heap (its thread's V8 statistics), for measuring what the core holds. */
  heapStatistics(): Promise<HeapInfo> {
    return this.worker.getHeapStatistics();
  }

  /** Resolves once the current worker has started and answers calls. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private control(op: ControlOp): Promise<unknown> {
    return this.send({ t: 'control', id: this.nextId++, op }, 'control');
  }

  private send(message: Extract<ToCore, { id: number }>, kind: Pending['kind']): Promise<unknown> {
    return new Promise((resolve) => {
      this.pending.set(message.id, { resolve, kind });
      if (this.alive) this.worker.postMessage(message);
      else this.waiting.push(message);
    });
  }

  private start(restarted: boolean): void {
    const { entry, settings } = this.opts;
    const maxMemoryMb = this.opts.maxMemoryMb ?? 2048;
    const worker = new Worker(entry.file, {
      execArgv: entry.execArgv,
      workerData: { ...settings, restarted },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
      // The core's own output goes to the error log by message; its stray output is not shown.
      stdout: false,
      stderr: false,
    });
    this.worker = worker;
    this.alive = true;
    for (const m of this.waiting.splice(0)) worker.postMessage(m);
    this.ready = new Promise((resolve) => {
      const onReady = (m: FromCore) => {
        if (m.t !== 'ready') return;
        worker.off('message', onReady);
        resolve();
      };
      worker.on('message', onReady);
    });
    worker.on('message', (m: FromCore) => this.receive(worker, m));
    worker.on('error', (err) => {
      // An exception the core did not catch, or running out of memory: the worker then exits.
      this.opts.log(`[casebook] the core stopped: ${err.name}: ${err.message}${err.stack ? `\n${err.stack}` : ''}`);
    });
    worker.on('exit', (code) => this.stopped(worker, code));
  }

  private receive(worker: Worker, m: FromCore): void {
    if (worker !== this.worker) return;
    switch (m.t) {
      case 'result':
      case 'controlResult': {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        p.resolve(m.t === 'result' ? m.result : m.value);
        return;
      }
      case 'log':
        this.opts.log(m.message);
        return;
      case 'platform':
        void this.answerPlatform(worker, m.id, m.method, m.args);
        return;
      case 'ready':
        return;
    }
  }

  /** Does what the core asked of the desktop (a dialog, printing) and sends back the answer. */
  private async answerPlatform(worker: Worker, id: number, method: string, args: unknown[]): Promise<void> {
    let reply: ToCore;
    try {
      if (!(PLATFORM_METHODS as readonly string[]).includes(method))
        throw new CasebookError('INTERNAL', `No platform method ${method.slice(0, 40)}`);
      const fn = (this.opts.platform as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!;
      reply = { t: 'platformResult', id, ok: true, value: await fn.apply(this.opts.platform, args) };
    } catch (err) {
      const error: AppError =
        err instanceof CasebookError
          ? err.toAppError()
          : { code: 'INTERNAL', message: 'The desktop could not do that' };
      if (!(err instanceof CasebookError))
        this.opts.log(
          `[casebook] ${method} failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`,
        );
      reply = { t: 'platformResult', id, ok: false, error };
    }
    if (worker === this.worker) worker.postMessage(reply);
  }

  private stopped(worker: Worker, code: number): void {
    if (worker !== this.worker) return;
    this.alive = false;
    // Whatever was waiting for this worker will not get an answer from it.
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.resolve(p.kind === 'call' ? ({ ok: false, error: RESTARTED } satisfies Result<never>) : null);
    }
    if (this.closing) return;
    const now = performance.now();
    this.recentStops = [...this.recentStops.filter((t) => now - t < QUIET_MS), now];
    const delay = RESTART_DELAYS_MS[Math.min(this.recentStops.length - 1, RESTART_DELAYS_MS.length - 1)]!;
    this.opts.log(
      `[casebook] the core stopped unexpectedly (exit code ${code}); starting it again${delay ? ` in ${delay / 1000} s` : ''}`,
    );
    const again = () => {
      if (this.closing) return;
      this.restarts++;
      this.start(true);
      void this.ready.then(() => this.opts.onRestart?.());
    };
    if (delay) setTimeout(again, delay).unref();
    else again();
  }
}
