import { randomUUID } from 'node:crypto';
import { CasebookError } from '../../../shared/result';
import type { Printout } from '../../../shared/domain/printout';
import type { Platform } from '../platform';

/** How many printouts may wait for their print dialog at once (a few screens' worth). */
const KEEP = 8;

/**
 * Printouts made and not yet printed: what to record once each is printed. The bytes go to the
 * window and are not kept here; locking forgets them all.
 */
export class Printouts {
  private readonly waiting = new Map<string, () => void>();

  /** Keeps what to record when it is printed; answers with what the window needs to draw it. */
  prepare(pdf: Uint8Array, title: string, onPrinted: () => void): Printout {
    const printId = randomUUID();
    this.waiting.set(printId, onPrinted);
    for (const old of this.waiting.keys()) {
      if (this.waiting.size <= KEEP) break;
      this.waiting.delete(old);
    }
    return { printId, title, pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64') };
  }

  /**
   * Opens the system's print dialog for the pages the window has drawn. CANCELLED when the person
   * closes it; PRINT_FAILED when the printer refuses. A printout can be printed more than once.
   */
  async print(platform: Platform, printId: string): Promise<void> {
    const onPrinted = this.waiting.get(printId);
    if (!onPrinted) throw new CasebookError('NOT_FOUND', 'That printout is no longer ready: make it again');
    if ((await platform.printPage()) === 'cancelled')
      throw new CasebookError('CANCELLED', 'The print dialog was closed');
    onPrinted();
  }

  forget(): void {
    this.waiting.clear();
  }
}
