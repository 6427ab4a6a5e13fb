import type { Agency } from '../../../shared/domain/agency';
import { letterDate } from '../../../shared/domain/letter';
import { letterTranslator } from '../letters/letters';
import { createPdf, FONT, MM } from '../pdf/pdfDocument';

export interface AgencySheetInput {
  /** The language of the person it is handed to. */
  language: string;
  charity: { name: string; phone: string | null };
  agency: Pick<Agency, 'name' | 'services' | 'address' | 'phone' | 'email' | 'website' | 'howToRefer'>;
  date: string;
  createdAt: Date;
}

/**
 * The sheet handed to someone signposted elsewhere: where to go, in their language, with how to
 * reach the agency and how to ask for help there, and who gave it to them. It names nobody: it is
 * about the agency, so it is not a record to keep or erase.
 */
export async function renderAgencySheet(resourcesDir: string, input: AgencySheetInput): Promise<Buffer> {
  const t = letterTranslator(input.language);
  const a = input.agency;
  const { doc, done } = createPdf(resourcesDir, {
    title: t('signposting.sheetTitle', { agency: a.name }),
    author: input.charity.name,
    createdAt: input.createdAt,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(FONT.regular).fontSize(10).fillColor('#555').text(input.charity.name, { width });
  doc.moveDown(1.2);
  doc.font(FONT.regular).fontSize(12).fillColor('#000').text(t('signposting.sheetIntro'), { width });
  doc.moveDown(0.4);
  doc.font(FONT.bold).fontSize(22).text(a.name, { width });
  doc.moveDown(0.8);
  const rows: [string, string | null][] = [
    [t('signposting.sheetServices'), a.services],
    [t('signposting.sheetAddress'), a.address],
    [t('signposting.sheetPhone'), a.phone],
    [t('signposting.sheetEmail'), a.email],
    [t('signposting.sheetWebsite'), a.website],
    [t('signposting.sheetHowTo'), a.howToRefer],
  ];
  for (const [label, value] of rows) {
    if (!value) continue;
    doc.font(FONT.bold).fontSize(11).fillColor('#1f4e79').text(label, { width });
    doc.font(FONT.regular).fontSize(13).fillColor('#000').text(value, { width });
    doc.moveDown(0.7);
  }
  doc.moveDown(1);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.5)
    .strokeColor('#999')
    .stroke();
  doc.moveDown(0.6);
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor('#333')
    .text(
      t('signposting.sheetGivenBy', {
        charity: input.charity.name,
        date: letterDate(input.date, input.language),
      }) + (input.charity.phone ? ` ${t('signposting.sheetCallUs', { phone: input.charity.phone })}` : ''),
      { width },
    );
  doc.y += 2 * MM;
  doc.end();
  return done;
}
