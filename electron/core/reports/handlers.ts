import { eq } from 'drizzle-orm';
import type { FunderReportQuery } from '../../../shared/domain/report';
import { createTranslator } from '../../../shared/i18n';
import { CasebookError } from '../../../shared/result';
import type { Casebook } from '../casebook';
import type { Db } from '../db/database';
import { programmes, users } from '../db/schema';
import type { Handlers } from '../rpc';
import { askWhereToSave, writeFileAtomic } from '../storage/files';
import { funderReport } from './funderReport';
import { funderReportCsv, renderFunderReportPdf } from './reportFiles';

function build(db: Db, q: FunderReportQuery) {
  const programmeName = q.programmeId ? db.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, q.programmeId)).get()?.name : null;
  const caseworkerName = q.caseworkerId ? db.select({ name: users.name }).from(users).where(eq(users.id, q.caseworkerId)).get()?.name : null;
  if (programmeName === undefined) throw new CasebookError('NOT_FOUND', 'No such programme');
  if (caseworkerName === undefined) throw new CasebookError('NOT_FOUND', 'No such caseworker');
  return funderReport(db, q, { programmeName, caseworkerName });
}

export function reportHandlers(cb: Casebook): Pick<Handlers, 'reports.funder' | 'reports.savePdf' | 'reports.saveCsv'> {
  /** Asks where to save, writes the file whole or not at all, and records the export. */
  const save = async (q: FunderReportQuery, format: 'pdf' | 'csv') => {
    const language = cb.language();
    const report = cb.read((db) => build(db, q));
    const t = createTranslator(language).t;
    const path = await askWhereToSave(cb.platform, {
      title: t('report.save'),
      defaultName: `${t('report.fileName')} ${q.from} – ${q.to}.${format}`,
      filters: [{ name: format === 'pdf' ? 'PDF' : 'CSV', extensions: [format] }],
    });
    const data = format === 'pdf' ? await renderFunderReportPdf(cb.resourcesDir, report, language, cb.now()) : Buffer.from(funderReportCsv(report, language), 'utf8');
    writeFileAtomic(path, data);
    cb.write((db, s) => cb.audit(db, s, 'export.created', { detail: { what: 'funderReport', format, from: q.from, to: q.to } }));
    return { path };
  };
  return {
    'reports.funder': (q) => cb.read((db) => build(db, q)),
    'reports.savePdf': (q) => save(q, 'pdf'),
    'reports.saveCsv': (q) => save(q, 'csv'),
  };
}
