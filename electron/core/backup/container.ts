import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { CasebookError } from '../../../shared/result';
export { BACKUP_EXTENSION } from '../../../shared/domain/backup';
import { parseKeySlots, type KeySlotsFile } from '../vault/keySlots';
import type { TableDigests } from './manifest';

/**
 * A Casebook backup is one file:
 *   "CASEBOOK-BACKUP1"  magic, 16 bytes
 *   uint32 (big end)    length of the header
 *   header              JSON: format, dates, schema version, the key slots, the sealed manifest
 *   database            the SQLCipher-encrypted database, exactly as VACUUM INTO wrote it
 *   SHA-256             of everything before it, 32 bytes
 * The key slots inside mean any user's password (or the recovery key) opens it. The manifest
 * (row counts and hashes of every table, hash of the database bytes) is sealed with AES-GCM under
 * a key derived from the database key, so it can be neither read nor forged without it.
 */
export const MAGIC = Buffer.from('CASEBOOK-BACKUP1', 'ascii');
const TRAILER = 32;
const CHUNK = 1 << 20;

export interface Manifest {
  createdAt: string;
  schemaVersion: number;
  charityName: string;
  createdBy: string;
  counts: { clients: number; users: number; auditEvents: number };
  tables: TableDigests;
  databaseSha256: string;
}

const headerSchema = z.object({
  format: z.literal('casebook-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  databaseBytes: z.number().int().positive(),
  keySlots: z.unknown(),
  manifest: z.object({ iv: z.string(), sealed: z.string() }),
});
export type BackupHeader = Omit<z.infer<typeof headerSchema>, 'keySlots'> & { keySlots: KeySlotsFile };

const manifestKey = (dbKey: Buffer) =>
  Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'casebook backup manifest v1', 32));
const aad = (h: Pick<BackupHeader, 'createdAt' | 'schemaVersion' | 'databaseBytes'>) =>
  Buffer.from(JSON.stringify([h.createdAt, h.schemaVersion, h.databaseBytes]), 'utf8');

export function sealManifest(m: Manifest, dbKey: Buffer, databaseBytes: number): BackupHeader['manifest'] {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', manifestKey(dbKey), iv);
  cipher.setAAD(aad({ createdAt: m.createdAt, schemaVersion: m.schemaVersion, databaseBytes }));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(m), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { iv: iv.toString('base64'), sealed: sealed.toString('base64') };
}

/** The manifest, or BACKUP_DAMAGED when it was changed (the key itself was already proven by a slot). */
export function openManifest(h: BackupHeader, dbKey: Buffer): Manifest {
  try {
    const data = Buffer.from(h.manifest.sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', manifestKey(dbKey), Buffer.from(h.manifest.iv, 'base64'));
    decipher.setAAD(aad(h));
    decipher.setAuthTag(data.subarray(data.length - 16));
    const m = JSON.parse(
      Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8'),
    ) as Manifest;
    if (m.createdAt !== h.createdAt || m.schemaVersion !== h.schemaVersion)
      throw new Error('header and manifest differ');
    return m;
  } catch {
    throw new CasebookError('BACKUP_DAMAGED', 'The backup manifest does not match');
  }
}

function writeAll(fd: number, buf: Buffer, hash: ReturnType<typeof createHash>): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
  hash.update(buf);
}

/** How far a long read or write has got, after each megabyte (a long job reports it, and may stop there). */
export type OnChunk = (done: number, total: number) => void;

/** Writes magic, header, the database file's bytes and the trailer to `fd`, then flushes it to the device. */
export function writeContainer(
  fd: number,
  header: Omit<BackupHeader, 'databaseBytes'>,
  databasePath: string,
  onChunk?: OnChunk,
): { sha256: string; bytes: number } {
  const src = openSync(databasePath, 'r');
  try {
    const databaseBytes = fstatSync(src).size;
    const headerBuf = Buffer.from(JSON.stringify({ ...header, databaseBytes }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(headerBuf.length);
    const hash = createHash('sha256');
    writeAll(fd, MAGIC, hash);
    writeAll(fd, len, hash);
    writeAll(fd, headerBuf, hash);
    const chunk = Buffer.alloc(CHUNK);
    let copied = 0;
    while (copied < databaseBytes) {
      const n = readSync(src, chunk, 0, Math.min(CHUNK, databaseBytes - copied), copied);
      if (n === 0) throw new CasebookError('BACKUP_DAMAGED', 'The database copy ended early');
      writeAll(fd, chunk.subarray(0, n), hash);
      copied += n;
      onChunk?.(copied, databaseBytes);
    }
    const digest = hash.digest();
    let off = 0;
    while (off < TRAILER) off += writeSync(fd, digest, off, TRAILER - off);
    fsyncSync(fd);
    return { sha256: digest.toString('hex'), bytes: MAGIC.length + 4 + headerBuf.length + databaseBytes + TRAILER };
  } finally {
    closeSync(src);
  }
}

export interface OpenedContainer {
  header: BackupHeader;
  databaseOffset: number;
  size: number;
}

/**
 * Reads only a backup's header, without checking the rest of the file: enough to try a password on
 * its key slots before the whole file is read and checked (which a job does, and which must pass
 * before anything is used).
 */
export function readBackupHeader(path: string): BackupHeader {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new CasebookError('BACKUP_MISSING', 'The backup file cannot be opened');
  }
  try {
    const size = fstatSync(fd).size;
    const start = Buffer.alloc(MAGIC.length + 4);
    if (
      size < MAGIC.length + 4 + TRAILER ||
      readSync(fd, start, 0, start.length, 0) !== start.length ||
      !start.subarray(0, MAGIC.length).equals(MAGIC)
    )
      throw new CasebookError('NOT_A_BACKUP', 'This file is not a Casebook backup');
    const headerLength = start.readUInt32BE(MAGIC.length);
    if (MAGIC.length + 4 + headerLength > size - TRAILER)
      throw new CasebookError('BACKUP_DAMAGED', 'The backup header is too long');
    const headerBuf = Buffer.alloc(headerLength);
    readSync(fd, headerBuf, 0, headerLength, MAGIC.length + 4);
    let parsed: z.infer<typeof headerSchema>;
    try {
      parsed = headerSchema.parse(JSON.parse(headerBuf.toString('utf8')));
    } catch {
      throw new CasebookError('BACKUP_DAMAGED', 'The backup header cannot be read');
    }
    try {
      return { ...parsed, keySlots: parseKeySlots(parsed.keySlots) };
    } catch (err) {
      if (err instanceof CasebookError && err.code === 'KEY_FILE_DAMAGED')
        throw new CasebookError('BACKUP_DAMAGED', 'The key slots in the backup are damaged');
      throw err;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a backup's header after checking the whole file against its trailer. A file of another
 * program is NOT_A_BACKUP; a truncated file or any flipped byte is BACKUP_DAMAGED.
 */
export function readContainer(path: string, onChunk?: OnChunk): OpenedContainer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new CasebookError('BACKUP_MISSING', 'The backup file cannot be opened');
  }
  try {
    const size = fstatSync(fd).size;
    const magic = Buffer.alloc(MAGIC.length);
    if (
      size < MAGIC.length + 4 + TRAILER ||
      readSync(fd, magic, 0, MAGIC.length, 0) !== MAGIC.length ||
      !magic.equals(MAGIC)
    )
      throw new CasebookError('NOT_A_BACKUP', 'This file is not a Casebook backup');
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(CHUNK);
    const body = size - TRAILER;
    for (let pos = 0; pos < body;) {
      const n = readSync(fd, chunk, 0, Math.min(CHUNK, body - pos), pos);
      if (n === 0) throw new CasebookError('BACKUP_DAMAGED', 'The backup ends early');
      hash.update(chunk.subarray(0, n));
      pos += n;
      onChunk?.(pos, body);
    }
    const trailer = Buffer.alloc(TRAILER);
    readSync(fd, trailer, 0, TRAILER, body);
    if (!hash.digest().equals(trailer))
      throw new CasebookError('BACKUP_DAMAGED', 'The backup does not match its checksum');
    const lenBuf = Buffer.alloc(4);
    readSync(fd, lenBuf, 0, 4, MAGIC.length);
    const headerLength = lenBuf.readUInt32BE();
    const databaseOffset = MAGIC.length + 4 + headerLength;
    if (databaseOffset > body) throw new CasebookError('BACKUP_DAMAGED', 'The backup header is too long');
    const headerBuf = Buffer.alloc(headerLength);
    readSync(fd, headerBuf, 0, headerLength, MAGIC.length + 4);
    let parsed: z.infer<typeof headerSchema>;
    try {
      parsed = headerSchema.parse(JSON.parse(headerBuf.toString('utf8')));
    } catch {
      throw new CasebookError('BACKUP_DAMAGED', 'The backup header cannot be read');
    }
    if (databaseOffset + parsed.databaseBytes !== body)
      throw new CasebookError('BACKUP_DAMAGED', 'The backup has the wrong length');
    return { header: { ...parsed, keySlots: parseKeySlots(parsed.keySlots) }, databaseOffset, size };
  } catch (err) {
    if (err instanceof CasebookError && err.code === 'KEY_FILE_DAMAGED')
      throw new CasebookError('BACKUP_DAMAGED', 'The key slots in the backup are damaged');
    throw err;
  } finally {
    closeSync(fd);
  }
}

/** Copies the database out of a backup into `target` (flushed), returning the SHA-256 of its bytes. */
export function extractDatabase(path: string, opened: OpenedContainer, target: string, onChunk?: OnChunk): string {
  const src = openSync(path, 'r');
  const dst = openSync(target, 'wx', 0o600);
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(CHUNK);
    const total = opened.header.databaseBytes;
    for (let done = 0; done < total;) {
      const n = readSync(src, chunk, 0, Math.min(CHUNK, total - done), opened.databaseOffset + done);
      if (n === 0) throw new CasebookError('BACKUP_DAMAGED', 'The backup ends early');
      let off = 0;
      while (off < n) off += writeSync(dst, chunk, off, n - off);
      hash.update(chunk.subarray(0, n));
      done += n;
      onChunk?.(done, total);
    }
    fsyncSync(dst);
    return hash.digest('hex');
  } finally {
    closeSync(src);
    closeSync(dst);
  }
}
