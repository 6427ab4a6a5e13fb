import type { Job } from '../jobs/context';
import type { KdfParams } from '../vault/kdfParams';
import { createBackup, inspectBackup, type BackupCredentials, type BackupMade, type InspectedBackup } from './backup';

/** Credentials as they cross to a job worker: a key is plain bytes there. */
export type JobCredentials = { dbKey: Uint8Array } | { name: string; password: string } | { recoveryKey: string };

export interface MakeBackupInput {
  dbKey: Uint8Array;
  slotsPath: string;
  targetDir: string;
  charityName: string;
  createdBy: string;
  nowIso: string;
  keep: number;
  tag: string;
}

export interface CheckBackupInput {
  path: string;
  credentials: JobCredentials;
  /** The user the key was opened for, whose role in the backup is read. */
  userOf: number | null;
  kdf: KdfParams;
  copy: string;
  keep: boolean;
}

const asCredentials = (c: JobCredentials): BackupCredentials => ('dbKey' in c ? { dbKey: Buffer.from(c.dbKey) } : c);

/** The long jobs of backing up: making a verified backup file, and checking (or restoring) one. */
export const backupJobs = {
  /** Reads the records on the job's own connection and writes one verified backup file. */
  makeBackup: (async (ctx, i) => {
    const dbKey = Buffer.from(i.dbKey);
    try {
      return await createBackup({
        db: ctx.records(),
        dbKey,
        slotsPath: i.slotsPath,
        targetDir: i.targetDir,
        charityName: i.charityName,
        createdBy: i.createdBy,
        now: new Date(i.nowIso),
        keep: i.keep,
        tag: i.tag,
        onStage: (stage, fraction) => ctx.step(stage, fraction),
      });
    } finally {
      dbKey.fill(0);
    }
  }) as Job<MakeBackupInput, BackupMade>,

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
