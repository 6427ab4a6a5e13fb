import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pngOf } from './png';

/**
 * Files as a charity would drop them in: a scanned letter as a PDF and a photo, each carrying
 * something distinctive, so a scan of the data folder or a backup can look for it in the clear.
 */

/** A one-page PDF whose page says `words` (written as plain text in the file, as many scanners' OCR layers are). */
export function scannedPdf(words: string): Buffer {
  const content = `BT /F1 20 Tf 72 760 Td (${words}) Tj ET\nBT /F1 12 Tf 72 730 Td (Housing Department, 1 Civic Square) Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A "photo": a PNG of noise from a seed, so its compressed bytes are like nothing else in the
 * records, and any 64 of them in a row are evidence the picture is there in the clear.
 */
export function photoPng(seed: number, width = 96, height = 64): Buffer {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) & 0xff;
  };
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let i = 1; i < row.length; i++) row[i] = next();
    rows.push(row);
  }
  return pngOf(width, height, Buffer.concat(rows));
}

/** Pieces of a file to look for: 64 bytes from a quarter, half and three quarters of the way in. */
export function telltales(file: Buffer): Buffer[] {
  return [0.25, 0.5, 0.75].map((f) => {
    const at = Math.min(Math.floor(file.length * f), Math.max(0, file.length - 64));
    return file.subarray(at, at + 64);
  });
}

/** Every file under `dir` (none when it is not there), read whole: what a byte scan looks through. */
export function everyFile(dir: string): { path: string; bytes: Buffer }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((path) => ({ path, bytes: readFileSync(path) }));
}
