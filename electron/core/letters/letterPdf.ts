import type { LetterContent } from '../../../shared/domain/letter';
import { letterDate } from '../../../shared/domain/letter';
import type { CharityLogo } from '../charity/queries';
import { atFootOfEveryPage, createPdf, fitToWidth, FONT, MM, oneLine } from '../pdf/pdfDocument';
import { letterTranslator } from './letters';

/**
 * Where things sit on the page, in millimetres from the top-left corner. The address block fits the
 * window of a DL or C5 windowed envelope (DIN 5008 form B / UK standard: 20 mm from the left,
 * 45–90 mm from the top, with a one-line return address at the top of the window); the fold marks
 * fold the sheet in three for a DL envelope.
 */
export const LETTER_LAYOUT = {
  left: 25,
  right: 20,
  top: 20,
  bottom: 21,
  letterheadTop: 12,
  logoBox: { width: 55, height: 24 },
  window: { left: 22, top: 45, width: 85, height: 45 },
  infoBlock: { left: 125, top: 50 },
  subjectTop: 98,
  folds: [105, 210],
  punch: 148.5,
} as const;

/** The recipient's type size and the step from one row to the next in the window (points). */
const ADDRESS_SIZE = 10.5;
const ADDRESS_STEP = 13;
/** Room above the recipient in the window for the one-line return address and its rule (points). */
const RETURN_ADDRESS_ROOM = 16;
/** No entry (a name and role, an agency's name, an address line) takes more rows than this. */
const ROWS_PER_ENTRY = 2;

/** Breaks text into rows no wider than `width`, at spaces, or inside a word longer than a row. */
function wrapRows(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tried = row ? `${row} ${word}` : word;
    if (doc.widthOfString(tried) <= width) {
      row = tried;
      continue;
    }
    if (row) rows.push(row);
    row = word;
    while (doc.widthOfString(row) > width) {
      let cut = row.length - 1;
      while (cut > 1 && doc.widthOfString(row.slice(0, cut)) > width) cut--;
      rows.push(row.slice(0, cut));
      row = row.slice(cut);
    }
  }
  if (row) rows.push(row);
  return rows;
}

/** A row that lost words after it: ends in "…", within `width`. */
const withEllipsis = (doc: PDFKit.PDFDocument, row: string, width: number) =>
  row.endsWith('…') ? row : fitToWidth(doc, `${row} …`, width).replace(/\s*…$/, '…');

/**
 * The recipient as it is printed in the envelope window: each entry wrapped to the window's width in
 * at most two rows, as many rows as the window holds below the return address. `shortened` says that
 * something did not fit (the row that lost words ends in "…"); the preview says so.
 */
export function windowRows(
  doc: PDFKit.PDFDocument,
  recipient: readonly string[],
): { rows: string[]; shortened: boolean } {
  const win = LETTER_LAYOUT.window;
  const width = win.width * MM;
  const room = Math.floor((win.height * MM - RETURN_ADDRESS_ROOM - ADDRESS_SIZE) / ADDRESS_STEP) + 1;
  doc.font(FONT.regular).fontSize(ADDRESS_SIZE);
  const rows: string[] = [];
  let shortened = false;
  for (const entry of recipient) {
    const wrapped = wrapRows(doc, entry, width);
    if (!wrapped.length) continue;
    const kept = wrapped.slice(0, ROWS_PER_ENTRY);
    if (wrapped.length > ROWS_PER_ENTRY) {
      kept[kept.length - 1] = withEllipsis(doc, kept[kept.length - 1]!, width);
      shortened = true;
    }
    for (const row of kept) {
      if (rows.length === room) {
        rows[room - 1] = withEllipsis(doc, rows[room - 1]!, width);
        return { rows, shortened: true };
      }
      rows.push(row);
    }
  }
  return { rows, shortened };
}

/** A document only for measuring text in the letter's fonts (the preview's address check). */
let measuring: { resourcesDir: string; doc: PDFKit.PDFDocument } | null = null;
export function addressShortened(resourcesDir: string, recipient: readonly string[]): boolean {
  if (measuring?.resourcesDir !== resourcesDir)
    measuring = { resourcesDir, doc: createPdf(resourcesDir, { title: '' }).doc };
  return windowRows(measuring.doc, recipient).shortened;
}

const GREY = '#555555';
const INK = '#111111';

/**
 * Renders a kept letter as an A4 PDF: letterhead and logo, the recipient in the envelope window, date
 * and reference, subject, body, signature; every page numbered, pages after the first repeat the
 * reference at the top. The same content always prints the same text.
 */
export async function renderLetterPdf(
  resourcesDir: string,
  content: LetterContent,
  logo: CharityLogo | null,
): Promise<Buffer> {
  const t = letterTranslator(content.language);
  const L = LETTER_LAYOUT;
  const { doc, done } = createPdf(
    resourcesDir,
    { title: content.subject, author: content.letterhead.name, createdAt: new Date(`${content.date}T12:00:00Z`) },
    { margins: { top: L.top * MM, bottom: L.bottom * MM, left: L.left * MM, right: L.right * MM }, bufferPages: true },
  );
  const pageWidth = doc.page.width;
  const left = L.left * MM;
  const width = pageWidth - left - L.right * MM;
  const head = content.letterhead;
  const dateText = letterDate(content.date, content.language);

  // Letterhead: the charity's name and details on the left, the logo on the right.
  const logoWidth = logo ? L.logoBox.width * MM : 0;
  const headWidth = width - logoWidth - (logo ? 8 : 0);
  doc
    .font(FONT.bold)
    .fontSize(15)
    .fillColor(INK)
    .text(head.name, left, L.letterheadTop * MM, { width: headWidth });
  const details = [
    head.address?.replace(/\s*\n\s*/g, ', '),
    [head.phone && t('letters.pdf.phone', { phone: head.phone }), head.email].filter(Boolean).join('   '),
  ]
    .filter(Boolean)
    .join('\n');
  if (details)
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(GREY)
      .text(details, left, doc.y + 1, { width: headWidth });
  if (logo) {
    try {
      doc.image(logo.data, pageWidth - L.right * MM - logoWidth, L.letterheadTop * MM, {
        fit: [logoWidth, L.logoBox.height * MM],
        align: 'right',
      });
    } catch {
      // A logo that cannot be drawn leaves the letter without it rather than without the letter.
    }
  }

  // The envelope window: a one-line return address, then the recipient.
  const win = L.window;
  const returnAddress = [head.name, head.address?.replace(/\s*\n\s*/g, ', ')].filter(Boolean).join(', ');
  doc.font(FONT.regular).fontSize(6.5).fillColor(GREY);
  oneLine(doc, returnAddress, win.left * MM, win.top * MM, win.width * MM);
  doc
    .moveTo(win.left * MM, win.top * MM + 9)
    .lineTo((win.left + win.width) * MM, win.top * MM + 9)
    .lineWidth(0.3)
    .strokeColor('#999999')
    .stroke();
  // Row by row, each at its own height: a wrapped name never runs into the agency's line.
  let y = win.top * MM + RETURN_ADDRESS_ROOM;
  for (const row of windowRows(doc, content.recipient).rows) {
    doc
      .font(FONT.regular)
      .fontSize(ADDRESS_SIZE)
      .fillColor(INK)
      .text(row, win.left * MM, y, { lineBreak: false });
    y += ADDRESS_STEP;
  }

  // Date and reference, to the right of the window.
  const info = L.infoBlock;
  const infoWidth = pageWidth - info.left * MM - L.right * MM;
  const infoLines: [string, string][] = [
    [t('letters.pdf.date'), dateText],
    [t('letters.pdf.ourReference'), content.reference],
  ];
  if (content.signatureName) infoLines.push([t('letters.pdf.contact'), content.signatureName]);
  y = info.top * MM;
  for (const [label, value] of infoLines) {
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .fillColor(GREY)
      .text(label, info.left * MM, y, { width: infoWidth });
    doc
      .font(FONT.regular)
      .fontSize(9.5)
      .fillColor(INK)
      .text(value, info.left * MM, doc.y, { width: infoWidth });
    y = doc.y + 5;
  }

  // Fold and punch marks on the left edge.
  for (const mm of [...L.folds, L.punch])
    doc
      .moveTo(4 * MM, mm * MM)
      .lineTo((mm === L.punch ? 9 : 7) * MM, mm * MM)
      .lineWidth(0.4)
      .strokeColor('#888888')
      .stroke();

  // Subject and body: pdfkit moves on to a new page when the body reaches the bottom margin.
  doc
    .font(FONT.bold)
    .fontSize(11.5)
    .fillColor(INK)
    .text(content.subject, left, L.subjectTop * MM, { width });
  doc.moveDown(0.9);
  // The closing words ("Yours sincerely,") stay on the same page as the signature below them.
  const bodyStyle = { width, lineGap: 2.5, paragraphGap: 0 };
  const paragraphs = content.body.split(/\n\s*\n/);
  const closing = paragraphs.length > 1 ? paragraphs.pop()! : '';
  doc.font(FONT.regular).fontSize(10.5).fillColor(INK).text(paragraphs.join('\n\n'), left, doc.y, bodyStyle);
  const line = doc.currentLineHeight(true);
  const signatureHeight = line * (2.2 + 2);
  const closingHeight = closing ? doc.heightOfString(closing, bodyStyle) + 10 : 0;
  const bottomLimit = doc.page.height - L.bottom * MM;
  if (doc.y + closingHeight + signatureHeight > bottomLimit) doc.addPage();
  if (closing) doc.text(closing, left, doc.y + 10, bodyStyle);
  doc.moveDown(2.2);
  if (content.signatureName)
    doc.font(FONT.bold).fontSize(10.5).fillColor(INK).text(content.signatureName, left, doc.y, { width });
  doc.font(FONT.regular).fontSize(10.5).fillColor(INK).text(head.name, left, doc.y, { width });

  // Footer on every page (14 mm from the foot: 7 mm into the 21 mm margin); on pages after the first, the reference at the top as well.
  const footer = [
    head.name,
    head.charityNumber && t('letters.pdf.charityNumber', { number: head.charityNumber }),
    head.phone && t('letters.pdf.phone', { phone: head.phone }),
  ]
    .filter(Boolean)
    .join('  ·  ');
  atFootOfEveryPage(
    doc,
    (page, total, footY) => {
      doc
        .moveTo(left, footY - 4)
        .lineTo(left + width, footY - 4)
        .lineWidth(0.3)
        .strokeColor('#bbbbbb')
        .stroke();
      doc.font(FONT.regular).fontSize(7.5).fillColor(GREY);
      oneLine(doc, footer, left, footY, width - 90);
      doc.text(t('letters.pdf.page', { page, total }), left + width - 90, footY, {
        width: 90,
        align: 'right',
        lineBreak: false,
      });
      if (page > 1) {
        const margins = doc.page.margins;
        const top = margins.top;
        margins.top = 0;
        doc.font(FONT.regular).fontSize(8).fillColor(GREY);
        oneLine(
          doc,
          `${head.name}  ·  ${t('letters.pdf.ourReference')} ${content.reference}  ·  ${dateText}`,
          left,
          10 * MM,
          width,
        );
        margins.top = top;
      }
    },
    (L.bottom - 14) * MM,
  );
  doc.end();
  return done;
}
