import { localToday } from '../../../shared/clock';
import type { Records } from '../domain';
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
  | 'incoming.stillNeed'
  | 'incoming.forProgramme'
  | 'incoming.setStillNeedDays';

export function incomingHandlers(cb: Records): Pick<Handlers, IncomingChannels> {
  const today = () => localToday(cb.now());
  return {
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
