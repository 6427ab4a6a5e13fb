import { reachOf } from '../clients/reach';
import { localToday } from '../../../shared/clock';
import { createTranslator } from '../../../shared/i18n';
import type { TFunction } from 'i18next';
import type { Work } from '../domain';
import type { Handlers } from '../rpc';
import { rememberSavedFile } from '../savedFiles/savedFiles';
import { askWhereToSavePdf, safeFileName } from '../storage/files';
import {
  clientAccessRequests,
  markAnswered,
  markPackSaved,
  openAccessRequests,
  recordAccessRequest,
  requireAccessRequest,
} from './requests';

type AccessChannels =
  | 'subjectAccess.record'
  | 'subjectAccess.forClient'
  | 'subjectAccess.open'
  | 'subjectAccess.savePack'
  | 'subjectAccess.printPack'
  | 'subjectAccess.answered';

export function accessHandlers(cb: Work): Pick<Handlers, AccessChannels> {
  const today = () => localToday(cb.now());
  /** What the job needs to gather a request's pack in its worker. */
  const packFor = (id: number) => {
    const language = cb.language();
    return cb.read((db, s) => {
      const request = requireAccessRequest(db, id);
      const input = {
        clientId: request.clientId,
        who: { id: s.user.id, name: s.user.name },
        nowIso: cb.now().toISOString(),
        today: today(),
        receivedOn: request.receivedOn,
        language,
      };
      return { request, input, key: s.dbKey };
    });
  };
  /** The name a pack's file (or print job) goes by. */
  const packName = (t: TFunction, reference: string) =>
    safeFileName(`${t('subjectAccess.fileName')} ${reference} ${today()}`);
  /** The pack was saved (to `paths`) or printed: the request shows it as made, and the trail records it. */
  const packMade = (
    id: number,
    clientId: number,
    action: 'access.packSaved' | 'access.packPrinted',
    paths: string[] = [],
  ) =>
    cb.write((db, s) => {
      markPackSaved(db, id, today());
      cb.audit(db, s, action, { clientId, detail: { requestId: id } });
      if (paths.length) rememberSavedFile(db, 'accessPack', paths, [clientId], s.user.id, cb.now());
      return clientAccessRequests(db, clientId);
    });
  return {
    'subjectAccess.record': (r) =>
      cb.write((db, s) => {
        const id = recordAccessRequest(db, r, s.user.id, cb.now());
        cb.audit(db, s, 'access.requested', {
          clientId: r.clientId,
          detail: { requestId: id, receivedOn: r.receivedOn },
        });
        return clientAccessRequests(db, r.clientId);
      }),
    'subjectAccess.forClient': ({ clientId }) => cb.read((db) => clientAccessRequests(db, clientId)),
    'subjectAccess.open': () => cb.read((db, s) => openAccessRequests(db, reachOf(s))),
    /**
     * Asks where to save; then, in a job worker beside the screens, gathers everything held about
     * the client and writes the readable PDF and, beside it with the same name, the JSON: both
     * whole or neither. Recorded in the audit trail once written. Can be stopped until then.
     */
    'subjectAccess.savePack': ({ id, jobId }) =>
      cb.jobs.task(jobId, { cancellable: true }, async (task) => {
        const t = createTranslator(cb.language()).t;
        const { request, input, key } = packFor(id);
        const pdfPath = await askWhereToSavePdf(
          cb.platform,
          t('subjectAccess.savePack'),
          packName(t, request.clientReference),
        );
        const base = pdfPath.replace(/\.pdf$/i, '');
        const jsonPath = `${base}.json`;
        const documentsDir = `${base} - ${t('subjectAccess.documentsFolder')}`;
        const { documentPaths } = await task.run(
          'writeAccessPack',
          { ...input, pdfPath, jsonPath, documentsDir },
          { records: { path: cb.paths.database, key } },
        );
        const requests = packMade(id, request.clientId, 'access.packSaved', [pdfPath, jsonPath, ...documentPaths]);
        return { pdfPath, jsonPath, requests };
      }),
    /** The readable pack for the print dialog; once printed, the request's pack counts as made. */
    'subjectAccess.printPack': ({ id, jobId }) =>
      cb.jobs.task(jobId, { cancellable: true }, async (task) => {
        const t = createTranslator(cb.language()).t;
        const { request, input, key } = packFor(id);
        const pdf = await task.run('drawAccessPackPdf', input, { records: { path: cb.paths.database, key } });
        return cb.printouts.prepare(pdf, packName(t, request.clientReference), () =>
          packMade(id, request.clientId, 'access.packPrinted'),
        );
      }),
    'subjectAccess.answered': ({ id, answeredOn }) =>
      cb.write((db, s) => {
        const r = markAnswered(db, id, answeredOn);
        cb.audit(db, s, 'access.answered', { clientId: r.clientId, detail: { requestId: id, answeredOn } });
        return clientAccessRequests(db, r.clientId);
      }),
  };
}
