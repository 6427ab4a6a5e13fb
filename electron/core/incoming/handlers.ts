import { localToday } from '../../../shared/clock';
import type { Paper } from '../domain';
import { createTranslator } from '../../../shared/i18n';
import { getCharityLogo } from '../charity/queries';
import { addressShortened, renderLetterPdf } from '../letters/letterPdf';
import { askWhereToSavePdf, safeFileName, writeFileAtomic } from '../storage/files';
import { composeReply, keepReply, readReply } from './reply';
import type { Handlers } from '../rpc';
import {
  changeIncoming,
  declineIncoming,
  listIncoming,
  logIncoming,
  offerPlace,
  placesFree,
  readIncoming,
  setStillNeedDays,
  stillNeed,
  stillNeedDays,
  waitlist,
} from './incoming';

type IncomingChannels =
  | 'incoming.list'
  | 'incoming.get'
  | 'incoming.log'
  | 'incoming.change'
  | 'incoming.waitlist'
  | 'incoming.offer'
  | 'incoming.decline'
  | 'incoming.replyPreview'
  | 'incoming.replyKeep'
  | 'incoming.replySavePdf'
  | 'incoming.replyPrint'
  | 'incoming.stillNeed'
  | 'incoming.forProgramme'
  | 'incoming.setStillNeedDays';

export function incomingHandlers(cb: Paper): Pick<Handlers, IncomingChannels> {
  const today = () => localToday(cb.now());
  /** A kept reply, the charity's logo, and the name its file or print job goes by. */
  const replyOnFile = (id: number) =>
    cb.read((db) => {
      const content = readReply(db, id);
      return {
        pdf: () => renderLetterPdf(cb.resourcesDir, content, getCharityLogo(db)),
        fileName: safeFileName(`${content.subject} - ${content.reference} - ${content.date}`),
      };
    });
  return {
    'incoming.replyPreview': ({ id, templateId }) =>
      cb.read((db, s) => {
        const content = composeReply(db, id, templateId, s.user.id, today());
        return { ...content, addressShortened: addressShortened(cb.resourcesDir, content.recipient) };
      }),
    'incoming.replyKeep': ({ id, templateId, edits }) =>
      cb.write((db, s) => {
        const content = composeReply(db, id, templateId, s.user.id, today());
        const { droppedText: _, ...kept } = {
          ...content,
          subject: edits.subject,
          body: edits.body.replace(/\r\n/g, '\n'),
        };
        keepReply(db, id, kept, s.user.id, cb.now());
        cb.audit(db, s, 'incoming.replied', { detail: { incomingId: id, templateId } });
        return readIncoming(db, id, today());
      }),
    'incoming.replySavePdf': async ({ id }) => {
      const t = createTranslator(cb.language()).t;
      const { pdf, fileName } = replyOnFile(id);
      const path = await askWhereToSavePdf(cb.platform, t('letters.savePdf'), fileName);
      writeFileAtomic(path, await pdf());
      cb.write((db, s) => cb.audit(db, s, 'incoming.replySaved', { detail: { incomingId: id } }));
      return { path };
    },
    'incoming.replyPrint': async ({ id }) => {
      const { pdf, fileName } = replyOnFile(id);
      return cb.printouts.prepare(await pdf(), fileName, () =>
        cb.write((db, s) => cb.audit(db, s, 'incoming.replyPrinted', { detail: { incomingId: id } })),
      );
    },
    'incoming.list': (q) => cb.read((db) => listIncoming(db, q, today())),
    'incoming.get': ({ id }) => cb.read((db) => readIncoming(db, id, today())),
    'incoming.log': (referral) =>
      cb.write((db, s) => {
        const id = logIncoming(db, referral, s.user.id, cb.now());
        cb.audit(db, s, 'incoming.logged', { detail: { incomingId: id, source: referral.source } });
        return readIncoming(db, id, today());
      }),
    'incoming.change': ({ id, version, referral }) =>
      cb.write((db, s) => {
        changeIncoming(db, id, version, referral, cb.now());
        cb.audit(db, s, 'incoming.changed', { detail: { incomingId: id } });
        return readIncoming(db, id, today());
      }),
    'incoming.waitlist': (r) =>
      cb.write((db, s) => {
        waitlist(db, r, today(), cb.now());
        cb.audit(db, s, 'incoming.waitlisted', { detail: { incomingId: r.id, programmeId: r.programmeId } });
        return readIncoming(db, r.id, today());
      }),
    'incoming.offer': (r) =>
      cb.write((db, s) => {
        offerPlace(db, r, today(), cb.now());
        cb.audit(db, s, 'incoming.offered', { detail: { incomingId: r.id } });
        return readIncoming(db, r.id, today());
      }),
    'incoming.decline': (r) =>
      cb.write((db, s) => {
        declineIncoming(db, r, s.user.id, today(), cb.now());
        cb.audit(db, s, 'incoming.declined', { detail: { incomingId: r.id } });
        return readIncoming(db, r.id, today());
      }),
    'incoming.stillNeed': (r) =>
      cb.write((db, s) => {
        stillNeed(db, r, s.user.id, today(), cb.now());
        cb.audit(db, s, r.stillNeeds ? 'incoming.stillNeeds' : 'incoming.withdrawn', { detail: { incomingId: r.id } });
        return readIncoming(db, r.id, today());
      }),
    'incoming.forProgramme': ({ programmeId }) =>
      cb.read((db) => ({
        waiting: listIncoming(db, { show: 'waiting', programmeId }, today()).items,
        placesFree: placesFree(db, programmeId),
      })),
    'incoming.setStillNeedDays': ({ days }) =>
      cb.write((db, s) => {
        setStillNeedDays(db, days);
        cb.audit(db, s, 'settings.changed', { detail: { stillNeedDays: days } });
        return { days: stillNeedDays(db) };
      }),
  };
}
