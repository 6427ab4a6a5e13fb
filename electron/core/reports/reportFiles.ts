import { letterDate } from '../../../shared/domain/letter';
import type { FunderReport } from '../../../shared/domain/report';
import { cellText, reportTables, type ReportCell } from '../../../shared/domain/reportTables';
import { letterTranslator } from '../letters/letters';
import { atFootOfEveryPage, createPdf, FONT, MM, oneLine } from '../pdf/pdfDocument';
import { csvNumber, spreadsheetCsv } from '../storage/csv';

const period = (r: FunderReport, language: string) => `${letterDate(r.query.from, language)} – ${letterDate(r.query.to, language)}`;

function heading(r: FunderReport, language: string): string[] {
  const t = letterTranslator(language);
  return [
    r.charityName,
    t('report.title'),
    t('report.period', { period: period(r, language) }),
    ...(r.programmeName ? [t('report.onlyProgramme', { name: r.programmeName })] : []),
    ...(r.caseworkerName ? [t('report.onlyCaseworker', { name: r.caseworkerName })] : []),
  ];
}

/**
 * The report as CSV that Excel and LibreOffice open as they are: UTF-8 with a byte-order mark (so
 * "Łódź" stays "Łódź"), one block per table with its title and column names, numbers as numbers,
 * money in the charity's currency with two decimals, small groups as "<5".
 */
export function funderReportCsv(r: FunderReport, language: string): string {
  const csvCell = (c: ReportCell): string | number => (typeof c === 'string' || typeof c === 'number' ? c : 'money' in c ? csvNumber(c.money / 100, language, 2) : '<5');
  const rows: (string | number)[][] = heading(r, language).map((h) => [h]);
  for (const table of reportTables(r, letterTranslator(language), language)) {
    rows.push([], [table.title], table.columns, ...table.rows.map((row) => row.map(csvCell)));
    if (table.note) rows.push([table.note]);
  }
  return spreadsheetCsv(rows, language);
}

/** The report as an A4 PDF: the charity's name, the period and filters, then each table, page numbers at the foot. */
export async function renderFunderReportPdf(resourcesDir: string, r: FunderReport, language: string, createdAt: Date): Promise<Buffer> {
  const t = letterTranslator(language);
  const { doc, done } = createPdf(resourcesDir, { title: `${t('report.title')} – ${r.charityName}`, author: r.charityName, createdAt }, { margins: { top: 18 * MM, bottom: 20 * MM, left: 18 * MM, right: 18 * MM }, bufferPages: true });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const [charity, title, ...rest] = heading(r, language);
  doc.font(FONT.regular).fontSize(10).fillColor('#555').text(charity!, left, doc.page.margins.top, { width });
  doc.font(FONT.bold).fontSize(20).fillColor('#000').text(title!, { width });
  doc.font(FONT.regular).fontSize(11);
  for (const line of rest) doc.text(line, { width });
  doc.moveDown(0.5);

  const rowHeight = 6.2 * MM;
  for (const table of reportTables(r, t, language)) {
    const first = table.columns.length > 3 ? width * 0.34 : width * 0.5;
    const other = (width - first) / Math.max(1, table.columns.length - 1);
    const xOf = (i: number) => (i === 0 ? left : left + first + (i - 1) * other);
    const wOf = (i: number) => (i === 0 ? first : other);
    // Column headings are set smaller rather than broken inside a word ("Named att / endances").
    doc.font(FONT.bold);
    let headSize = 9;
    const longestWordFits = () => table.columns.every((c, i) => c.split(/\s+/).every((w) => doc.fontSize(headSize).widthOfString(w) <= wOf(i) - 3 * MM));
    while (headSize > 6.5 && !longestWordFits()) headSize -= 0.5;
    const sizeOf = (_bold: boolean, header: boolean) => (header ? headSize : 9);
    // A row is as tall as its longest cell: a long label wraps rather than running into the next row.
    const heightOf = (cells: string[], bold: boolean, header = false) => {
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(sizeOf(bold, header));
      return Math.max(rowHeight, ...cells.map((c, i) => doc.heightOfString(c, { width: wOf(i) - 3 * MM }) + 3.6 * MM));
    };
    const line = (cells: string[], bold: boolean, shade: string | null, header = false) => {
      const height = heightOf(cells, bold, header);
      if (doc.y + height > bottom()) doc.addPage();
      const y = doc.y;
      if (shade) doc.rect(left, y, width, height).fill(shade);
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(sizeOf(bold, header)).fillColor('#000');
      cells.forEach((c, i) => doc.text(c, xOf(i) + 1.5 * MM, y + 1.8 * MM, { width: wOf(i) - 3 * MM, align: i === 0 ? 'left' : 'right' }));
      doc.y = y + height;
      doc.x = left;
    };
    const rows = table.rows.map((row) => row.map((c) => cellText(c, r.currency, language)));
    // The table's title goes over to a new page with its heading row and first row, never alone.
    doc.font(FONT.bold).fontSize(12.5);
    const titleHeight = doc.currentLineHeight(true) * 0.8 + doc.heightOfString(table.title, { width });
    const firstRow = rows.length ? heightOf(rows[0]!, rows[0]![0] === t('report.total')) : heightOf([t('report.none')], false);
    if (doc.y + titleHeight + heightOf(table.columns, true, true) + firstRow > bottom()) doc.addPage();
    doc.moveDown(0.6);
    doc.font(FONT.bold).fontSize(12.5).fillColor('#1c4f7c').text(table.title, left, doc.y, { width });
    doc.moveDown(0.2);
    line(table.columns, true, '#e8eef5', true);
    if (table.rows.length === 0) line([t('report.none')], false, null);
    rows.forEach((row, i) => line(row, row[0] === t('report.total'), i % 2 ? '#f6f8fa' : null));
    if (table.note) {
      doc.moveDown(0.3);
      doc.font(FONT.regular).fontSize(8.5).fillColor('#444').text(table.note, left, doc.y, { width });
    }
  }

  atFootOfEveryPage(doc, (page, total, y) => {
    doc.font(FONT.regular).fontSize(8).fillColor('#555');
    oneLine(doc, `${r.charityName} · ${t('report.title')} · ${period(r, language)}`, left, y, width - 32 * MM);
    oneLine(doc, t('letters.pdf.page', { page, total }), left + width - 30 * MM, y, 30 * MM, 'right');
  }, 7 * MM);
  doc.end();
  return done;
}
