import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CasebookError } from '../../../shared/result';
import type { Platform, SaveFileRequest } from '../platform';

/**
 * A full or read-only disk, from the file system or from SQLite (whose write-ahead log and pages
 * need room too); null for any other error.
 */
export function diskProblem(err: unknown): 'DISK_FULL' | 'NOT_WRITABLE' | null {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'DISK_FULL';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'NOT_WRITABLE';
  return null;
}

/** Turns a file-system error into a sentence-worthy code; anything else is re-thrown. */
export function fileError(err: unknown, what: string): never {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (diskProblem(err) === 'DISK_FULL') throw new CasebookError('DISK_FULL', `No space left while writing ${what}`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    throw new CasebookError('NOT_WRITABLE', `Cannot write ${what}`);
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENODEV' || code === 'ENXIO')
    throw new CasebookError('NOT_WRITABLE', `The folder for ${what} is not there any more`);
  throw err;
}

/** Makes a rename or a new file in `dir` survive a power cut. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes a whole file or nothing: a temporary file beside the target, flushed to disk, then renamed
 * over the target. A crash or a full disk leaves the old file as it was.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  writeFilesAtomic([[path, data]]);
}

/**
 * Writes several files that belong together (a PDF and its JSON): every one is written whole to a
 * temporary file and flushed first, and only then are they renamed into place, so a failure part way
 * (or a full disk) leaves none of them.
 */
/** A file's contents: whole, or written piece by piece by a function (for files too big to hold at once). */
export type FileData = Uint8Array | string | ((put: (piece: Uint8Array | string) => void) => void);

export function writeFilesAtomic(files: [path: string, data: FileData][]): void {
  const temps: string[] = [];
  let current = '';
  try {
    for (const [path, data] of files) {
      current = basename(path);
      const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
      temps.push(tmp);
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        const put = (piece: Uint8Array | string) => {
          const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
          let off = 0;
          while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
        };
        if (typeof data === 'function') data(put);
        else put(data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    files.forEach(([path], i) => {
      current = basename(path);
      renameSync(temps[i]!, path);
    });
    for (const dir of new Set(files.map(([path]) => dirname(path)))) fsyncDir(dir);
  } catch (err) {
    for (const tmp of temps) rmSync(tmp, { force: true });
    fileError(err, current);
  }
}

/**
 * Only the person using the computer may read what Casebook writes: files 0600, folders 0700 (on
 * Windows this only clears "read-only"; the folder under the user's profile is private already).
 * A drive that cannot hold permissions (a FAT USB stick) is left as it is.
 */
export function keepPrivate(path: string, folder = false): void {
  try {
    chmodSync(path, folder ? 0o700 : 0o600);
  } catch {
    // Not ours to change, or a file system without permissions.
  }
}

/** The files SQLite may keep beside a database: its write-ahead log, the log's index, a rollback journal. */
export const sideFiles = (database: string) => [`${database}-wal`, `${database}-shm`, `${database}-journal`];

/**
 * Removes a database file and every side file beside it. A temporary database (a restore waiting to
 * be switched to, a backup's copy, a check copy) is always removed with its side files, and its side
 * files before it is made: a write-ahead log left by an interrupted run would otherwise be replayed
 * into the next file of that name, which it does not belong to.
 */
export function removeDatabaseFiles(database: string): void {
  for (const f of [database, ...sideFiles(database)]) rmSync(f, { force: true });
}

/**
 * File names people can read, from a safe alphabet: no control, format or direction characters (a
 * charity named with a right-to-left override must not make "gpj.exe" look like "exe.jpg"), none
 * that Windows refuses, no leading dot (hidden) and no trailing dot or space (Windows drops them).
 */
export const safeFileName = (s: string, max = 120) =>
  s
    .normalize('NFC')
    .replace(/[\p{C}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .replace(/^[. ]+|[. ]+$/g, '');

/** Asks where to save a file; the person closing the dialog ends the action as CANCELLED (no message). */
export async function askWhereToSave(platform: Platform, req: SaveFileRequest): Promise<string> {
  const path = await platform.chooseSavePath({ ...req, defaultName: safeFileName(req.defaultName, 180) || 'Casebook' });
  if (!path) throw new CasebookError('CANCELLED', 'No place was chosen');
  return path;
}

/** Asks where to save a PDF, suggesting `fileName` (without ".pdf"). */
export function askWhereToSavePdf(platform: Platform, title: string, fileName: string): Promise<string> {
  return askWhereToSave(platform, {
    title,
    defaultName: `${fileName}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
}
