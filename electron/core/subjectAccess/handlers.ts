import { reachOf } from '../clients/reach';
import { localToday } from '../../../shared/clock';
import { createTranslator } from '../../../shared/i18n';
import type { Casebook } from '../casebook';
import type { Handlers } from '../rpc';
import { askWhereToSave, safeFileName } from '../storage/files';
import { clientAccessRequests, markAnswered, markPackSaved, openAccessRequests, recordAccessRequest, requireAccessRequest } from './requests';

type AccessChannels = 'access.record' | 'access.forClient' | 'access.open' | 'access.savePack' | 'access.answered';

export function accessHandlers(cb: Casebook): Pick<Handlers, AccessChannels> {
  const today = () => localToday(cb.now());
  return {
    'access.record': (r) =>
      cb.write((db, s) => {
        const id = recordAccessRequest(db, r, s.user.id, cb.now());
        cb.audit(db, s, 'access.requested', { clientId: r.clientId, detail: { requestId: id, receivedOn: r.receivedOn } });
        return clientAccessRequests(db, r.clientId);
      }),
    'access.forClient': ({ clientId }) => cb.read((db) => clientAccessRequests(db, clientId)),
    'access.open': () => cb.read((db, s) => openAccessRequests(db, reachOf(s))),
    /**
     * Asks where to save; then, in a job worker beside the screens, gathers everything held about
     * the client and writes the readable PDF and, beside it with the same name, the JSON: both
     * whole or neither. Recorded in the audit trail once written. Can be stopped until then.
     */
    'access.savePack': ({ id, jobId }) =>
      cb.jobs.task(jobId, { cancellable: true }, async (task) => {
        const language = cb.language();
        const t = createTranslator(language).t;
        const { request, who, key } = cb.read((db, s) => ({ request: requireAccessRequest(db, id), who: { id: s.user.id, name: s.user.name }, key: s.dbKey }));
        const pdfPath = await askWhereToSave(cb.platform, {
          title: t('access.savePack'),
          defaultName: `${safeFileName(`${t('access.fileName')} ${request.clientReference} ${today()}`)}.pdf`,
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        });
        const jsonPath = /\.pdf$/i.test(pdfPath) ? pdfPath.replace(/\.pdf$/i, '.json') : `${pdfPath}.json`;
        await task.run(
          'writeAccessPack',
          { clientId: request.clientId, who, nowIso: cb.now().toISOString(), today: today(), receivedOn: request.receivedOn, language, pdfPath, jsonPath },
          { records: { path: cb.paths.database, key } },
        );
        const requests = cb.write((db, s) => {
          markPackSaved(db, id, today());
          cb.audit(db, s, 'access.packSaved', { clientId: request.clientId, detail: { requestId: id } });
          return clientAccessRequests(db, request.clientId);
        });
        return { pdfPath, jsonPath, requests };
      }),
    'access.answered': ({ id, answeredOn }) =>
      cb.write((db, s) => {
        const r = markAnswered(db, id, answeredOn);
        cb.audit(db, s, 'access.answered', { clientId: r.clientId, detail: { requestId: id, answeredOn } });
        return clientAccessRequests(db, r.clientId);
      }),
  };
}
