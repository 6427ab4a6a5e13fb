import { createHash } from 'node:crypto';
import type { Sqlite } from '../db/database';

/** Row count and content hash of every table: what a backup must prove it still holds. */
export interface TableDigest {
  rows: number;
  sha256: string;
}
export type TableDigests = Record<string, TableDigest>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function orderBy(sqlite: Sqlite, table: string): string {
  const withoutRowid = (sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string }).sql;
  if (!/WITHOUT\s+ROWID/i.test(withoutRowid)) return 'rowid';
  const pk = (sqlite.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(table) as { name: string }[]).map((c) => quote(c.name));
  return pk.join(', ');
}

const cell = (v: unknown) => (Buffer.isBuffer(v) ? { hex: v.toString('hex') } : typeof v === 'bigint' ? v.toString() : v);
/** A row as it is hashed: bytes as hex, big numbers as text (most rows have neither, and are hashed as read). */
const plain = (row: unknown[]) => {
  for (const v of row) if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') return row.map(cell);
  return row;
};
/** Rows are hashed in runs of about this many characters: one call into the hash per run, not two per row. */
const RUN = 1 << 16;

/**
 * Reads every row of every table, in a fixed order, and hashes it: each row as JSON and a line
 * break. `onProgress` hears how many of the tables are done, now and then within a large one too
 * (a long job reports it, and may stop).
 */
export function digestTables(sqlite: Sqlite, onProgress?: (tablesDone: number, tables: number) => void): TableDigests {
  const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map(
    (t) => t.name,
  );
  const out: TableDigests = {};
  tables.forEach((table, i) => {
    onProgress?.(i, tables.length);
    const hash = createHash('sha256');
    let rows = 0;
    let run = '';
    const stmt = sqlite.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${orderBy(sqlite, table)}`).raw(true);
    for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
      run += JSON.stringify(plain(row)) + '\n';
      if (run.length >= RUN) {
        hash.update(run);
        run = '';
      }
      if (++rows % 20_000 === 0) onProgress?.(i, tables.length);
    }
    hash.update(run);
    out[table] = { rows, sha256: hash.digest('hex') };
  });
  onProgress?.(tables.length, tables.length);
  return out;
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
