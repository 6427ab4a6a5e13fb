import { statfsSync, statSync } from 'node:fs';
import { SCHEMA_VERSION } from '../db/database';
import type { JobRecords, Task } from '../jobs/runner';
import { MIN_FREE_BYTES } from '../setup/dataFolder';
import { BACKUP_STAGES, backupFraction, type BackupParts, type BackupStage, type Packed } from './backup';
import type { TableDigests } from './manifest';

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/**
 * A backup's parts in job workers, two side by side where they can be, so that the two cores of an
 * office PC share the work:
 * 1. the records' snapshot is read (rows and hashes of every table) while the copy is taken from it;
 * 2. SQLite's integrity check of the copy runs while the copy's rows are read and hashed;
 * 3. the backup file is written, read back and checked.
 * The copy's own size tells how far VACUUM INTO has got (a step that cannot report).
 */
export function partsInWorkers(task: Task, records: JobRecords, dbKey: Buffer): BackupParts {
  const key = () => new Uint8Array(dbKey);
  return {
    async copy(tmpDb) {
      const go = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
      const recordsBytes = Math.max(1, sizeOf(records.path));
      let read = 0;
      let copied = false;
      task.refine = (p) => {
        const copiedPart = copied ? 1 : Math.min(1, sizeOf(tmpDb) / recordsBytes);
        return {
          ...p,
          stage: copied ? 'reading' : 'copying',
          fraction: (BACKUP_STAGES.reading[1] * (copiedPart + read)) / 2,
        };
      };
      try {
        const [digest] = await task.together<[TableDigests, void]>(
          (signal) => task.run('backupSnapshot', { go }, { records, signal, onProgress: (_stage, f) => (read = f) }),
          (signal) =>
            task.run('backupCopy', { tmpDb, go }, { records, signal, onProgress: () => undefined }).then(() => {
              copied = true;
            }),
        );
        return digest;
      } finally {
        task.refine = null;
      }
    },

    async check(tmpDb, pack) {
      task.show('checkingCopy', backupFraction('checkingCopy'));
      let whole = false;
      const [, packed] = await task.together<[void, Packed]>(
        (signal) =>
          task
            .run(
              'backupCheckWhole',
              { tmpDb, dbKey: key(), schemaVersion: SCHEMA_VERSION },
              { signal, onProgress: () => undefined },
            )
            .then(() => {
              whole = true;
            }),
        // The integrity check beside it cannot report: the hashing and packing are shown (packing
        // starts before the check has finished; the file is named only once both have passed).
        (signal) =>
          task.run(
            'backupPack',
            { tmpDb, dbKey: key(), pack },
            {
              signal,
              onProgress: (stage, f) =>
                task.show(
                  stage,
                  backupFraction(stage as BackupStage, stage === 'writing' && !whole ? Math.min(f, 0.95) : f),
                ),
            },
          ),
      );
      return packed;
    },

    async finish(f) {
      const { now, ...rest } = f;
      return task.run(
        'backupFinish',
        { ...rest, nowIso: now.toISOString(), dbKey: key() },
        { onProgress: (stage, fraction) => task.show(stage, backupFraction(stage as BackupStage, fraction)) },
      );
    },
  };
}

/**
 * Where a backup makes its copy: in the data folder when it has room for one more copy of the
 * records (the stick is then written once, not twice), else on the target itself.
 */
export function copyDirFor(dataDir: string, databasePath: string, targetDir: string): string {
  try {
    const fs = statfsSync(dataDir);
    return fs.bavail * fs.bsize > sizeOf(databasePath) * 1.1 + MIN_FREE_BYTES ? dataDir : targetDir;
  } catch {
    return targetDir;
  }
}
