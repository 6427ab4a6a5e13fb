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
 * How a spreadsheet in the interface's language reads a CSV file it is given: Excel takes the
 * separator and the decimal mark from the computer's region, and where the comma is the decimal
 * mark (Polish, and most of Europe) the separator is a semicolon.
 */
export function csvConventions(language: string): { delimiter: ',' | ';'; decimal: '.' | ',' } {
  return language === 'pl' ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' };
}

/** A number with the language's decimal mark (whole numbers as they are). */
export function csvNumber(n: number, language: string, fractionDigits?: number): string {
  const text = fractionDigits === undefined ? String(n) : n.toFixed(fractionDigits);
  return csvConventions(language).decimal === ',' ? text.replace('.', ',') : text;
}

/**
 * The one way Casebook writes CSV (the client list, the funder report, the audit trail): UTF-8 with
 * a byte-order mark (Excel then shows Polish letters right), Windows line ends, the separator and
 * decimal mark a spreadsheet in the interface's language expects, and every cell made safe with
 * `spreadsheetCell` (a client named "=HYPERLINK(…)" is a name, not a link).
 */
export function spreadsheetCsv(rows: (string | number)[][], language: string): string {
  const { delimiter } = csvConventions(language);
  const cell = (v: string | number) =>
    typeof v === 'number' && !Number.isInteger(v) ? csvNumber(v, language) : spreadsheetCell(v);
  return (
    '\uFEFF' +
    stringify(
      rows.map((row) => row.map(cell)),
      { record_delimiter: 'windows', delimiter },
    )
  );
}
