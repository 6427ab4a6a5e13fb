import { localToday } from '../../../shared/clock';
import { DIARY_MAX_DAYS } from '../../../shared/domain/appointment';
import { addDays } from '../../../shared/domain/caseload';
import { CasebookError } from '../../../shared/result';
import { requireClient } from '../clients/queries';
import { isWithinReach, reachOf } from '../clients/reach';
import { markTexted, textsToSend } from './texts';
import { sql } from 'drizzle-orm';
import type { Appointment, SafetyAlerts } from '../../../shared/domain/appointment';
import { contactDetailsWithheld } from '../clients/contactDetails';
import type { Db, ReadDb } from '../db/database';
import type { Paper, SignedIn } from '../domain';
import { createTranslator } from '../../../shared/i18n';
import { getCharity } from '../charity/queries';
import { rememberSavedFile } from '../savedFiles/savedFiles';
import { askWhereToSavePdf, safeFileName, writeFileAtomic } from '../storage/files';
import { renderDaySheet } from './daySheet';
import { backSafely, loneWorkingSteps, markAlertRaised, overdueVisits, setLoneWorkingSteps } from './homeVisits';
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
  | 'diary.list'
  | 'diary.get'
  | 'diary.book'
  | 'diary.change'
  | 'diary.cancel'
  | 'diary.setOutcome'
  | 'diary.forClient'
  | 'diary.safetyAlerts'
  | 'diary.backSafely'
  | 'diary.setLoneWorkingSteps'
  | 'diary.myDetails'
  | 'diary.setMyDetails'
  | 'diary.textsToSend'
  | 'diary.markTexted'
  | 'diary.daySheetPdf'
  | 'diary.daySheetPrint';

/**
 * An appointment as this reader sees it: a volunteer who may not see clients' contact details sees
 * a home visit's place (the client's address) only when they are one of the visitors.
 */
const asSeen =
  (s: SignedIn) =>
  (a: Appointment): Appointment =>
    contactDetailsWithheld(s) && a.kind === 'homeVisit' && !a.staff.some((x) => x.id === s.user.id)
      ? { ...a, place: null }
      : a;

export function diaryHandlers(cb: Paper): Pick<Handlers, DiaryChannels> {
  /** The day sheet: the day's appointments under each person, as the reader may see them. */
  const daySheet = async (q: { date: string; staffId: number | null }) => {
    const language = cb.language();
    const { appointments, charity, personName } = cb.read((db, s) => ({
      appointments: listDiary(
        db,
        { from: q.date, to: q.date, staffId: q.staffId, includeCancelled: false },
        reachOf(s),
      ),
      charity: getCharity(db),
      personName:
        q.staffId === null
          ? null
          : (db.get<{ name: string } | undefined>(sql`SELECT name FROM users WHERE id = ${q.staffId}`)?.name ?? null),
    }));
    const t = createTranslator(language).t;
    return {
      pdf: await renderDaySheet(cb.resourcesDir, {
        language,
        charityName: charity.name,
        date: q.date,
        personName,
        appointments,
        createdAt: cb.now(),
      }),
      fileName: safeFileName(`${t('diary.daySheetFileName')} - ${personName ? `${personName} - ` : ''}${q.date}`),
      detail: { date: q.date, staffId: q.staffId, appointments: appointments.length },
      clientIds: [...new Set(appointments.flatMap((a) => a.clients.map((c) => c.clientId)))],
    };
  };
  const today = () => localToday(cb.now());
  /**
   * The visits overdue now. The first time one is seen overdue, the alert is recorded in the audit
   * trail against each client (once: the visit remembers it was raised).
   */
  const alerts = (db: Db, s: SignedIn): SafetyAlerts => {
    const visits = overdueVisits(db, cb.now());
    const fresh = visits.filter((v) => !v.alertRaised);
    if (fresh.length) {
      markAlertRaised(
        db,
        fresh.map((v) => v.appointmentId),
        cb.now(),
      );
      for (const v of fresh)
        for (const c of v.clients)
          cb.audit(db, s, 'visit.alertRaised', {
            clientId: c.clientId,
            detail: { appointmentId: v.appointmentId, visitors: v.visitors.map((x) => x.id), backBy: v.backBy },
          });
    }
    return { visits: visits.map(({ alertRaised: _, ...v }) => v), steps: loneWorkingSteps(db) };
  };
  const myDetails = (db: ReadDb, userId: number) =>
    db.get<{ phone: string | null; reminderMinutes: number }>(
      sql`SELECT phone, reminder_minutes AS reminderMinutes FROM users WHERE id = ${userId}`,
    );
  return {
    'diary.list': (q) =>
      cb.read((db, s) => {
        if (q.to < q.from || q.to > addDays(q.from, DIARY_MAX_DAYS - 1))
          throw new CasebookError('BAD_INPUT', 'The diary shows at most six weeks at once', {
            fields: { to: 'endBeforeStart' },
          });
        return listDiary(db, q, reachOf(s)).map(asSeen(s));
      }),
    'diary.get': ({ id }) => cb.read((db, s) => asSeen(s)(readAppointment(db, id, reachOf(s)))),
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
        return asSeen(s)(readAppointment(db, c.id, reachOf(s)));
      }),
    'diary.setOutcome': (o) =>
      cb.write((db, s) => {
        setOutcome(db, o, s.user.id, cb.now());
        cb.audit(db, s, 'appointment.outcome', {
          clientId: o.clientId,
          detail: { appointmentId: o.id, outcome: o.outcome },
        });
        return asSeen(s)(readAppointment(db, o.id, reachOf(s)));
      }),
    'diary.safetyAlerts': () => {
      // Read first: a write (and its audit entry) happens only when an alert is new.
      const visits = cb.read((db) => overdueVisits(db, cb.now()));
      if (visits.some((v) => !v.alertRaised)) return cb.write(alerts);
      return cb.read((db) => ({
        visits: visits.map(({ alertRaised: _, ...v }) => v),
        steps: loneWorkingSteps(db),
      }));
    },
    'diary.backSafely': ({ id }) =>
      cb.write((db, s) => {
        for (const clientId of backSafely(db, id, s.user.id, cb.now()))
          cb.audit(db, s, 'visit.backSafely', { clientId, detail: { appointmentId: id } });
        return alerts(db, s);
      }),
    'diary.setLoneWorkingSteps': ({ steps }) =>
      cb.write((db, s) => {
        setLoneWorkingSteps(db, steps);
        cb.audit(db, s, 'settings.changed', { detail: { fields: ['loneWorkingSteps'] } });
        return alerts(db, s);
      }),
    'diary.textsToSend': () =>
      cb.read((db, s) => {
        const reach = reachOf(s);
        return textsToSend(db, today()).filter((x) => reach === null || isWithinReach(db as Db, reach, x.clientId));
      }),
    'diary.markTexted': ({ appointmentId, clientId }) =>
      cb.write((db, s) => {
        markTexted(db, appointmentId, clientId, cb.now());
        cb.audit(db, s, 'appointment.texted', { clientId, detail: { appointmentId } });
        const reach = reachOf(s);
        return textsToSend(db, today()).filter((x) => reach === null || isWithinReach(db, reach, x.clientId));
      }),
    'diary.daySheetPdf': async (q) => {
      const sheet = await daySheet(q);
      const t = createTranslator(cb.language()).t;
      const path = await askWhereToSavePdf(cb.platform, t('diary.daySheetSave'), sheet.fileName);
      writeFileAtomic(path, sheet.pdf);
      cb.write((db, s) => {
        cb.audit(db, s, 'diary.daySheetSaved', { detail: sheet.detail });
        rememberSavedFile(db, 'daySheet', [path], sheet.clientIds, s.user.id, cb.now());
      });
      return { path };
    },
    'diary.daySheetPrint': async (q) => {
      const sheet = await daySheet(q);
      return cb.printouts.prepare(sheet.pdf, sheet.fileName, () =>
        cb.write((db, s) => cb.audit(db, s, 'diary.daySheetPrinted', { detail: sheet.detail })),
      );
    },
    'diary.myDetails': () => cb.read((db, s) => myDetails(db, s.user.id)),
    'diary.setMyDetails': ({ phone, reminderMinutes }) =>
      cb.write((db, s) => {
        db.run(sql`UPDATE users SET phone = ${phone}, reminder_minutes = ${reminderMinutes} WHERE id = ${s.user.id}`);
        cb.audit(db, s, 'user.changed', { detail: { userId: s.user.id, fields: ['phone', 'reminderMinutes'] } });
        return myDetails(db, s.user.id);
      }),
    'diary.forClient': ({ clientId }) =>
      cb.read((db, s) => {
        requireClient(db, clientId);
        const all = clientAppointments(db, clientId, today());
        return { ...all, upcoming: all.upcoming.map(asSeen(s)), past: all.past.map(asSeen(s)) };
      }),
  };
}
