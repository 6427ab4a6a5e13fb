import type { Job } from '../jobs/context';
import { writeFilesAtomic } from '../storage/files';
import { exportJson, exportWorkbook, readEverything } from './fullExport';

export interface FullExportInput {
  xlsxPath: string;
  jsonPath: string;
  nowIso: string;
}

/** Everything, in open formats: read on the job's own connection, written as a workbook and JSON, both or neither. */
export const fullExportJobs = {
  writeFullExport: (async (ctx, i) => {
    ctx.step('gathering', 0);
    const everything = readEverything(ctx.records(), new Date(i.nowIso));
    ctx.step('drawing', 0.3);
    const json = exportJson(everything);
    ctx.step('drawing', 0.4);
    const xlsx = await exportWorkbook(everything);
    ctx.step('saving', 0.9);
    writeFilesAtomic([
      [i.jsonPath, json],
      [i.xlsxPath, xlsx],
    ]);
    return {
      tables: everything.tables.length,
      rows: everything.tables.reduce((n, t) => n + t.rows.length, 0),
    };
  }) as Job<FullExportInput, { tables: number; rows: number }>,
};
