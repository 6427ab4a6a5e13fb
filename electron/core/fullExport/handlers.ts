import { createTranslator } from '../../../shared/i18n';
import type { Work } from '../domain';
import type { Handlers } from '../rpc';
import { askWhereToSave } from '../storage/files';

/**
 * Everything the charity holds, for another system or its archive: a workbook and a JSON file beside
 * it, with a data dictionary. They are not encrypted: the screen says so before, and the audit trail
 * keeps that it was done.
 */
export function fullExportHandlers(cb: Work): Pick<Handlers, 'fullExport.everything'> {
  return {
    'fullExport.everything': ({ jobId }) =>
      cb.jobs.task(jobId, { cancellable: true }, async (task) => {
        const t = createTranslator(cb.language()).t;
        const s = cb.requireSignedIn();
        const day = cb.now().toISOString().slice(0, 10);
        const xlsxPath = await askWhereToSave(cb.platform, {
          title: t('fullExport.save'),
          defaultName: `${t('fullExport.fileName')} ${day}.xlsx`,
          filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        });
        const jsonPath = xlsxPath.replace(/\.xlsx$/i, '') + '.json';
        const done = await task.run(
          'writeFullExport',
          { xlsxPath, jsonPath, nowIso: cb.now().toISOString() },
          { records: { path: cb.paths.database, key: s.dbKey } },
        );
        cb.write((db, s) =>
          cb.audit(db, s, 'export.created', { detail: { what: 'everything', tables: done.tables, rows: done.rows } }),
        );
        return { xlsxPath, jsonPath, ...done };
      }),
  };
}
