import type { ImportEncoding, ImportPreview, ImportTarget } from '../../../shared/domain/clientImport';
import type { Job } from '../jobs/context';
import { checkImport } from './imports';
import { readSpreadsheet } from './readSheet';

export interface ImportCheckInput {
  path: string;
  fileName: string;
  kind: 'csv' | 'xlsx';
  encoding: ImportEncoding;
  mapping: (ImportTarget | null)[] | null;
}

/** The import check: reads the spreadsheet and checks every row against the rules and the clients on file. */
export const importJobs = {
  checkImport: (async (ctx, i) => {
    ctx.step('readingFile', 0);
    const sheet = await readSpreadsheet(i.path, i.encoding);
    ctx.step('checkingRows', 0.2);
    const checked = checkImport(
      ctx.records(),
      sheet,
      { fileName: i.fileName, kind: i.kind },
      i.mapping,
      (done, total) => ctx.step('checkingRows', 0.2 + (0.8 * done) / total),
    );
    return checked.preview;
  }) as Job<ImportCheckInput, ImportPreview>,
};
