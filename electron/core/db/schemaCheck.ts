import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import type { Sqlite } from './database';

/** A database's shape: each table's columns, and the indexes (what the migrations make). */
type Shape = Map<string, string>;

function shapeOf(sqlite: Sqlite): Shape {
  const shape: Shape = new Map();
  const objects = sqlite
    .prepare(
      `SELECT type, name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all() as { type: string; name: string }[];
  for (const o of objects) {
    if (o.type === 'index') shape.set(`index ${o.name}`, '');
    else
      shape.set(
        `table ${o.name}`,
        (sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(o.name) as string[]).join(','),
      );
  }
  return shape;
}

const expected = new Map<number, Shape>();

/** The shape the migrations give at `version`, built once in memory. */
function expectedShape(version: number): Shape {
  let shape = expected.get(version);
  if (!shape) {
    const memory = new Database(':memory:');
    try {
      for (const m of MIGRATIONS) if (m.version <= version) memory.transaction(() => m.up(memory))();
      shape = shapeOf(memory);
    } finally {
      memory.close();
    }
    expected.set(version, shape);
  }
  return shape;
}

/**
 * What differs between the records' tables and indexes and those their schema version should have
 * (null when nothing): a version number lowered or raised by hand, or a table dropped, would
 * otherwise end in an upgrade failing half-way or a query failing later. The append-only triggers
 * of the audit trail are checked (and put back) on their own.
 */
export function schemaDifference(sqlite: Sqlite, version: number): string | null {
  if (version < 1) return 'no schema version';
  const want = expectedShape(version);
  const have = shapeOf(sqlite);
  for (const [name, columns] of want)
    if (have.get(name) !== columns) return have.has(name) ? `${name} has other columns` : `${name} is missing`;
  for (const name of have.keys()) if (!want.has(name)) return `${name} is not expected`;
  return null;
}
