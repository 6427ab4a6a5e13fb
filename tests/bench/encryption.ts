import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCaseload } from '../../electron/core/caseload/caseload';
import { searchClients } from '../../electron/core/clients/queries';
import { readClientRecord } from '../../electron/core/clients/record';
import type { Db, ReadDb } from '../../electron/core/db/database';
import * as schema from '../../electron/core/db/schema';
import { clientTimeline } from '../../electron/core/timeline/timeline';
import { measure, type Figure } from './stats';

/** The same database decrypted: a copy opened with the key and re-keyed to nothing (SQLCipher's way out). */
export function decryptedCopy(db: ReadDb, dbKey: Buffer, dbPath: string, dir: string): string {
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const copy = join(dir, 'plain.db');
  copyFileSync(dbPath, copy);
  // Anything the checkpoint could not move back (another reader) is still in the log: take it too.
  if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
  const c = new Database(copy);
  c.pragma(`cipher = 'sqlcipher'`);
  c.pragma('legacy = 4');
  c.pragma(`key = "x'${dbKey.toString('hex')}'"`);
  c.pragma('journal_mode = DELETE');
  c.pragma(`rekey = ''`);
  c.close();
  return copy;
}

/** Opens a database file as the app does (same pragmas), with or without the key, with a page cache of `cacheKiB`. */
function openAs(path: string, key: Buffer | null, cacheKiB: number): Db {
  const sqlite = new Database(path);
  if (key) {
    sqlite.pragma(`cipher = 'sqlcipher'`);
    sqlite.pragma('legacy = 4');
    sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
  }
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`cache_size = -${cacheKiB}`);
  return drizzle({ client: sqlite, schema }) as Db;
}

/**
 * The encryption overhead: one mix of what the screens do (search as you type, open a record, a
 * timeline, a home screen) timed on the encrypted file and on a decrypted copy of it, in the same
 * run, with the app's page cache and with a small one that keeps decrypting pages.
 */
export async function encryptionOverhead(
  encryptedPath: string,
  key: Buffer,
  plainPath: string,
  work: { clients: number; caseworkerId: number; heavyClient: number },
  label: string,
): Promise<Figure[]> {
  const prefixes = ['kow', 'łę', 'wisn', 'smi', 'ls6', 'cb-0012'];
  const mix = (db: Db) => {
    for (const q of prefixes)
      searchClients(db, {
        query: q,
        status: null,
        caseworkerId: null,
        riskFlag: null,
        sort: 'name',
        descending: false,
        limit: 100,
        offset: 0,
      });
    for (let i = 1; i <= 5; i++) readClientRecord(db, 1 + ((i * 7919) % work.clients), 'caseworker', '2026-11-23');
    clientTimeline(
      db,
      { clientId: work.heavyClient, types: [], limit: 200, offset: 0 },
      { id: 1, mayReadSensitive: true },
    );
    readCaseload(db, work.caseworkerId, '2026-11-23', false);
  };
  const figures: Figure[] = [];
  for (const [cache, cacheLabel] of [
    [65_536, '64 MB page cache, as the app'],
    [2_048, '2 MB page cache'],
  ] as const) {
    const enc = openAs(encryptedPath, key, cache);
    const plain = openAs(plainPath, null, cache);
    const e = await measure(`query mix, encrypted (${label}, ${cacheLabel})`, 30, () => mix(enc), { warmup: 3 });
    const p = await measure(`query mix, not encrypted (${label}, ${cacheLabel})`, 30, () => mix(plain), { warmup: 3 });
    e.note = `encryption overhead ratio ${(e.p50 / p.p50).toFixed(2)} (p50 encrypted / p50 not encrypted)`;
    figures.push(e, p);
    enc.$client.close();
    plain.$client.close();
  }
  return figures;
}
