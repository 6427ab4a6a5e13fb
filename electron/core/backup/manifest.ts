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

/**
 * Reads every row of every table, in a fixed order, and hashes it. `onProgress` hears how many of
 * the tables are done, now and then within a large one too (a long job reports it, and may stop).
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
    const stmt = sqlite.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${orderBy(sqlite, table)}`).raw(true);
    for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
      hash.update(JSON.stringify(row.map(cell)));
      hash.update('\n');
      if (++rows % 20_000 === 0) onProgress?.(i, tables.length);
    }
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
