import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PREFERENCES_FILE } from '../preferences/preferences';
import { fsyncDir, keepPrivate, removeDatabaseFiles, sideFiles } from '../storage/files';
import { readKeySlots } from '../vault/keySlots';
import { CasebookError } from '../../../shared/result';

export interface DataPaths {
  dir: string;
  database: string;
  keySlots: string;
  preferences: string;
  /** Failed logins sealed while locked, imported into the audit trail at the next unlock. */
  auditInbox: string;
  /** Where setup builds the new database before it is moved into place. */
  databaseBeingSetUp: string;
  /** A verified database from a backup, waiting to replace the live one. */
  databaseRestoring: string;
  /** Its key slots: once this file exists, the restore is committed and is finished on any start. */
  keySlotsRestoring: string;
  /** Copies of the records as they were before each restore. */
  safetyDir: string;
  /** Erasures, kept outside the database so a restored older backup can have them applied again. */
  erasureJournal: string;
  /** Failed password checks, so the waits between guesses survive a restart (see PasswordGate). */
  throttle: string;
}

export function dataPaths(dir: string): DataPaths {
  return {
    dir,
    database: join(dir, 'casebook.db'),
    keySlots: join(dir, 'keyslots.json'),
    preferences: join(dir, PREFERENCES_FILE),
    auditInbox: join(dir, 'audit-inbox.jsonl'),
    databaseBeingSetUp: join(dir, 'casebook.db.setup'),
    databaseRestoring: join(dir, 'casebook.db.restoring'),
    keySlotsRestoring: join(dir, 'keyslots.json.restoring'),
    safetyDir: join(dir, 'before-restore'),
    erasureJournal: join(dir, 'erasures.jsonl'),
    throttle: join(dir, 'throttle.json'),
  };
}

/**
 * A restore moves a verified database and its key slots into place. Once the slots file waiting
 * beside them exists, the restore is committed: finish it. A database waiting without its slots was
 * never committed: remove it (with its side files), the live records stay as they were. Check copies
 * of backups left by an interrupted check go too.
 */
export function finishInterruptedRestore(p: DataPaths): void {
  if (existsSync(p.keySlotsRestoring)) {
    if (existsSync(p.databaseRestoring)) {
      // The restored database was closed whole before the commit; any side files beside the live
      // name belong to the records it replaces and must not be read into it.
      for (const f of sideFiles(p.database)) rmSync(f, { force: true });
      for (const f of sideFiles(p.databaseRestoring)) rmSync(f, { force: true });
      renameSync(p.databaseRestoring, p.database);
    }
    renameSync(p.keySlotsRestoring, p.keySlots);
    fsyncDir(p.dir);
  } else removeDatabaseFiles(p.databaseRestoring);
  for (const f of readdirSync(p.dir))
    if (/^\.casebook-check-[0-9a-f]+\.db\.tmp(-wal|-shm|-journal)?$/.test(f)) rmSync(join(p.dir, f), { force: true });
}

export type FolderState =
  | { kind: 'needsSetup' }
  | { kind: 'ready' }
  | {
      kind: 'problem';
      problem:
        | 'KEY_FILE_MISSING'
        | 'KEY_FILE_DAMAGED'
        | 'KEY_FILE_TOO_NEW'
        | 'DATABASE_MISSING'
        | 'NOT_WRITABLE'
        | 'DISK_FULL';
    };

/**
 * Below this much free space Casebook will not start work: the database, its write-ahead log and the
 * copy kept before an upgrade all need room, and a write that fails half-way must never be the first sign.
 */
export const MIN_FREE_BYTES = 50 * 1024 * 1024;

/**
 * Can Casebook write in its folder? A small file is really written and removed (on Windows, asking
 * for write access only reads the read-only flag, not the folder's permissions), and the free space
 * is measured.
 */
function writeProblem(dir: string, minFreeBytes: number): 'NOT_WRITABLE' | 'DISK_FULL' | null {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    keepPrivate(dir, true);
    const probe = join(dir, '.write-check');
    writeFileSync(probe, 'Casebook checks it can write here; this file is removed at once.');
    rmSync(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOSPC' || code === 'EDQUOT' ? 'DISK_FULL' : 'NOT_WRITABLE';
  }
  try {
    const fs = statfsSync(dir);
    if (fs.bavail * fs.bsize < minFreeBytes) return 'DISK_FULL';
  } catch {
    // Some network drives cannot say; the write above worked, so carry on.
  }
  return null;
}

/**
 * What the data folder holds. Never creates a database: an empty folder means "set up", anything
 * half-there is a problem to show, not to paper over.
 */
export function inspectDataFolder(p: DataPaths, minFreeBytes = MIN_FREE_BYTES): FolderState {
  const problem = writeProblem(p.dir, minFreeBytes);
  if (problem) return { kind: 'problem', problem };
  finishInterruptedRestore(p);
  const hasSlots = existsSync(p.keySlots);
  let hasDb = existsSync(p.database);
  // Setup writes the database, then the key slots, then moves the database into place. A power cut
  // between the last two steps leaves a complete database beside complete slots: finish the move.
  if (hasSlots && !hasDb && existsSync(p.databaseBeingSetUp)) {
    renameSync(p.databaseBeingSetUp, p.database);
    fsyncDir(p.dir);
    hasDb = true;
  }
  if (!hasSlots && !hasDb) return { kind: 'needsSetup' };
  if (!hasSlots) return { kind: 'problem', problem: 'KEY_FILE_MISSING' };
  if (!hasDb) return { kind: 'problem', problem: 'DATABASE_MISSING' };
  try {
    readKeySlots(p.keySlots);
  } catch (err) {
    if (err instanceof CasebookError && err.code === 'KEY_FILE_DAMAGED')
      return { kind: 'problem', problem: 'KEY_FILE_DAMAGED' };
    // Written by a newer Casebook: this one must not touch it (the records will be newer too).
    if (err instanceof CasebookError && err.code === 'DATABASE_TOO_NEW')
      return { kind: 'problem', problem: 'KEY_FILE_TOO_NEW' };
    throw err;
  }
  return { kind: 'ready' };
}
