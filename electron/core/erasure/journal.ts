import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../db/database';
import { anonymiseClientRows, eraseClientRows } from './erasure';

/**
 * Every erasure is also written to a journal beside the database, so that restoring a backup made
 * before it erases the person again. The journal holds no erased content: only which record, when
 * and how, sealed with a key derived from the database key (a journal from other records cannot be
 * read, and does not apply).
 */
export const erasureSchema = z.object({
  id: z.string(),
  at: z.string(),
  clientId: z.number().int(),
  reference: z.string(),
  mode: z.enum(['erase', 'anonymise']),
  /** An anonymisation that kept the documents on file keeps them when it is applied again. */
  keepDocuments: z.boolean().optional(),
});
export type Erasure = z.infer<typeof erasureSchema>;

const journalKey = (dbKey: Buffer) =>
  Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'casebook erasure journal v1', 32));

export function appendErasure(path: string, dbKey: Buffer, e: Omit<Erasure, 'id'>): Erasure {
  const entry: Erasure = { id: randomUUID(), ...e };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', journalKey(dbKey), iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(entry), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, JSON.stringify({ iv: iv.toString('base64'), ct: ct.toString('base64') }) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return entry;
}

/** The erasures these records' key can read, oldest first. */
export function readErasures(path: string, dbKey: Buffer): Erasure[] {
  if (!existsSync(path)) return [];
  const key = journalKey(dbKey);
  const out: Erasure[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const { iv, ct } = z.object({ iv: z.string(), ct: z.string() }).parse(JSON.parse(line));
      const data = Buffer.from(ct, 'base64');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      d.setAuthTag(data.subarray(data.length - 16));
      out.push(
        erasureSchema.parse(
          JSON.parse(Buffer.concat([d.update(data.subarray(0, data.length - 16)), d.final()]).toString('utf8')),
        ),
      );
    } catch {
      // Another charity's records, or a damaged line: not ours to apply.
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** Applies again, to restored records, every erasure made after the backup was taken. */
export function reapplyErasures(db: Db, entries: Erasure[], backupCreatedAt: string, now: Date): Erasure[] {
  const applied: Erasure[] = [];
  for (const e of entries) {
    if (e.at <= backupCreatedAt) continue;
    const done =
      e.mode === 'erase'
        ? eraseClientRows(db, e.clientId)
        : anonymiseClientRows(db, e.clientId, now, { keepDocuments: e.keepDocuments === true });
    if (done) applied.push(e);
  }
  return applied;
}
