import { localToday } from '../../../shared/clock';
import type { Records } from '../domain';
import type { ReadDb } from '../db/database';
import type { Handlers } from '../rpc';
import { documentKeepDays, documentsDue, keepDocument, setDocumentKeepDays } from './documents';
import { keepCase, retentionQueue, retentionYears, setRetentionYears } from './retention';
import { forgetNonClients, nonClientMonths, nonClientsDue, setNonClientMonths } from './nonClients';

type RetentionChannels =
  | 'retention.get'
  | 'retention.setYears'
  | 'retention.keep'
  | 'retention.setDocumentDays'
  | 'retention.keepDocument'
  | 'retention.setNonClientMonths'
  | 'retention.forgetNonClients';

export function retentionHandlers(cb: Records): Pick<Handlers, RetentionChannels> {
  const today = () => localToday(cb.now());
  /** The review as the page shows it: closed cases and documents past their time, and the rules. */
  const view = (db: ReadDb) => {
    const years = retentionYears(db);
    const documentDays = documentKeepDays(db);
    const months = nonClientMonths(db);
    return {
      years,
      due: retentionQueue(db, today(), years),
      documentDays,
      documentsDue: documentsDue(db, today(), documentDays),
      nonClientMonths: months,
      nonClientsDue: nonClientsDue(db, today(), months),
    };
  };
  return {
    'retention.get': () => cb.read((db) => view(db)),
    'retention.setYears': ({ years }) =>
      cb.write((db, s) => {
        setRetentionYears(db, years);
        cb.audit(db, s, 'settings.changed', { detail: { retentionYears: years } });
        return view(db);
      }),
    'retention.keep': ({ clientId, reason, reviewOn }) =>
      cb.write((db, s) => {
        keepCase(db, clientId, reason, reviewOn, s.user.id, today());
        cb.audit(db, s, 'client.retentionKept', { clientId, detail: { reviewOn } });
        return view(db);
      }),
    'retention.setDocumentDays': ({ kind, days }) =>
      cb.write((db, s) => {
        setDocumentKeepDays(db, kind, days);
        cb.audit(db, s, 'settings.changed', { detail: { documentKeepDays: { [kind]: days } } });
        return view(db);
      }),
    'retention.setNonClientMonths': ({ months }) =>
      cb.write((db, s) => {
        setNonClientMonths(db, months);
        cb.audit(db, s, 'settings.changed', { detail: { nonClientMonths: months } });
        return view(db);
      }),
    'retention.forgetNonClients': ({ items }) =>
      cb.write((db, s) => {
        // How many of each, never who.
        const counts = forgetNonClients(db, items, today());
        cb.audit(db, s, 'retention.nonClientsForgotten', { detail: counts });
        return view(db);
      }),
    'retention.keepDocument': ({ documentId, reason, reviewOn }) =>
      cb.write((db, s) => {
        const clientId = keepDocument(db, documentId, reason, reviewOn, today());
        cb.audit(db, s, 'document.retentionKept', { clientId, detail: { documentId, reviewOn } });
        return view(db);
      }),
  };
}
