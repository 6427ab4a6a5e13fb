import { localeOf, type UiLanguage } from '../../../shared/domain/languages';
import { createTranslator } from '../../../shared/i18n';
import { createPdf, FONT } from '../pdf/pdfDocument';

export interface RecoverySheetInput {
  language: UiLanguage;
  charityName: string;
  adminName: string;
  groups: string[];
  createdOn: Date;
}

/** The one-page recovery sheet: the key in large numbered groups, and what to do with it. */
export async function renderRecoverySheet(resourcesDir: string, input: RecoverySheetInput): Promise<Buffer> {
  const t = createTranslator(input.language).t;
  const { doc, done } = createPdf(resourcesDir, { title: t('recoverySheet.title'), author: input.charityName });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  const date = new Intl.DateTimeFormat(localeOf(input.language), { dateStyle: 'long' }).format(input.createdOn);

  doc.font(FONT.bold).fontSize(22).text(t('recoverySheet.title'));
  doc.moveDown(0.3);
  doc
    .font(FONT.regular)
    .fontSize(12)
    .text(t('recoverySheet.for', { charity: input.charityName }));
  doc
    .fontSize(10)
    .fillColor('#444')
    .text(t('recoverySheet.created', { date, name: input.adminName }))
    .fillColor('#000');
  doc.moveDown(1.2);

  // The key: a framed box, two rows of four numbered groups.
  const boxTop = doc.y;
  const boxHeight = 132;
  doc.lineWidth(1.5).roundedRect(left, boxTop, width, boxHeight, 8).stroke('#1c4f7c');
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor('#1c4f7c')
    .text(t('recoverySheet.keyHeading'), left + 16, boxTop + 12);
  doc.fillColor('#000');
  const colWidth = (width - 32) / 4;
  input.groups.forEach((group, i) => {
    const x = left + 16 + (i % 4) * colWidth;
    const y = boxTop + 38 + Math.floor(i / 4) * 46;
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor('#666')
      .text(String(i + 1), x, y, { width: colWidth });
    doc
      .font(FONT.mono)
      .fontSize(20)
      .fillColor('#000')
      .text(group, x, y + 10, { width: colWidth, characterSpacing: 1 });
  });
  doc.x = left;
  doc.y = boxTop + boxHeight + 24;

  const section = (title: string, lines: string[]) => {
    doc.font(FONT.bold).fontSize(13).text(title, left, doc.y, { width });
    doc.moveDown(0.3);
    doc.font(FONT.regular).fontSize(11);
    for (const line of lines) doc.text(line, { width, paragraphGap: 4 });
    doc.moveDown(0.8);
  };
  section(t('recoverySheet.whatTitle'), [t('recoverySheet.what')]);
  section(t('recoverySheet.keepTitle'), [
    `•  ${t('recoverySheet.keep1')}`,
    `•  ${t('recoverySheet.keep2')}`,
    `•  ${t('recoverySheet.keep3')}`,
  ]);
  section(t('recoverySheet.useTitle'), [t('recoverySheet.use')]);
  doc.font(FONT.regular).fontSize(9).fillColor('#555').text(t('recoverySheet.replaced'), { width });
  doc.end();
  return done;
}
