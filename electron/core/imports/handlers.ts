import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportEncoding, ImportTarget } from '../../../shared/domain/clientImport';
import { localToday } from '../../../shared/clock';
import { createTranslator } from '../../../shared/i18n';
import { CasebookError } from '../../../shared/result';
import type { Work } from '../domain';
import type { Handlers } from '../rpc';
import { checkImport, listImports, runImport, undoLastImport } from './imports';
import { isSpreadsheet, readSpreadsheet } from './readSheet';

type ImportChannels = 'imports.choose' | 'imports.preview' | 'imports.run' | 'imports.list' | 'imports.undo';

/** How many chosen files are remembered: the renderer names a file by a token, never by its path. */
const KEPT = 5;

export function importHandlers(cb: Work): Pick<Handlers, ImportChannels> {
  const chosen = new Map<string, string>();
  const pathOf = (token: string) => {
    const path = chosen.get(token);
    if (!path) throw new CasebookError('NOT_FOUND', 'That file is no longer open; choose it again');
    return path;
  };
  const check = async (token: string, encoding: ImportEncoding, mapping: (ImportTarget | null)[] | null) => {
    const path = pathOf(token);
    const sheet = await readSpreadsheet(path, encoding);
    return (db: Parameters<typeof checkImport>[0]) =>
      checkImport(db, sheet, { fileName: basename(path), kind: isSpreadsheet(path) }, mapping);
  };
  /** The check the person sees, in a job worker beside the screens (10,000 rows take seconds). */
  const preview = (
    jobId: string | undefined,
    token: string,
    encoding: ImportEncoding,
    mapping: (ImportTarget | null)[] | null,
  ) =>
    cb.jobs.task(jobId, { cancellable: true }, (task) => {
      const path = pathOf(token);
      const s = cb.requireSignedIn();
      return task.run(
        'checkImport',
        { path, fileName: basename(path), kind: isSpreadsheet(path), encoding, mapping },
        { records: { path: cb.paths.database, key: s.dbKey } },
      );
    });
  return {
    'imports.choose': async ({ jobId }) => {
      const t = createTranslator(cb.language()).t;
      const path = await cb.platform.chooseFile({
        title: t('imports.choose'),
        filters: [{ name: t('imports.spreadsheets'), extensions: ['csv', 'xlsx', 'txt'] }],
      });
      if (!path) throw new CasebookError('CANCELLED', 'No file was chosen');
      const token = randomBytes(12).toString('hex');
      chosen.set(token, path);
      for (const old of [...chosen.keys()].slice(0, Math.max(0, chosen.size - KEPT))) chosen.delete(old);
      return { token, preview: await preview(jobId, token, 'auto', null) };
    },
    'imports.preview': ({ token, encoding, mapping, jobId }) => preview(jobId, token, encoding, mapping),
    'imports.run': async ({ token, encoding, mapping, acceptProblems, duplicates, intakeDateForAll }) => {
      const checked = await check(token, encoding, mapping);
      return cb.write((db, s) => {
        // Checked again inside the transaction: the clients on file are the ones it is compared with.
        const result = runImport(
          db,
          checked(db),
          { acceptProblems, duplicates, intakeDateForAll },
          s.user.id,
          cb.now(),
          localToday(cb.now()),
        );
        cb.audit(db, s, 'clients.imported', {
          detail: {
            importId: result.importId,
            clients: result.imported,
            skippedProblems: result.skippedProblems,
            skippedDuplicates: result.skippedDuplicates,
          },
        });
        return {
          imported: result.imported,
          skippedProblems: result.skippedProblems,
          skippedDuplicates: result.skippedDuplicates,
          imports: listImports(db),
        };
      });
    },
    'imports.list': () => cb.read((db) => listImports(db)),
    'imports.undo': ({ id }) =>
      cb.write((db, s) => {
        const removed = undoLastImport(db, id, s.user.id, cb.now());
        cb.audit(db, s, 'clients.importUndone', { detail: { importId: id, clients: removed } });
        return listImports(db);
      }),
  };
}
