import { eq } from 'drizzle-orm';
import type { FunderReport, FunderReportQuery } from '../../../shared/domain/report';
import { CasebookError } from '../../../shared/result';
import type { Db } from '../db/database';
import { programmes, users } from '../db/schema';
import type { Job } from '../jobs/context';
import { writeFileAtomic } from '../storage/files';
import { funderReport } from './funderReport';
import { funderReportCsv, renderFunderReportPdf } from './reportFiles';

/** The report for the period asked, with the names of the programme or caseworker it is limited to. */
export function buildFunderReport(db: Db, q: FunderReportQuery): FunderReport {
  const programmeName = q.programmeId ? db.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, q.programmeId)).get()?.name : null;
  const caseworkerName = q.caseworkerId ? db.select({ name: users.name }).from(users).where(eq(users.id, q.caseworkerId)).get()?.name : null;
  if (programmeName === undefined) throw new CasebookError('NOT_FOUND', 'No such programme');
  if (caseworkerName === undefined) throw new CasebookError('NOT_FOUND', 'No such caseworker');
  return funderReport(db, q, { programmeName, caseworkerName });
}

export interface ReportFileInput {
  query: FunderReportQuery;
  format: 'pdf' | 'csv';
  path: string;
  language: string;
  nowIso: string;
}

/** The funder report: counted over the whole period on the job's own connection, and saved as a file. */
export const reportJobs = {
  countFunderReport: ((ctx, q) => {
    ctx.step('counting', 0);
    return buildFunderReport(ctx.records(), q);
  }) as Job<FunderReportQuery, FunderReport>,

  saveFunderReport: (async (ctx, i) => {
    ctx.step('counting', 0);
    const report = buildFunderReport(ctx.records(), i.query);
    ctx.step('drawing', 0.6);
    const data = i.format === 'pdf' ? await renderFunderReportPdf(ctx.resourcesDir, report, i.language, new Date(i.nowIso)) : Buffer.from(funderReportCsv(report, i.language), 'utf8');
    ctx.step('saving', 0.95);
    writeFileAtomic(i.path, data);
    return { path: i.path };
  }) as Job<ReportFileInput, { path: string }>,
};
