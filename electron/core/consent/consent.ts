import { alias } from 'drizzle-orm/sqlite-core';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { consentState, type Consent, type ConsentValues } from '../../../shared/domain/consent';
import type { ConsentGateProblem } from '../../../shared/domain/referral';
import { fold } from '../clients/folding';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { consents, users } from '../db/schema';

const recorder = alias(users, 'recorder');
const withdrawer = alias(users, 'withdrawer');

export function recordConsent(db: Db, clientId: number, c: ConsentValues, userId: number, now: Date): number {
  return db
    .insert(consents)
    .values({ ...c, clientId, recordedBy: userId, recordedAt: now.toISOString() })
    .returning({ id: consents.id })
    .get().id;
}

/** Marks a consent as withdrawn from `on`; the record itself stays, so what was agreed and when is never lost. */
export function withdrawConsent(
  db: Db,
  consentId: number,
  on: string,
  note: string | null,
  userId: number,
  now: Date,
): { clientId: number } {
  const row = db
    .select({ clientId: consents.clientId, givenOn: consents.givenOn })
    .from(consents)
    .where(eq(consents.id, consentId))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such consent');
  if (on < row.givenOn)
    throw new CasebookError('BAD_INPUT', 'Withdrawn before it was given', { fields: { on: 'expiryBeforeGiven' } });
  const res = db
    .update(consents)
    .set({ withdrawnOn: on, withdrawalNote: note, withdrawnBy: userId, withdrawnAt: now.toISOString() })
    .where(and(eq(consents.id, consentId), isNull(consents.withdrawnOn)))
    .run();
  if (res.changes === 0) throw new CasebookError('CONFLICT', 'This consent was already withdrawn');
  return { clientId: row.clientId };
}

/** A client's consent records, newest first, each with whether it is in force today. */
export function listConsents(db: ReadDb, clientId: number, today: string): Consent[] {
  return db
    .select({
      id: consents.id,
      storeData: consents.storeData,
      shareScope: consents.shareScope,
      shareAgencies: consents.shareAgencies,
      contactPhone: consents.contactPhone,
      contactLetter: consents.contactLetter,
      contactText: consents.contactText,
      contactEmail: consents.contactEmail,
      givenOn: consents.givenOn,
      method: consents.method,
      expiresOn: consents.expiresOn,
      note: consents.note,
      recordedByName: recorder.name,
      recordedAt: consents.recordedAt,
      withdrawnOn: consents.withdrawnOn,
      withdrawalNote: consents.withdrawalNote,
      withdrawnByName: withdrawer.name,
    })
    .from(consents)
    .leftJoin(recorder, eq(recorder.id, consents.recordedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, consents.withdrawnBy))
    .where(eq(consents.clientId, clientId))
    .orderBy(desc(consents.givenOn), desc(consents.id))
    .all()
    .map((c) => ({ ...c, state: consentState(c, today) }));
}

const sameAgency = (a: string, b: string) =>
  fold(a).replace(/\s+/g, ' ').trim() === fold(b).replace(/\s+/g, ' ').trim();

/**
 * The consent gate: whether the client's consent in force today lets us share their details with
 * this agency. The newest consent record is the one in force (a change of mind is a new record).
 */
export function sharingConsentProblem(
  db: ReadDb,
  clientId: number,
  agencyName: string,
  today: string,
): ConsentGateProblem | null {
  const c = db
    .select({
      shareScope: consents.shareScope,
      shareAgencies: consents.shareAgencies,
      withdrawnOn: consents.withdrawnOn,
      expiresOn: consents.expiresOn,
    })
    .from(consents)
    .where(eq(consents.clientId, clientId))
    .orderBy(desc(consents.givenOn), desc(consents.id))
    .limit(1)
    .get();
  if (!c) return 'missing';
  const state = consentState(c, today);
  if (state !== 'active') return state;
  if (c.shareScope === 'none') return 'notShared';
  if (c.shareScope === 'named' && !c.shareAgencies.some((name) => sameAgency(name, agencyName)))
    return 'agencyNotNamed';
  return null;
}

/** Refuses with CONSENT_REQUIRED (and which part is missing) unless the client agreed to share with this agency. */
export function requireSharingConsent(db: ReadDb, clientId: number, agencyName: string, today: string): void {
  const problem = sharingConsentProblem(db, clientId, agencyName, today);
  if (problem)
    throw new CasebookError('CONSENT_REQUIRED', `Consent to share with this agency: ${problem}`, { reason: problem });
}
