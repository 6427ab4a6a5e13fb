import { recordFor } from './contactDetails';
import { localToday } from '../../../shared/clock';
import type { Records, SignedIn } from '../domain';
import type { ClientRecord } from '../../../shared/domain/clientRecord';
import type { Role } from '../../../shared/domain/user';
import { listAssessments } from '../assessments/assessments';
import { listConsents } from '../consent/consent';
import type { Db, ReadDb } from '../db/database';
import { listHousehold, listKeyContacts } from '../household/household';
import { listRiskFlags } from '../riskFlags/riskFlags';
import { formerReferences } from './merge';
import { sharedWith } from './reach';
import { readAnswers } from '../customFields/answers';
import { requireClient, statusHistory } from './queries';

/** Who may read sensitive assessments (and, later, sensitive notes): not volunteers. */
export const mayReadSensitive = (role: Role) => role !== 'volunteer';

/** The signed-in person as a reader (and writer) of notes and answers: who, and whether sensitive ones are theirs to see. */
export const readerOf = (s: SignedIn) => ({ id: s.user.id, mayReadSensitive: mayReadSensitive(s.user.role) });

/** A client's whole record as their page shows it, with what this reader may see. */
export function readClientRecord(db: ReadDb, id: number, role: Role, today: string): ClientRecord {
  return {
    client: requireClient(db, id),
    consents: listConsents(db, id, today),
    household: listHousehold(db, id),
    contacts: listKeyContacts(db, id),
    riskFlags: listRiskFlags(db, id),
    assessments: listAssessments(db, id, mayReadSensitive(role)),
    statusHistory: statusHistory(db, id),
    formerReferences: formerReferences(db, id),
    sharedWith: sharedWith(db, id),
    answers: readAnswers(db, id, mayReadSensitive(role)),
    contactDetailsWithheld: false,
  };
}

/** The client's record as this person may see it: when opened, and after a change to part of it (in the same transaction). */
export function recordAsSeen(cb: Records, db: Db, s: SignedIn, clientId: number): ClientRecord {
  return recordFor(s, readClientRecord(db, clientId, s.user.role, localToday(cb.now())));
}
