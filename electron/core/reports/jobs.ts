import { eq } from 'drizzle-orm';
import type { FunderReport, FunderReportQuery } from '../../../shared/domain/report';
import { CasebookError } from '../../../shared/result';
import type { Db } from '../db/database';
import { programmes, users } from '../db/schema';
import type { Job, JobContext } from '../jobs/context';
import { writeFileAtomic } from '../storage/files';
import { funderReport } from './funderReport';
import { funderReportCsv, renderFunderReportPdf } from './reportFiles';

/** The report for the period asked, with the names of the programme or caseworker it is limited to. */
export function buildFunderReport(db: Db, q: FunderReportQuery): FunderReport {
  const programmeName = q.programmeId
    ? db.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, q.programmeId)).get()?.name
    : null;
  const caseworkerName = q.caseworkerId
    ? db.select({ name: users.name }).from(users).where(eq(users.id, q.caseworkerId)).get()?.name
    : null;
  if (programmeName === undefined) throw new CasebookError('NOT_FOUND', 'No such programme');
  if (caseworkerName === undefined) throw new CasebookError('NOT_FOUND', 'No such caseworker');
  return funderReport(db, q, { programmeName, caseworkerName });
}

export interface ReportDrawing {
  query: FunderReportQuery;
  format: 'pdf' | 'csv';
  language: string;
  nowIso: string;
}

/** Counts the report on the job's own connection and draws it as a file's bytes. */
async function drawFunderReport(ctx: JobContext, i: ReportDrawing): Promise<Uint8Array> {
  ctx.step('counting', 0);
  const report = buildFunderReport(ctx.records(), i.query);
  ctx.step('drawing', 0.6);
  return i.format === 'pdf'
    ? await renderFunderReportPdf(ctx.resourcesDir, report, i.language, new Date(i.nowIso))
    : Buffer.from(funderReportCsv(report, i.language), 'utf8');
}

/** The funder report: counted over the whole period on the job's own connection, and saved as a file or drawn for printing. */
export const reportJobs = {
  countFunderReport: ((ctx, q) => {
    ctx.step('counting', 0);
    return buildFunderReport(ctx.records(), q);
  }) as Job<FunderReportQuery, FunderReport>,

  saveFunderReport: (async (ctx, i) => {
    const data = await drawFunderReport(ctx, i);
    ctx.step('saving', 0.95);
    writeFileAtomic(i.path, data);
    return { path: i.path };
  }) as Job<ReportDrawing & { path: string }, { path: string }>,

  drawFunderReportPdf: ((ctx, i) => drawFunderReport(ctx, { ...i, format: 'pdf' })) as Job<
    Omit<ReportDrawing, 'format'>,
    Uint8Array
  >,
};
