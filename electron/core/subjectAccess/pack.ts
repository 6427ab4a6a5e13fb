import { asc, eq } from 'drizzle-orm';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { CaseNote, CaseNoteVersion } from '../../../shared/domain/caseNote';
import type { ClientRecord } from '../../../shared/domain/clientRecord';
import type { Letter } from '../../../shared/domain/letter';
import type { ClientProgrammes } from '../../../shared/domain/programme';
import type { Referral } from '../../../shared/domain/referral';
import type { SafetyPlan } from '../../../shared/domain/safetyPlan';
import type { AccessRequest } from '../../../shared/domain/subjectAccess';
import type { Currency, HelpGiven } from '../../../shared/domain/helpGiven';
import type { PlansView } from '../../../shared/domain/supportPlan';
import { listNeedAreas } from '../assessments/assessments';
import { iterateAudit } from '../audit/audit';
import { getCharity } from '../charity/queries';
import { readClientRecord } from '../clients/record';
import type { Db } from '../db/database';
import { caseNotes } from '../db/schema';
import { listClientLetters } from '../letters/letters';
import { noteVersions, readCaseNotes } from '../notes/caseNotes';
import { readPlans } from '../plans/plans';
import { clientProgrammes } from '../programmes/attendance';
import { listClientReferrals } from '../referrals/referrals';
import { safetyPlanHistory } from '../safetyPlans/safetyPlans';
import { clientHelpGiven } from '../helpGiven/helpGiven';
import { clientAccessRequests } from './requests';
import { listDocuments } from '../documents/documents';
import { clientChecks } from '../eligibility/checks';
import { clientAppointments } from '../diary/appointments';
import type { ClientAppointments } from '../../../shared/domain/appointment';
import type { EligibilityCheck } from '../../../shared/domain/eligibility';
import { fileEnding, type ClientDocument } from '../../../shared/domain/document';
import { safeFileName } from '../storage/files';

import { clientIncoming } from '../incoming/incoming';
import { clientSignposting } from '../signposting/signposting';
import { listEntries } from '../customFields/forms';
import type { FormEntry } from '../../../shared/domain/customForm';
import type { Incoming } from '../../../shared/domain/incoming';
import type { Signpost } from '../../../shared/domain/signposting';
/** A document's file name in the pack's folder: numbered (titles may repeat), titled, with its own ending. */
function fileInPack(i: number, d: ClientDocument): string {
  const ending = fileEnding(d.fileName);
  return `${String(i + 1).padStart(2, '0')} ${safeFileName(d.title, 80) || 'document'}${ending ? `.${ending}` : ''}`;
}

/**
 * Everything Casebook holds about one client, gathered from the same reads the screens use, with
 * nothing withheld (sensitive notes and assessments included: the person has a right to them). The
 * JSON file is this object; the PDF is laid out from it.
 */
export interface AccessPack {
  /** What the file is, so someone opening it years later knows. */
  format: 'casebook-subject-access/1';
  preparedAt: string;
  preparedBy: string;
  charityName: string;
  /** The currency values of help given are in. */
  currency: Currency;
  record: ClientRecord;
  needAreas: { id: number; name: string | null; builtinKey: string | null }[];
  plans: PlansView;
  caseNotes: (CaseNote & { earlierVersions: CaseNoteVersion[] })[];
  safetyPlans: SafetyPlan[];
  referrals: Referral[];
  letters: Letter[];
  helpGiven: HelpGiven[];
  programmes: ClientProgrammes;
  accessRequests: AccessRequest[];
  /** Checks of whether they qualify for a service, criterion by criterion as asked. */
  eligibilityChecks: EligibilityCheck[];
  /** Documents on file; each is given as a file of its own, named `fileInPack`, in a folder beside the pack. */
  documents: (ClientDocument & { fileInPack: string })[];
  /** How they came to us: a referral in, or a signposting contact they came back from. */
  referralsIn: Incoming[];
  signposting: Signpost[];
  /** The charity's own forms filled in for them, each question as it was asked. */
  forms: FormEntry[];
  /** Their appointments, past and to come, and whether they came. */
  appointments: ClientAppointments;
  /** Who opened, changed, printed or exported their record, and when: the audit trail about them. */
  auditTrail: AuditEntry[];
}

export function gatherAccessPack(
  db: Db,
  clientId: number,
  who: { id: number; name: string },
  now: Date,
  today: string,
): AccessPack {
  const record = readClientRecord(db, clientId, 'admin', today);
  const noteIds = db
    .select({ id: caseNotes.id })
    .from(caseNotes)
    .where(eq(caseNotes.clientId, clientId))
    .orderBy(asc(caseNotes.occurredAt), asc(caseNotes.id))
    .all();
  const notes = readCaseNotes(
    db,
    noteIds.map((n) => n.id),
    { id: who.id, mayReadSensitive: true },
  );
  const order = new Map(noteIds.map((n, i) => [n.id, i]));
  notes.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const charity = getCharity(db);
  return {
    format: 'casebook-subject-access/1',
    preparedAt: now.toISOString(),
    preparedBy: who.name,
    charityName: charity.name,
    currency: charity.currency,
    record,
    needAreas: listNeedAreas(db).map((a) => ({ id: a.id, name: a.name, builtinKey: a.builtinKey })),
    plans: readPlans(db, clientId),
    caseNotes: notes.map((n) => ({ ...n, earlierVersions: n.version > 1 ? noteVersions(db, n.id) : [] })),
    safetyPlans: safetyPlanHistory(db, clientId),
    referrals: listClientReferrals(db, clientId),
    letters: listClientLetters(db, clientId),
    helpGiven: clientHelpGiven(db, clientId),
    programmes: clientProgrammes(db, clientId),
    accessRequests: clientAccessRequests(db, clientId),
    eligibilityChecks: clientChecks(db, clientId, today),
    documents: listDocuments(db, clientId).items.map((d, i) => ({ ...d, fileInPack: fileInPack(i, d) })),
    appointments: clientAppointments(db, clientId, today),
    referralsIn: clientIncoming(db, clientId, today),
    signposting: clientSignposting(db, clientId),
    forms: listEntries(db, clientId, { id: 0, mayReadSensitive: true }).reverse(),
    auditTrail: [...iterateAudit(db, { client: String(clientId) })],
  };
}
