import type { FunderReportQuery } from '../../../shared/domain/report';
import { createTranslator } from '../../../shared/i18n';
import type { Work } from '../domain';
import type { Handlers } from '../rpc';
import { askWhereToSave } from '../storage/files';

type Query = FunderReportQuery & { jobId?: string };

/** The funder report, counted and saved in a job worker beside the screens. */
export function reportHandlers(
  cb: Work,
): Pick<Handlers, 'reports.funder' | 'reports.savePdf' | 'reports.saveCsv' | 'reports.print'> {
  const records = () => {
    const s = cb.requireSignedIn();
    return { path: cb.paths.database, key: s.dbKey };
  };
  /** Asks where to save, writes the file whole or not at all, and records the export. */
  const save = (input: Query, format: 'pdf' | 'csv') =>
    cb.jobs.task(input.jobId, { cancellable: true }, async (task) => {
      const { jobId: _, ...query } = input;
      const language = cb.language();
      const t = createTranslator(language).t;
      cb.requireSignedIn();
      const path = await askWhereToSave(cb.platform, {
        title: t('report.save'),
        defaultName: `${t('report.fileName')} ${query.from} – ${query.to}.${format}`,
        filters: [{ name: format === 'pdf' ? 'PDF' : 'CSV', extensions: [format] }],
      });
      await task.run(
        'saveFunderReport',
        { query, format, path, language, nowIso: cb.now().toISOString() },
        { records: records() },
      );
      cb.write((db, s) =>
        cb.audit(db, s, 'export.created', { detail: { what: 'funderReport', format, from: query.from, to: query.to } }),
      );
      return { path };
    });
  return {
    'reports.funder': ({ jobId, ...query }) =>
      cb.jobs.task(jobId, { cancellable: true }, (task) =>
        task.run('countFunderReport', query, { records: records() }),
      ),
    'reports.savePdf': (q) => save(q, 'pdf'),
    'reports.saveCsv': (q) => save(q, 'csv'),
    'reports.print': ({ jobId, ...query }) =>
      cb.jobs.task(jobId, { cancellable: true }, async (task) => {
        const language = cb.language();
        const t = createTranslator(language).t;
        const pdf = await task.run(
          'drawFunderReportPdf',
          { query, language, nowIso: cb.now().toISOString() },
          { records: records() },
        );
        return cb.printouts.prepare(pdf, `${t('report.fileName')} ${query.from} – ${query.to}`, () =>
          cb.write((db, s) => cb.audit(db, s, 'report.printed', { detail: { from: query.from, to: query.to } })),
        );
      }),
  };
}
