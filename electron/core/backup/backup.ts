import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { CasebookError } from '../../../shared/result';
import { closeDatabase, openDatabase, SCHEMA_VERSION, type Db, type Sqlite } from '../db/database';
import {
  diskProblem,
  fileError,
  fsyncDir,
  keepPrivate,
  removeDatabaseFiles,
  safeFileName,
  sideFiles,
  writeFileAtomic,
} from '../storage/files';
import type { KdfParams } from '../vault/kdf';
import { readKeySlots, verifyKeySlotsMac, writeKeySlots, type KeySlotsFile } from '../vault/keySlots';
import { unlockSlotsWithPassword, unlockSlotsWithRecoveryKey } from '../vault/vault';
import {
  BACKUP_EXTENSION,
  extractDatabase,
  openManifest,
  readContainer,
  sealManifest,
  writeContainer,
  type BackupHeader,
  type Manifest,
} from './container';
import { digestTables, firstDifference, type TableDigests } from './manifest';

export type BackupStage = 'reading' | 'copying' | 'checkingCopy' | 'writing' | 'verifying';
/** Where each stage starts and ends within the whole backup, by its rough share of the time. */
export const BACKUP_STAGES: Record<BackupStage, readonly [number, number]> = {
  copying: [0, 0.2],
  reading: [0.2, 0.35],
  checkingCopy: [0.35, 0.75],
  writing: [0.75, 0.9],
  verifying: [0.9, 1],
};
/** The whole backup's fraction done, `within` the way through `stage`. */
export const backupFraction = (stage: BackupStage, within = 0) => {
  const [from, to] = BACKUP_STAGES[stage];
  return from + (to - from) * Math.min(1, Math.max(0, within));
};

/** What a backup is asked to make. */
export interface BackupPlan {
  dbKey: Buffer;
  slotsPath: string;
  targetDir: string;
  /** Where the copy is made and checked before it is packed onto the target (default: the target). */
  copyDir?: string;
  charityName: string;
  createdBy: string;
  now: Date;
  /** How many backups of this charity to keep in the folder (older ones go after the new one is verified). */
  keep: number;
  /** Names the temporary files (see backupTempFiles), so whoever started the backup can remove them. */
  tag?: string;
  /** Hears each stage and how far the whole backup has got; may throw to stop it (nothing is left behind). */
  onStage?: (stage: BackupStage, fraction: number) => void;
}

export interface BackupOptions extends BackupPlan {
  /** The records: the caller's own connection, read only. */
  db: Db;
}

/**
 * The temporary files a backup makes before the verified file takes its final name: the copy (in
 * `copyDir`, or on the target) and the file being written on the target.
 */
export function backupTempFiles(targetDir: string, tag: string, copyDir = targetDir): string[] {
  const db = join(copyDir, `.casebook-${tag}.db.tmp`);
  return [db, ...sideFiles(db), join(targetDir, `.casebook-${tag}.backup.tmp`)];
}

export interface BackupMade {
  path: string;
  bytes: number;
  createdAt: string;
  counts: Manifest['counts'];
  removedOld: string[];
}

/** Keeps only characters every file system accepts. */
const safeName = (s: string) => safeFileName(s, 60) || 'Casebook';

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
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY'))
    throw new CasebookError('NOT_WRITABLE', `Cannot write ${what}`);
  return fileError(err, what);
}

/** The SHA-256 of a file's bytes. */
function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let pos = 0; ;) {
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

/** Opens a copy read-only: one that cannot be opened is damaged. */
function openCopy(path: string, dbKey: Buffer): Db {
  try {
    return openDatabase(path, dbKey, { readOnly: true, migrate: false });
  } catch (err) {
    if (err instanceof CasebookError && err.code === 'DATABASE_TOO_NEW') throw err;
    throw new CasebookError('BACKUP_DAMAGED', 'The copy cannot be opened');
  }
}

/** Checks that a copy is whole (SQLite's integrity check: every page, every index against its table) and of this schema. */
export function checkCopyWhole(path: string, dbKey: Buffer, schemaVersion: number): void {
  const db = openCopy(path, dbKey);
  try {
    const sqlite = db.$client;
    if (sqlite.pragma('integrity_check', { simple: true }) !== 'ok')
      throw new CasebookError('BACKUP_DAMAGED', 'The copy fails the integrity check');
    if (sqlite.pragma('user_version', { simple: true }) !== schemaVersion)
      throw new CasebookError('BACKUP_DAMAGED', 'The copy has another schema version');
  } finally {
    closeDatabase(db);
  }
}

/**
 * Page cache for work that reads every page once, in order (hashing rows, `VACUUM INTO`, which also
 * gives its new file the same cache): 2 MB reads as fast as 64, and two such parts side by side no
 * longer hold 256 MB between them. SQLite's integrity check keeps the full cache: it looks each row
 * up in every index (7.9 s with 64 MB, 31 s with 8, on 100,000 clients).
 */
const READ_ONCE_CACHE_KIB = 2048;

/** Runs `fn` with the small cache on a connection that is used again later, then gives its cache back. */
function readingOnce<T>(sqlite: Sqlite, fn: () => T): T {
  const was = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${READ_ONCE_CACHE_KIB}`);
  try {
    return fn();
  } finally {
    sqlite.pragma(`cache_size = ${was}`);
  }
}

/** The rows and hashes of every table of a copy. */
export function digestCopy(
  path: string,
  dbKey: Buffer,
  onProgress?: (done: number, all: number) => void,
): TableDigests {
  const db = openCopy(path, dbKey);
  try {
    db.$client.pragma(`cache_size = -${READ_ONCE_CACHE_KIB}`);
    return digestTables(db.$client, onProgress);
  } finally {
    closeDatabase(db);
  }
}

/** Opens a copy read-only and proves it is whole and holds exactly what the manifest says. */
function verifyCopy(
  path: string,
  dbKey: Buffer,
  expected: Manifest['tables'],
  schemaVersion: number,
  onProgress?: (done: number, all: number) => void,
): void {
  checkCopyWhole(path, dbKey, schemaVersion);
  const differs = firstDifference(expected, digestCopy(path, dbKey, onProgress));
  if (differs) throw new CasebookError('BACKUP_DAMAGED', `Table ${differs} differs from the manifest`);
}

/** A user's role in a (checked) copy of the records, read-only. */
function userInCopy(path: string, dbKey: Buffer, userId: number): { role: string; active: boolean } | null {
  const db = openDatabase(path, dbKey, { readOnly: true, migrate: false });
  try {
    const row = db.$client.prepare('SELECT role, active FROM users WHERE id = ?').get(userId) as
      { role: string; active: number } | undefined;
    return row ? { role: row.role, active: !!row.active } : null;
  } finally {
    closeDatabase(db);
  }
}

/**
 * The records' rows and hashes at the moment a copy is taken. Holds a read transaction on `sqlite`
 * (a fixed snapshot, whatever is saved meanwhile), then calls `takeCopy`, which starts VACUUM INTO
 * on another connection, from the latest snapshot: the same one unless something was saved in the
 * instant between the two. The snapshot is read while the copy is made (or after, on one thread).
 */
export function digestAtCopy(
  sqlite: Sqlite,
  takeCopy: () => void,
  onProgress?: (done: number, all: number) => void,
): TableDigests {
  return readingOnce(sqlite, () => {
    sqlite.prepare('BEGIN').run();
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
      takeCopy();
      return digestTables(sqlite, onProgress);
    } finally {
      sqlite.prepare('ROLLBACK').run();
    }
  });
}

/** Copies the records into `tmpDb` with VACUUM INTO on `copier` (a read-only connection to them): private, and flushed. */
export function copyRecords(copier: Sqlite, tmpDb: string): void {
  try {
    readingOnce(copier, () => copier.prepare('VACUUM INTO ?').run(tmpDb));
    keepPrivate(tmpDb);
    fsyncFile(tmpDb);
  } catch (err) {
    sqliteFileError(err, 'the backup');
  }
}

/** What a checked copy is packed with: the manifest (all but the copy's own hash) and the key slots. */
export interface BackupToPack {
  tmpFile: string;
  keySlots: KeySlotsFile;
  manifest: Omit<Manifest, 'databaseSha256'>;
}

/** A copy packed into its temporary file, or the first table in which it differs from the records. */
export type Packed = { differs: string } | { differs: null; manifest: Manifest; bytes: number };

/** What finishes a packed backup file (see finishBackupFile). */
export interface BackupToFinish {
  tmpDb: string;
  tmpFile: string;
  targetDir: string;
  charityName: string;
  manifest: Manifest;
  bytes: number;
  now: Date;
  keep: number;
}

/**
 * The heavy parts of a backup. The app runs them in job workers, two side by side where they can
 * be (backup/inWorkers.ts); `partsHere` runs them one after another on the caller's thread.
 */
export interface BackupParts {
  /** Copies the records into `tmpDb`; returns the records' rows and hashes at the moment of the copy. */
  copy(tmpDb: string): Promise<TableDigests>;
  /**
   * Checks the copy whole and of this schema and, beside that, compares its rows with the records'
   * (`pack.manifest.tables`): when they match, packs it into `pack.tmpFile`, flushed.
   */
  check(tmpDb: string, pack: BackupToPack): Promise<Packed>;
  /** Reads the packed file back and checks it, then gives it its name. */
  finish(f: BackupToFinish): Promise<BackupMade>;
}

/** The parts on this thread, one after another: tests, and anything that is already a job. */
export function partsHere(db: Db, dbKey: Buffer, stage: (s: BackupStage, within?: number) => void): BackupParts {
  return {
    async copy(tmpDb) {
      const copier = openDatabase(db.$client.name, dbKey, { readOnly: true, migrate: false });
      try {
        return digestAtCopy(
          db.$client,
          () => {
            copyRecords(copier.$client, tmpDb);
            stage('reading');
          },
          (done, all) => stage('reading', done / all),
        );
      } finally {
        closeDatabase(copier);
      }
    },
    async check(tmpDb, pack) {
      checkCopyWhole(tmpDb, dbKey, SCHEMA_VERSION);
      return packIfSame(tmpDb, dbKey, pack, stage);
    },
    async finish(f) {
      return finishBackupFile(f, dbKey, stage);
    },
  };
}

/**
 * Hashes the copy's rows; when they are the records' (`pack.manifest.tables`), packs the copy
 * into the backup file under its temporary name: the sealed manifest with the copy's own hash,
 * the key slots, the copy's bytes and a checksum, flushed to the device.
 */
export function packIfSame(
  tmpDb: string,
  dbKey: Buffer,
  pack: BackupToPack,
  stage: (s: BackupStage, within?: number) => void,
): Packed {
  const differs = firstDifference(
    pack.manifest.tables,
    digestCopy(tmpDb, dbKey, (done, all) => stage('checkingCopy', done / all)),
  );
  if (differs) return { differs };
  const manifest: Manifest = { ...pack.manifest, databaseSha256: sha256File(tmpDb) };
  stage('writing');
  try {
    const fd = openSync(pack.tmpFile, 'wx', 0o600);
    try {
      const { bytes } = writeContainer(
        fd,
        {
          format: 'casebook-backup',
          version: 1,
          createdAt: manifest.createdAt,
          schemaVersion: manifest.schemaVersion,
          keySlots: pack.keySlots,
          manifest: sealManifest(manifest, dbKey, statSync(tmpDb).size),
        },
        tmpDb,
        (done, total) => stage('writing', done / total),
      );
      return { differs: null, manifest, bytes };
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if (err instanceof CasebookError) throw err;
    fileError(err, 'the backup');
  }
}

/** How many times a backup takes its copy again when it differs from the records it was read beside. */
const COPY_ATTEMPTS = 3;

/**
 * Backs the records up into `targetDir` as one verified file. The copy is made with VACUUM INTO,
 * checked whole and against the records it was taken from (row counts and hashes of every table,
 * read at the same moment), packed with a sealed manifest, flushed, read back and checked again,
 * and only then renamed to its final name. Anything that fails (or a request to stop) leaves no
 * file behind, and the live records are only ever read.
 *
 * The backup runs beside people's work, who keep saving (even opening a client is recorded): if
 * the copy differs from the records read beside it, it is taken again. A backup never makes the
 * office wait.
 */
export async function makeBackup(o: BackupPlan, parts: BackupParts): Promise<BackupMade> {
  if (!existsSync(o.targetDir) || !statSync(o.targetDir).isDirectory())
    throw new CasebookError('NOT_WRITABLE', 'The backup folder is not there');
  removeBackupLeftovers(o.targetDir);
  if (o.copyDir && o.copyDir !== o.targetDir) removeBackupLeftovers(o.copyDir);
  const tag = o.tag ?? randomBytes(6).toString('hex');
  const temps = backupTempFiles(o.targetDir, tag, o.copyDir);
  const tmpDb = temps[0]!;
  const tmpFile = temps[temps.length - 1]!;
  try {
    const keySlots = readKeySlots(o.slotsPath);
    verifyKeySlotsMac(keySlots, o.dbKey);
    let packed: Extract<Packed, { differs: null }> | null = null;
    for (let attempt = 1; !packed; attempt++) {
      o.onStage?.('copying', backupFraction('copying'));
      const records = await parts.copy(tmpDb);
      const manifest = {
        createdAt: o.now.toISOString(),
        schemaVersion: SCHEMA_VERSION,
        charityName: o.charityName,
        createdBy: o.createdBy,
        counts: {
          clients: records['clients']?.rows ?? 0,
          users: records['users']?.rows ?? 0,
          auditEvents: records['audit_events']?.rows ?? 0,
        },
        tables: records,
      };
      const result = await parts.check(tmpDb, { tmpFile, keySlots, manifest });
      if (result.differs === null) packed = result;
      else {
        for (const f of temps) rmSync(f, { force: true });
        if (attempt === COPY_ATTEMPTS)
          throw new CasebookError('BACKUP_DAMAGED', `Table ${result.differs} of the copy differs from the records`);
      }
    }
    return await parts.finish({
      tmpDb,
      tmpFile,
      targetDir: o.targetDir,
      charityName: o.charityName,
      manifest: packed.manifest,
      bytes: packed.bytes,
      now: o.now,
      keep: o.keep,
    });
  } catch (err) {
    for (const f of temps) rmSync(f, { force: true });
    throw err;
  }
}

/** Makes a backup on this thread (see makeBackup): for tests, and for a caller that is already a job. */
export function createBackup(o: BackupOptions): Promise<BackupMade> {
  const stage = (s: BackupStage, within = 0) => o.onStage?.(s, backupFraction(s, within));
  return makeBackup(o, partsHere(o.db, o.dbKey, stage));
}

/**
 * Finishes a packed backup file on the target: read back whole against its checksum and the
 * copy's hash, and only then given its final name. Old backups of this charity beyond `keep` go
 * only after that.
 */
export function finishBackupFile(
  f: BackupToFinish,
  dbKey: Buffer,
  stage: (s: BackupStage, within?: number) => void,
): BackupMade {
  stage('verifying');
  let opened;
  try {
    opened = readContainer(f.tmpFile, (done, total) => stage('verifying', done / total));
  } catch (err) {
    if (err instanceof CasebookError && err.code === 'BACKUP_MISSING')
      throw new CasebookError('NOT_WRITABLE', 'The backup folder is not there any more');
    throw err;
  }
  const check = openManifest(opened.header, dbKey);
  if (check.databaseSha256 !== f.manifest.databaseSha256)
    throw new CasebookError('BACKUP_DAMAGED', 'The written backup differs from the copy');
  rmSync(f.tmpDb, { force: true });
  stage('verifying', 1);

  let n = 1;
  let finalPath = join(f.targetDir, backupFileName(f.charityName, f.now));
  while (existsSync(finalPath)) finalPath = join(f.targetDir, backupFileName(f.charityName, f.now, ++n));
  try {
    renameSync(f.tmpFile, finalPath);
    fsyncDir(f.targetDir);
  } catch (err) {
    fileError(err, 'the backup');
  }

  // Only now, with a verified new backup in place, do old ones go.
  const all = backupsIn(f.targetDir, f.charityName);
  const removedOld = all.slice(0, Math.max(0, all.length - f.keep));
  for (const old of removedOld) rmSync(join(f.targetDir, old), { force: true });
  return { path: finalPath, bytes: f.bytes, createdAt: f.manifest.createdAt, counts: f.manifest.counts, removedOld };
}

export type BackupCredentials = { dbKey: Buffer } | { name: string; password: string } | { recoveryKey: string };

export interface InspectedBackup {
  header: BackupHeader;
  manifest: Manifest;
  dbKey: Buffer;
  /** The userId that the password opened, when a password was used (or as given in `o.userOf`). */
  userId: number | null;
  /** That user's role in the backup's records, and whether they were active there. */
  user: { role: string; active: boolean } | null;
}

export type CheckStage = 'reading' | 'unlocking' | 'extracting' | 'checkingBackup';
const CHECK_STAGES: Record<CheckStage, readonly [number, number]> = {
  reading: [0, 0.2],
  unlocking: [0.2, 0.3],
  extracting: [0.3, 0.55],
  checkingBackup: [0.55, 1],
};

export interface InspectOptions {
  /** Where the check copy of the backup's database is made (see checkCopyPath). */
  copy: string;
  /** Keep the verified copy there (a restore switches to it); otherwise it is removed. */
  keep?: boolean;
  /** Hears each stage and how far the whole check has got; may throw to stop it (the copy is removed). */
  onStage?: (stage: CheckStage, fraction: number) => void;
  /** The user the key was opened for (when the key was opened before the check), to read their role. */
  userOf?: number | null;
}

/** A check copy in the data folder, named so whoever started the check can remove it. */
export const checkCopyPath = (workDir: string, tag: string) => join(workDir, `.casebook-check-${tag}.db.tmp`);

/**
 * Opens and fully verifies a backup without changing anything: checksum, key slots, manifest,
 * and a copy of its database checked row for row (at `o.copy`, kept only for a restore).
 */
export async function inspectBackup(
  path: string,
  creds: BackupCredentials,
  kdf: KdfParams,
  o: InspectOptions,
): Promise<InspectedBackup> {
  const stage = (s: CheckStage, within = 0) => {
    const [from, to] = CHECK_STAGES[s];
    o.onStage?.(s, from + (to - from) * Math.min(1, within));
  };
  stage('reading');
  const opened = readContainer(path, (done, total) => stage('reading', done / total));
  const { header } = opened;
  if (header.schemaVersion > SCHEMA_VERSION)
    throw new CasebookError('DATABASE_TOO_NEW', 'The backup was made by a newer Casebook');
  stage('unlocking');
  let dbKey: Buffer;
  let userId: number | null = o.userOf ?? null;
  if ('dbKey' in creds) {
    try {
      verifyKeySlotsMac(header.keySlots, creds.dbKey);
    } catch {
      // Another charity's or another install's records: their own password is needed.
      throw new CasebookError('BAD_INPUT', 'This backup needs its own password', {
        fields: { credentials: 'required' },
      });
    }
    dbKey = Buffer.from(creds.dbKey);
  } else if ('password' in creds) {
    const u = await unlockSlotsWithPassword(header.keySlots, creds.name, creds.password, kdf);
    dbKey = u.dbKey;
    userId = u.userId;
  } else {
    dbKey = (await unlockSlotsWithRecoveryKey(header.keySlots, creds.recoveryKey)).dbKey;
  }
  const copy = o.copy;
  removeDatabaseFiles(copy);
  try {
    const manifest = openManifest(header, dbKey);
    stage('extracting');
    let sha: string;
    try {
      sha = extractDatabase(path, opened, copy, (done, total) => stage('extracting', done / total));
    } catch (err) {
      if (err instanceof CasebookError) throw err;
      fileError(err, 'the check copy');
    }
    if (sha! !== manifest.databaseSha256)
      throw new CasebookError('BACKUP_DAMAGED', 'The database in the backup differs from its manifest');
    stage('checkingBackup');
    verifyCopy(copy, dbKey, manifest.tables, header.schemaVersion, (done, all) => stage('checkingBackup', done / all));
    const user = userId === null ? null : userInCopy(copy, dbKey, userId);
    if (!o.keep) removeDatabaseFiles(copy);
    return { header, manifest, dbKey, userId, user };
  } catch (err) {
    removeDatabaseFiles(copy);
    dbKey.fill(0);
    throw err;
  }
}

const PARTIAL = '.partial';

/**
 * Copies the live database (and a write-ahead log, if one was left) and the key slots aside before a
 * restore, and keeps the last few such copies. A copy is made under a temporary name, checked byte
 * for byte against what it copied, and only then given its name: an interrupted copy is never
 * counted among the ones kept, and is removed the next time.
 */
export function makeSafetyCopy(
  paths: { database: string; keySlots: string; safetyDir: string },
  at: Date,
  keep = 3,
): string | null {
  if (!existsSync(paths.database)) return null;
  mkdirSync(paths.safetyDir, { recursive: true, mode: 0o700 });
  for (const f of readdirSync(paths.safetyDir))
    if (f.endsWith(PARTIAL)) rmSync(join(paths.safetyDir, f), { recursive: true, force: true });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let dir = join(paths.safetyDir, stamp);
  for (let n = 2; existsSync(dir); n++) dir = join(paths.safetyDir, `${stamp}-${n}`);
  const partial = `${dir}${PARTIAL}`;
  mkdirSync(partial, { mode: 0o700 });
  try {
    for (const f of [paths.database, `${paths.database}-wal`, paths.keySlots]) {
      if (!existsSync(f)) continue;
      const to = join(partial, basename(f));
      copyFileSync(f, to);
      chmodSync(to, 0o600);
      fsyncFile(to);
      if (sha256File(to) !== sha256File(f))
        throw new CasebookError('NOT_WRITABLE', 'The safety copy differs from the records');
    }
    fsyncDir(partial);
    renameSync(partial, dir);
    fsyncDir(paths.safetyDir);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    if (err instanceof CasebookError) throw err;
    fileError(err, 'the safety copy');
  }
  const complete = readdirSync(paths.safetyDir)
    .filter((f) => !f.endsWith(PARTIAL))
    .sort();
  for (const old of complete.slice(0, Math.max(0, complete.length - keep)))
    rmSync(join(paths.safetyDir, old), { recursive: true, force: true });
  return dir;
}

/** A backup's own temporary files on a drive (see backupTempFiles), left by a backup that was interrupted. */
const BACKUP_LEFTOVER = /^\.casebook-[0-9a-f]{12}\.(db\.tmp(-wal|-shm|-journal)?|backup\.tmp)$/;
/** A leftover younger than this may be another computer's backup, still being written to the same stick. */
const LEFTOVER_AGE_MS = 10 * 60_000;

/**
 * Removes what interrupted backups left in a folder (a pulled stick, a power cut): their temporary
 * files are encrypted, but they fill the stick. Only our own file names, and only ones nobody has
 * written to for ten minutes, by the drive's own clock (a file written there now tells its time).
 */
export function removeBackupLeftovers(dir: string): string[] {
  const probe = join(dir, `.casebook-probe-${randomBytes(6).toString('hex')}`);
  let now: number;
  try {
    writeFileSync(probe, '');
    now = statSync(probe).mtimeMs;
  } catch {
    return []; // Not writable: the backup itself will say so.
  } finally {
    rmSync(probe, { force: true });
  }
  const removed: string[] = [];
  for (const f of readdirSync(dir)) {
    if (!BACKUP_LEFTOVER.test(f)) continue;
    const path = join(dir, f);
    try {
      if (now - statSync(path).mtimeMs < LEFTOVER_AGE_MS) continue;
      rmSync(path, { force: true });
      removed.push(f);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

/**
 * The commit point of a restore: writes the backup's key slots beside the verified database. With
 * the backup's key, they are written afresh under their MACs, carrying the records' new generation.
 */
export function commitRestore(
  paths: { keySlotsRestoring: string },
  header: BackupHeader,
  sealed?: { dbKey: Buffer; generation: number },
): void {
  if (sealed) writeKeySlots(paths.keySlotsRestoring, header.keySlots, sealed.dbKey, { generation: sealed.generation });
  else writeFileAtomic(paths.keySlotsRestoring, JSON.stringify(header.keySlots, null, 2) + '\n');
}
