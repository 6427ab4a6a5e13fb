import type { Appointment } from '../../../shared/domain/appointment';
import { sessionDay } from '../../../shared/domain/programme';
import { letterTranslator } from '../letters/letters';
import { atFootOfEveryPage, createPdf, FONT, MM } from '../pdf/pdfDocument';

export interface DaySheetInput {
  language: string;
  charityName: string;
  date: string;
  /** One person's sheet (their name), or everyone's (null). */
  personName: string | null;
  appointments: Appointment[];
  createdAt: Date;
}

const PAD = 1.5 * MM;

/**
 * The day sheet: the day's appointments (not cancelled) under each person from the charity, in time
 * order, with who they are with, where (the room, the place, when to be back from a home visit) and
 * the note; appointments with an agency only are listed on their own. A row is as tall as its
 * longest cell and never split across pages; the column headings repeat on a new page; every page
 * says the sheet is confidential and which page of how many it is.
 */
export async function renderDaySheet(resourcesDir: string, input: DaySheetInput): Promise<Buffer> {
  const t = letterTranslator(input.language);
  const day = sessionDay(input.date, input.language);
  const { doc, done } = createPdf(
    resourcesDir,
    { title: t('diary.daySheetTitle', { date: day }), author: input.charityName, createdAt: input.createdAt },
    {
      margins: { top: 14 * MM, bottom: 22 * MM, left: 14 * MM, right: 14 * MM },
      bufferPages: true,
      orientation: 'landscape',
    },
  );
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom;
  const widths = [25, 32, 72, 64].map((w) => w * MM);
  widths.push(width - widths.reduce((a, b) => a + b, 0));
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const headings = [t('diary.time'), t('diary.kind'), t('diary.client'), t('diary.place'), t('diary.note')];

  doc.font(FONT.regular).fontSize(9).fillColor('#555').text(input.charityName, left, doc.page.margins.top, { width });
  doc
    .font(FONT.bold)
    .fontSize(17)
    .fillColor('#000')
    .text(t('diary.daySheetTitle', { date: day }), { width });
  if (input.personName) doc.font(FONT.regular).fontSize(11).text(input.personName, { width });
  doc.moveDown(0.6);

  const header = () => {
    const y = doc.y;
    doc
      .rect(left, y, width, 6.5 * MM)
      .fill('#e8eef5')
      .fillColor('#000');
    doc.font(FONT.bold).fontSize(8.5);
    headings.forEach((h, i) =>
      doc.text(h, xs[i]! + PAD, y + 1.8 * MM, { width: widths[i]! - 2 * PAD, lineBreak: false, ellipsis: true }),
    );
    doc.y = y + 6.5 * MM;
  };
  const newPage = () => {
    doc.addPage();
    doc.y = doc.page.margins.top;
    doc.font(FONT.regular).fontSize(8.5).fillColor('#555').text(day, left, doc.y, { width, lineBreak: false });
    doc.fillColor('#000');
    doc.y += 5 * MM;
  };
  const cellsOf = (a: Appointment): string[] => {
    const clients = a.clients.map((c) => `${c.name} (${c.reference})`);
    if (a.hiddenClients) clients.push(t('diary.hiddenClients', { count: a.hiddenClients }));
    const where = [
      a.room,
      a.place,
      a.agencyName ? (a.agencyContact ? `${a.agencyName}: ${a.agencyContact}` : a.agencyName) : null,
      a.backBy ? t('diary.expectedBack', { time: a.backBy }) : null,
    ].filter(Boolean);
    return [
      `${a.startsAt}–${a.endsAt}`,
      t(`diary.kinds.${a.kind}`),
      clients.join('\n'),
      where.join('\n'),
      a.note ?? '',
    ];
  };
  const row = (a: Appointment) => {
    const cells = cellsOf(a);
    doc.font(FONT.regular).fontSize(9);
    const height =
      Math.max(...cells.map((c, i) => (c ? doc.heightOfString(c, { width: widths[i]! - 2 * PAD }) : 0))) + 2 * PAD;
    if (doc.y + height > bottom) {
      newPage();
      header();
    }
    const y = doc.y;
    cells.forEach((c, i) => {
      if (c)
        doc
          .font(i === 0 ? FONT.bold : FONT.regular)
          .fontSize(9)
          .text(c, xs[i]! + PAD, y + PAD, { width: widths[i]! - 2 * PAD });
    });
    doc
      .lineWidth(0.5)
      .strokeColor('#999')
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .stroke();
    doc.y = y + height;
  };

  const shown = input.appointments.filter((a) => !a.cancelled);
  // Under each person, in the order of their names; then those with an agency only.
  const people = new Map<string, Appointment[]>();
  for (const a of shown) {
    const names = input.personName
      ? [input.personName]
      : a.staff.length
        ? a.staff.map((s) => s.name)
        : [t('diary.agency')];
    for (const name of names) people.set(name, [...(people.get(name) ?? []), a]);
  }
  if (people.size === 0) doc.font(FONT.regular).fontSize(10.5).text(t('diary.nothingBooked'), left, doc.y, { width });
  const names = [...people.keys()].sort((a, b) => a.localeCompare(b, input.language));
  for (const name of names) {
    if (doc.y + 22 * MM > bottom) newPage();
    if (!input.personName) {
      doc.moveDown(0.4);
      doc.font(FONT.bold).fontSize(12).fillColor('#000').text(name, left, doc.y, { width });
      doc.moveDown(0.2);
    }
    header();
    for (const a of people.get(name)!) row(a);
  }

  atFootOfEveryPage(doc, (page, total, y) => {
    doc.font(FONT.regular).fontSize(8).fillColor('#555');
    doc.text(t('diary.confidential'), left, y, { width: width - 30 * MM, height: 12 * MM });
    doc.text(t('letters.pdf.page', { page, total }), left + width - 30 * MM, y, {
      width: 30 * MM,
      align: 'right',
      lineBreak: false,
    });
  });
  doc.end();
  return done;
}
