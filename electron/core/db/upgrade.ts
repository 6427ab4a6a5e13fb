import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CasebookError } from '../../../shared/result';
import { fsyncDir, keepPrivate } from '../storage/files';
import { closeDatabase, openDatabase, type Db } from './database';
import { SCHEMA_VERSION } from './migrations';
import { schemaDifference } from './schemaCheck';

export interface Opened {
  db: Db;
  /** Set when the records were written by an older Casebook and have just been brought up to date. */
  upgrade: { from: number; to: number; copy: string } | null;
}

/** The folder, beside the database, where the records are kept as they were before an upgrade. */
export const beforeUpgradeDir = (databasePath: string) => join(dirname(databasePath), 'before-upgrade');

/**
 * Opens the records, bringing a database written by an older Casebook up to date only after a copy
 * of it, as it was, has been written beside it and checked: the copy opens with the same key, passes
 * SQLite's integrity check and holds the same clients. A database from a newer Casebook is refused
 * (DATABASE_TOO_NEW) and left untouched.
 */
export function openUpgrading(path: string, key: Buffer, now: Date): Opened {
  const probe = openDatabase(path, key, { migrate: false });
  const version = probe.$client.pragma('user_version', { simple: true }) as number;
  // The records must have the shape their version says, before anything is upgraded or read.
  const differs = version <= SCHEMA_VERSION ? schemaDifference(probe.$client, version) : null;
  if (differs) {
    closeDatabase(probe);
    throw new CasebookError('SCHEMA_MISMATCH', `The records do not have the layout of schema ${version}: ${differs}`);
  }
  if (version >= SCHEMA_VERSION) return { db: probe, upgrade: null };
  const clients = (probe.$client.prepare('SELECT count(*) FROM clients').pluck().get() as number) ?? 0;
  closeDatabase(probe);

  const dir = beforeUpgradeDir(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const copy = join(
    dir,
    `${basename(path, '.db')}-schema-${version}-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.db`,
  );
  try {
    copyFileSync(path, copy);
    keepPrivate(copy);
    fsyncDir(dir);
  } catch (err) {
    throw new CasebookError(
      'NOT_WRITABLE',
      `Could not keep a copy before upgrading: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  const check = openDatabase(copy, key, { migrate: false, readOnly: true });
  try {
    const ok = check.$client.pragma('quick_check', { simple: true }) === 'ok';
    const same = check.$client.prepare('SELECT count(*) FROM clients').pluck().get() === clients;
    if (!ok || !same)
      throw new CasebookError('DATABASE_DAMAGED', 'The copy kept before upgrading does not match the records');
  } finally {
    check.$client.close();
    // Reading a WAL-mode copy leaves its empty side files behind; the copy is whole without them.
    for (const side of [`${copy}-wal`, `${copy}-shm`])
      if (existsSync(side) && (side.endsWith('-shm') || statSync(side).size === 0)) rmSync(side, { force: true });
  }
  return { db: openDatabase(path, key), upgrade: { from: version, to: SCHEMA_VERSION, copy } };
}
