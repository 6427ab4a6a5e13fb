import { localToday } from '../../../shared/clock';
import { DIARY_MAX_DAYS } from '../../../shared/domain/appointment';
import { addDays } from '../../../shared/domain/caseload';
import { CasebookError } from '../../../shared/result';
import { requireClient } from '../clients/queries';
import { reachOf } from '../clients/reach';
import type { Records } from '../domain';
import type { Handlers } from '../rpc';
import {
  bookAppointments,
  cancelAppointment,
  changeAppointment,
  clientAppointments,
  clientsOf,
  listDiary,
  readAppointment,
  setOutcome,
} from './appointments';

type DiaryChannels =
  'diary.list' | 'diary.get' | 'diary.book' | 'diary.change' | 'diary.cancel' | 'diary.setOutcome' | 'diary.forClient';

export function diaryHandlers(cb: Records): Pick<Handlers, DiaryChannels> {
  const today = () => localToday(cb.now());
  return {
    'diary.list': (q) =>
      cb.read((db, s) => {
        if (q.to < q.from || q.to > addDays(q.from, DIARY_MAX_DAYS - 1))
          throw new CasebookError('BAD_INPUT', 'The diary shows at most six weeks at once', {
            fields: { to: 'endBeforeStart' },
          });
        return listDiary(db, q, reachOf(s));
      }),
    'diary.get': ({ id }) => cb.read((db, s) => readAppointment(db, id, reachOf(s))),
    'diary.book': ({ appointment, despiteClashes }) =>
      cb.write((db, s) => {
        const r = bookAppointments(db, appointment, despiteClashes, s.user.id, cb.now());
        for (const clientId of r.ids.length ? appointment.clientIds : [])
          cb.audit(db, s, 'appointment.booked', {
            clientId,
            detail: { appointmentIds: r.ids, kind: appointment.kind, clashes: r.clashes.length },
          });
        return r;
      }),
    'diary.change': ({ id, version, appointment, despiteClashes }) =>
      cb.write((db, s) => {
        const before = clientsOf(db, id);
        const clashes = changeAppointment(db, id, version, appointment, despiteClashes, cb.now());
        if (clashes) return { ids: [], clashes };
        for (const clientId of new Set([...before, ...appointment.clientIds]))
          cb.audit(db, s, 'appointment.changed', { clientId, detail: { appointmentId: id } });
        return { ids: [id], clashes: [] };
      }),
    'diary.cancel': (c) =>
      cb.write((db, s) => {
        const clients = clientsOf(db, c.id);
        const ids = cancelAppointment(db, c, cb.now());
        for (const clientId of clients)
          cb.audit(db, s, 'appointment.cancelled', { clientId, detail: { appointmentIds: ids } });
        return readAppointment(db, c.id, reachOf(s));
      }),
    'diary.setOutcome': (o) =>
      cb.write((db, s) => {
        setOutcome(db, o, s.user.id, cb.now());
        cb.audit(db, s, 'appointment.outcome', {
          clientId: o.clientId,
          detail: { appointmentId: o.id, outcome: o.outcome },
        });
        return readAppointment(db, o.id, reachOf(s));
      }),
    'diary.forClient': ({ clientId }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return clientAppointments(db, clientId, today());
      }),
  };
}
