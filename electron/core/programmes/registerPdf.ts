import { AGE_BANDS } from '../../../shared/domain/ageBand';
import { sessionDay, type SessionRegister } from '../../../shared/domain/programme';
import { letterTranslator } from '../letters/letters';
import { atFootOfEveryPage, createPdf, FONT, MM, oneLine } from '../pdf/pdfDocument';

export interface RegisterSheetInput {
  language: string;
  charityName: string;
  register: SessionRegister;
  createdAt: Date;
}

/** Empty lines for people who come without being on the list, at least this many. */
const BLANK_ROWS = 6;
const ROW = 9 * MM;

/**
 * The paper register for a session: the programme, day, time, venue and facilitator; everyone on the
 * list (and walk-ins already marked) with a box to tick and room to sign; empty lines for walk-ins;
 * a box for the anonymous headcount by age band. People already marked present are ticked. Every page
 * repeats the column headings and says the sheet is confidential.
 */
export async function renderSessionRegister(resourcesDir: string, input: RegisterSheetInput): Promise<Buffer> {
  const t = letterTranslator(input.language);
  const { register } = input;
  const { session, programme } = register;
  const { doc, done } = createPdf(
    resourcesDir,
    {
      title: t('sessions.pdf.title', { programme: programme.name, date: session.heldOn }),
      author: input.charityName,
      createdAt: input.createdAt,
    },
    { margins: { top: 16 * MM, bottom: 22 * MM, left: 16 * MM, right: 16 * MM }, bufferPages: true },
  );
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom;

  const when = [
    sessionDay(session.heldOn, input.language),
    session.endsAt ? `${session.startsAt}–${session.endsAt}` : session.startsAt,
  ].join(', ');
  doc.font(FONT.regular).fontSize(9).fillColor('#555').text(input.charityName, left, doc.page.margins.top, { width });
  doc.font(FONT.bold).fontSize(18).fillColor('#000').text(t('sessions.pdf.heading'), { width });
  doc.font(FONT.bold).fontSize(13).text(programme.name, { width });
  doc.font(FONT.regular).fontSize(10.5).text(when, { width });
  const venue = session.venue ?? programme.venue;
  const details = [
    venue ? t('sessions.pdf.venue', { venue }) : null,
    session.facilitator ? t('sessions.pdf.facilitator', { name: session.facilitator }) : null,
  ]
    .filter(Boolean)
    .join('   ·   ');
  if (details) doc.text(details, { width });
  if (session.cancelled)
    doc
      .font(FONT.bold)
      .fillColor('#8a1c1c')
      .text(t('sessions.pdf.cancelled', { reason: session.cancelReason ?? '' }), { width })
      .fillColor('#000');
  doc.moveDown(0.8);

  // Columns: number, name, reference, present box, signature.
  const col = {
    n: left,
    name: left + 9 * MM,
    ref: left + 80 * MM,
    box: left + 112 * MM,
    sign: left + 128 * MM,
    end: left + width,
  };
  const header = () => {
    const y = doc.y;
    doc
      .rect(left, y, width, 7 * MM)
      .fill('#e8eef5')
      .fillColor('#000');
    doc.font(FONT.bold).fontSize(9);
    oneLine(doc, '#', col.n + 1 * MM, y + 2 * MM, 7 * MM);
    oneLine(doc, t('sessions.pdf.name'), col.name, y + 2 * MM, col.ref - col.name - 2 * MM);
    oneLine(doc, t('sessions.pdf.reference'), col.ref, y + 2 * MM, col.box - col.ref - 2 * MM);
    oneLine(doc, t('sessions.pdf.present'), col.box - 2 * MM, y + 2 * MM, col.sign - col.box + 2 * MM, 'center');
    oneLine(doc, t('sessions.pdf.signature'), col.sign, y + 2 * MM, col.end - col.sign);
    doc.y = y + 7 * MM;
  };
  const row = (i: number, name: string, reference: string, ticked: boolean, walkIn: boolean) => {
    if (doc.y + ROW > bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      doc.font(FONT.regular).fontSize(9).fillColor('#555');
      oneLine(doc, `${programme.name} · ${when}`, left, doc.y, width);
      doc.fillColor('#000');
      doc.y += 4 * MM;
      header();
    }
    const y = doc.y;
    doc
      .lineWidth(0.5)
      .strokeColor('#999')
      .moveTo(left, y + ROW)
      .lineTo(col.end, y + ROW)
      .stroke();
    doc.font(FONT.regular).fontSize(10).fillColor('#000');
    oneLine(doc, String(i), col.n + 1 * MM, y + 3 * MM, 7 * MM);
    // A walk-in's row carries "walked in" in small type under the name: the name and reference move up to make room.
    const lift = walkIn ? 1.6 * MM : 0;
    if (name) oneLine(doc, name, col.name, y + 3 * MM - lift, col.ref - col.name - 2 * MM);
    if (reference) {
      doc.fontSize(9);
      oneLine(doc, reference, col.ref, y + 3.2 * MM - lift, col.box - col.ref - 2 * MM);
    }
    if (walkIn) {
      doc.fontSize(7).fillColor('#444');
      oneLine(doc, t('sessions.pdf.walkIn'), col.name, y + 5.6 * MM, col.ref - col.name - 2 * MM);
      doc.fillColor('#000');
    }
    const bx = col.box + (col.sign - col.box) / 2 - 3 * MM;
    doc
      .lineWidth(0.8)
      .strokeColor('#000')
      .rect(bx, y + 1.8 * MM, 5.4 * MM, 5.4 * MM)
      .stroke();
    if (ticked)
      doc
        .font(FONT.bold)
        .fontSize(12)
        .text('✓', bx + 0.9 * MM, y + 1.9 * MM, { lineBreak: false });
    doc.y = y + ROW;
  };

  header();
  register.lines.forEach((l, i) => row(i + 1, l.name, l.reference, l.present, l.walkIn));
  // Lines for people who walk in, filling the page but never fewer than BLANK_ROWS.
  const start = register.lines.length + 1;
  const fit = Math.max(BLANK_ROWS, Math.floor((bottom - doc.y - 30 * MM) / ROW));
  for (let i = 0; i < fit; i++) row(start + i, '', '', false, false);

  // The anonymous headcount by age band.
  if (doc.y + 26 * MM > bottom) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
  doc.moveDown(1);
  doc.font(FONT.bold).fontSize(10.5).fillColor('#000').text(t('sessions.pdf.headcount'), left, doc.y, { width });
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor('#444')
    .text(t('sessions.pdf.headcountHint'), { width })
    .fillColor('#000');
  const y = doc.y + 2 * MM;
  const cell = width / AGE_BANDS.length;
  const counted = new Map(register.headcount.map((h) => [h.band, h.people]));
  AGE_BANDS.forEach((band, i) => {
    const x = left + i * cell;
    doc
      .lineWidth(0.6)
      .strokeColor('#000')
      .rect(x, y, cell, 14 * MM)
      .stroke();
    // A label a little too long for its cell ("Wiek nieznany") is set smaller rather than cut.
    let size = 8;
    doc.font(FONT.regular).fontSize(size);
    while (size > 6 && doc.widthOfString(t(`ageBands.${band}`)) > cell - 2 * MM) doc.fontSize((size -= 0.5));
    oneLine(doc, t(`ageBands.${band}`), x + 1 * MM, y + 1.2 * MM, cell - 2 * MM, 'center');
    const n = counted.get(band);
    if (n)
      doc
        .font(FONT.bold)
        .fontSize(12)
        .text(String(n), x, y + 6.5 * MM, { width: cell, align: 'center', lineBreak: false });
  });

  // Footer on every page: confidentiality and page numbers.
  atFootOfEveryPage(doc, (page, total, y) => {
    doc.font(FONT.regular).fontSize(8).fillColor('#555');
    doc.text(t('sessions.pdf.confidential'), left, y, { width: width - 30 * MM, lineBreak: true, height: 12 * MM });
    doc.text(t('letters.pdf.page', { page, total }), left + width - 30 * MM, y, {
      width: 30 * MM,
      align: 'right',
      lineBreak: false,
    });
  });
  doc.end();
  return done;
}
