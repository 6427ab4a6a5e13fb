import { createHash, type Hash } from 'node:crypto';
import type { Sqlite } from '../db/database';

/** Row count and content hash of every table: what a backup must prove it still holds. */
export interface TableDigest {
  rows: number;
  sha256: string;
}
export type TableDigests = Record<string, TableDigest>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The order rows are hashed in: the rowid, or a WITHOUT ROWID table's primary key (quoted columns). */
function keyOf(sqlite: Sqlite, table: string): string[] {
  const withoutRowid =
    sqlite.prepare(`SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?`).pluck().get(table) === 1;
  if (!withoutRowid) return ['rowid'];
  return (
    sqlite.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).pluck().all(table) as string[]
  ).map(quote);
}

const cell = (v: unknown) =>
  Buffer.isBuffer(v) ? { hex: v.toString('hex') } : typeof v === 'bigint' ? v.toString() : v;
/** A row as it is hashed: bytes as hex, big numbers as text (most rows have neither, and are hashed as read). */
const plain = (row: unknown[]) => {
  for (const v of row) if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') return row.map(cell);
  return row;
};
/** Rows are hashed in runs of about this many characters: one call into the hash per run, not two per row. */
const RUN = 1 << 16;

/** How many rows SQLite writes as JSON in one piece (one call from JavaScript per piece, not per row). */
const CHUNK = 2000;

/**
 * A table's row as SQLite can write it (the cells for `json_array`), or null when it cannot be trusted to write them exactly as
 * the definition does. In a STRICT table whose columns are INTEGER, TEXT or BLOB, `json_array`
 * writes each row as `JSON.stringify` does (integers, strings escaped the same way, null; a blob as
 * {"hex": lowercase hex}); real numbers are left to JavaScript (SQLite may write them otherwise).
 */
function sqliteRows(sqlite: Sqlite, table: string): string | null {
  const strict = sqlite
    .prepare(`SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = ? AND type = 'table'`)
    .pluck()
    .get(table);
  if (strict !== 1) return null;
  const columns = sqlite
    .prepare('SELECT name, upper(type) AS type FROM pragma_table_info(?) ORDER BY cid')
    .all(table) as { name: string; type: string }[];
  if (columns.some((c) => !['INT', 'INTEGER', 'TEXT', 'BLOB'].includes(c.type))) return null;
  return columns
    .map((c) =>
      c.type === 'BLOB'
        ? `CASE WHEN typeof(${quote(c.name)}) = 'blob' THEN json_object('hex', lower(hex(${quote(c.name)}))) ELSE ${quote(c.name)} END`
        : quote(c.name),
    )
    .join(', ');
}

/**
 * Hashes a table's rows written as JSON by SQLite, CHUNK rows at a time in key order, straight from
 * bytes (no string in JavaScript). The rows of a piece are joined in key order as SQLite promises
 * for `group_concat(... ORDER BY ...)`.
 */
function hashInSqlite(
  sqlite: Sqlite,
  table: string,
  cells: string,
  hash: Hash,
  progress: (rows: number) => void,
): number {
  const key = keyOf(sqlite, table);
  const k = key.map((_, i) => `k${i}`);
  const after = (cols: string[]) =>
    key.length === 1 ? `${cols[0]} > ?` : `(${cols.join(', ')}) > (${cols.map(() => '?').join(', ')})`;
  const piece = (from: boolean) =>
    sqlite
      .prepare(
        `SELECT count(*), CAST(group_concat(j, char(10) ORDER BY ${k.join(', ')}) AS BLOB) FROM
          (SELECT ${key.map((c, i) => `${c} AS ${k[i]}`).join(', ')}, json_array(${cells}) AS j FROM ${quote(table)} ${from ? `WHERE ${after(key)}` : ''} ORDER BY ${key.join(', ')} LIMIT ${CHUNK})`,
      )
      .raw(true);
  // The key of the last row of a piece: where the next one starts.
  const lastOf = (from: boolean) =>
    sqlite
      .prepare(
        `SELECT ${key.join(', ')} FROM ${quote(table)} ${from ? `WHERE ${after(key)}` : ''} ORDER BY ${key.join(', ')} LIMIT 1 OFFSET ${CHUNK - 1}`,
      )
      .raw(true);
  const first = { piece: piece(false), last: lastOf(false) };
  const next = { piece: piece(true), last: lastOf(true) };
  let rows = 0;
  let at: unknown[] | null = null;
  for (;;) {
    const [n, bytes] = (at ? next.piece.get(...at) : first.piece.get()) as [number, Buffer | null];
    if (n === 0 || !bytes) break;
    hash.update(bytes);
    hash.update('\n');
    rows += n;
    progress(rows);
    if (n < CHUNK) break;
    at = (at ? next.last.get(...at) : first.last.get()) as unknown[];
  }
  return rows;
}

/**
 * Reads every row of every table, in a fixed order, and hashes it: each row as JSON and a line
 * break. `onProgress` hears how many of the tables are done, now and then within a large one too
 * (a long job reports it, and may stop). Most tables are written out by SQLite itself (the same
 * bytes, a third of the time); the rest row by row here.
 */
export function digestTables(sqlite: Sqlite, onProgress?: (tablesDone: number, tables: number) => void): TableDigests {
  const tables = (
    sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  const out: TableDigests = {};
  tables.forEach((table, i) => {
    onProgress?.(i, tables.length);
    const hash = createHash('sha256');
    let reported = 0;
    const progress = (rows: number) => {
      if (rows - reported < 20_000) return;
      reported = rows;
      onProgress?.(i, tables.length);
    };
    const cells = sqliteRows(sqlite, table);
    const rows = cells
      ? hashInSqlite(sqlite, table, cells, hash, progress)
      : hashInJavaScript(sqlite, table, hash, progress);
    out[table] = { rows, sha256: hash.digest('hex') };
  });
  onProgress?.(tables.length, tables.length);
  return out;
}

/** The definition itself, row by row: each row's JSON (blobs as {"hex"}) and a line break. */
function hashInJavaScript(sqlite: Sqlite, table: string, hash: Hash, progress: (rows: number) => void): number {
  let rows = 0;
  let run = '';
  const stmt = sqlite.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${keyOf(sqlite, table).join(', ')}`).raw(true);
  for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
    run += JSON.stringify(plain(row)) + '\n';
    if (run.length >= RUN) {
      hash.update(run);
      run = '';
    }
    progress(++rows);
  }
  hash.update(run);
  return rows;
}

/** The first table whose rows differ, or null when all match. */
export function firstDifference(expected: TableDigests, actual: TableDigests): string | null {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const name of [...names].sort()) {
    const e = expected[name];
    const a = actual[name];
    if (!e || !a || e.rows !== a.rows || e.sha256 !== a.sha256) return name;
  }
  return null;
}
