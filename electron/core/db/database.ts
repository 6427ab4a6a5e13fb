import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { CasebookError } from '../../../shared/result';
import { keepPrivate, sideFiles } from '../storage/files';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite };
/**
 * The database as a read gets it (`Records.read`): drizzle's ways to read, none to change a row. A
 * function that only reads takes `ReadDb`, so the compiler shows where a read would write; the
 * connection also refuses writes while a read runs (`query_only`), for raw SQL the type cannot see.
 */
export type ReadDb = Omit<Db, 'insert' | 'update' | 'delete' | 'run' | 'transaction'>;

/** "CBK1": refuses any SQLite file that is not a Casebook database. */
export const APPLICATION_ID = 0x43424b31;
/** 64 MB page cache: encryption costs nothing on cached pages. */
const CACHE_KIB = 65536;
/**
 * The write-ahead log is cut back to this size once its changes are in the database. Without a
 * limit it keeps the size of the largest change ever made (an import, an upgrade) for good: 300 MB
 * beside a 544 MB database after generating 100,000 clients.
 */
export const WAL_LIMIT_BYTES = 16 * 1024 * 1024;

export interface OpenOptions {
  /** Only setup creates a database; every other open needs the file to exist. */
  create?: boolean;
  migrations?: readonly Migration[];
  /** false: open a copy as it is (to verify a backup); it is never changed. */
  migrate?: boolean;
  /** Opens without writing anything, not even the journal mode (a copy being verified). */
  readOnly?: boolean;
}

function isNotADatabase(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return (
    code === 'SQLITE_NOTADB' ||
    code === 'SQLITE_CORRUPT' ||
    /not a database|malformed/i.test(String((err as Error)?.message))
  );
}

/**
 * Opens the encrypted database with the raw 32-byte key, SQLCipher 4 format, and sets every pragma
 * before anything else is read. A file the key cannot read at all is KEY_NOT_FOR_RECORDS (another install's key file, or a start of file destroyed); one that opens but is damaged inside is DATABASE_DAMAGED.
 */
export function openDatabase(path: string, key: Buffer, opts: OpenOptions = {}): Db {
  if (key.length !== 32) throw new CasebookError('INTERNAL', 'Database key must be 32 bytes');
  if (!opts.create) {
    if (!existsSync(path)) throw new CasebookError('DATABASE_MISSING', 'The database file is missing');
    if (statSync(path).size === 0) throw new CasebookError('DATABASE_DAMAGED', 'The database file is empty');
  } else if (existsSync(path)) {
    throw new CasebookError('CONFLICT', 'A database already exists there');
  }
  const sqlite = new Database(path, { fileMustExist: !opts.create, readonly: !!opts.readOnly });
  // Private before anything is written: SQLite gives the write-ahead log the database file's permissions.
  if (!opts.readOnly) for (const f of [path, ...sideFiles(path)]) if (existsSync(f)) keepPrivate(f);
  try {
    sqlite.pragma(`cipher = 'sqlcipher'`);
    sqlite.pragma('legacy = 4');
    sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      if (isNotADatabase(err))
        throw new CasebookError('KEY_NOT_FOR_RECORDS', 'The database cannot be read with this key');
      throw err;
    }
    sqlite.pragma('temp_store = MEMORY');
    if (!opts.readOnly) {
      const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new CasebookError('INTERNAL', `Could not switch to WAL (got ${String(mode)})`);
    }
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // Deleted records are overwritten, not left in free pages: an erased client is gone from the file.
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma(`cache_size = -${CACHE_KIB}`);
    sqlite.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
    sqlite.pragma('busy_timeout = 5000');

    if (opts.create) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    else if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID)
      throw new CasebookError('DATABASE_DAMAGED', 'This file is not a Casebook database');

    if (opts.migrate === false) {
      if ((sqlite.pragma('user_version', { simple: true }) as number) > SCHEMA_VERSION)
        throw new CasebookError('DATABASE_TOO_NEW', 'The database is newer than this Casebook');
    } else migrate(sqlite, opts.migrations ?? MIGRATIONS);
    return drizzle({ client: sqlite, schema }) as Db;
  } catch (err) {
    sqlite.close();
    if (err instanceof CasebookError) throw err;
    if (isNotADatabase(err)) throw new CasebookError('DATABASE_DAMAGED', 'The database is damaged');
    throw err;
  }
}

/** Applies every migration newer than the file, each in its own transaction. Refuses newer files. */
export function migrate(sqlite: Sqlite, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (current > latest)
    throw new CasebookError('DATABASE_TOO_NEW', `Database schema ${current} is newer than this Casebook (${latest})`);
  for (const m of migrations) {
    if (m.version <= current) continue;
    sqlite.transaction(() => {
      m.up(sqlite);
      sqlite.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Writes the WAL back into the main file and closes. */
export function closeDatabase(db: Db): void {
  const sqlite = db.$client;
  if (!sqlite.open) return;
  try {
    if (!sqlite.readonly) sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
}

export { SCHEMA_VERSION };
