import type { Job, JobContext } from '../jobs/context';
import type { KdfParams } from '../vault/kdfParams';
import { CasebookError } from '../../../shared/result';
import {
  checkCopyWhole,
  copyRecords,
  digestAtCopy,
  inspectBackup,
  finishBackupFile,
  packIfSame,
  type BackupCredentials,
  type BackupMade,
  type BackupStage,
  type BackupToFinish,
  type BackupToPack,
  type Packed,
  type InspectedBackup,
} from './backup';
import type { TableDigests } from './manifest';

/** Credentials as they cross to a job worker: a key is plain bytes there. */
export type JobCredentials = { dbKey: Uint8Array } | { name: string; password: string } | { recoveryKey: string };

/** The records' snapshot and the copy, taken side by side (see inWorkers.ts): `go` is shared between the two workers. */
export interface CopyInput {
  tmpDb: string;
  /** Int32 [0]: 0 until the snapshot is held, then 1 (take the copy now), or 2 (give up: the snapshot job failed). */
  go: SharedArrayBuffer;
}

export interface CheckCopyInput {
  tmpDb: string;
  dbKey: Uint8Array;
  schemaVersion: number;
}

export interface PackInput {
  tmpDb: string;
  dbKey: Uint8Array;
  pack: BackupToPack;
}

export interface FinishInput extends Omit<BackupToFinish, 'now'> {
  dbKey: Uint8Array;
  nowIso: string;
}

/** How long the copy waits for the records' snapshot to be held before it gives up. */
const GO_WAIT_MS = 60_000;

export interface CheckBackupInput {
  path: string;
  credentials: JobCredentials;
  /** The user the key was opened for, whose role in the backup is read. */
  userOf: number | null;
  kdf: KdfParams;
  copy: string;
  keep: boolean;
}

/** Runs `fn` with the key as a Buffer (as it crossed to the worker: plain bytes), wiped when it returns. */
function withKey<T>(bytes: Uint8Array, fn: (dbKey: Buffer) => T): T {
  const dbKey = Buffer.from(bytes);
  try {
    return fn(dbKey);
  } finally {
    dbKey.fill(0);
  }
}

/** A backup part's stage callback, as the job's own steps (which report progress and may stop it). */
const stepsOf =
  (ctx: JobContext) =>
  (stage: BackupStage, within = 0) =>
    ctx.step(stage, within);

const asCredentials = (c: JobCredentials): BackupCredentials => ('dbKey' in c ? { dbKey: Buffer.from(c.dbKey) } : c);

/** The long jobs of backing up: making a verified backup file, and checking (or restoring) one. */
export const backupJobs = {
  /**
   * Holds a snapshot of the records, lets the copy beside it start (`go`), and reads the snapshot's
   * rows and hashes while the copy is made.
   */
  backupSnapshot: ((ctx, i) => {
    const go = new Int32Array(i.go);
    let started = false;
    try {
      return digestAtCopy(
        ctx.records().$client,
        () => {
          started = true;
          Atomics.store(go, 0, 1);
          Atomics.notify(go, 0);
        },
        (done, all) => ctx.step('reading', done / all),
      );
    } finally {
      if (!started) {
        Atomics.store(go, 0, 2);
        Atomics.notify(go, 0);
      }
    }
  }) as Job<Omit<CopyInput, 'tmpDb'>, TableDigests>,

  /** Waits for the snapshot beside it to be held, then copies the records (VACUUM INTO) on this worker's connection. */
  backupCopy: ((ctx, i) => {
    const go = new Int32Array(i.go);
    for (let waited = 0; Atomics.load(go, 0) === 0; waited += 50) {
      if (waited >= GO_WAIT_MS) throw new CasebookError('INTERNAL', 'The records were not ready to copy');
      ctx.checkCancelled();
      Atomics.wait(go, 0, 0, 50);
    }
    if (Atomics.load(go, 0) !== 1) throw new CasebookError('CANCELLED', 'The snapshot beside the copy stopped');
    ctx.step('copying', 0);
    copyRecords(ctx.records().$client, i.tmpDb);
    ctx.step('copying', 1);
  }) as Job<CopyInput, void>,

  /** SQLite's integrity check of the copy, and its schema version (one statement: it cannot report or stop midway). */
  backupCheckWhole: ((_ctx, i) => withKey(i.dbKey, (dbKey) => checkCopyWhole(i.tmpDb, dbKey, i.schemaVersion))) as Job<
    CheckCopyInput,
    void
  >,

  /** Hashes the copy's rows and, when they are the records', packs the copy into the backup file (see packIfSame). */
  backupPack: ((ctx, i) => withKey(i.dbKey, (dbKey) => packIfSame(i.tmpDb, dbKey, i.pack, stepsOf(ctx)))) as Job<
    PackInput,
    Packed
  >,

  /** Reads the packed file back and checks it, then gives it its name (see finishBackupFile). */
  backupFinish: ((ctx, i) => {
    const { dbKey: key, nowIso, ...f } = i;
    return withKey(key, (dbKey) => finishBackupFile({ ...f, now: new Date(nowIso) }, dbKey, stepsOf(ctx)));
  }) as Job<FinishInput, BackupMade>,

  /** Opens a backup with the credentials and verifies all of it; for a restore, keeps the checked copy. */
  checkBackup: (async (ctx, i) => {
    const credentials = asCredentials(i.credentials);
    try {
      return await inspectBackup(i.path, credentials, i.kdf, {
        copy: i.copy,
        keep: i.keep,
        userOf: i.userOf,
        onStage: (stage, fraction) => ctx.step(stage, fraction),
      });
    } finally {
      if ('dbKey' in credentials) credentials.dbKey.fill(0);
    }
  }) as Job<CheckBackupInput, InspectedBackup>,
};
