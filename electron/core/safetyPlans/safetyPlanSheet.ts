import type { SafetyPlan } from '../../../shared/domain/safetyPlan';
import { letterDate } from '../../../shared/domain/letter';
import { letterTranslator } from '../letters/letters';
import { createPdf, FONT } from '../pdf/pdfDocument';

export interface SafetyPlanSheetInput {
  /** The language of the page (the template's); Casebook's own words fall back to English. */
  language: string;
  charityName: string;
  clientName: string;
  plan: SafetyPlan;
  /** From the charity's safety plan page template, merged: the heading, and the footer lines (the first is the emergency line). */
  heading: string;
  footer: string[];
}

/**
 * The one-page safety plan the client takes home: their warning signs, what they can do, how to keep
 * safe, and who to ring, numbers large. Text is shrunk step by step until it fits on one page.
 */
export async function renderSafetyPlanSheet(resourcesDir: string, input: SafetyPlanSheetInput): Promise<Buffer> {
  const t = letterTranslator(input.language);
  const formatDate = letterDate;
  const { plan } = input;
  const { doc, done } = createPdf(resourcesDir, {
    title: t('safetyPlan.sheetTitle', { name: input.clientName }),
    author: input.charityName,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom;

  const sections: [string, string][] = [
    [t('safetyPlan.warningSigns'), plan.warningSigns],
    [t('safetyPlan.copingSteps'), plan.copingSteps],
    ...(plan.keepingSafe ? ([[t('safetyPlan.keepingSafe'), plan.keepingSafe]] as [string, string][]) : []),
  ];

  // Find the largest body size at which everything fits on one page.
  const heightAt = (size: number) => {
    doc.font(FONT.regular).fontSize(size);
    let h = 0;
    for (const [, text] of sections) h += size * 1.6 + doc.heightOfString(text, { width: width - 16 }) + size;
    h += size * 1.6 + plan.contacts.length * (size * 2.4) + 40;
    return h;
  };
  const headerHeight = 80 + input.footer.length * 13 + 10;
  let size = 14;
  while (size > 7 && heightAt(size) > bottom - doc.page.margins.top - headerHeight) size -= 0.5;

  doc.font(FONT.bold).fontSize(20).fillColor('#000').text(input.heading, left, doc.page.margins.top, { width });
  doc.font(FONT.regular).fontSize(13).text(input.clientName, { width });
  doc
    .fontSize(9)
    .fillColor('#444')
    .text(
      t('safetyPlan.sheetDates', {
        agreed: formatDate(plan.agreedOn, input.language),
        review: formatDate(plan.reviewOn, input.language),
      }),
      { width },
    );
  doc.fillColor('#000').moveDown(0.8);

  for (const [title, text] of sections) {
    doc
      .font(FONT.bold)
      .fontSize(size + 1)
      .fillColor('#1c4f7c')
      .text(title, left, doc.y, { width });
    doc
      .font(FONT.regular)
      .fontSize(size)
      .fillColor('#000')
      .text(text, left + 8, doc.y + 2, { width: width - 16 });
    doc.moveDown(0.8);
  }

  doc
    .font(FONT.bold)
    .fontSize(size + 1)
    .fillColor('#1c4f7c')
    .text(t('safetyPlan.contacts'), left, doc.y, { width });
  doc.moveDown(0.3);
  for (const c of plan.contacts) {
    const y = doc.y;
    doc
      .font(FONT.regular)
      .fontSize(size)
      .fillColor('#000')
      .text(c.role ? `${c.name} (${c.role})` : c.name, left + 8, y, { width: width * 0.6 });
    if (c.phone)
      doc
        .font(FONT.bold)
        .fontSize(size + 3)
        .text(c.phone, left + width * 0.6, y - 2, { width: width * 0.4, align: 'right' });
    doc.x = left;
    doc.y = Math.max(doc.y, y + size * 1.6) + size * 0.5;
  }

  // The footer: who to ring at the charity, and the emergency number, always at the bottom.
  const [emergency, ...rest] = input.footer;
  // Laid out from the foot up with the real height of each (a long line wraps, never over the next).
  doc.font(FONT.regular).fontSize(9);
  const heights = rest.map((line) => doc.heightOfString(line, { width }));
  let y = bottom - heights.reduce((a, b) => a + b, 0) - 4;
  if (emergency) {
    doc.font(FONT.bold).fontSize(11);
    const h = doc.heightOfString(emergency, { width });
    doc.fillColor('#8a1c1c').text(emergency, left, y - h - 6, { width });
  }
  rest.forEach((line, i) => {
    doc.font(FONT.regular).fontSize(9).fillColor('#444').text(line, left, y, { width });
    y += heights[i]!;
  });
  doc.end();
  return done;
}
