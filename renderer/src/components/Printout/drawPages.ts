import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** Pages are drawn for the printer at this many dots per inch: sharp text, a few hundred KB a page. */
const PRINTER_DOTS_PER_INCH = 200;
/** Pages of a document on file are drawn for the screen at this many: readable when zoomed to the width of the dialog. */
const SCREEN_DOTS_PER_INCH = 144;

/** The person pressed Stop while the pages were being drawn. */
export class DrawingStopped extends Error {}

/** Bytes sent from the core as base64 (a printout, a document on file). */
export function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Draws every page of a PDF, held in memory, as a picture: for the print dialog (the default), or
 * for the screen (a document on file, `{ for: 'screen' }`). Nothing is written to disk. The PDF is
 * read in pdf.js's own worker; each page is drawn in slices that leave the window free between
 * them. Answers with object URLs, which the caller revokes.
 */
export async function drawPages(
  pdfBase64: string,
  onPage: (done: number, total: number) => void,
  signal: AbortSignal,
  opts: { for: 'printer' | 'screen' } = { for: 'printer' },
): Promise<string[]> {
  const dotsPerInch = opts.for === 'printer' ? PRINTER_DOTS_PER_INCH : SCREEN_DOTS_PER_INCH;
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  // No forms, no scripts, nothing fetched. Casebook's own PDFs carry their fonts; a document from
  // outside that names a standard font without carrying it is drawn with the system's fonts.
  const task = pdfjs.getDocument({
    data: bytesOf(pdfBase64),
    enableXfa: false,
    stopAtErrors: true,
    useSystemFonts: opts.for === 'screen',
  });
  const urls: string[] = [];
  try {
    const doc = await task.promise;
    onPage(0, doc.numPages);
    const canvas = document.createElement('canvas');
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal.aborted) throw new DrawingStopped();
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: dotsPerInch / 72 });
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport, intent: opts.for === 'printer' ? 'print' : 'display' }).promise;
      const picture = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`Page ${n} could not be drawn`))), 'image/png'),
      );
      urls.push(URL.createObjectURL(picture));
      page.cleanup();
      onPage(n, doc.numPages);
    }
    canvas.width = canvas.height = 0;
    return urls;
  } catch (err) {
    for (const url of urls) URL.revokeObjectURL(url);
    throw err;
  } finally {
    await task.destroy();
  }
}
