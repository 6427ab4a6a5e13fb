import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fonts, read and parsed once: every letter embeds them, and parsing their tables again for
 * each document was half the time of a letter (a profile of 50 letters). A parsed font is shared by
 * the documents; each still embeds only the letters it uses.
 */
const fonts = new Map<string, fontkit.Font>();
const fontAt = (path: string) => {
  let font = fonts.get(path);
  if (!font) fonts.set(path, (font = fontkit.create(readFileSync(path)) as fontkit.Font));
  // pdfkit takes a parsed font as well as a file (its types say only a file).
  return font as unknown as string;
};

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
  layout: {
    margins?: { top: number; bottom: number; left: number; right: number };
    bufferPages?: boolean;
    /** A wide table (the diary's day sheet) reads better across the page. */
    orientation?: 'portrait' | 'landscape';
  } = {},
): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const fontDir = join(resourcesDir, 'fonts');
  const doc = new PDFDocument({
    size: 'A4',
    layout: layout.orientation ?? 'portrait',
    margins: layout.margins ?? { top: 56, bottom: 56, left: 62, right: 62 },
    bufferPages: layout.bufferPages ?? false,
    font: fontAt(join(fontDir, 'DejaVuSans.ttf')),
    info: {
      Title: meta.title,
      Author: meta.author ?? 'Casebook',
      Creator: 'Casebook',
      Producer: 'Casebook',
      ...(meta.createdAt ? { CreationDate: meta.createdAt } : {}),
    },
    lang: undefined,
  });
  doc.registerFont(FONT.regular, fontAt(join(fontDir, 'DejaVuSans.ttf')));
  doc.registerFont(FONT.bold, fontAt(join(fontDir, 'DejaVuSans-Bold.ttf')));
  doc.registerFont(FONT.mono, fontAt(join(fontDir, 'DejaVuSansMono.ttf')));
  doc.font(FONT.regular);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/**
 * Writes at the foot of every page (page numbers, a line about the document) once it is laid out,
 * inside the bottom margin without starting a new page. The document must buffer its pages.
 */
export function atFootOfEveryPage(
  doc: PDFKit.PDFDocument,
  draw: (page: number, total: number, footY: number) => void,
  belowMargin = 6 * MM,
): void {
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const margins = doc.page.margins;
    const kept = margins.bottom;
    margins.bottom = 0;
    draw(p - range.start + 1, range.count, doc.page.height - kept + belowMargin);
    margins.bottom = kept;
  }
}

/** The text shortened with "…" so it fits `width` in the current font and size (whole when it fits). */
export function fitToWidth(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let end = text.length;
  while (end > 1 && doc.widthOfString(`${text.slice(0, end).trimEnd()}…`) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Draws text on one line of at most `width`, shortened with "…" if need be. pdfkit's own
 * `lineBreak: false` with a width still wraps (its ellipsis needs a height), and a wrapped line is
 * drawn over whatever is below it: every single-line place in every PDF goes through here.
 */
export function oneLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'center' | 'right' = 'left',
): void {
  const fitted = fitToWidth(doc, text.replace(/\s*\n\s*/g, ' '), width);
  const w = doc.widthOfString(fitted);
  const dx = align === 'center' ? (width - w) / 2 : align === 'right' ? width - w : 0;
  doc.text(fitted, x + dx, y, { lineBreak: false });
}
