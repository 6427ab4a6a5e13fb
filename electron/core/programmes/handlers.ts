import { localToday } from '../../../shared/clock';
import { requireServiceToRequire } from '../eligibility/services';
import { createTranslator } from '../../../shared/i18n';
import type { Paper } from '../domain';
import { getCharity } from '../charity/queries';
import { requireClient } from '../clients/queries';
import { readerOf } from '../clients/record';
import { fillAskedWith } from '../customFields/forms';
import type { Handlers } from '../rpc';
import { rememberSavedFile } from '../savedFiles/savedFiles';
import { askWhereToSavePdf, safeFileName, writeFileAtomic } from '../storage/files';
import {
  clientProgrammes,
  markAttendance,
  registerClient,
  registeredOn,
  sessionRegister,
  setHeadcount,
  unregisterClient,
} from './attendance';
import { programmeFigures } from './figures';
import { addProgramme, programmeDetail, updateProgramme, listProgrammes } from './programmes';
import { renderSessionRegister } from './registerPdf';
import { addSessions, removeSession, setSessionCancelled, updateSession } from './sessions';

type ProgrammeChannels =
  | 'programmes.list'
  | 'programmes.get'
  | 'programmes.save'
  | 'programmes.figures'
  | 'programmes.register'
  | 'programmes.answerRegistration'
  | 'programmes.unregister'
  | 'programmes.forClient'
  | 'sessions.add'
  | 'sessions.update'
  | 'sessions.setCancelled'
  | 'sessions.remove'
  | 'sessions.register'
  | 'sessions.registerPdf'
  | 'sessions.registerPrint'
  | 'attendance.mark'
  | 'attendance.headcount';

export function programmeHandlers(cb: Paper): Pick<Handlers, ProgrammeChannels> {
  const today = () => localToday(cb.now());
  /** A session's register on paper: names to tick, space to sign. */
  const registerPdf = async (id: number) => {
    const language = cb.language();
    const { register, charity } = cb.read((db) => ({ register: sessionRegister(db, id), charity: getCharity(db) }));
    const t = createTranslator(language).t;
    return {
      pdf: await renderSessionRegister(cb.resourcesDir, {
        language,
        charityName: charity.name,
        register,
        createdAt: cb.now(),
      }),
      fileName: safeFileName(
        `${t('sessions.registerFileName')} - ${register.programme.name} - ${register.session.heldOn}`,
      ),
      detail: { programmeId: register.programme.id, sessionId: id, names: register.lines.length },
      clientIds: register.lines.map((l) => l.clientId),
    };
  };
  return {
    'programmes.list': ({ show }) => cb.read((db) => listProgrammes(db, show, today())),
    'programmes.get': ({ id }) => cb.read((db) => programmeDetail(db, id, today())),
    'programmes.save': ({ target, programme }) =>
      cb.write((db, s) => {
        requireServiceToRequire(db, programme.requiresServiceId, 'programme.requiresServiceId');
        if (target) updateProgramme(db, target.id, target.version, programme, cb.now());
        const id = target ? target.id : addProgramme(db, programme, s.user.id, cb.now());
        cb.audit(db, s, target ? 'programme.changed' : 'programme.added', { detail: { programmeId: id } });
        return programmeDetail(db, id, today());
      }),
    // Sessions still to come are not "held", whatever period is asked for.
    'programmes.figures': ({ from, to }) =>
      cb.read((db) => programmeFigures(db, { from, to: to < today() ? to : today() })),
    // The questions asked with a registration are answered by whoever registers: a volunteer is
    // asked only those that are not sensitive.
    'programmes.register': (r) =>
      cb.write((db, s) => {
        if (registerClient(db, r, s.user.id, today()))
          cb.audit(db, s, 'programme.registered', { clientId: r.clientId, detail: { programmeId: r.programmeId } });
        fillAskedWith(
          db,
          { kind: 'registration', clientId: r.clientId, programmeId: r.programmeId, on: r.registeredOn },
          r.answers,
          readerOf(s),
          cb.now(),
        );
        return programmeDetail(db, r.programmeId, today());
      }),
    'programmes.answerRegistration': ({ programmeId, clientId, answers }) =>
      cb.write((db, s) => {
        const on = registeredOn(db, programmeId, clientId);
        fillAskedWith(db, { kind: 'registration', clientId, programmeId, on }, answers, readerOf(s), cb.now());
        cb.audit(db, s, 'programme.answered', { clientId, detail: { programmeId } });
        return programmeDetail(db, programmeId, today());
      }),
    'programmes.unregister': ({ programmeId, clientId }) =>
      cb.write((db, s) => {
        unregisterClient(db, programmeId, clientId);
        cb.audit(db, s, 'programme.unregistered', { clientId, detail: { programmeId } });
        return programmeDetail(db, programmeId, today());
      }),
    'programmes.forClient': ({ clientId }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return clientProgrammes(db, clientId);
      }),
    'sessions.add': ({ programmeId, pattern }) =>
      cb.write((db, s) => {
        const { added, skipped, ids } = addSessions(db, programmeId, pattern, cb.now());
        if (added) cb.audit(db, s, 'session.added', { detail: { programmeId, sessions: added, first: ids[0] } });
        return { added, skipped, detail: programmeDetail(db, programmeId, today()) };
      }),
    'sessions.update': ({ id, version, session }) =>
      cb.write((db, s) => {
        const programmeId = updateSession(db, id, version, session, cb.now());
        cb.audit(db, s, 'session.changed', { detail: { programmeId, sessionId: id } });
        return programmeDetail(db, programmeId, today());
      }),
    'sessions.setCancelled': (c) =>
      cb.write((db, s) => {
        const programmeId = setSessionCancelled(db, c, cb.now());
        cb.audit(db, s, c.cancelled ? 'session.cancelled' : 'session.reinstated', {
          detail: { programmeId, sessionId: c.id },
        });
        return programmeDetail(db, programmeId, today());
      }),
    'sessions.remove': ({ id }) =>
      cb.write((db, s) => {
        const programmeId = removeSession(db, id);
        cb.audit(db, s, 'session.removed', { detail: { programmeId, sessionId: id } });
        return programmeDetail(db, programmeId, today());
      }),
    'sessions.register': ({ id }) => cb.read((db) => sessionRegister(db, id)),
    'sessions.registerPdf': async ({ id }) => {
      const sheet = await registerPdf(id);
      const t = createTranslator(cb.language()).t;
      const path = await askWhereToSavePdf(cb.platform, t('sessions.saveRegister'), sheet.fileName);
      writeFileAtomic(path, sheet.pdf);
      cb.write((db, s) => {
        cb.audit(db, s, 'session.registerSaved', { detail: sheet.detail });
        rememberSavedFile(db, 'register', [path], sheet.clientIds, s.user.id, cb.now());
      });
      return { path };
    },
    'sessions.registerPrint': async ({ id }) => {
      const sheet = await registerPdf(id);
      return cb.printouts.prepare(sheet.pdf, sheet.fileName, () =>
        cb.write((db, s) => cb.audit(db, s, 'session.registerPrinted', { detail: sheet.detail })),
      );
    },
    'attendance.mark': (a) =>
      cb.write((db, s) => {
        if (markAttendance(db, a, s.user.id, cb.now(), today()))
          cb.audit(db, s, a.present ? 'attendance.marked' : 'attendance.unmarked', {
            clientId: a.clientId,
            detail: { sessionId: a.sessionId },
          });
        return sessionRegister(db, a.sessionId);
      }),
    'attendance.headcount': ({ sessionId, counts }) =>
      cb.write((db, s) => {
        setHeadcount(db, sessionId, counts, today());
        cb.audit(db, s, 'attendance.headcount', {
          detail: { sessionId, people: counts.reduce((n, c) => n + c.people, 0) },
        });
        return sessionRegister(db, sessionId);
      }),
  };
}
