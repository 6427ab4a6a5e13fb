import { letterDate } from '../../../shared/domain/letter';
import { letterTranslator } from '../letters/letters';
import { atFootOfEveryPage, createPdf, FONT, MM, oneLine } from '../pdf/pdfDocument';
import type { AccessPack } from './pack';
import { accessPackSections, type PackEntry, type PackTable } from './packSections';

/**
 * The pack as an A4 PDF the person can read: who it is about and when it was prepared, then every
 * section with what is held (or "Nothing recorded"), and a confidentiality line and page numbers on
 * every page. In the interface language. `onProgress` hears how many of the entries are drawn (a long
 * job reports it, and may stop there).
 */
export async function renderAccessPackPdf(
  resourcesDir: string,
  pack: AccessPack,
  receivedOn: string,
  language: string,
  createdAt: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<Buffer> {
  const t = letterTranslator(language);
  const c = pack.record.client;
  const name = `${c.firstName} ${c.lastName}`;
  const { doc, done } = createPdf(
    resourcesDir,
    { title: t('subjectAccess.packTitle', { name }), author: pack.charityName, createdAt },
    { margins: { top: 18 * MM, bottom: 20 * MM, left: 18 * MM, right: 18 * MM }, bufferPages: true },
  );
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const room = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  doc.font(FONT.regular).fontSize(10).fillColor('#555').text(pack.charityName, left, doc.page.margins.top, { width });
  doc.font(FONT.bold).fontSize(19).fillColor('#000').text(t('subjectAccess.packTitle', { name }), { width });
  doc.font(FONT.regular).fontSize(10.5);
  doc.text(`${t('clients.reference')}: ${c.reference}`, { width });
  doc.text(t('subjectAccess.requestReceived', { date: letterDate(receivedOn, language) }), { width });
  doc.text(
    t('subjectAccess.preparedOn', { date: letterDate(pack.preparedAt.slice(0, 10), language), name: pack.preparedBy }),
    { width },
  );
  doc.moveDown(0.5);
  doc
    .fontSize(9.5)
    .fillColor('#333')
    .text(t('subjectAccess.intro', { charity: pack.charityName }), { width });

  const labelWidth = width * 0.32;
  const drawEntry = (e: PackEntry) => {
    doc.font(FONT.bold).fontSize(10.5);
    room(doc.heightOfString(e.title, { width }) + 8 * MM);
    doc.moveDown(0.4);
    doc.fillColor('#000').text(e.title, left, doc.y, { width });
    doc.moveDown(0.15);
    for (const [label, value] of e.fields) {
      doc.font(FONT.regular).fontSize(9.5);
      const h =
        Math.max(
          doc.heightOfString(label, { width: labelWidth - 2 * MM }),
          doc.heightOfString(value, { width: width - labelWidth }),
        ) +
        1.2 * MM;
      room(h);
      const y = doc.y;
      doc.fillColor('#555').text(label, left, y, { width: labelWidth - 2 * MM });
      doc.fillColor('#000').text(value, left + labelWidth, y, { width: width - labelWidth });
      doc.y = y + h;
    }
    for (const [label, text] of e.texts) {
      doc.font(FONT.bold).fontSize(9);
      room(doc.heightOfString(label, { width }) + 10 * MM);
      doc.fillColor('#555').text(label, left, doc.y + 0.8 * MM, { width });
      // Long notes run on over pages by themselves.
      doc.font(FONT.regular).fontSize(9.5).fillColor('#000').text(text, left, doc.y, { width });
    }
  };

  const drawTable = (table: PackTable) => {
    const total = table.widths.reduce((a, b) => a + b, 0);
    const widths = table.widths.map((w) => (w / total) * width);
    const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const row = (cells: string[], bold: boolean, shade: string | null) => {
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(8.5);
      const h =
        Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2.4 * MM }))) +
        2.6 * MM;
      if (doc.y + h > bottom()) doc.addPage();
      const y = doc.y;
      if (shade) doc.rect(left, y, width, h).fill(shade);
      doc
        .font(bold ? FONT.bold : FONT.regular)
        .fontSize(8.5)
        .fillColor('#000');
      cells.forEach((cell, i) => doc.text(cell, xs[i]! + 1.2 * MM, y + 1.3 * MM, { width: widths[i]! - 2.4 * MM }));
      doc.y = y + h;
      doc.x = left;
    };
    doc.moveDown(0.3);
    row(table.columns, true, '#e8eef5');
    table.rows.forEach((r, i) => row(r, false, i % 2 ? '#f6f8fa' : null));
  };

  const sections = accessPackSections(pack, t, language);
  const total = sections.reduce((n, s) => n + 1 + s.entries.length, 0);
  let drawn = 0;
  const drew = () => onProgress?.(++drawn, total);
  /** The height of what must follow a heading on the same page: a table's heading row and first row, or an entry's title and first line. */
  const firstBlock = (section: (typeof sections)[number]): number => {
    if (section.table && section.table.rows.length) {
      const total = section.table.widths.reduce((a, b) => a + b, 0);
      doc.font(FONT.bold).fontSize(8.5);
      const head = Math.max(
        ...section.table.columns.map((c, i) =>
          doc.heightOfString(c || ' ', { width: (section.table!.widths[i]! / total) * width - 2.4 * MM }),
        ),
      );
      doc.font(FONT.regular).fontSize(8.5);
      const first = Math.max(
        ...section.table.rows[0]!.map((c, i) =>
          doc.heightOfString(c || ' ', { width: (section.table!.widths[i]! / total) * width - 2.4 * MM }),
        ),
      );
      return head + first + 6 * MM;
    }
    const entry = section.entries[0];
    if (!entry) return 6 * MM;
    doc.font(FONT.bold).fontSize(10.5);
    return doc.heightOfString(entry.title, { width }) + 14 * MM;
  };
  for (const section of sections) {
    drew();
    // A section's heading never stands alone at the foot of a page: it goes over with what follows it.
    doc.font(FONT.bold).fontSize(13);
    room(doc.currentLineHeight(true) * 1.9 + doc.heightOfString(section.title, { width }) + firstBlock(section));
    doc.moveDown(0.9);
    doc.font(FONT.bold).fontSize(13).fillColor('#1c4f7c').text(section.title, left, doc.y, { width });
    const hasRows = section.table !== null && section.table.rows.length > 0;
    if (section.entries.length === 0 && !hasRows) {
      doc
        .font(FONT.regular)
        .fontSize(9.5)
        .fillColor('#555')
        .text(t('subjectAccess.nothing'), left, doc.y + 1 * MM, { width });
      continue;
    }
    for (const entry of section.entries) {
      drawEntry(entry);
      drew();
    }
    if (hasRows) drawTable(section.table!);
  }

  atFootOfEveryPage(
    doc,
    (page, total, y) => {
      doc.font(FONT.regular).fontSize(8).fillColor('#555');
      oneLine(doc, t('subjectAccess.footer', { name, reference: c.reference }), left, y, width - 32 * MM);
      oneLine(doc, t('letters.pdf.page', { page, total }), left + width - 30 * MM, y, 30 * MM, 'right');
    },
    7 * MM,
  );
  doc.end();
  return done;
}
