import PDFDocument from 'pdfkit';
import { join } from 'node:path';

export const FONT = { regular: 'Body', bold: 'Bold', mono: 'Mono' } as const;

/** Points per millimetre: letter layouts are measured in millimetres, like the envelopes they go in. */
export const MM = 72 / 25.4;

/**
 * An A4 document with the shipped DejaVu fonts embedded (they cover Polish and other Latin-script
 * letters). Built fonts only: the standard PDF fonts cannot print "ł".
 */
export function createPdf(
  resourcesDir: string,
  meta: { title: string; author?: string; createdAt?: Date },
  layout: { margins?: { top: number; bottom: number; left: number; right: number }; bufferPages?: boolean } = {},
): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const fonts = join(resourcesDir, 'fonts');
  const doc = new PDFDocument({
    size: 'A4',
    margins: layout.margins ?? { top: 56, bottom: 56, left: 62, right: 62 },
    bufferPages: layout.bufferPages ?? false,
    font: join(fonts, 'DejaVuSans.ttf'),
    info: { Title: meta.title, Author: meta.author ?? 'Casebook', Creator: 'Casebook', Producer: 'Casebook', ...(meta.createdAt ? { CreationDate: meta.createdAt } : {}) },
    lang: undefined,
  });
  doc.registerFont(FONT.regular, join(fonts, 'DejaVuSans.ttf'));
  doc.registerFont(FONT.bold, join(fonts, 'DejaVuSans-Bold.ttf'));
  doc.registerFont(FONT.mono, join(fonts, 'DejaVuSansMono.ttf'));
  doc.font(FONT.regular);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
