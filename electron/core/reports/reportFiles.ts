import { letterDate } from '../../../shared/domain/letter';
import type { FunderReport } from '../../../shared/domain/report';
import { cellText, reportTables, type ReportCell } from '../../../shared/domain/reportTables';
import { letterTranslator } from '../letters/letters';
import { atFootOfEveryPage, createPdf, FONT, MM, oneLine } from '../pdf/pdfDocument';
import { csvNumber, spreadsheetCsv } from '../storage/csv';

const period = (r: FunderReport, language: string) =>
  `${letterDate(r.query.from, language)} – ${letterDate(r.query.to, language)}`;

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
  const csvCell = (c: ReportCell): string | number =>
    typeof c === 'string' || typeof c === 'number' ? c : 'money' in c ? csvNumber(c.money / 100, language, 2) : '<5';
  const rows: (string | number)[][] = heading(r, language).map((h) => [h]);
  for (const table of reportTables(r, letterTranslator(language), language)) {
    rows.push([], [table.title], table.columns, ...table.rows.map((row) => row.map(csvCell)));
    if (table.note) rows.push([table.note]);
  }
  return spreadsheetCsv(rows, language);
}

interface ChartSeries {
  label: string;
  color: string;
  /** One value per category; undefined is a hidden group ("<5"), not drawn. */
  values: (number | undefined)[];
}

/**
 * A bar chart drawn as vector shapes (not a picture of the screen): stacked when there are several
 * series, a legend under the title, whole-number gridlines, a category's label under its bar.
 */
function drawBarChart(
  doc: PDFKit.PDFDocument,
  box: { x: number; y: number; w: number; h: number },
  title: string,
  categories: string[],
  series: ChartSeries[],
  hiddenNote: string,
): void {
  doc.font(FONT.bold).fontSize(10.5).fillColor('#1c4f7c').text(title, box.x, box.y, { width: box.w });
  let y = doc.y + 1.5 * MM;
  if (series.length > 1) {
    let x = box.x;
    doc.font(FONT.regular).fontSize(7.5);
    for (const s of series) {
      doc.rect(x, y + 1, 6, 6).fill(s.color);
      doc.fillColor('#333');
      oneLine(doc, s.label, x + 9, y, 40 * MM);
      x += 12 + doc.widthOfString(s.label) + 4 * MM;
    }
    y += 4.5 * MM;
  }
  const axis = 9 * MM;
  const plot = { x: box.x + axis, y, w: box.w - axis, h: box.y + box.h - y - 8 * MM };
  const totals = categories.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = Math.max(1, Math.ceil(max / 4));
  const top = step * Math.ceil(max / step);
  doc.font(FONT.regular).fontSize(7);
  for (let v = 0; v <= top; v += step) {
    const gy = plot.y + plot.h - (v / top) * plot.h;
    doc
      .moveTo(plot.x, gy)
      .lineTo(plot.x + plot.w, gy)
      .lineWidth(0.3)
      .strokeColor('#cccccc')
      .stroke();
    doc.fillColor('#666');
    oneLine(doc, String(v), box.x, gy - 3, axis - 2 * MM, 'right');
  }
  const slot = plot.w / Math.max(1, categories.length);
  const barW = Math.min(slot * 0.6, 18 * MM);
  categories.forEach((category, i) => {
    const bx = plot.x + i * slot + (slot - barW) / 2;
    let base = plot.y + plot.h;
    for (const s of series) {
      const v = s.values[i];
      if (!v) continue;
      const h = (v / top) * plot.h;
      doc.rect(bx, base - h, barW, h).fill(s.color);
      base -= h;
    }
    doc.fillColor('#444');
    oneLine(doc, category, plot.x + i * slot + 1, plot.y + plot.h + 1.5 * MM, slot - 2, 'center');
  });
  if (series.some((s) => s.values.some((v) => v === undefined))) {
    doc.font(FONT.regular).fontSize(6.5).fillColor('#666');
    oneLine(doc, hiddenNote, plot.x, plot.y + plot.h + 4.8 * MM, plot.w);
  }
  doc.x = box.x;
  doc.y = box.y + box.h;
}

/** The report as an A4 PDF: the charity's name, the period and filters, then each table, page numbers at the foot. */
export async function renderFunderReportPdf(
  resourcesDir: string,
  r: FunderReport,
  language: string,
  createdAt: Date,
): Promise<Buffer> {
  const t = letterTranslator(language);
  const { doc, done } = createPdf(
    resourcesDir,
    { title: `${t('report.title')} – ${r.charityName}`, author: r.charityName, createdAt },
    { margins: { top: 18 * MM, bottom: 20 * MM, left: 18 * MM, right: 18 * MM }, bufferPages: true },
  );
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const [charity, title, ...rest] = heading(r, language);
  doc.font(FONT.regular).fontSize(10).fillColor('#555').text(charity!, left, doc.page.margins.top, { width });
  doc.font(FONT.bold).fontSize(20).fillColor('#000').text(title!, { width });
  doc.font(FONT.regular).fontSize(11);
  for (const line of rest) doc.text(line, { width });
  doc.moveDown(0.5);

  // The charts the screen shows, from the same cells as the tables (a hidden group is not drawn).
  const all = reportTables(r, t, language);
  const byKey = (key: string) => all.find((x) => x.key === key)!;
  const num = (c: ReportCell | undefined) => (typeof c === 'number' ? c : undefined);
  const contacts = byKey('contacts').rows.filter((row) => row[0] !== t('report.total'));
  const outcomes = byKey('outcomes').rows;
  const ages = byKey('ages').rows.filter((row) => num(row[1]));
  const chartH = 52 * MM;
  const half = (width - 8 * MM) / 2;
  const chartsTop = doc.y + 2 * MM;
  if (contacts.length || outcomes.length) {
    drawBarChart(
      doc,
      { x: left, y: chartsTop, w: half, h: chartH },
      t('report.chartContacts'),
      contacts.map((row) => String(row[0])),
      [{ label: t('report.contactCount'), color: '#4c6ef5', values: contacts.map((row) => num(row[1])) }],
      t('report.chartHidden'),
    );
    drawBarChart(
      doc,
      { x: left + half + 8 * MM, y: chartsTop, w: half, h: chartH },
      t('report.chartOutcomes'),
      outcomes.map((row) => String(row[0])),
      [
        { label: t('report.improved'), color: '#12b886', values: outcomes.map((row) => num(row[1])) },
        { label: t('report.same'), color: '#adb5bd', values: outcomes.map((row) => num(row[2])) },
        { label: t('report.worse'), color: '#fa5252', values: outcomes.map((row) => num(row[3])) },
      ],
      t('report.chartHidden'),
    );
    doc.y = chartsTop + chartH + 3 * MM;
  }
  if (ages.length) {
    drawBarChart(
      doc,
      { x: left, y: doc.y, w: width, h: chartH },
      t('report.chartAges'),
      ages.map((row) => String(row[0])),
      [{ label: t('report.people'), color: '#be4bdb', values: ages.map((row) => num(row[1])) }],
      t('report.chartHidden'),
    );
    doc.y += 3 * MM;
  }

  const rowHeight = 6.2 * MM;
  for (const table of all) {
    const first = table.columns.length > 3 ? width * 0.34 : width * 0.5;
    const other = (width - first) / Math.max(1, table.columns.length - 1);
    const xOf = (i: number) => (i === 0 ? left : left + first + (i - 1) * other);
    const wOf = (i: number) => (i === 0 ? first : other);
    // Column headings are set smaller rather than broken inside a word ("Named att / endances").
    doc.font(FONT.bold);
    let headSize = 9;
    const longestWordFits = () =>
      table.columns.every((c, i) =>
        c.split(/\s+/).every((w) => doc.fontSize(headSize).widthOfString(w) <= wOf(i) - 3 * MM),
      );
    while (headSize > 6.5 && !longestWordFits()) headSize -= 0.5;
    // A row is as tall as its longest cell: a long label wraps rather than running into the next row.
    const heightOf = (cells: string[], bold: boolean, header = false) => {
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(header ? headSize : 9);
      return Math.max(rowHeight, ...cells.map((c, i) => doc.heightOfString(c, { width: wOf(i) - 3 * MM }) + 3.6 * MM));
    };
    const line = (cells: string[], bold: boolean, shade: string | null, header = false) => {
      const height = heightOf(cells, bold, header);
      if (doc.y + height > bottom()) doc.addPage();
      const y = doc.y;
      if (shade) doc.rect(left, y, width, height).fill(shade);
      doc
        .font(bold ? FONT.bold : FONT.regular)
        .fontSize(header ? headSize : 9)
        .fillColor('#000');
      cells.forEach((c, i) =>
        doc.text(c, xOf(i) + 1.5 * MM, y + 1.8 * MM, { width: wOf(i) - 3 * MM, align: i === 0 ? 'left' : 'right' }),
      );
      doc.y = y + height;
      doc.x = left;
    };
    const rows = table.rows.map((row) => row.map((c) => cellText(c, r.currency, language)));
    // The table's title goes over to a new page with its heading row and first row, never alone.
    doc.font(FONT.bold).fontSize(12.5);
    const titleHeight = doc.currentLineHeight(true) * 0.8 + doc.heightOfString(table.title, { width });
    const firstRow = rows.length
      ? heightOf(rows[0]!, rows[0]![0] === t('report.total'))
      : heightOf([t('report.none')], false);
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

  atFootOfEveryPage(
    doc,
    (page, total, y) => {
      doc.font(FONT.regular).fontSize(8).fillColor('#555');
      oneLine(doc, `${r.charityName} · ${t('report.title')} · ${period(r, language)}`, left, y, width - 32 * MM);
      oneLine(doc, t('letters.pdf.page', { page, total }), left + width - 30 * MM, y, 30 * MM, 'right');
    },
    7 * MM,
  );
  doc.end();
  return done;
}
