import type { AppError, Result } from '../../../shared/result';
import type { KdfParams } from '../vault/kdfParams';

/**
 * The messages between the thread that owns the window (Electron's main process, or the test
 * bridge's process) and the core's worker thread. Everything here is plain data: it crosses a
 * `postMessage`, so it is copied, never shared.
 */

/** A worker's script, and the Node options it needs (tests run the TypeScript sources with tsx). */
export interface WorkerEntry {
  file: string;
  execArgv?: string[];
}

/** What the core is started with: the serialisable part of `CasebookOptions`. */
export interface CoreSettings {
  dataDir: string;
  resourcesDir: string;
  locale?: string;
  version?: string;
  runtime?: string;
  logDir?: string;
  kdf?: KdfParams;
  minFreeBytes?: number;
  idleCheckMs?: number;
  /**
   * Tests live on a fixed day: the core's clock is the computer's moved by this much. Left out in
   * the app, where the core's clock is the computer's.
   */
  clockShiftMs?: number;
  /** Where long jobs run: a worker of their own, with their own connection to the records. */
  jobWorker?: WorkerEntry;
  /** Set when the core is started again after it stopped unexpectedly: the unlock screen says so. */
  restarted?: boolean;
}

/** The Platform's methods the core may ask the window's thread for. */
export const PLATFORM_METHODS = [
  'chooseSavePath',
  'chooseFolder',
  'chooseFile',
  'chooseFiles',
  'listDrives',
  'printPage',
  'openFolder',
  'lastSeenGeneration',
  'rememberGeneration',
] as const;
export type PlatformMethod = (typeof PLATFORM_METHODS)[number];

/** Requests the window's thread makes of the core that are not channels of the contract. */
export type ControlOp = 'backUpOnExit' | 'dispose';

export type ToCore =
  | { t: 'call'; id: number; channel: string; input: unknown }
  | { t: 'control'; id: number; op: ControlOp }
  | { t: 'platformResult'; id: number; ok: true; value: unknown }
  | { t: 'platformResult'; id: number; ok: false; error: AppError };

export type FromCore =
  | { t: 'ready' }
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'controlResult'; id: number; value: unknown }
  | { t: 'platform'; id: number; method: PlatformMethod; args: unknown[] }
  | { t: 'log'; message: string };
