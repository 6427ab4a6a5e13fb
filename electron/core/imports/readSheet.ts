import { parse } from 'csv-parse/sync';
import { readFileSync, statSync } from 'node:fs';
import { readSheet as readXlsx } from 'read-excel-file/node';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportEncoding,
  type ImportFileProblem,
} from '../../../shared/domain/clientImport';

/** A spreadsheet as text: its headings and rows, or what stops it being read. */
export type Sheet =
  | { ok: true; encoding: ImportEncoding | null; header: string[]; rows: string[][] }
  | { ok: false; encoding: ImportEncoding | null; problem: ImportFileProblem };

const fail = (problem: ImportFileProblem, encoding: ImportEncoding | null = null): Sheet => ({
  ok: false,
  encoding,
  problem,
});

/** A cell as text: dates as YYYY-MM-DD (Excel keeps them as dates), numbers as written. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v).trim();
}

/**
 * The text of a CSV file. A byte-order mark says which encoding it is; without one, "auto" takes
 * UTF-8 only if every byte is valid UTF-8: a file saved by Excel as "CSV (comma delimited)" on a
 * Polish or Western Windows is not, and guessing would write "³ódŸ" into client records. The person
 * then chooses the encoding (Central European or Western), seeing the names it gives.
 */
function decode(buf: Buffer, asked: ImportEncoding): { text: string; encoding: ImportEncoding } | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  const encoding = asked === 'auto' ? 'utf-8' : asked;
  try {
    return {
      text: new TextDecoder(encoding, { fatal: true }).decode(buf),
      encoding: asked === 'auto' ? 'auto' : encoding,
    };
  } catch {
    return null;
  }
}

/** The separator Excel used: a comma, or a semicolon where the comma is the decimal mark (Poland), or a tab. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outside = firstLine.replace(/"[^"]*"/g, '');
  const [best, count] = [',', ';', '\t']
    .map((d) => [d, outside.split(d).length - 1] as const)
    .reduce((a, b) => (b[1] > a[1] ? b : a));
  return count > 0 ? best : ',';
}

/** Drops rows with nothing in them and makes every row as wide as the headings. */
function tidy(all: string[][], encoding: ImportEncoding | null): Sheet {
  const filled = all.filter((r) => r.some((c) => c !== ''));
  if (filled.length < 2) return fail('empty', encoding);
  if (filled.length - 1 > IMPORT_MAX_ROWS) return fail('tooManyRows', encoding);
  const header = filled[0]!;
  const width = Math.max(header.length, ...filled.slice(1, 200).map((r) => r.length));
  const pad = (r: string[]) => (r.length >= width ? r : [...r, ...Array<string>(width - r.length).fill('')]);
  return { ok: true, encoding, header: pad(header), rows: filled.slice(1).map(pad) };
}

export function isSpreadsheet(path: string): 'xlsx' | 'csv' {
  return /\.xlsx$/i.test(path) ? 'xlsx' : 'csv';
}

/** Reads a CSV or XLSX file (the first sheet) as rows of text. */
export async function readSpreadsheet(path: string, encoding: ImportEncoding): Promise<Sheet> {
  let buf: Buffer;
  try {
    if (statSync(path).size > IMPORT_MAX_BYTES) return fail('tooBig');
    buf = readFileSync(path);
  } catch {
    return fail('unreadable');
  }
  if (isSpreadsheet(path) === 'xlsx') {
    try {
      const rows = (await readXlsx(buf)) as unknown[][];
      return tidy(
        rows.map((r) => r.map(cellText)),
        null,
      );
    } catch {
      return fail('unreadable');
    }
  }
  const decoded = decode(buf, encoding);
  if (!decoded) return fail('notUtf8', null);
  try {
    const rows = parse(decoded.text, {
      delimiter: delimiterOf(decoded.text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
    return tidy(rows, decoded.encoding);
  } catch {
    return fail('notCsv', decoded.encoding);
  }
}
