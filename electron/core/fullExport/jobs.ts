import type { Job } from '../jobs/context';
import { writeFilesAtomic } from '../storage/files';
import { describeEverything, exportWorkbook, writeExportJson } from './fullExport';

export interface FullExportInput {
  xlsxPath: string;
  jsonPath: string;
  nowIso: string;
}

/**
 * Everything, in open formats, read on the job's own connection: the workbook first (in memory, or
 * the dictionary alone for very large records), then the JSON written row by row as it is read.
 * Both files are written whole or neither.
 */
export const fullExportJobs = {
  writeFullExport: (async (ctx, i) => {
    ctx.step('gathering', 0);
    const db = ctx.records();
    const everything = describeEverything(db, new Date(i.nowIso));
    const rows = everything.tables.reduce((n, t) => n + t.count, 0);
    ctx.step('drawing', 0.05);
    const { xlsx, withRows } = await exportWorkbook(db, everything);
    ctx.step('saving', 0.3);
    let done = 0;
    writeFilesAtomic([
      [i.xlsxPath, xlsx],
      [
        i.jsonPath,
        (put) =>
          writeExportJson(db, everything, put, () => {
            if (++done % 5_000 === 0) ctx.step('saving', 0.3 + (0.7 * done) / Math.max(rows, 1));
          }),
      ],
    ]);
    return { tables: everything.tables.length, rows, workbookHasRows: withRows };
  }) as Job<FullExportInput, { tables: number; rows: number; workbookHasRows: boolean }>,
};
