import { sql } from 'drizzle-orm';
import { blob, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { CASE_STATUSES, CLOSURE_REASONS, REFERRAL_SOURCES } from '../../../shared/domain/client';
import { CONSENT_METHODS, SHARE_SCOPES } from '../../../shared/domain/consent';
import { KEY_CONTACT_ROLES, RELATIONSHIPS } from '../../../shared/domain/household';
import { SAVED_FILE_KINDS } from '../../../shared/domain/erasure';
import { RISK_FLAG_KINDS } from '../../../shared/domain/riskFlag';
import { CASE_NOTE_KINDS } from '../../../shared/domain/caseNote';
import { GOAL_OWNERS, GOAL_STATUSES } from '../../../shared/domain/supportPlan';
import type { ReferralRoute } from '../../../shared/domain/agency';
import { REFERRAL_STATUSES, REFERRAL_URGENCIES } from '../../../shared/domain/referral';
import { LETTER_KINDS, type LetterContent } from '../../../shared/domain/letter';
import { PROGRAMME_KINDS } from '../../../shared/domain/programme';
import { AGE_BANDS } from '../../../shared/domain/ageBand';
import { BUILTIN_HELP_TYPES, CURRENCIES } from '../../../shared/domain/helpGiven';
import { DOCUMENT_KINDS, DOCUMENT_VIEWS } from '../../../shared/domain/document';
import { DECISIONS } from '../../../shared/domain/eligibility';
import { APPOINTMENT_KINDS, APPOINTMENT_OUTCOMES } from '../../../shared/domain/appointment';
import { INCOMING_SOURCES, INCOMING_STATUSES } from '../../../shared/domain/incoming';
import { SIGNPOST_CHANNELS } from '../../../shared/domain/signposting';
import { CUSTOM_FIELD_TYPES, type AnswerValue, type Choice } from '../../../shared/domain/customField';
import type { Band } from '../../../shared/domain/customForm';

/** Single-row settings (key/value), e.g. the idle-lock minutes and the vault id. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** The charity's own details: exactly one row (id = 1). */
export const charity = sqliteTable('charity', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  address: text('address'),
  charityNumber: text('charity_number'),
  phone: text('phone'),
  email: text('email'),
  /** The letterhead logo (PNG or JPEG), kept inside the encrypted database so it travels with backups. */
  logo: blob('logo', { mode: 'buffer' }),
  logoType: text('logo_type', { enum: ['png', 'jpeg'] }),
  /** The currency money values (help given) are kept in. */
  currency: text('currency', { enum: CURRENCIES }).notNull().default('GBP'),
  updatedAt: text('updated_at').notNull(),
});

export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  login: text('login').notNull().unique(),
  role: text('role', { enum: ['admin', 'caseworker', 'volunteer'] }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  lastLoginAt: text('last_login_at'),
  /** For the alert when they are not back from a home visit. */
  phone: text('phone'),
  /** How many minutes before an appointment Casebook reminds them. */
  reminderMinutes: integer('reminder_minutes').notNull().default(15),
  /** What changed while they were away is read up to here ("Mark all as read"). */
  digestReadAt: text('digest_read_at'),
});

export const clients = sqliteTable('clients', {
  id: integer('id').primaryKey(),
  reference: text('reference').notNull().unique(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  dateOfBirth: text('date_of_birth'),
  phone: text('phone'),
  address: text('address'),
  postcode: text('postcode'),
  preferredLanguage: text('preferred_language'),
  preferredName: text('preferred_name'),
  estimatedBirthYear: integer('estimated_birth_year'),
  gender: text('gender'),
  genderWithheld: integer('gender_withheld', { mode: 'boolean' }).notNull().default(false),
  pronouns: text('pronouns'),
  email: text('email'),
  interpreterNeeded: integer('interpreter_needed', { mode: 'boolean' }).notNull().default(false),
  referralSource: text('referral_source', { enum: REFERRAL_SOURCES }),
  referredBy: text('referred_by'),
  intakeDate: text('intake_date'),
  /** The latest assessment or review date, kept by triggers on assessments (migration 17). */
  lastAssessedOn: text('last_assessed_on'),
  caseworkerId: integer('caseworker_id').references(() => users.id),
  status: text('status', { enum: CASE_STATUSES }).notNull().default('open'),
  statusSince: text('status_since'),
  closureReason: text('closure_reason', { enum: CLOSURE_REASONS }),
  /** Folded "last first", so Łęcka sorts with Lecka rather than after Z. */
  sortName: text('sort_name').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});

/** Folded search tokens of a client (names, reference, phone digits, postcode): a B-tree prefix range finds them. */
export const clientSearchTokens = sqliteTable(
  'client_search_tokens',
  {
    token: text('token').notNull(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.token, t.clientId] })],
);

/** Append-only record of who did what, chained by hash (see audit/chain.ts). */
export const auditEvents = sqliteTable('audit_events', {
  id: integer('id').primaryKey(),
  at: text('at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  hash: text('hash'),
  userId: integer('user_id').references(() => users.id),
  action: text('action').notNull(),
  clientId: integer('client_id'),
  /** What changed (field names, never old secret values), as JSON. */
  detail: text('detail'),
});

const clientId = () =>
  integer('client_id')
    .notNull()
    .references(() => clients.id, { onDelete: 'cascade' });

export const clientStatusChanges = sqliteTable('client_status_changes', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  status: text('status', { enum: CASE_STATUSES }).notNull(),
  changedOn: text('changed_on').notNull(),
  reason: text('reason', { enum: CLOSURE_REASONS }),
  note: text('note'),
  changedBy: integer('changed_by').references(() => users.id),
  changedAt: text('changed_at').notNull(),
});

export const consents = sqliteTable('consents', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  storeData: integer('store_data', { mode: 'boolean' }).notNull(),
  shareScope: text('share_scope', { enum: SHARE_SCOPES }).notNull(),
  shareAgencies: text('share_agencies', { mode: 'json' }).$type<string[]>().notNull(),
  contactPhone: integer('contact_phone', { mode: 'boolean' }).notNull(),
  contactLetter: integer('contact_letter', { mode: 'boolean' }).notNull(),
  contactText: integer('contact_text', { mode: 'boolean' }).notNull(),
  contactEmail: integer('contact_email', { mode: 'boolean' }).notNull(),
  givenOn: text('given_on').notNull(),
  method: text('method', { enum: CONSENT_METHODS }).notNull(),
  expiresOn: text('expires_on'),
  note: text('note'),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: text('recorded_at').notNull(),
  withdrawnOn: text('withdrawn_on'),
  withdrawalNote: text('withdrawal_note'),
  withdrawnBy: integer('withdrawn_by').references(() => users.id),
  withdrawnAt: text('withdrawn_at'),
});

export const householdMembers = sqliteTable('household_members', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  name: text('name').notNull(),
  relationship: text('relationship', { enum: RELATIONSHIPS }).notNull(),
  relationshipDetail: text('relationship_detail'),
  dateOfBirth: text('date_of_birth'),
  livesWithClient: integer('lives_with_client', { mode: 'boolean' }).notNull(),
  note: text('note'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});

export const keyContacts = sqliteTable('key_contacts', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  role: text('role', { enum: KEY_CONTACT_ROLES }).notNull(),
  roleDetail: text('role_detail'),
  name: text('name'),
  organisation: text('organisation'),
  phone: text('phone'),
  email: text('email'),
  note: text('note'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});

export const riskFlags = sqliteTable('risk_flags', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  kind: text('kind', { enum: RISK_FLAG_KINDS }).notNull(),
  note: text('note'),
  raisedOn: text('raised_on').notNull(),
  raisedBy: integer('raised_by').references(() => users.id),
  raisedAt: text('raised_at').notNull(),
  removedOn: text('removed_on'),
  removalNote: text('removal_note'),
  removedBy: integer('removed_by').references(() => users.id),
  removedAt: text('removed_at'),
});

export const needAreas = sqliteTable('need_areas', {
  id: integer('id').primaryKey(),
  builtinKey: text('builtin_key').unique(),
  name: text('name'),
  position: integer('position').notNull(),
  retiredAt: text('retired_at'),
});

export const assessments = sqliteTable('assessments', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  kind: text('kind', { enum: ['assessment', 'review'] })
    .notNull()
    .default('assessment'),
  assessedOn: text('assessed_on').notNull(),
  sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
  summary: text('summary'),
  assessedBy: integer('assessed_by').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const assessmentScores = sqliteTable(
  'assessment_scores',
  {
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => needAreas.id),
    score: integer('score').notNull(),
    notes: text('notes'),
    strengths: text('strengths'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.areaId] })],
);

export const clientMerges = sqliteTable('client_merges', {
  id: integer('id').primaryKey(),
  intoClientId: integer('into_client_id')
    .notNull()
    .references(() => clients.id, { onDelete: 'cascade' }),
  fromClientId: integer('from_client_id').notNull(),
  fromReference: text('from_reference').notNull(),
  mergedBy: integer('merged_by').references(() => users.id),
  mergedAt: text('merged_at').notNull(),
});

export const supportPlans = sqliteTable('support_plans', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  agreedOn: text('agreed_on').notNull(),
  summary: text('summary'),
  status: text('status', { enum: ['active', 'ended'] })
    .notNull()
    .default('active'),
  endedOn: text('ended_on'),
  endReason: text('end_reason'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const goals = sqliteTable('goals', {
  id: integer('id').primaryKey(),
  planId: integer('plan_id')
    .notNull()
    .references(() => supportPlans.id, { onDelete: 'cascade' }),
  clientId: clientId(),
  position: integer('position').notNull(),
  description: text('description').notNull(),
  measure: text('measure').notNull(),
  targetDate: text('target_date').notNull(),
  owner: text('owner', { enum: GOAL_OWNERS }).notNull(),
  ownerDetail: text('owner_detail'),
  areaId: integer('area_id').references(() => needAreas.id),
  status: text('status', { enum: GOAL_STATUSES }).notNull().default('notStarted'),
  statusSince: text('status_since').notNull(),
  addedOn: text('added_on').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const goalUpdates = sqliteTable('goal_updates', {
  id: integer('id').primaryKey(),
  goalId: integer('goal_id')
    .notNull()
    .references(() => goals.id, { onDelete: 'cascade' }),
  clientId: clientId(),
  updatedOn: text('updated_on').notNull(),
  fromStatus: text('from_status', { enum: GOAL_STATUSES }),
  status: text('status', { enum: GOAL_STATUSES }),
  note: text('note'),
  reviewId: integer('review_id').references(() => assessments.id, { onDelete: 'set null' }),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: text('recorded_at').notNull(),
});

export const tasks = sqliteTable('tasks', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  goalId: integer('goal_id').references(() => goals.id, { onDelete: 'set null' }),
  title: text('title').notNull(),
  note: text('note'),
  dueOn: text('due_on').notNull(),
  assignedTo: integer('assigned_to')
    .notNull()
    .references(() => users.id),
  doneOn: text('done_on'),
  doneBy: integer('done_by').references(() => users.id),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const caseNotes = sqliteTable('case_notes', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  occurredAt: text('occurred_at').notNull(),
  kind: text('kind', { enum: CASE_NOTE_KINDS }).notNull(),
  durationMinutes: integer('duration_minutes'),
  present: text('present'),
  body: text('body').notNull(),
  goalId: integer('goal_id').references(() => goals.id, { onDelete: 'set null' }),
  sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
  writtenBy: integer('written_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  editedBy: integer('edited_by').references(() => users.id),
  editedAt: text('edited_at'),
  version: integer('version').notNull().default(1),
});

export const caseNoteVersions = sqliteTable('case_note_versions', {
  id: integer('id').primaryKey(),
  noteId: integer('note_id')
    .notNull()
    .references(() => caseNotes.id, { onDelete: 'cascade' }),
  clientId: clientId(),
  version: integer('version').notNull(),
  occurredAt: text('occurred_at').notNull(),
  kind: text('kind', { enum: CASE_NOTE_KINDS }).notNull(),
  durationMinutes: integer('duration_minutes'),
  present: text('present'),
  body: text('body').notNull(),
  goalId: integer('goal_id'),
  sensitive: integer('sensitive', { mode: 'boolean' }).notNull(),
  writtenBy: integer('written_by').references(() => users.id),
  replacedBy: integer('replaced_by').references(() => users.id),
  replacedAt: text('replaced_at').notNull(),
});

export const safetyPlans = sqliteTable('safety_plans', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  warningSigns: text('warning_signs').notNull(),
  copingSteps: text('coping_steps').notNull(),
  keepingSafe: text('keeping_safe'),
  contacts: text('contacts', { mode: 'json' })
    .$type<{ name: string; role: string | null; phone: string | null }[]>()
    .notNull()
    .default([]),
  agreedOn: text('agreed_on').notNull(),
  reviewOn: text('review_on').notNull(),
  writtenBy: integer('written_by').references(() => users.id),
  writtenAt: text('written_at').notNull(),
});

export const agencies = sqliteTable('agencies', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  /** Folded name: one active agency per name, whatever the accents or capitals. */
  foldedName: text('folded_name').notNull(),
  services: text('services'),
  address: text('address'),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  referralRoutes: text('referral_routes', { mode: 'json' }).$type<ReferralRoute[]>().notNull().default([]),
  howToRefer: text('how_to_refer'),
  notes: text('notes'),
  /** Folded name, services and contact names, for the directory search. */
  searchText: text('search_text').notNull(),
  /** Sending a referral here needs the client's current eligibility decision for this service (migration 23). */
  requiresServiceId: integer('requires_service_id').references((): AnySQLiteColumn => eligibilityServices.id),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const agencyContacts = sqliteTable('agency_contacts', {
  id: integer('id').primaryKey(),
  agencyId: integer('agency_id')
    .notNull()
    .references(() => agencies.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  role: text('role'),
  phone: text('phone'),
  email: text('email'),
});

export const referrals = sqliteTable('referrals', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  agencyId: integer('agency_id')
    .notNull()
    .references(() => agencies.id),
  contactId: integer('contact_id').references(() => agencyContacts.id, { onDelete: 'set null' }),
  reason: text('reason').notNull(),
  areaId: integer('area_id').references(() => needAreas.id),
  urgency: text('urgency', { enum: REFERRAL_URGENCIES }).notNull(),
  sharedInfo: text('shared_info'),
  status: text('status', { enum: REFERRAL_STATUSES }).notNull().default('draft'),
  statusOn: text('status_on').notNull(),
  sentOn: text('sent_on'),
  followUpOn: text('follow_up_on'),
  outcome: text('outcome'),
  createdOn: text('created_on').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const referralChanges = sqliteTable('referral_changes', {
  id: integer('id').primaryKey(),
  referralId: integer('referral_id')
    .notNull()
    .references(() => referrals.id, { onDelete: 'cascade' }),
  clientId: clientId(),
  fromStatus: text('from_status', { enum: REFERRAL_STATUSES }),
  status: text('status', { enum: REFERRAL_STATUSES }).notNull(),
  changedOn: text('changed_on').notNull(),
  note: text('note'),
  changedBy: integer('changed_by').references(() => users.id),
  changedAt: text('changed_at').notNull(),
});

export const letterTemplates = sqliteTable('letter_templates', {
  id: integer('id').primaryKey(),
  kind: text('kind', { enum: LETTER_KINDS }).notNull(),
  language: text('language').notNull(),
  name: text('name').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  builtinKey: text('builtin_key'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  version: integer('version').notNull().default(1),
});

export const letters = sqliteTable('letters', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  templateId: integer('template_id').references(() => letterTemplates.id, { onDelete: 'set null' }),
  templateName: text('template_name').notNull(),
  kind: text('kind', { enum: LETTER_KINDS }).notNull(),
  language: text('language').notNull(),
  referralId: integer('referral_id').references(() => referrals.id, { onDelete: 'set null' }),
  letterDate: text('letter_date').notNull(),
  content: text('content', { mode: 'json' }).$type<LetterContent>().notNull(),
  writtenBy: integer('written_by').references(() => users.id),
  writtenAt: text('written_at').notNull(),
});

export const programmes = sqliteTable('programmes', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  kind: text('kind', { enum: PROGRAMME_KINDS }).notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on'),
  capacity: integer('capacity'),
  facilitators: text('facilitators', { mode: 'json' }).$type<string[]>().notNull().default([]),
  venue: text('venue'),
  /** Registering someone needs their current eligibility decision for this service (migration 23). */
  requiresServiceId: integer('requires_service_id').references((): AnySQLiteColumn => eligibilityServices.id),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const programmeSessions = sqliteTable('programme_sessions', {
  id: integer('id').primaryKey(),
  programmeId: integer('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  heldOn: text('held_on').notNull(),
  /** Local time of day, HH:MM: a session stays at 18:00 whatever summer time does. */
  startsAt: text('starts_at').notNull(),
  endsAt: text('ends_at'),
  venue: text('venue'),
  facilitator: text('facilitator'),
  note: text('note'),
  cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
  cancelReason: text('cancel_reason'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const programmeMembers = sqliteTable(
  'programme_members',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    clientId: clientId(),
    registeredOn: text('registered_on').notNull(),
    registeredBy: integer('registered_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.clientId] })],
);

export const attendance = sqliteTable(
  'attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => programmeSessions.id, { onDelete: 'cascade' }),
    clientId: clientId(),
    /** Came without being on the programme's list at the time. */
    walkIn: integer('walk_in', { mode: 'boolean' }).notNull().default(false),
    markedBy: integer('marked_by').references(() => users.id),
    markedAt: text('marked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.clientId] })],
);

/** People who came to a session without giving their name, counted by age band. */
export const sessionHeadcounts = sqliteTable(
  'session_headcounts',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => programmeSessions.id, { onDelete: 'cascade' }),
    ageBand: text('age_band', { enum: AGE_BANDS }).notNull(),
    people: integer('people').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.ageBand] })],
);

export const helpTypes = sqliteTable('support_types', {
  id: integer('id').primaryKey(),
  builtinKey: text('builtin_key', { enum: BUILTIN_HELP_TYPES }).unique(),
  name: text('name'),
  foldedName: text('folded_name'),
  unitValue: integer('unit_value'),
  repeatLimit: integer('repeat_limit'),
  repeatDays: integer('repeat_days'),
  position: integer('position').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const helpGiven = sqliteTable('support_given', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  typeId: integer('type_id')
    .notNull()
    .references(() => helpTypes.id),
  givenOn: text('given_on').notNull(),
  quantity: integer('quantity').notNull(),
  /** Minor units (pence, grosze) of the charity's currency. */
  value: integer('value'),
  sessionId: integer('session_id').references(() => programmeSessions.id, { onDelete: 'set null' }),
  note: text('note'),
  overrideReason: text('override_reason'),
  givenBy: integer('given_by').references(() => users.id),
  recordedAt: text('recorded_at').notNull(),
});

/** A decision to keep a closed case past the retention period, with its reason and next review. */
export const retentionHolds = sqliteTable('retention_holds', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  reason: text('reason').notNull(),
  keptOn: text('kept_on').notNull(),
  reviewOn: text('review_on').notNull(),
  keptBy: integer('kept_by').references(() => users.id),
});

/** A client's request for a copy of everything held about them; due one calendar month after it arrived. */
export const accessRequests = sqliteTable('subject_access_requests', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  receivedOn: text('received_on').notNull(),
  dueOn: text('due_on').notNull(),
  note: text('note'),
  packSavedOn: text('pack_saved_on'),
  answeredOn: text('answered_on'),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: text('recorded_at').notNull(),
});

/** Clients brought in from a spreadsheet at once; the last import can be undone. */
export const clientImports = sqliteTable('client_imports', {
  id: integer('id').primaryKey(),
  fileName: text('file_name').notNull(),
  importedAt: text('imported_at').notNull(),
  importedBy: integer('imported_by').references(() => users.id),
  clients: integer('clients').notNull(),
  skipped: integer('skipped').notNull(),
  undoneAt: text('undone_at'),
  undoneBy: integer('undone_by').references(() => users.id),
});

export const clientImportMembers = sqliteTable(
  'client_import_members',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => clientImports.id, { onDelete: 'cascade' }),
    clientId: clientId(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.clientId] })],
);

/** Clients shared with someone other than their caseworker (migration 12; see clients/reach.ts). */
export const clientShares = sqliteTable(
  'client_shares',
  {
    clientId: clientId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    sharedBy: integer('shared_by').references(() => users.id),
    sharedAt: text('shared_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.clientId] })],
);

/** Files Casebook saved outside its data folder that name a client (null: many clients, e.g. a client list). */
export const savedFiles = sqliteTable('saved_files', {
  id: integer('id').primaryKey(),
  clientId: integer('client_id').references(() => clients.id, { onDelete: 'cascade' }),
  what: text('what', { enum: SAVED_FILE_KINDS }).notNull(),
  path: text('path').notNull(),
  savedAt: text('saved_at').notNull(),
  savedBy: integer('saved_by').references(() => users.id),
});

/** A document's bytes, once per distinct file (migration 20 removes one when its last document goes). */
export const documentContents = sqliteTable('document_contents', {
  id: integer('id').primaryKey(),
  sha256: text('sha256').notNull().unique(),
  size: integer('size').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
});

/** A document on a client's file: what it is, and which stored file holds it. */
export const documents = sqliteTable('documents', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  contentId: integer('content_id')
    .notNull()
    .references(() => documentContents.id),
  kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
  title: text('title').notNull(),
  documentDate: text('document_date'),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  view: text('view', { enum: DOCUMENT_VIEWS }).notNull(),
  caseNoteId: integer('case_note_id').references(() => caseNotes.id, { onDelete: 'set null' }),
  referralId: integer('referral_id').references(() => referrals.id, { onDelete: 'set null' }),
  letterId: integer('letter_id').references(() => letters.id, { onDelete: 'set null' }),
  addedAt: text('added_at').notNull(),
  addedBy: integer('added_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
  /** Kept past its kind's keeping time by an administrator until this date (migration 21), and why. */
  keptUntil: text('kept_until'),
  keptReason: text('kept_reason'),
  eligibilityCheckId: integer('eligibility_check_id').references((): AnySQLiteColumn => eligibilityChecks.id, {
    onDelete: 'set null',
  }),
});

/** A service a client may qualify for, and its checklist (migration 22). */
export const eligibilityServices = sqliteTable('eligibility_services', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  namePl: text('name_pl'),
  recheckMonths: integer('recheck_months'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const eligibilityCriteria = sqliteTable('eligibility_criteria', {
  id: integer('id').primaryKey(),
  serviceId: integer('service_id')
    .notNull()
    .references(() => eligibilityServices.id),
  position: integer('position').notNull(),
  text: text('text').notNull(),
  textPl: text('text_pl'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const eligibilityChecks = sqliteTable('eligibility_checks', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  serviceId: integer('service_id')
    .notNull()
    .references(() => eligibilityServices.id),
  checkedOn: text('checked_on').notNull(),
  decision: text('decision', { enum: DECISIONS }).notNull(),
  decidedBy: integer('decided_by').references(() => users.id),
  recheckOn: text('recheck_on'),
  note: text('note'),
  createdAt: text('created_at').notNull(),
});

/** Each criterion of a check as it was asked, whether it was met, and the evidence. */
export const eligibilityAnswers = sqliteTable(
  'eligibility_answers',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => eligibilityChecks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    criterionId: integer('criterion_id').references(() => eligibilityCriteria.id),
    text: text('text').notNull(),
    textPl: text('text_pl'),
    met: integer('met', { mode: 'boolean' }).notNull(),
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'set null' }),
    evidence: text('evidence'),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.position] })],
);

/** The diary: an appointment with one client or several, and people from the charity or an agency. */
export const appointments = sqliteTable('appointments', {
  id: integer('id').primaryKey(),
  /** The first appointment of the run this one belongs to. */
  seriesId: integer('series_id').references((): AnySQLiteColumn => appointments.id, { onDelete: 'set null' }),
  kind: text('kind', { enum: APPOINTMENT_KINDS }).notNull(),
  onDate: text('on_date').notNull(),
  startsAt: text('starts_at').notNull(),
  endsAt: text('ends_at').notNull(),
  place: text('place'),
  room: text('room'),
  agencyId: integer('agency_id').references(() => agencies.id),
  agencyContact: text('agency_contact'),
  note: text('note'),
  /** A home visit: when the visitor expects to be back, and when they said they were. */
  backBy: text('back_by'),
  backSafelyAt: text('back_safely_at'),
  backSafelyBy: integer('back_safely_by').references(() => users.id),
  /** When Casebook first raised the alert that the visitor was not back. */
  alertRaisedAt: text('alert_raised_at'),
  cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
  cancelReason: text('cancel_reason'),
  bookedBy: integer('booked_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const appointmentClients = sqliteTable(
  'appointment_clients',
  {
    appointmentId: integer('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    clientId: clientId(),
    outcome: text('outcome', { enum: APPOINTMENT_OUTCOMES }).notNull().default('booked'),
    outcomeAt: text('outcome_at'),
    outcomeBy: integer('outcome_by').references(() => users.id),
    noteId: integer('note_id').references(() => caseNotes.id, { onDelete: 'set null' }),
    textedAt: text('texted_at'),
  },
  (t) => [primaryKey({ columns: [t.appointmentId, t.clientId] })],
);

export const appointmentStaff = sqliteTable(
  'appointment_staff',
  {
    appointmentId: integer('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.appointmentId, t.userId] })],
);

/** A note for the next person on shift: on the home screen until someone else has read it. */
export const handoverNotes = sqliteTable('handover_notes', {
  id: integer('id').primaryKey(),
  body: text('body').notNull(),
  writtenBy: integer('written_by').references(() => users.id),
  writtenAt: text('written_at').notNull(),
  readBy: integer('read_by').references(() => users.id),
  readAt: text('read_at'),
});

/** The charity's own questions on the client record (migration 26): how each is handled, and its wording now. */
export const customFields = sqliteTable('custom_fields', {
  id: integer('id').primaryKey(),
  type: text('type', { enum: CUSTOM_FIELD_TYPES }).notNull(),
  position: integer('position').notNull(),
  required: integer('required', { mode: 'boolean' }).notNull().default(false),
  inIntake: integer('in_intake', { mode: 'boolean' }).notNull().default(true),
  identifying: integer('identifying', { mode: 'boolean' }).notNull().default(false),
  sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  wordingId: integer('wording_id').references((): AnySQLiteColumn => customFieldWordings.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
  /** The form the question belongs to (migration 29); null: a question on the client record. */
  formId: integer('form_id').references((): AnySQLiteColumn => customForms.id),
});

/** Each wording a field has had, never changed once written: answers name the one they were given under. */
export const customFieldWordings = sqliteTable('custom_field_wordings', {
  id: integer('id').primaryKey(),
  fieldId: integer('field_id')
    .notNull()
    .references((): AnySQLiteColumn => customFields.id),
  label: text('label').notNull(),
  labelPl: text('label_pl'),
  help: text('help'),
  helpPl: text('help_pl'),
  choices: text('choices', { mode: 'json' }).$type<Choice[]>().notNull().default([]),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
});

/** A client's answer to one of the charity's questions, as JSON, under the wording it was given. */
export const clientAnswers = sqliteTable(
  'client_answers',
  {
    clientId: clientId(),
    fieldId: integer('field_id')
      .notNull()
      .references(() => customFields.id),
    wordingId: integer('wording_id')
      .notNull()
      .references(() => customFieldWordings.id),
    value: text('value', { mode: 'json' }).$type<AnswerValue>().notNull(),
    answeredAt: text('answered_at').notNull(),
    answeredBy: integer('answered_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.fieldId] })],
);

/** Referrals into the charity, before anyone is a client, and its waiting list (migration 27). */
export const incomingReferrals = sqliteTable('incoming_referrals', {
  id: integer('id').primaryKey(),
  receivedOn: text('received_on').notNull(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  dateOfBirth: text('date_of_birth'),
  phone: text('phone'),
  email: text('email'),
  postcode: text('postcode'),
  preferredLanguage: text('preferred_language'),
  reason: text('reason').notNull(),
  source: text('source', { enum: INCOMING_SOURCES }).notNull(),
  referrerName: text('referrer_name'),
  referrerContact: text('referrer_contact'),
  agencyId: integer('agency_id').references(() => agencies.id),
  urgency: text('urgency', { enum: REFERRAL_URGENCIES }).notNull(),
  atRisk: integer('at_risk', { mode: 'boolean' }).notNull().default(false),
  riskNote: text('risk_note'),
  consentToHold: integer('consent_to_hold', { mode: 'boolean' }).notNull(),
  status: text('status', { enum: INCOMING_STATUSES }).notNull().default('new'),
  programmeId: integer('programme_id').references(() => programmes.id),
  waitingSince: text('waiting_since'),
  offeredOn: text('offered_on'),
  checkedOn: text('checked_on'),
  decidedOn: text('decided_on'),
  decidedBy: integer('decided_by').references(() => users.id),
  declineReason: text('decline_reason'),
  clientId: integer('client_id').references(() => clients.id, { onDelete: 'cascade' }),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
  /** The letter back to the referrer when the referral was declined, as written (migration 30). */
  reply: text('reply', { mode: 'json' }).$type<LetterContent>(),
  replyWrittenBy: integer('reply_written_by').references(() => users.id),
  replyWrittenAt: text('reply_written_at'),
  /** When a referral that never became a client had its personal details removed (migration 31). */
  forgottenOn: text('forgotten_on'),
  version: integer('version').notNull().default(1),
});

/** Signposting: a contact with someone not (yet) a client, and where they were told to go (migration 28). */
export const signposting = sqliteTable('signposting', {
  id: integer('id').primaryKey(),
  contactedOn: text('contacted_on').notNull(),
  how: text('how', { enum: SIGNPOST_CHANNELS }).notNull(),
  needAreaId: integer('need_area_id').references(() => needAreas.id),
  topic: text('topic'),
  agencyId: integer('agency_id').references(() => agencies.id),
  elsewhere: text('elsewhere'),
  name: text('name'),
  phone: text('phone'),
  language: text('language'),
  note: text('note'),
  clientId: integer('client_id').references(() => clients.id, { onDelete: 'cascade' }),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: text('recorded_at').notNull(),
});

/** The charity's own forms (migration 29): a named set of questions, perhaps scored into bands. */
export const customForms = sqliteTable('custom_forms', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  namePl: text('name_pl'),
  about: text('about'),
  aboutPl: text('about_pl'),
  scored: integer('scored', { mode: 'boolean' }).notNull().default(false),
  areaId: integer('area_id').references(() => needAreas.id),
  bands: text('bands', { mode: 'json' }).$type<Band[]>().notNull(),
  /** Asked with a referral or a registration instead of on its own (migration 32); null: on its own or with notes. */
  askedWith: text('asked_with', { enum: ['referral', 'registration'] }),
  /** Asked with each case note of this kind (migration 33). */
  noteKind: text('note_kind', { enum: CASE_NOTE_KINDS }),
  /** Asked with registrations on this programme only (migration 33); null: on every programme. */
  programmeId: integer('programme_id').references(() => programmes.id),
  position: integer('position').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** A form filled in for a client: dated, with its total and band as worked out then. */
export const formEntries = sqliteTable('form_entries', {
  id: integer('id').primaryKey(),
  clientId: clientId(),
  formId: integer('form_id')
    .notNull()
    .references(() => customForms.id),
  filledOn: text('filled_on').notNull(),
  score: integer('score'),
  band: text('band', { mode: 'json' }).$type<Band | null>(),
  assessmentId: integer('assessment_id').references(() => assessments.id, { onDelete: 'set null' }),
  /** The referral it was filled in with (migration 32). */
  referralId: integer('referral_id').references(() => referrals.id, { onDelete: 'cascade' }),
  /** The programme it was filled in with the registration on, or the case note it was filled in with (migration 33). */
  programmeId: integer('programme_id').references(() => programmes.id),
  caseNoteId: integer('case_note_id').references(() => caseNotes.id, { onDelete: 'cascade' }),
  filledBy: integer('filled_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** A filled form's answers, each under the wording it was given in. */
export const formAnswers = sqliteTable(
  'form_answers',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => formEntries.id, { onDelete: 'cascade' }),
    fieldId: integer('field_id')
      .notNull()
      .references(() => customFields.id),
    wordingId: integer('wording_id')
      .notNull()
      .references(() => customFieldWordings.id),
    value: text('value', { mode: 'json' }).$type<AnswerValue>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.fieldId] })],
);
