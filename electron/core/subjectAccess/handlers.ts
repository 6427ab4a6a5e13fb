import { localToday } from '../../../shared/clock';
import { createTranslator } from '../../../shared/i18n';
import type { Casebook } from '../casebook';
import type { Handlers } from '../rpc';
import { askWhereToSave, safeFileName, writeFileAtomic } from '../storage/files';
import { gatherAccessPack } from './pack';
import { renderAccessPackPdf } from './packPdf';
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
    'access.open': () => cb.read((db) => openAccessRequests(db)),
    /**
     * Gathers everything held about the client, asks where to save, and writes the readable PDF and,
     * beside it with the same name, the JSON. Both whole or not at all; recorded in the audit trail.
     */
    'access.savePack': async ({ id }) => {
      const language = cb.language();
      const t = createTranslator(language).t;
      const { request, pack } = cb.read((db, s) => {
        const request = requireAccessRequest(db, id);
        return { request, pack: gatherAccessPack(db, request.clientId, { id: s.user.id, name: s.user.name }, cb.now(), today()) };
      });
      const pdfPath = await askWhereToSave(cb.platform, {
        title: t('access.savePack'),
        defaultName: `${safeFileName(`${t('access.fileName')} ${request.clientReference} ${today()}`)}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      const jsonPath = /\.pdf$/i.test(pdfPath) ? pdfPath.replace(/\.pdf$/i, '.json') : `${pdfPath}.json`;
      const pdf = await renderAccessPackPdf(cb.resourcesDir, pack, request.receivedOn, language, cb.now());
      writeFileAtomic(jsonPath, JSON.stringify(pack, null, 2));
      writeFileAtomic(pdfPath, pdf);
      const requests = cb.write((db, s) => {
        markPackSaved(db, id, today());
        cb.audit(db, s, 'access.packSaved', { clientId: request.clientId, detail: { requestId: id } });
        return clientAccessRequests(db, request.clientId);
      });
      return { pdfPath, jsonPath, requests };
    },
    'access.answered': ({ id, answeredOn }) =>
      cb.write((db, s) => {
        const r = markAnswered(db, id, answeredOn);
        cb.audit(db, s, 'access.answered', { clientId: r.clientId, detail: { requestId: id, answeredOn } });
        return clientAccessRequests(db, r.clientId);
      }),
  };
}
