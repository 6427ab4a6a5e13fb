import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import writeXlsxFile, { type Sheet, type SheetData } from 'write-excel-file/node';
import type { ReadDb } from '../db/database';
import * as schema from '../db/schema';
import { describeColumn, TABLES, type ColumnFacts, type ColumnKind, type Words } from './dictionary';

/** Kept out: the search index (made again from the records) and SQLite's own tables. */
const LEFT_OUT = new Set(['client_search_tokens']);

/** Excel holds at most 32,767 characters in a cell. */
const CELL_MAX = 32_767;

export interface ExportedTable {
  name: string;
  about: Words;
  columns: (ColumnFacts & { about: Words })[];
  /** How many rows it has: the rows themselves are read as they are written, never all held at once. */
  count: number;
}

export interface FullExport {
  exportedAt: string;
  schemaVersion: number;
  tables: ExportedTable[];
}

/**
 * The most rows a workbook is made with. A spreadsheet program cannot open more in any useful way,
 * and the workbook is built in memory; beyond it the workbook holds the dictionary and a sheet that
 * says the rows are in the JSON file (which is written row by row, whatever the size). Being far
 * under Excel's 1,048,576 rows a sheet, every table fits in one sheet.
 */
export const WORKBOOK_ROWS_MAX = 250_000;

/** The drizzle definitions, by table name: whether an integer is a yes/no, and the values a text may take. */
const DEFINED = new Map(
  Object.values(schema as Record<string, unknown>)
    .filter((x): x is SQLiteTable => is(x, SQLiteTable))
    .map((table) => {
      const config = getTableConfig(table);
      return [config.name, new Map(config.columns.map((c) => [c.name, c]))] as const;
    }),
);

function kindOf(sqlType: string, name: string, defined: { columnType: string } | undefined): ColumnKind {
  if (defined?.columnType === 'SQLiteBoolean') return 'yes/no';
  const type = sqlType.toUpperCase();
  if (type.includes('BLOB')) return 'file';
  if (type.includes('INT')) return 'whole number';
  if (type.includes('REAL') || type.includes('NUM')) return 'number';
  if (/_at$/.test(name)) return 'date and time';
  if (/(_on|_date|^date_of_birth)$/.test(name)) return 'date';
  return 'text';
}

/** The values a column may hold, where the table's definition lists them (CHECK … IN (…)). */
function allowedIn(tableSql: string, column: string): string[] | null {
  const m = new RegExp(`["\`]?${column}["\`]?\\s+IN\\s*\\(([^)]*)\\)`, 'i').exec(tableSql);
  if (!m) return null;
  const values = [...m[1]!.matchAll(/'([^']*)'/g)].map((v) => v[1]!);
  return values.length ? values : null;
}

/** Every table of the charity's records: its columns described, and how many rows it has. */
export function describeEverything(db: ReadDb, now: Date): FullExport {
  const sqlite = db.$client;
  const tables = sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
  const out: ExportedTable[] = [];
  for (const { name, sql } of tables) {
    if (LEFT_OUT.has(name)) continue;
    const info = sqlite.prepare(`PRAGMA table_info("${name}")`).all() as {
      name: string;
      type: string;
      notnull: number;
      pk: number;
    }[];
    const links = sqlite.prepare(`PRAGMA foreign_key_list("${name}")`).all() as {
      from: string;
      table: string;
      to: string | null;
    }[];
    const defined = DEFINED.get(name);
    const columns = info.map((c) => {
      const d = defined?.get(c.name) as { columnType: string; enumValues?: string[] } | undefined;
      const link = links.find((l) => l.from === c.name);
      const facts: ColumnFacts = {
        table: name,
        column: c.name,
        kind: kindOf(c.type, c.name, d),
        required: c.notnull === 1 || c.pk === 1,
        references: link ? `${link.table}.${link.to ?? 'id'}` : null,
        allowed: d?.enumValues?.length ? d.enumValues : allowedIn(sql, c.name),
      };
      return { ...facts, about: describeColumn(facts) };
    });
    const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number };
    out.push({ name, about: TABLES[name] ?? { en: '', pl: '' }, columns, count: n });
  }
  const schemaVersion = (sqlite.pragma('user_version', { simple: true }) as number) ?? 0;
  return { exportedAt: now.toISOString(), schemaVersion, tables: out };
}

/** A value as JSON holds it: a file's bytes as base64, everything else as stored. */
/** A file's bytes (the charity's logo): SQLite hands a BLOB back as a Buffer. */
const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;
const toJson = (v: unknown) => (isBytes(v) ? Buffer.from(v).toString('base64') : v);

const rowsOf = (db: ReadDb, table: string) =>
  db.$client.prepare(`SELECT * FROM "${table}"`).iterate() as IterableIterator<Record<string, unknown>>;

/**
 * The whole export as JSON, written piece by piece (a large charity's notes would not fit in one
 * string): every row as stored, and the dictionary. `onRow` is told each row, for progress.
 */
export function writeExportJson(
  db: ReadDb,
  e: FullExport,
  put: (piece: string) => void,
  onRow: () => void = () => {},
): void {
  put(`{"exportedAt":${JSON.stringify(e.exportedAt)},"schemaVersion":${e.schemaVersion},"tables":{`);
  e.tables.forEach((t, i) => {
    put(`${i ? ',' : ''}\n${JSON.stringify(t.name)}:[`);
    let first = true;
    for (const row of rowsOf(db, t.name)) {
      const plain = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toJson(v)]));
      put(`${first ? '' : ','}\n${JSON.stringify(plain)}`);
      first = false;
      onRow();
    }
    put(']');
  });
  const dictionary = e.tables.map((t) => ({
    table: t.name,
    about: t.about,
    columns: t.columns.map((c) => ({
      column: c.column,
      kind: c.kind,
      required: c.required,
      references: c.references,
      allowed: c.allowed,
      about: c.about,
    })),
  }));
  put(`},\n"dictionary":${JSON.stringify(dictionary, null, 1)}}\n`);
}

/** A cell: numbers as numbers, text cut at Excel's limit (the JSON file has it whole), a file as a note. */
function cell(v: unknown): { value: string | number } | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return { value: v };
  if (isBytes(v)) return { value: `(${v.length} bytes: see the JSON file)` };
  const s = String(v);
  return { value: s.length > CELL_MAX ? `${s.slice(0, CELL_MAX - 40)}… (cut: the JSON file has it whole)` : s };
}

/**
 * The whole export as a workbook: the data dictionary first (every column of every sheet, in English
 * and Polish), then one sheet per kind of record, its columns named as in the dictionary. Records
 * with more than `maxRows` rows in all get the dictionary and a "Read me" sheet instead: the JSON
 * file has every row.
 */
export async function exportWorkbook(
  db: ReadDb,
  e: FullExport,
  maxRows = WORKBOOK_ROWS_MAX,
): Promise<{ xlsx: Buffer; withRows: boolean }> {
  const bold = { fontWeight: 'bold' as const };
  const dictionary: SheetData = [
    ['Sheet / Arkusz', 'Column / Kolumna', 'Kind', 'Required', 'What it holds', 'Co zawiera'].map((value) => ({
      value,
      ...bold,
    })),
  ];
  for (const t of e.tables) {
    dictionary.push([{ value: t.name, ...bold }, null, null, null, { value: t.about.en }, { value: t.about.pl }]);
    for (const c of t.columns)
      dictionary.push([
        { value: t.name },
        { value: c.column },
        { value: c.kind },
        { value: c.required ? 'yes' : 'no' },
        { value: c.about.en },
        { value: c.about.pl },
      ]);
  }
  const sheets: Sheet<Buffer>[] = [{ sheet: 'Data dictionary', data: dictionary }];
  const withRows = e.tables.reduce((n, t) => n + t.count, 0) <= maxRows;
  if (!withRows) {
    const words = [
      `These records have more rows than a workbook can usefully hold (${maxRows.toLocaleString('en-GB')}). Every row is in the JSON file beside this one; this workbook holds the data dictionary.`,
      `Te dane mają więcej wierszy, niż skoroszyt może wygodnie pomieścić (${maxRows.toLocaleString('pl-PL')}). Wszystkie wiersze są w pliku JSON obok; ten skoroszyt zawiera słownik danych.`,
    ];
    sheets.push({ sheet: 'Read me', data: words.map((value) => [{ value }]) });
  } else
    for (const t of e.tables) {
      const header = t.columns.map((c) => ({ value: c.column, ...bold }));
      // Each row is turned into cells as it is read: a document's bytes are let go at once, never all held.
      const rows = Array.from(rowsOf(db, t.name), (r) => t.columns.map((c) => cell(r[c.column])));
      sheets.push({ sheet: t.name, data: [header, ...rows] });
    }
  return { xlsx: await writeXlsxFile(sheets).toBuffer(), withRows };
}
