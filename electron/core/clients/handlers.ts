import { summaryFor } from './contactDetails';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ClientDetails } from '../../../shared/domain/client';
import { localToday } from '../../../shared/clock';
import { CasebookError } from '../../../shared/result';
import type { Records } from '../domain';
import { recordConsent } from '../consent/consent';
import { users } from '../db/schema';
import type { Handlers } from '../rpc';
import { rememberSavedFile } from '../savedFiles/savedFiles';
import { findDuplicates } from './duplicates';
import { mergeClients } from './merge';
import { changeStatus, countClients, insertClient, searchClients, updateClient } from './queries';
import { mayReadSensitive, recordAsSeen } from './record';
import { clientListCsv } from './export';
import { createTranslator } from '../../../shared/i18n';
import { askWhereToSave, writeFileAtomic } from '../storage/files';
import { reachOf, setSharedWith } from './reach';

type ClientChannels =
  | 'clients.search'
  | 'clients.count'
  | 'clients.findDuplicates'
  | 'clients.get'
  | 'clients.intake'
  | 'clients.update'
  | 'clients.setStatus'
  | 'clients.merge'
  | 'clients.caseworkers'
  | 'clients.exportCsv'
  | 'clients.share';

import { refuseSensitiveFilter, saveAnswers } from '../customFields/answers';
import { acceptIncoming } from '../incoming/incoming';
import { signpostBecameClient } from '../signposting/signposting';
export function clientHandlers(cb: Records): Pick<Handlers, ClientChannels> {
  const today = () => localToday(cb.now());
  return {
    'clients.search': (filters) =>
      cb.read((db, s) => {
        refuseSensitiveFilter(db, filters.answer, mayReadSensitive(s.user.role));
        const found = searchClients(db, { ...filters, reach: reachOf(s) });
        return { ...found, items: found.items.map((c) => summaryFor(s, c)) };
      }),
    'clients.count': (filters) =>
      cb.read((db, s) => {
        refuseSensitiveFilter(db, filters.answer, mayReadSensitive(s.user.role));
        return { total: countClients(db, { ...filters, reach: reachOf(s) }) };
      }),
    /** The filtered list, every match, saved as CSV where the user chooses; recorded as an export. */
    'clients.exportCsv': async (filters) => {
      const t = createTranslator(cb.language()).t;
      const path = await askWhereToSave(cb.platform, {
        title: t('clients.exportCsv'),
        defaultName: `${t('clients.title')} ${today()}.csv`,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      const { csv, rows } = cb.read((db, s) => clientListCsv(db, { ...filters, reach: reachOf(s) }, t, cb.language()));
      writeFileAtomic(path, Buffer.from(csv, 'utf8'));
      cb.write((db, s) => {
        cb.audit(db, s, 'export.created', { detail: { what: 'clients', rows, filters } });
        rememberSavedFile(db, 'clientList', [path], [], s.user.id, cb.now());
      });
      return { path, rows };
    },

    'clients.findDuplicates': (q) => cb.read((db, s) => findDuplicates(db, q, reachOf(s))),

    'clients.get': ({ id }) =>
      cb.write((db, s) => {
        const record = recordAsSeen(cb, db, s, id);
        cb.audit(db, s, 'client.viewed', { clientId: id });
        return record;
      }),

    'clients.intake': ({ details, consent, duplicatesSeen, answers, incomingId, signpostId }) =>
      cb.write((db, s) => {
        // The same people the screen could show (a client outside reach cannot be looked at there).
        const duplicates = findDuplicates(db, { ...details, excludeId: null }, reachOf(s));
        const unseen = duplicates.filter((d) => !duplicatesSeen.includes(d.client.id));
        if (unseen.length)
          throw new CasebookError(
            'POSSIBLE_DUPLICATE',
            `Possible duplicate of ${unseen.map((d) => d.client.reference).join(', ')}`,
          );
        const client = insertClient(db, details, s.user.id, cb.now(), today());
        cb.audit(db, s, 'client.created', { clientId: client.id });
        if (duplicates.length)
          cb.audit(db, s, 'client.duplicateOverridden', {
            clientId: client.id,
            detail: { similarTo: duplicates.map((d) => d.client.reference) },
          });
        if (incomingId !== null) {
          const taken = acceptIncoming(db, incomingId, client.id, s.user.id, today(), cb.now());
          cb.audit(db, s, 'incoming.accepted', { clientId: client.id, detail: { incomingId, ...taken } });
          if (taken.registered)
            cb.audit(db, s, 'programme.registered', {
              clientId: client.id,
              detail: { programmeId: taken.programmeId },
            });
        }
        if (signpostId !== null) signpostBecameClient(db, signpostId, client.id);
        const answered = saveAnswers(db, client.id, answers, 'intake', s.user.id, cb.now());
        if (answered.length) cb.audit(db, s, 'client.answered', { clientId: client.id, detail: { fields: answered } });
        if (consent) {
          recordConsent(db, client.id, consent, s.user.id, cb.now());
          cb.audit(db, s, 'consent.recorded', { clientId: client.id });
        }
        return client;
      }),

    'clients.update': ({ id, version, details }) =>
      cb.write((db, s) => {
        const { before, after } = updateClient(db, id, version, details, s.user.id, cb.now());
        const fields = (Object.keys(details) as (keyof ClientDetails)[]).filter(
          (k) => details[k] !== before[k] && !(k === 'intakeDate' && details[k] === null),
        );
        cb.audit(db, s, 'client.changed', { clientId: id, detail: { fields } });
        return after;
      }),

    'clients.setStatus': ({ id, version, change }) =>
      cb.write((db, s) => {
        const client = changeStatus(db, id, version, change, s.user.id, cb.now());
        cb.audit(db, s, 'client.statusChanged', {
          clientId: id,
          detail: { status: client.status, reason: client.closureReason },
        });
        return recordAsSeen(cb, db, s, id);
      }),

    'clients.merge': ({ keepId, mergeId }) =>
      cb.write((db, s) => {
        const { mergedReference, ...result } = mergeClients(db, keepId, mergeId, s.user.id, cb.now());
        cb.audit(db, s, 'client.merged', {
          clientId: keepId,
          detail: { from: mergedReference, fromId: mergeId, moved: result.moved, filled: result.filled },
        });
        return result;
      }),

    'clients.caseworkers': () =>
      cb.read((db) =>
        db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.active, true), inArray(users.role, ['admin', 'caseworker'])))
          .orderBy(asc(users.name))
          .all(),
      ),

    'clients.share': ({ clientId, userIds }) =>
      cb.write((db, s) => {
        const { added, removed } = setSharedWith(db, clientId, userIds, s.user.id, cb.now());
        if (added.length || removed.length) cb.audit(db, s, 'client.shared', { clientId, detail: { added, removed } });
        return recordAsSeen(cb, db, s, clientId);
      }),
  };
}
