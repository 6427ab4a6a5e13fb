import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CasebookError } from '../../../shared/result';
import { closeDatabase, openDatabase, SCHEMA_VERSION, type Db } from '../db/database';
import { diskProblem, fileError, fsyncDir, writeFileAtomic } from '../storage/files';
import type { KdfParams } from '../vault/kdf';
import { readKeySlots, verifyKeySlotsMac } from '../vault/keySlots';
import { unlockSlotsWithPassword, unlockSlotsWithRecoveryKey } from '../vault/vault';
import { BACKUP_EXTENSION, extractDatabase, openManifest, readContainer, sealManifest, writeContainer, type BackupHeader, type Manifest } from './container';
import { digestTables, firstDifference } from './manifest';

export type BackupStage = 'reading' | 'copying' | 'checkingCopy' | 'writing' | 'verifying' | 'done';
export const STAGE_FRACTION: Record<BackupStage, number> = { reading: 0.05, copying: 0.15, checkingCopy: 0.45, writing: 0.6, verifying: 0.8, done: 1 };

export interface BackupOptions {
  db: Db;
  dbKey: Buffer;
  slotsPath: string;
  targetDir: string;
  charityName: string;
  createdBy: string;
  now: Date;
  /** How many backups of this charity to keep in the folder (older ones go after the new one is verified). */
  keep: number;
  onStage?: (stage: BackupStage) => void | Promise<void>;
}

export interface BackupMade {
  path: string;
  bytes: number;
  createdAt: string;
  counts: Manifest['counts'];
  removedOld: string[];
}

/** Keeps only characters every file system accepts. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').replace(/\s+/g, ' ').trim().slice(0, 60) || 'Casebook';

/** "Casebook Przystań Aid 2026-11-23 1015.casebook-backup": sorts by date within one charity. */
export function backupFileName(charityName: string, at: Date, n = 1): string {
  const p = (x: number) => String(x).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}${p(at.getMinutes())}`;
  return `Casebook ${safeName(charityName)} ${stamp}${n > 1 ? ` (${n})` : ''}.${BACKUP_EXTENSION}`;
}

/** This charity's backups in a folder, oldest first. */
export function backupsIn(dir: string, charityName: string): string[] {
  const prefix = `Casebook ${safeName(charityName)} `;
  const pattern = /^\d{4}-\d{2}-\d{2} \d{4}( \(\d+\))?\.casebook-backup$/;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && pattern.test(f.slice(prefix.length)))
    .sort();
}

function sqliteFileError(err: unknown, what: string): never {
  const code = (err as { code?: string }).code ?? '';
  if (diskProblem(err) === 'DISK_FULL') throw new CasebookError('DISK_FULL', `No space left for ${what}`);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY')) throw new CasebookError('NOT_WRITABLE', `Cannot write ${what}`);
  return fileError(err, what);
}

function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let pos = 0; ; ) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Opens a copy read-only and proves it holds exactly what the manifest says. */
function verifyCopy(path: string, dbKey: Buffer, expected: Manifest['tables'], schemaVersion: number): void {
  let db: Db;
  try {
    db = openDatabase(path, dbKey, { readOnly: true, migrate: false });
  } catch (err) {
    if (err instanceof CasebookError && err.code === 'DATABASE_TOO_NEW') throw err;
    throw new CasebookError('BACKUP_DAMAGED', 'The copy cannot be opened');
  }
  try {
    const sqlite = db.$client;
    if (sqlite.pragma('integrity_check', { simple: true }) !== 'ok') throw new CasebookError('BACKUP_DAMAGED', 'The copy fails the integrity check');
    if (sqlite.pragma('user_version', { simple: true }) !== schemaVersion) throw new CasebookError('BACKUP_DAMAGED', 'The copy has another schema version');
    const differs = firstDifference(expected, digestTables(sqlite));
    if (differs) throw new CasebookError('BACKUP_DAMAGED', `Table ${differs} differs from the manifest`);
  } finally {
    closeDatabase(db);
  }
}

/**
 * Backs the open database up into `targetDir` as one verified file. The copy is made with
 * VACUUM INTO a temporary file on the target, checked against the manifest, packed, flushed,
 * read back and checked again, and only then renamed to its final name. Anything that fails
 * leaves no file that looks like a backup, and never touches the live database.
 */
export async function createBackup(o: BackupOptions): Promise<BackupMade> {
  const stage = async (s: BackupStage) => {
    await o.onStage?.(s);
  };
  if (!existsSync(o.targetDir) || !statSync(o.targetDir).isDirectory()) throw new CasebookError('NOT_WRITABLE', 'The backup folder is not there');
  const tag = randomBytes(6).toString('hex');
  const tmpDb = join(o.targetDir, `.casebook-${tag}.db.tmp`);
  const tmpFile = join(o.targetDir, `.casebook-${tag}.backup.tmp`);
  const cleanup = () => {
    for (const f of [tmpDb, `${tmpDb}-journal`, tmpFile]) rmSync(f, { force: true });
  };
  try {
    await stage('reading');
    const sqlite = o.db.$client;
    const tables = digestTables(sqlite);
    const createdAt = o.now.toISOString();
    const keySlots = readKeySlots(o.slotsPath);
    verifyKeySlotsMac(keySlots, o.dbKey);

    await stage('copying');
    try {
      sqlite.prepare('VACUUM INTO ?').run(tmpDb);
      fsyncFile(tmpDb);
    } catch (err) {
      sqliteFileError(err, 'the backup');
    }

    await stage('checkingCopy');
    verifyCopy(tmpDb, o.dbKey, tables, SCHEMA_VERSION);
    const manifest: Manifest = {
      createdAt,
      schemaVersion: SCHEMA_VERSION,
      charityName: o.charityName,
      createdBy: o.createdBy,
      counts: { clients: tables['clients']?.rows ?? 0, users: tables['users']?.rows ?? 0, auditEvents: tables['audit_events']?.rows ?? 0 },
      tables,
      databaseSha256: sha256File(tmpDb),
    };

    await stage('writing');
    let written: { bytes: number };
    try {
      const fd = openSync(tmpFile, 'wx', 0o600);
      try {
        written = writeContainer(
          fd,
          { format: 'casebook-backup', version: 1, createdAt, schemaVersion: SCHEMA_VERSION, keySlots, manifest: sealManifest(manifest, o.dbKey, statSync(tmpDb).size) },
          tmpDb,
        );
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if (err instanceof CasebookError) throw err;
      fileError(err, 'the backup');
    }

    await stage('verifying');
    let opened;
    try {
      opened = readContainer(tmpFile);
    } catch (err) {
      if (err instanceof CasebookError && err.code === 'BACKUP_MISSING') throw new CasebookError('NOT_WRITABLE', 'The backup folder is not there any more');
      throw err;
    }
    const check = openManifest(opened.header, o.dbKey);
    if (check.databaseSha256 !== manifest.databaseSha256) throw new CasebookError('BACKUP_DAMAGED', 'The written backup differs from the copy');
    rmSync(tmpDb, { force: true });

    let n = 1;
    let finalPath = join(o.targetDir, backupFileName(o.charityName, o.now));
    while (existsSync(finalPath)) finalPath = join(o.targetDir, backupFileName(o.charityName, o.now, ++n));
    try {
      renameSync(tmpFile, finalPath);
      fsyncDir(o.targetDir);
    } catch (err) {
      fileError(err, 'the backup');
    }

    // Only now, with a verified new backup in place, do old ones go.
    const all = backupsIn(o.targetDir, o.charityName);
    const removedOld = all.slice(0, Math.max(0, all.length - o.keep));
    for (const f of removedOld) rmSync(join(o.targetDir, f), { force: true });
    await stage('done');
    return { path: finalPath, bytes: written!.bytes, createdAt, counts: manifest.counts, removedOld };
  } catch (err) {
    cleanup();
    throw err;
  }
}

export type BackupCredentials = { dbKey: Buffer } | { name: string; password: string } | { recoveryKey: string };

export interface InspectedBackup {
  header: BackupHeader;
  manifest: Manifest;
  dbKey: Buffer;
  /** The userId that the password opened, when a password was used. */
  userId: number | null;
}

/**
 * Opens and fully verifies a backup without changing anything: checksum, key slots, manifest,
 * and a copy of its database checked row for row. The copy is made in `workDir` and removed,
 * unless `keepAs` names where it should stay (a restore).
 */
export async function inspectBackup(path: string, creds: BackupCredentials, kdf: KdfParams, workDir: string, keepAs?: string): Promise<InspectedBackup> {
  const opened = readContainer(path);
  const { header } = opened;
  if (header.schemaVersion > SCHEMA_VERSION) throw new CasebookError('DATABASE_TOO_NEW', 'The backup was made by a newer Casebook');
  let dbKey: Buffer;
  let userId: number | null = null;
  if ('dbKey' in creds) {
    try {
      verifyKeySlotsMac(header.keySlots, creds.dbKey);
    } catch {
      // Another charity's or another install's records: their own password is needed.
      throw new CasebookError('BAD_INPUT', 'This backup needs its own password', { fields: { credentials: 'required' } });
    }
    dbKey = Buffer.from(creds.dbKey);
  } else if ('password' in creds) {
    const u = await unlockSlotsWithPassword(header.keySlots, creds.name, creds.password, kdf);
    dbKey = u.dbKey;
    userId = u.userId;
  } else {
    dbKey = (await unlockSlotsWithRecoveryKey(header.keySlots, creds.recoveryKey)).dbKey;
  }
  const manifest = openManifest(header, dbKey);
  const copy = keepAs ?? join(workDir, `.casebook-check-${randomBytes(6).toString('hex')}.db.tmp`);
  rmSync(copy, { force: true });
  try {
    let sha: string;
    try {
      sha = extractDatabase(path, opened, copy);
    } catch (err) {
      if (err instanceof CasebookError) throw err;
      fileError(err, 'the check copy');
    }
    if (sha! !== manifest.databaseSha256) throw new CasebookError('BACKUP_DAMAGED', 'The database in the backup differs from its manifest');
    verifyCopy(copy, dbKey, manifest.tables, header.schemaVersion);
    if (!keepAs) rmSync(copy, { force: true });
    return { header, manifest, dbKey, userId };
  } catch (err) {
    rmSync(copy, { force: true });
    dbKey.fill(0);
    throw err;
  }
}

/** Copies the live database and key slots aside before a restore; keeps the last few such copies. */
export function makeSafetyCopy(paths: { database: string; keySlots: string; safetyDir: string }, at: Date, keep = 3): string | null {
  if (!existsSync(paths.database)) return null;
  mkdirSync(paths.safetyDir, { recursive: true, mode: 0o700 });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const dir = join(paths.safetyDir, stamp);
  mkdirSync(dir);
  try {
    for (const f of [paths.database, paths.keySlots]) {
      if (!existsSync(f)) continue;
      const to = join(dir, basename(f));
      copyFileSync(f, to);
      fsyncFile(to);
    }
    fsyncDir(dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    fileError(err, 'the safety copy');
  }
  const all = readdirSync(paths.safetyDir).sort();
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(join(paths.safetyDir, old), { recursive: true, force: true });
  return dir;
}

/** The commit point of a restore: writes the backup's key slots beside the verified database. */
export function commitRestore(paths: { keySlotsRestoring: string }, header: BackupHeader): void {
  writeFileAtomic(paths.keySlotsRestoring, JSON.stringify(header.keySlots, null, 2) + '\n');
}
