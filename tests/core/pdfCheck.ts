import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/**
 * One check of a PDF's text boxes that every PDF test calls: the text as a person reads it, and the
 * lines as poppler finds them on each page (`pdftotext -bbox-layout`), so text drawn over other text
 * (a wrapped line over the next one, a cell over a rule) is caught whatever the document is.
 */
export interface PdfLine {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Accepts a file or the PDF's bytes. */
function pathOf(pdf: string | Buffer): string {
  if (typeof pdf === 'string') return pdf;
  const path = join(mkdtempSync(join(tmpdir(), 'casebook-pdf-')), 'check.pdf');
  writeFileSync(path, pdf);
  return path;
}

/** The text as a person reads it; reading a whole PDF also checks that no text is drawn over other text. */
export function pdfText(pdf: string | Buffer, page?: number): string {
  if (page === undefined) expectNoOverlaps(pdf);
  return execFileSync(
    'pdftotext',
    ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), pathOf(pdf), '-'],
    { encoding: 'utf8' },
  );
}

/** Every line of text with its box, page by page (points from the top-left corner). */
export function pdfLines(pdf: string | Buffer): PdfLine[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pathOf(pdf), '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines: PdfLine[] = [];
  let page = 0;
  const re = /<page\b|<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0] === '<page') {
      page++;
      continue;
    }
    const words = [...m[5]!.matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => unescape(w[1]!));
    lines.push({
      page,
      text: words.join(' '),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    });
  }
  return lines;
}

/**
 * Pairs of lines on one page whose boxes cover each other by more than a sliver (poppler's boxes
 * include the font's ascent and descent, so touching lines of one paragraph share a point or so).
 */
export function overlappingLines(pdf: string | Buffer): string[] {
  const lines = pdfLines(pdf);
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!;
      const b = lines[j]!;
      if (a.page !== b.page) continue;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const shorter = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (dx > 1 && dy > Math.max(2, shorter * 0.25))
        found.push(`page ${a.page}: "${a.text.slice(0, 60)}" over "${b.text.slice(0, 60)}"`);
    }
  }
  return found;
}

/** What every PDF test asserts: no text drawn over other text. */
export function expectNoOverlaps(pdf: string | Buffer, what = 'PDF'): void {
  expect(overlappingLines(pdf), what).toEqual([]);
}

/**
 * The last line of text above the footer on each page but the last (`footerFrom`: points from the
 * top where the footer begins): a heading there stands alone, its text on the next page.
 */
export function pageEndings(pdf: string | Buffer, footerFrom: number): { page: number; text: string }[] {
  const lines = pdfLines(pdf);
  const pages = Math.max(...lines.map((l) => l.page));
  const endings: { page: number; text: string }[] = [];
  for (let page = 1; page < pages; page++) {
    const body = lines.filter((l) => l.page === page && l.yMax < footerFrom).sort((a, b) => a.yMin - b.yMin);
    endings.push({ page, text: body[body.length - 1]!.text });
  }
  return endings;
}
