import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet would read as a formula: it starts with =, +, -, @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet will show as text, never run: a cell that would start a formula gets an
 * apostrophe in front (OWASP's advice for CSV injection). Numbers stay numbers.
 */
export function spreadsheetCell(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The one way Casebook writes CSV (the client list, the funder report, the audit trail): UTF-8 with
 * a byte-order mark (Excel then shows Polish letters right), Windows line ends, and every cell made
 * safe with `spreadsheetCell` (a client named "=HYPERLINK(…)" is a name, not a link).
 */
export function spreadsheetCsv(rows: (string | number)[][]): string {
  return '\uFEFF' + stringify(rows.map((row) => row.map(spreadsheetCell)), { record_delimiter: 'windows' });
}
