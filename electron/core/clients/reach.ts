import { sql, type SQL } from 'drizzle-orm';
import type { Channel, ChannelParsedInput } from '../../../shared/contract';
import { CasebookError } from '../../../shared/result';
import type { SignedIn } from '../domain';
import type { Db, ReadDb } from '../db/database';

/**
 * Whose clients a person may see. A charity may keep caseworkers (and volunteers) to their own
 * clients: those allocated to them, those they took in and nobody was allocated, and those shared
 * with them. Administrators (the coordinator among them) see everyone. The rule is kept here, in the
 * core, for every channel: a hidden button is not enough.
 *
 * `null` reach means everyone; otherwise the id of the person whose clients are within reach.
 */
export type Reach = number | null;

export function reachOf(s: Pick<SignedIn, 'user' | 'ownClientsOnly'>): Reach {
  return s.ownClientsOnly && s.user.role !== 'admin' ? s.user.id : null;
}

/** The records that belong to one client, found by their own id (each has a `client_id`). */
type Owned =
  | 'consents'
  | 'household_members'
  | 'key_contacts'
  | 'risk_flags'
  | 'assessments'
  | 'support_plans'
  | 'goals'
  | 'tasks'
  | 'case_notes'
  | 'referrals'
  | 'letters'
  | 'support_given'
  | 'subject_access_requests'
  | 'documents'
  | 'eligibility_checks';

/** What a call is about: a client by id, or a record of one client by its own id. */
type Ref = { client: number } | { record: Owned; id: number } | { appointment: number };
const client = (id: number | null | undefined): Ref[] => (id ? [{ client: id }] : []);
const record = (table: Owned, id: number | null | undefined): Ref[] => (id ? [{ record: table, id }] : []);

/**
 * Every channel, and what it is about (a new channel does not compile until it is decided here):
 *  - a function: the client(s) and records the call touches; each must be within reach;
 *  - 'list': across clients; the handler gives back only those within reach (`withinReach`);
 *  - 'group': a programme's sessions and register, run by whoever runs the group: the people on it
 *    are shown to them whoever their caseworker is (putting someone on a list still needs reach);
 *  - 'admins': administrators only (the contract says so), who see everyone;
 *  - 'none': not about any client (settings, agencies, templates, counts without names).
 */
type Subject<C extends Channel> = ((input: ChannelParsedInput<C>) => Ref[]) | 'list' | 'group' | 'admins' | 'none';
export const SUBJECTS: { [C in Channel]: Subject<C> } = {
  'app.status': 'none',
  'app.setLanguage': 'none',
  'app.about': 'none',
  'app.openFolder': 'none',
  'setup.prepare': 'none',
  'setup.saveRecoverySheet': 'none',
  'setup.printRecoverySheet': 'none',
  'setup.finish': 'none',
  'signIn.unlock': 'none',
  'signIn.unlockWithRecoveryKey': 'none',
  'signIn.setNewPassword': 'none',
  'signIn.changePassword': 'none',
  'signIn.lock': 'none',
  'signIn.touch': 'none',
  'signIn.acceptRecordsAsTheyAre': 'admins',
  'charity.get': 'none',
  'charity.update': 'admins',
  'charity.logo': 'none',
  'charity.chooseLogo': 'admins',
  'charity.removeLogo': 'admins',
  'settings.update': 'admins',
  'settings.setOwnClientsOnly': 'admins',
  'users.list': 'admins',
  'users.create': 'admins',
  'users.update': 'admins',
  'users.deactivate': 'admins',
  'users.resetPassword': 'admins',
  'recovery.prepare': 'admins',
  'recovery.saveSheet': 'admins',
  'recovery.printSheet': 'admins',
  'recovery.confirm': 'admins',
  'audit.list': 'admins',
  'audit.exportCsv': 'admins',
  'fullExport.everything': 'admins',
  'audit.verify': 'admins',
  'backup.status': 'none',
  'backup.updateSettings': 'admins',
  'backup.drives': 'admins',
  'backup.chooseFolder': 'admins',
  'backup.create': 'admins',
  'backup.chooseFile': 'none',
  'backup.inspect': 'none',
  'backup.restore': 'none',
  'clients.search': 'list',
  'clients.count': 'list',
  'clients.exportCsv': 'list',
  'clients.findDuplicates': 'list',
  'clients.get': (i) => client(i.id),
  'clients.intake': 'none',
  'clients.update': (i) => client(i.id),
  'clients.setStatus': (i) => client(i.id),
  'clients.merge': 'admins',
  'clients.caseworkers': 'none',
  'clients.share': (i) => client(i.clientId),
  'consent.record': (i) => client(i.clientId),
  'consent.withdraw': (i) => record('consents', i.consentId),
  'household.save': (i) => [...client(i.clientId), ...record('household_members', i.id)],
  'household.remove': (i) => record('household_members', i.id),
  'household.saveContact': (i) => [...client(i.clientId), ...record('key_contacts', i.id)],
  'household.removeContact': (i) => record('key_contacts', i.id),
  'riskFlags.raise': (i) => client(i.clientId),
  'riskFlags.remove': (i) => record('risk_flags', i.id),
  'assessments.save': (i) => [...client(i.clientId), ...record('assessments', i.target?.id)],
  'needAreas.list': 'none',
  'needAreas.save': 'admins',
  'reviews.record': (i) => client(i.clientId),
  'reviews.interval': 'none',
  'reviews.setInterval': 'admins',
  'plans.get': (i) => client(i.clientId),
  'plans.agree': (i) => client(i.clientId),
  'plans.update': (i) => record('support_plans', i.id),
  'plans.end': (i) => record('support_plans', i.id),
  'goals.save': (i) => [...record('support_plans', i.planId), ...record('goals', i.target?.id)],
  'goals.update': (i) => record('goals', i.goalId),
  'tasks.save': (i) => [...client(i.clientId), ...record('tasks', i.id)],
  'tasks.assignees': 'none',
  'tasks.setDone': (i) => record('tasks', i.id),
  'notes.save': (i) => [...client(i.clientId), ...record('case_notes', i.target?.id)],
  'notes.get': (i) => record('case_notes', i.id),
  'notes.history': (i) => record('case_notes', i.id),
  'timeline.get': (i) => client(i.clientId),
  'safetyPlans.get': (i) => client(i.clientId),
  'safetyPlans.save': (i) => client(i.clientId),
  'safetyPlans.savePdf': (i) => client(i.clientId),
  'safetyPlans.print': (i) => client(i.clientId),
  'agencies.search': 'none',
  'agencies.get': 'none',
  'agencies.save': 'none',
  'agencies.setActive': 'none',
  'referrals.forClient': (i) => client(i.clientId),
  'referrals.create': (i) => client(i.clientId),
  'referrals.update': (i) => record('referrals', i.id),
  'referrals.setStatus': (i) => record('referrals', i.id),
  'referrals.list': 'list',
  'templates.list': 'none',
  'templates.save': 'admins',
  'templates.setActive': 'admins',
  'letters.preview': (i) => [...client(i.clientId), ...record('referrals', i.referralId)],
  'letters.keep': (i) => [...client(i.request.clientId), ...record('referrals', i.request.referralId)],
  'letters.forClient': (i) => client(i.clientId),
  'letters.get': (i) => record('letters', i.id),
  'documents.forClient': (i) => client(i.clientId),
  'signposting.list': 'none',
  'signposting.get': 'none',
  'signposting.record': 'none',
  'signposting.agencySheetPdf': 'none',
  'signposting.agencySheetPrint': 'none',
  'incoming.list': 'none',
  'incoming.get': 'none',
  'incoming.log': 'none',
  'incoming.change': 'none',
  'incoming.waitlist': 'none',
  'incoming.offer': 'none',
  'incoming.decline': 'none',
  'incoming.stillNeed': 'none',
  'incoming.forProgramme': 'none',
  'incoming.setStillNeedDays': 'admins',
  'customFields.list': 'none',
  'customFields.save': 'admins',
  'customFields.setActive': 'admins',
  'customFields.move': 'admins',
  'customFields.answer': (i) => client(i.clientId),
  'incoming.replyPreview': 'none',
  'incoming.replyKeep': 'none',
  'incoming.replySavePdf': 'none',
  'incoming.replyPrint': 'none',
  'retention.setNonClientMonths': 'admins',
  'retention.forgetNonClients': 'admins',
  'forms.list': 'none',
  'forms.save': 'admins',
  'forms.setActive': 'admins',
  'forms.entries': (i) => client(i.clientId),
  'forms.fill': (i) => client(i.clientId),
  'eligibility.services': 'none',
  'eligibility.saveService': 'admins',
  'eligibility.setServiceActive': 'admins',
  'eligibility.forClient': (i) => client(i.clientId),
  'eligibility.record': (i) => client(i.clientId),
  'eligibility.rechecksDue': 'list',
  'documents.chooseFiles': 'none',
  'documents.inbox': 'none',
  'documents.setScannerFolder': 'admins',
  'documents.inboxView': 'none',
  'documents.fileFromInbox': (i) => [
    ...client(i.clientId),
    ...(i.link?.kind === 'eligibilityCheck' ? record('eligibility_checks', i.link.id) : []),
  ],
  'documents.add': (i) => [
    ...client(i.clientId),
    ...(i.link?.kind === 'eligibilityCheck' ? record('eligibility_checks', i.link.id) : []),
  ],
  'documents.update': (i) => record('documents', i.id),
  'documents.open': (i) => record('documents', i.id),
  'documents.saveCopy': (i) => record('documents', i.id),
  'documents.remove': (i) => record('documents', i.id),
  'documents.deleteOriginal': (i) => record('documents', i.id),
  'letters.savePdf': (i) => record('letters', i.id),
  'letters.print': (i) => record('letters', i.id),
  'programmes.list': 'none',
  'programmes.get': 'group',
  'programmes.save': 'none',
  'programmes.figures': 'none',
  'programmes.register': (i) => client(i.clientId),
  'programmes.answerRegistration': (i) => client(i.clientId),
  'programmes.unregister': (i) => client(i.clientId),
  'programmes.forClient': (i) => client(i.clientId),
  'sessions.add': 'group',
  'sessions.update': 'group',
  'sessions.setCancelled': 'group',
  'sessions.remove': 'group',
  'sessions.register': 'group',
  'sessions.registerPdf': 'group',
  'sessions.registerPrint': 'group',
  'attendance.mark': 'group',
  'attendance.headcount': 'group',
  'helpTypes.list': 'none',
  'helpTypes.save': 'admins',
  'helpGiven.forClient': (i) => client(i.clientId),
  'helpGiven.check': (i) => client(i.clientId),
  'helpGiven.give': (i) => client(i.clientId),
  'helpGiven.remove': (i) => record('support_given', i.id),
  'helpGiven.list': 'list',
  'helpGiven.totals': 'none',
  'erasure.eraseClient': 'admins',
  'retention.get': 'admins',
  'retention.setYears': 'admins',
  'retention.keep': 'admins',
  'retention.setDocumentDays': 'admins',
  'retention.keepDocument': 'admins',
  'imports.choose': 'admins',
  'imports.preview': 'admins',
  'imports.run': 'admins',
  'imports.list': 'admins',
  'imports.undo': 'admins',
  'subjectAccess.record': (i) => client(i.clientId),
  'subjectAccess.forClient': (i) => client(i.clientId),
  'subjectAccess.open': 'list',
  'subjectAccess.savePack': (i) => record('subject_access_requests', i.id),
  'subjectAccess.printPack': (i) => record('subject_access_requests', i.id),
  'subjectAccess.answered': (i) => record('subject_access_requests', i.id),
  'reports.funder': 'none',
  'reports.savePdf': 'none',
  'reports.print': 'none',
  'reports.saveCsv': 'none',
  'jobs.progress': 'none',
  'jobs.cancel': 'none',
  'settings.setVolunteersSeeContactDetails': 'admins',
  'erasure.savedFiles': 'admins',
  // What is printed was made (and its reach checked) by the channel that prepared it.
  'printouts.print': 'none',
  'caseload.get': 'list',
  'diary.list': 'list',
  'diary.get': 'list',
  'diary.book': (i) => i.appointment.clientIds.flatMap((id) => client(id)),
  'diary.change': (i) => [{ appointment: i.id }, ...i.appointment.clientIds.flatMap((id) => client(id))],
  'diary.cancel': (i) => [{ appointment: i.id }],
  'diary.setOutcome': (i) => client(i.clientId),
  'diary.forClient': (i) => client(i.clientId),
  // A colleague not back from a visit is shown to everyone signed in, whoever's client it is.
  'diary.safetyAlerts': 'none',
  'diary.backSafely': 'none',
  'diary.setLoneWorkingSteps': 'admins',
  'diary.myDetails': 'none',
  'diary.textsToSend': 'list',
  'diary.daySheetPdf': 'list',
  'diary.daySheetPrint': 'list',
  'diary.markTexted': (i) => client(i.clientId),
  // The digest gives back only this person's own clients (and what was given or booked for them).
  'digest.get': 'list',
  'digest.markAllRead': 'list',
  'handover.write': 'none',
  'handover.markRead': 'none',
  'diary.setMyDetails': 'none',
};

/**
 * SQL that is true when the client whose id is `clientId` (a column or expression) is within reach.
 * Reads the client's caseworker and who took it in, and the shares (both indexed).
 */
export function withinReach(reach: number, clientId: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM clients r WHERE r.id = ${clientId} AND (r.caseworker_id = ${reach} OR (r.caseworker_id IS NULL AND r.created_by = ${reach}) OR r.id IN (SELECT s.client_id FROM client_shares s WHERE s.user_id = ${reach})))`;
}

/** An extra condition for a list over clients (`clientId` the column), or nothing when everyone is within reach. */
export function reachFilter(reach: Reach, clientId: SQL): SQL[] {
  return reach === null ? [] : [withinReach(reach, clientId)];
}

function clientsOf(db: Db, ref: Ref): number[] {
  if ('client' in ref) return [ref.client];
  // An appointment is within reach when each of its clients is.
  if ('appointment' in ref)
    return db
      .all<{ clientId: number }>(
        sql`SELECT client_id AS clientId FROM appointment_clients WHERE appointment_id = ${ref.appointment}`,
      )
      .map((r) => r.clientId);
  // The table name comes from Owned above, never from input.
  const id =
    db.get<{ clientId: number }>(
      sql`SELECT client_id AS clientId FROM ${sql.identifier(ref.record)} WHERE id = ${ref.id}`,
    )?.clientId ?? null;
  return id === null ? [] : [id];
}

export function isWithinReach(db: Db, reach: number, clientId: number): boolean {
  // A client that is not there is the handler's to refuse (NOT_FOUND), in the same words for everyone.
  return (
    db.get<{ ok: number }>(
      sql`SELECT (NOT EXISTS (SELECT 1 FROM clients WHERE id = ${clientId}) OR ${withinReach(reach, sql`${clientId}`)}) AS ok`,
    )?.ok === 1
  );
}

/**
 * Before a handler runs (after its input is checked): refuses a call about a client outside the
 * caller's reach, in words (NOT_YOUR_CLIENT). Lists are narrowed by their handlers instead.
 */
export function checkReach<C extends Channel>(
  db: Db,
  s: Pick<SignedIn, 'user' | 'ownClientsOnly'>,
  channel: C,
  input: ChannelParsedInput<C>,
): void {
  const reach = reachOf(s);
  if (reach === null) return;
  const subject = SUBJECTS[channel] as Subject<C>;
  if (typeof subject !== 'function') return;
  for (const ref of subject(input)) {
    for (const clientId of clientsOf(db, ref))
      if (!isWithinReach(db, reach, clientId))
        throw new CasebookError(
          'NOT_YOUR_CLIENT',
          `Client ${clientId} is not allocated to or shared with user ${s.user.id}`,
        );
  }
}

/** Who this client is shared with, by name (the caseworker is not listed: they need no share). */
export function sharedWith(db: ReadDb, clientId: number): { id: number; name: string }[] {
  return db.all<{ id: number; name: string }>(
    sql`SELECT u.id AS id, u.name AS name FROM client_shares s JOIN users u ON u.id = s.user_id WHERE s.client_id = ${clientId} ORDER BY u.name, u.id`,
  );
}

/**
 * Makes the client shared with exactly these people (active users other than its caseworker).
 * Gives back who was added and who was taken off, for the audit trail.
 */
export function setSharedWith(
  db: Db,
  clientId: number,
  userIds: readonly number[],
  by: number,
  now: Date,
): { added: number[]; removed: number[] } {
  const owner = db.get<{ caseworkerId: number | null }>(
    sql`SELECT caseworker_id AS caseworkerId FROM clients WHERE id = ${clientId}`,
  );
  if (!owner) throw new CasebookError('NOT_FOUND', 'No such client');
  const wanted = [...new Set(userIds)].filter((id) => id !== owner.caseworkerId);
  const active = new Set(
    db
      .all<{ id: number }>(
        sql`SELECT id FROM users WHERE active = 1 AND id IN (SELECT value FROM json_each(${JSON.stringify(wanted)}))`,
      )
      .map((u) => u.id),
  );
  const unknown = wanted.filter((id) => !active.has(id));
  if (unknown.length)
    throw new CasebookError('BAD_INPUT', 'Shared with someone who is not an active user', {
      fields: { userIds: 'unknownUser' },
    });
  const before = new Set(sharedWith(db, clientId).map((u) => u.id));
  const added = wanted.filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !wanted.includes(id));
  for (const id of removed) db.run(sql`DELETE FROM client_shares WHERE client_id = ${clientId} AND user_id = ${id}`);
  for (const id of added)
    db.run(
      sql`INSERT INTO client_shares (client_id, user_id, shared_by, shared_at) VALUES (${clientId}, ${id}, ${by}, ${now.toISOString()})`,
    );
  return { added, removed };
}
