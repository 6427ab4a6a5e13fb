/**
 * Makes every icon the installers need from the two drawings beside this file:
 * resources/icons/<size>x<size>.png (Linux, the window), casebook.ico (Windows), casebook.icns (macOS),
 * and the same three for Casebook backup files (backup-*.png, backup.ico, backup.icns).
 * Run after changing a drawing: `npm run icons` (needs Chromium), then commit the results.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/bridge/chromium';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'resources', 'icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Sizes Windows shows (Explorer, taskbar, Start, high-DPI): 256 is the largest an .ico holds. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** macOS element types holding PNG data, and the pixel size of each. */
export const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** A Windows icon file holding PNG images (Vista and later read PNG entries). */
export function buildIco(images: Map<number, Buffer>): Buffer {
  const sizes = ICO_SIZES.filter((s) => images.has(s));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const png = images.get(size)!;
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...sizes.map((s) => images.get(s)!)]);
}

/** A macOS icon file holding PNG images. */
export function buildIcns(images: Map<number, Buffer>): Buffer {
  const parts = ICNS_TYPES.filter(([, size]) => images.has(size)).map(([type, size]) => {
    const png = images.get(size)!;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const [drawing, prefix, base] of [
      ['icon.svg', '', 'casebook'],
      ['backup-icon.svg', 'backup-', 'backup'],
    ] as const) {
      const svg = readFileSync(join(__dirname, drawing), 'utf8');
      const images = new Map<number, Buffer>();
      for (const size of PNG_SIZES) {
        const page = await browser.newPage({ viewport: { width: size, height: size } });
        await page.setContent(
          `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
        );
        const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        await page.close();
        images.set(size, png);
        writeFileSync(join(OUT, `${prefix}${size}x${size}.png`), png);
      }
      writeFileSync(join(OUT, `${base}.ico`), buildIco(images));
      writeFileSync(join(OUT, `${base}.icns`), buildIcns(images));
    }
  } finally {
    await browser.close();
  }
  console.log(`Icons written to ${OUT}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
