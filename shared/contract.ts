import { z } from 'zod';
import { digestSchema, handoverInputSchema } from './domain/digest';
import { customFormSchema, fillFormSchema, formEntrySchema, saveFormSchema } from './domain/customForm';
import { agencySheetSchema, signpostInputSchema, signpostListQuerySchema, signpostSchema } from './domain/signposting';
import {
  declineIncomingSchema,
  incomingInputSchema,
  incomingListQuerySchema,
  incomingListSchema,
  incomingSchema,
  stillNeedDaysSchema,
  stillNeedSchema,
  waitlistSchema,
} from './domain/incoming';
import {
  answerInputSchema,
  clientAnswerSchema,
  CUSTOM_FIELDS_MAX,
  customFieldSchema,
  saveAnswersSchema,
  saveCustomFieldSchema,
} from './domain/customField';
import {
  appointmentOutcomeSchema,
  appointmentSchema,
  bookAppointmentSchema,
  bookingResultSchema,
  cancelAppointmentSchema,
  changeAppointmentSchema,
  clientAppointmentsSchema,
  daySheetQuerySchema,
  diaryQuerySchema,
  myDiaryDetailsSchema,
  safetyAlertsSchema,
  textToSendSchema,
} from './domain/appointment';
import { jobIdSchema, jobProgressSchema, withJobId } from './domain/jobs';
import { printoutSchema } from './domain/printout';
import { filePath } from './domain/validation';
import { charityLogoSchema, charitySchema } from './domain/charity';
import { agencyInputSchema, agencySchema, agencySearchSchema, agencySummarySchema } from './domain/agency';
import {
  referralInputSchema,
  referralLineSchema,
  referralListQuerySchema,
  referralSchema,
  referralStatusInputSchema,
} from './domain/referral';
import {
  letterContentSchema,
  letterEditsSchema,
  letterRequestSchema,
  letterSchema,
  letterTemplateSchema,
  templateInputSchema,
} from './domain/letter';
import { assessmentInputSchema, needAreaSchema, saveNeedAreaSchema } from './domain/assessment';
import {
  clientCountSchema,
  clientDetailsSchema,
  clientIdSchema,
  clientSchema,
  clientSearchSchema,
  clientSummarySchema,
  statusChangeSchema,
} from './domain/client';
import {
  clientRecordSchema,
  duplicateMatchSchema,
  duplicateQuerySchema,
  intakeSchema,
  mergeResultSchema,
  mergeSchema,
} from './domain/clientRecord';
import { consentInputSchema, withdrawConsentSchema } from './domain/consent';
import { householdMemberInputSchema, keyContactInputSchema } from './domain/household';
import { raiseRiskFlagSchema, removeRiskFlagSchema } from './domain/riskFlag';
import { caseNoteInputSchema, caseNoteSchema, caseNoteVersionSchema } from './domain/caseNote';
import { caseloadSchema, REVIEW_WEEKS_MAX, REVIEW_WEEKS_MIN } from './domain/caseload';
import { safetyPlanInputSchema, safetyPlanSchema } from './domain/safetyPlan';
import {
  endPlanSchema,
  goalInputSchema,
  goalUpdateInputSchema,
  GOAL_STATUSES,
  plansViewSchema,
  supportPlanInputSchema,
  taskInputSchema,
  taskSchema,
} from './domain/supportPlan';
import { timelineEntrySchema, timelineQuerySchema } from './domain/timeline';
import {
  attendanceInputSchema,
  clientProgrammesSchema,
  headcountInputSchema,
  periodSchema,
  programmeDetailSchema,
  programmeFiguresSchema,
  programmeInputSchema,
  programmeListQuerySchema,
  programmeSummarySchema,
  registerInputSchema,
  registrationAnswersSchema,
  sessionCancelSchema,
  sessionChangeSchema,
  sessionPatternSchema,
  sessionRegisterSchema,
} from './domain/programme';
import {
  repeatWarningSchema,
  saveHelpTypeSchema,
  helpGivenCheckSchema,
  helpGivenSchema,
  helpGivenInputSchema,
  helpGivenListQuerySchema,
  helpGivenRemoveSchema,
  helpGivenTotalsSchema,
  helpTypeSchema,
} from './domain/helpGiven';
import { funderReportQuerySchema, funderReportSchema } from './domain/report';
import {
  addDocumentSchema,
  clientDocumentsSchema,
  documentAddedSchema,
  documentContentSchema,
  documentSchema,
  fileFromInboxSchema,
  inboxContentSchema,
  inboxNameSchema,
  inboxSchema,
  updateDocumentSchema,
} from './domain/document';
import {
  eligibilityCheckSchema,
  recheckDueSchema,
  recordCheckSchema,
  saveServiceSchema,
  serviceSchema,
} from './domain/eligibility';
import { eraseClientSchema, ERASURE_MODES, savedFilesSchema } from './domain/erasure';
import {
  documentKeepDaysSchema,
  keepCaseSchema,
  keepDocumentSchema,
  retentionViewSchema,
  retentionYearsSchema,
  nonClientMonthsSchema,
  forgetNonClientsSchema,
} from './domain/retention';
import {
  clientImportSchema,
  importPreviewSchema,
  importQuerySchema,
  importResultSchema,
  importRunSchema,
} from './domain/clientImport';
import {
  accessAnsweredSchema,
  accessPackSavedSchema,
  accessRequestInputSchema,
  accessRequestSchema,
} from './domain/subjectAccess';
import { optionalText } from './domain/validation';
import { UI_LANGUAGES } from './domain/languages';
import {
  backupCredentialsSchema,
  backupMadeSchema,
  backupSettingsSchema,
  backupStatusSchema,
  backupSummarySchema,
  driveSchema,
} from './domain/backup';
import { auditEntrySchema, auditFiltersSchema, auditVerificationSchema } from './domain/audit';
import { ROLES, sessionUserSchema, userNameSchema, userSchema, type Role } from './domain/user';
import { newPassword } from './domain/validation';

/**
 * THE table of channels between the renderer and the core. Each channel says what it takes, what it
 * gives back, and who may call it:
 *  - 'open': before unlock (status, setup, unlock, language, lock);
 *  - a list of roles: only while unlocked, and only by a user with one of those roles. The main
 *    process enforces it on every call; hiding a button is not enough.
 * Both transports (Electron IPC and the test bridge) dispatch through this table.
 */
export type Access = 'open' | readonly Role[];
export const ANYONE: readonly Role[] = ROLES;
export const CASEWORK: readonly Role[] = ['admin', 'caseworker'];
export const ADMIN: readonly Role[] = ['admin'];

interface ChannelDef<I extends z.ZodType, O extends z.ZodType> {
  access: Access;
  input: I;
  output: O;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O): ChannelDef<I, O> => ({
  access,
  input,
  output,
});

const empty = z.object({}).strict();
const uiLanguage = z.enum(UI_LANGUAGES);

export const appStateSchema = z.object({
  /**
   * needsSetup: no data yet; locked: data present, nobody signed in; unlocked: a user is signed in;
   * problem: the data folder is in a state Casebook will not touch (see `problem`).
   */
  state: z.enum(['needsSetup', 'locked', 'unlocked', 'problem']),
  problem: z
    .enum(['KEY_FILE_MISSING', 'KEY_FILE_DAMAGED', 'KEY_FILE_TOO_NEW', 'DATABASE_MISSING', 'NOT_WRITABLE', 'DISK_FULL'])
    .nullable(),
  language: uiLanguage,
  user: sessionUserSchema.nullable(),
  /** True after unlocking with the recovery key: a new password must be chosen before anything else. */
  mustChangePassword: z.boolean(),
  /** True when this session was opened with the recovery key rather than a password. */
  unlockedWithRecoveryKey: z.boolean(),
  /**
   * Why the app is locked, so the unlock screen can say so: 'idle' when it locked itself,
   * 'restarted' when the core stopped unexpectedly and was started again.
   */
  lockReason: z.enum(['idle', 'manual', 'restarted']).nullable(),
  idleMinutes: z.number().int(),
  dataDir: z.string(),
  /** The core's clock when this state was read (ISO): the window's "today" follows it. */
  now: z.string(),
  /**
   * Signed in to records that look older than they should: an earlier copy of the records
   * ('records'), of the key file ('keyFile'), of both ('both') was put back, or the key file was
   * edited ('keyFileChanged'). Shown until an administrator confirms them (records.acceptAsTheyAre).
   */
  rollback: z.enum(['records', 'keyFile', 'both', 'keyFileChanged']).nullable(),
  /**
   * The charity keeps caseworkers and volunteers to their own clients and those shared with them
   * (administrators see everyone). False while locked.
   */
  ownClientsOnly: z.boolean(),
  /** Volunteers see clients' dates of birth, phone numbers, addresses, households and safety plans. False while locked. */
  volunteersSeeContactDetails: z.boolean(),
});
export type AppState = z.infer<typeof appStateSchema>;

/** Help > About and Help > Where my data is. */
export const aboutSchema = z.object({
  version: z.string(),
  /** "Electron 45.4.1, Chromium …" in the app; null where there is no Electron (tests). */
  runtime: z.string().nullable(),
  dataDir: z.string(),
  logDir: z.string().nullable(),
  /** The files of the records, with their sizes, when they exist. */
  files: z.array(z.object({ name: z.string(), bytes: z.number().int() })),
  /** Whether someone is signed in: the last backup can only be read from the records then. */
  signedIn: z.boolean(),
  /** When and where the last backup went (only while signed in: it is kept inside the records). */
  lastBackup: z.object({ at: z.string(), location: z.string() }).nullable(),
});
export type About = z.infer<typeof aboutSchema>;

export const recoveryKeyShown = z.object({
  groups: z.array(z.string()),
  /** 1-based number of the group the user must type back to prove they kept the key. */
  confirmGroup: z.number().int(),
});

export const contract = {
  'app.status': channel('open', empty, appStateSchema),
  'app.setLanguage': channel('open', z.object({ language: uiLanguage }), appStateSchema),
  'app.about': channel('open', empty, aboutSchema),
  /** Opens the data or log folder in the file manager (the records in it are encrypted). */
  'app.openFolder': channel('open', z.object({ folder: z.enum(['data', 'logs']) }), z.object({})),

  'setup.prepare': channel(
    'open',
    z.object({
      charity: charitySchema,
      admin: z.object({ name: userNameSchema, password: newPassword() }),
    }),
    recoveryKeyShown,
  ),
  'setup.saveRecoverySheet': channel('open', empty, z.object({ path: z.string() })),
  /** The recovery sheet for the print dialog: printing it keeps the key as saving it does. */
  'setup.printRecoverySheet': channel('open', empty, printoutSchema),
  'setup.finish': channel('open', z.object({ confirmation: z.string().max(100) }), appStateSchema),

  'signIn.unlock': channel(
    'open',
    z.object({ name: userNameSchema, password: z.string().min(1, { error: 'required' }).max(1024) }),
    appStateSchema,
  ),
  'signIn.unlockWithRecoveryKey': channel(
    'open',
    z.object({ name: userNameSchema, recoveryKey: z.string().min(1, { error: 'required' }).max(200) }),
    appStateSchema,
  ),
  /** After a recovery-key unlock or a first login: choose a new password (no current one needed). */
  'signIn.setNewPassword': channel(ANYONE, z.object({ newPassword: newPassword() }), appStateSchema),
  'signIn.changePassword': channel(
    ANYONE,
    z.object({ currentPassword: z.string().min(1, { error: 'required' }).max(1024), newPassword: newPassword() }),
    appStateSchema,
  ),
  'signIn.lock': channel('open', empty, appStateSchema),
  /** The renderer reports that a person is active, so the idle lock waits. */
  'signIn.touch': channel('open', empty, appStateSchema),
  /** After a suspected rollback: an administrator says these are the records to keep. */
  'signIn.acceptRecordsAsTheyAre': channel(ADMIN, empty, appStateSchema),

  'charity.get': channel(ANYONE, empty, charitySchema),
  'charity.update': channel(ADMIN, charitySchema, charitySchema),
  /** The letterhead logo, as a data: URL for the screen. */
  'charity.logo': channel(ANYONE, empty, charityLogoSchema),
  /** Asks for a PNG or JPEG file and makes it the letterhead logo. */
  'charity.chooseLogo': channel(ADMIN, empty, charityLogoSchema),
  'charity.removeLogo': channel(ADMIN, empty, charityLogoSchema),

  'settings.update': channel(
    ADMIN,
    z.object({ idleMinutes: z.number().int().min(1, { error: 'idleRange' }).max(60, { error: 'idleRange' }) }),
    appStateSchema,
  ),
  /** Caseworkers and volunteers see only their own clients and those shared with them (or everyone). */
  'settings.setOwnClientsOnly': channel(ADMIN, z.object({ ownClientsOnly: z.boolean() }), appStateSchema),
  /** A volunteer running a drop-in needs names, references, risk flags and groups; contact details only if the charity says so. */
  'settings.setVolunteersSeeContactDetails': channel(
    ADMIN,
    z.object({ volunteersSeeContactDetails: z.boolean() }),
    appStateSchema,
  ),

  'users.list': channel(ADMIN, empty, z.object({ items: z.array(userSchema) })),
  'users.create': channel(
    ADMIN,
    z.object({ name: userNameSchema, role: z.enum(ROLES), password: newPassword() }),
    userSchema,
  ),
  'users.update': channel(
    ADMIN,
    z.object({ id: z.number().int().positive(), name: userNameSchema, role: z.enum(ROLES) }),
    userSchema,
  ),
  'users.deactivate': channel(ADMIN, z.object({ id: z.number().int().positive() }), userSchema),
  /** Gives a user a new password they must change at their next login; reactivates a deactivated user. */
  'users.resetPassword': channel(
    ADMIN,
    z.object({ id: z.number().int().positive(), password: newPassword() }),
    userSchema,
  ),

  /** A new recovery key replaces the old one: shown, saved as a sheet, confirmed, then written. */
  'recovery.prepare': channel(ADMIN, empty, recoveryKeyShown),
  'recovery.saveSheet': channel(ADMIN, empty, z.object({ path: z.string() })),
  'recovery.printSheet': channel(ADMIN, empty, printoutSchema),
  'recovery.confirm': channel(
    ADMIN,
    z.object({ confirmation: z.string().max(100) }),
    z.object({ replacedAt: z.string() }),
  ),

  'audit.list': channel(
    ADMIN,
    auditFiltersSchema.extend({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ items: z.array(auditEntrySchema), total: z.number().int() }),
  ),
  'audit.exportCsv': channel(ADMIN, auditFiltersSchema, z.object({ path: z.string(), rows: z.number().int() })),
  'audit.verify': channel(ADMIN, empty, auditVerificationSchema),
  /** Everything the charity holds, as a workbook and JSON with a data dictionary: not encrypted (the screen says so). */
  'fullExport.everything': channel(
    ADMIN,
    z.object({ jobId: jobIdSchema.optional() }),
    z.object({
      xlsxPath: z.string(),
      jsonPath: z.string(),
      tables: z.number().int(),
      rows: z.number().int(),
      workbookHasRows: z.boolean(),
    }),
  ),

  'backup.status': channel(ANYONE, empty, backupStatusSchema),
  'backup.updateSettings': channel(ADMIN, backupSettingsSchema, backupStatusSchema),
  'backup.drives': channel(ADMIN, empty, z.object({ drives: z.array(driveSchema) })),
  'backup.chooseFolder': channel(ADMIN, empty, z.object({ path: z.string() })),
  'backup.create': channel(ADMIN, withJobId(z.object({ targetDir: filePath() })), backupMadeSchema),
  /**
   * Checking and restoring work before anyone can sign in too (a new PC, damaged records). While
   * signed in they need an administrator; while locked, credentials that open the current records.
   */
  'backup.chooseFile': channel('open', empty, z.object({ path: z.string() })),
  'backup.inspect': channel(
    'open',
    withJobId(z.object({ path: filePath(), credentials: backupCredentialsSchema })),
    backupSummarySchema,
  ),
  'backup.restore': channel(
    'open',
    withJobId(z.object({ path: filePath(), credentials: backupCredentialsSchema })),
    appStateSchema,
  ),

  'clients.search': channel(
    ANYONE,
    clientSearchSchema,
    z.object({ items: z.array(clientSummarySchema), total: z.number().int().nullable() }),
  ),
  'clients.count': channel(ANYONE, clientCountSchema, z.object({ total: z.number().int() })),
  /** Every client matching the list's filters, as CSV (caseworkers and administrators; recorded as an export). */
  'clients.exportCsv': channel(
    CASEWORK,
    clientSearchSchema.omit({ limit: true, offset: true }),
    z.object({ path: z.string(), rows: z.number().int() }),
  ),
  'clients.findDuplicates': channel(CASEWORK, duplicateQuerySchema, z.array(duplicateMatchSchema)),
  /** The whole record for the client's page; logs that the user viewed it. */
  'clients.get': channel(ANYONE, z.object({ id: clientIdSchema }), clientRecordSchema),
  'clients.intake': channel(CASEWORK, intakeSchema, clientSchema),
  'clients.update': channel(
    CASEWORK,
    z.object({ id: clientIdSchema, version: z.number().int(), details: clientDetailsSchema }),
    clientSchema,
  ),
  'clients.setStatus': channel(
    CASEWORK,
    z.object({ id: clientIdSchema, version: z.number().int(), change: statusChangeSchema }),
    clientRecordSchema,
  ),
  'clients.merge': channel(ADMIN, mergeSchema, mergeResultSchema),
  /** Active administrators and caseworkers: who a client can be allocated to. */
  'clients.caseworkers': channel(ANYONE, empty, z.array(z.object({ id: z.number().int(), name: z.string() }))),
  /** Who else may see this client when caseworkers see only their own (replaces the list; its caseworker needs no share). */
  'clients.share': channel(
    CASEWORK,
    z.object({ clientId: clientIdSchema, userIds: z.array(z.number().int().positive()).max(100) }),
    clientRecordSchema,
  ),

  // Changes to the parts of a client's record; each gives back the fresh record.
  'consent.record': channel(
    CASEWORK,
    z.object({ clientId: clientIdSchema, consent: consentInputSchema }),
    clientRecordSchema,
  ),
  'consent.withdraw': channel(CASEWORK, withdrawConsentSchema, clientRecordSchema),
  'household.save': channel(
    CASEWORK,
    z.object({
      clientId: clientIdSchema,
      id: z.number().int().positive().nullish(),
      member: householdMemberInputSchema,
    }),
    clientRecordSchema,
  ),
  'household.remove': channel(CASEWORK, z.object({ id: z.number().int().positive() }), clientRecordSchema),
  'household.saveContact': channel(
    CASEWORK,
    z.object({ clientId: clientIdSchema, id: z.number().int().positive().nullish(), contact: keyContactInputSchema }),
    clientRecordSchema,
  ),
  'household.removeContact': channel(CASEWORK, z.object({ id: z.number().int().positive() }), clientRecordSchema),
  'riskFlags.raise': channel(CASEWORK, raiseRiskFlagSchema, clientRecordSchema),
  'riskFlags.remove': channel(CASEWORK, removeRiskFlagSchema, clientRecordSchema),
  'assessments.save': channel(
    CASEWORK,
    z.object({
      clientId: clientIdSchema,
      /** The assessment being changed and the version it was read at; absent for a new one. */
      target: z.object({ id: z.number().int().positive(), version: z.number().int() }).nullish(),
      assessment: assessmentInputSchema,
    }),
    clientRecordSchema,
  ),
  'needAreas.list': channel(ANYONE, empty, z.array(needAreaSchema)),
  'needAreas.save': channel(ADMIN, saveNeedAreaSchema, z.array(needAreaSchema)),

  /** A review: the areas scored again and the active plan's goals brought up to date, in one go. */
  'reviews.record': channel(
    CASEWORK,
    z.object({
      clientId: clientIdSchema,
      review: assessmentInputSchema,
      goals: z
        .array(
          z.object({
            goalId: z.number().int().positive(),
            version: z.number().int(),
            status: z.enum(GOAL_STATUSES),
            note: optionalText(4000),
          }),
        )
        .max(100)
        .default([]),
    }),
    clientRecordSchema,
  ),
  /** How many weeks after the last assessment or review the next review is due. */
  'reviews.interval': channel(ANYONE, empty, z.object({ weeks: z.number().int() })),
  'reviews.setInterval': channel(
    ADMIN,
    z.object({
      weeks: z
        .number({ error: 'weeksRange' })
        .int({ error: 'weeksRange' })
        .min(REVIEW_WEEKS_MIN, { error: 'weeksRange' })
        .max(REVIEW_WEEKS_MAX, { error: 'weeksRange' }),
    }),
    z.object({ weeks: z.number().int() }),
  ),

  // Support plans, goals and tasks; each change gives back the client's fresh Plan tab.
  'plans.get': channel(ANYONE, z.object({ clientId: clientIdSchema }), plansViewSchema),
  'plans.agree': channel(
    CASEWORK,
    z.object({ clientId: clientIdSchema, plan: supportPlanInputSchema }),
    plansViewSchema,
  ),
  'plans.update': channel(
    CASEWORK,
    z.object({ id: z.number().int().positive(), version: z.number().int(), plan: supportPlanInputSchema }),
    plansViewSchema,
  ),
  'plans.end': channel(CASEWORK, endPlanSchema, plansViewSchema),
  'goals.save': channel(
    CASEWORK,
    z.object({
      planId: z.number().int().positive(),
      target: z.object({ id: z.number().int().positive(), version: z.number().int() }).nullish(),
      goal: goalInputSchema,
    }),
    plansViewSchema,
  ),
  'goals.update': channel(CASEWORK, goalUpdateInputSchema, plansViewSchema),
  'tasks.save': channel(
    CASEWORK,
    z.object({ clientId: clientIdSchema, id: z.number().int().positive().nullish(), task: taskInputSchema }),
    plansViewSchema,
  ),
  /** Active users a task can be given to, volunteers included. */
  'tasks.assignees': channel(ANYONE, empty, z.array(z.object({ id: z.number().int(), name: z.string() }))),
  /** Ticks a task off (or back on). Volunteers may tick their own tasks. */
  'tasks.setDone': channel(ANYONE, z.object({ id: z.number().int().positive(), done: z.boolean() }), taskSchema),

  /** Volunteers write case notes too; sensitive notes of others are withheld from them. */
  'notes.save': channel(
    ANYONE,
    z.object({
      clientId: clientIdSchema,
      /** The note being changed and the version it was read at; absent for a new note. */
      target: z.object({ id: z.number().int().positive(), version: z.number().int() }).nullish(),
      note: caseNoteInputSchema,
      /** Answers to the charity's questions asked with each note of its kind. */
      answers: z.array(answerInputSchema).max(CUSTOM_FIELDS_MAX).default([]),
      /** A new note written after an appointment: the client is marked as having come, with this note. */
      appointmentId: z
        .number()
        .int()
        .positive()
        .nullish()
        .transform((v) => v ?? null),
    }),
    caseNoteSchema,
  ),
  'notes.get': channel(ANYONE, z.object({ id: z.number().int().positive() }), caseNoteSchema),
  /** Every earlier version of an edited note: for administrators, and for the note's writer. */
  'notes.history': channel(
    ANYONE,
    z.object({ id: z.number().int().positive() }),
    z.object({ note: caseNoteSchema, versions: z.array(caseNoteVersionSchema) }),
  ),

  'timeline.get': channel(
    ANYONE,
    timelineQuerySchema,
    z.object({ items: z.array(timelineEntrySchema), total: z.number().int() }),
  ),

  'safetyPlans.get': channel(ANYONE, z.object({ clientId: clientIdSchema }), safetyPlanSchema.nullable()),
  'safetyPlans.save': channel(
    CASEWORK,
    z.object({ clientId: clientIdSchema, plan: safetyPlanInputSchema }),
    safetyPlanSchema,
  ),
  /** Saves the one-page safety plan as a PDF where the user chooses. */
  'safetyPlans.savePdf': channel(ANYONE, z.object({ clientId: clientIdSchema }), z.object({ path: z.string() })),
  /** The same page for the print dialog (see 'printouts.print'). */
  'safetyPlans.print': channel(ANYONE, z.object({ clientId: clientIdSchema }), printoutSchema),

  // The agency directory: everyone can look agencies up; caseworkers keep it up to date.
  'agencies.search': channel(ANYONE, agencySearchSchema, z.array(agencySummarySchema)),
  'agencies.get': channel(ANYONE, z.object({ id: z.number().int().positive() }), agencySchema),
  'agencies.save': channel(
    CASEWORK,
    z.object({
      target: z.object({ id: z.number().int().positive(), version: z.number().int() }).nullish(),
      agency: agencyInputSchema,
    }),
    agencySchema,
  ),
  /** Archives an agency (kept on the referrals that name it) or brings it back. */
  'agencies.setActive': channel(
    CASEWORK,
    z.object({ id: z.number().int().positive(), active: z.boolean() }),
    agencySchema,
  ),

  // Referrals; changes give back the client's fresh list.
  'referrals.forClient': channel(CASEWORK, z.object({ clientId: clientIdSchema }), z.array(referralSchema)),
  'referrals.create': channel(
    CASEWORK,
    z.object({
      clientId: clientIdSchema,
      referral: referralInputSchema,
      /** Answers to the charity's forms asked with a referral. */
      answers: z.array(answerInputSchema).max(CUSTOM_FIELDS_MAX).default([]),
    }),
    z.array(referralSchema),
  ),
  'referrals.update': channel(
    CASEWORK,
    z.object({
      id: z.number().int().positive(),
      version: z.number().int(),
      referral: referralInputSchema,
      answers: z.array(answerInputSchema).max(CUSTOM_FIELDS_MAX).default([]),
    }),
    z.array(referralSchema),
  ),
  /** Sending checks the client's consent to share with the agency (CONSENT_REQUIRED with the reason). */
  'referrals.setStatus': channel(CASEWORK, referralStatusInputSchema, z.array(referralSchema)),
  /** Across all clients: open ones, overdue follow-ups, or everything; optionally one agency's or only mine. */
  'referrals.list': channel(
    CASEWORK,
    referralListQuerySchema,
    z.object({ items: z.array(referralLineSchema), total: z.number().int() }),
  ),

  // Letter templates: everyone who writes letters reads them; administrators change them.
  'templates.list': channel(
    CASEWORK,
    z.object({ includeArchived: z.boolean().default(false) }),
    z.array(letterTemplateSchema),
  ),
  'templates.save': channel(
    ADMIN,
    z.object({
      target: z.object({ id: z.number().int().positive(), version: z.number().int() }).nullish(),
      template: templateInputSchema,
    }),
    z.object({ id: z.number().int(), templates: z.array(letterTemplateSchema) }),
  ),
  'templates.setActive': channel(
    ADMIN,
    z.object({ id: z.number().int().positive(), active: z.boolean() }),
    z.array(letterTemplateSchema),
  ),

  // Letters: previewed from a template, kept with the client, then saved as PDF or printed.
  /** Contacts with people who are not clients, told where else to go: the latest first. */
  'signposting.list': channel(ANYONE, signpostListQuerySchema, z.array(signpostSchema)),
  'signposting.get': channel(ANYONE, z.object({ id: z.number().int().positive() }), signpostSchema),
  'signposting.record': channel(ANYONE, signpostInputSchema, signpostSchema),
  /** The sheet about an agency handed over, in the person's language (names nobody). */
  'signposting.agencySheetPdf': channel(ANYONE, agencySheetSchema, z.object({ path: z.string() })),
  'signposting.agencySheetPrint': channel(ANYONE, agencySheetSchema, printoutSchema),

  /** Referrals into the charity before anyone is a client, and its waiting list, in the list's order. */
  'incoming.list': channel(CASEWORK, incomingListQuerySchema, incomingListSchema),
  'incoming.get': channel(CASEWORK, z.object({ id: z.number().int().positive() }), incomingSchema),
  'incoming.log': channel(CASEWORK, incomingInputSchema, incomingSchema),
  'incoming.change': channel(
    CASEWORK,
    z.object({ id: z.number().int().positive(), version: z.number().int(), referral: incomingInputSchema }),
    incomingSchema,
  ),
  'incoming.waitlist': channel(CASEWORK, waitlistSchema, incomingSchema),
  /** A place for the next person: on their programme when one is free, or a start with our support. */
  'incoming.offer': channel(
    CASEWORK,
    z.object({ id: z.number().int().positive(), version: z.number().int() }),
    incomingSchema,
  ),
  'incoming.decline': channel(CASEWORK, declineIncomingSchema, incomingSchema),
  /** The letter back to the referrer of a declined referral, from a 'referralReply' template: filled in, not kept. */
  'incoming.replyPreview': channel(
    CASEWORK,
    z.object({ id: z.number().int().positive(), templateId: z.number().int().positive() }),
    letterContentSchema,
  ),
  /** Keeps the letter (reworded, perhaps) with the referral. */
  'incoming.replyKeep': channel(
    CASEWORK,
    z.object({ id: z.number().int().positive(), templateId: z.number().int().positive(), edits: letterEditsSchema }),
    incomingSchema,
  ),
  'incoming.replySavePdf': channel(
    CASEWORK,
    z.object({ id: z.number().int().positive() }),
    z.object({ path: z.string() }),
  ),
  'incoming.replyPrint': channel(CASEWORK, z.object({ id: z.number().int().positive() }), printoutSchema),
  'incoming.stillNeed': channel(CASEWORK, stillNeedSchema, incomingSchema),
  /** Who waits for a programme, in order, and how many places are free now (null: no limit). */
  'incoming.forProgramme': channel(
    CASEWORK,
    z.object({ programmeId: z.number().int().positive() }),
    z.object({ waiting: z.array(incomingSchema), placesFree: z.number().int().nullable() }),
  ),
  'incoming.setStillNeedDays': channel(ADMIN, stillNeedDaysSchema, stillNeedDaysSchema),

  /** The charity's own questions on the client record, in the order they are asked, each with its wording now. */
  'customFields.list': channel(
    ANYONE,
    z.object({
      includeRetired: z.boolean().default(false),
      /** A form's questions instead of the record's. */
      formId: z.number().int().positive().nullish(),
    }),
    z.array(customFieldSchema),
  ),
  /** Adds a question or changes one; new words are a new wording, and old answers keep theirs. */
  'customFields.save': channel(ADMIN, saveCustomFieldSchema, z.array(customFieldSchema)),
  'customFields.setActive': channel(
    ADMIN,
    z.object({ id: z.number().int().positive(), active: z.boolean() }),
    z.array(customFieldSchema),
  ),
  'customFields.move': channel(
    ADMIN,
    z.object({ id: z.number().int().positive(), by: z.union([z.literal(-1), z.literal(1)]) }),
    z.array(customFieldSchema),
  ),
  /** A client's answers to them, given on the record; gives the answers as this person may see them. */
  'customFields.answer': channel(CASEWORK, saveAnswersSchema, z.array(clientAnswerSchema)),

  /** The charity's own forms (their questions are `customFields.*` with a `formId`). */
  'forms.list': channel(ANYONE, z.object({ includeRetired: z.boolean().default(false) }), z.array(customFormSchema)),
  'forms.save': channel(ADMIN, saveFormSchema, z.array(customFormSchema)),
  'forms.setActive': channel(
    ADMIN,
    z.object({ id: z.number().int().positive(), active: z.boolean() }),
    z.array(customFormSchema),
  ),
  /** A client's filled forms, newest first, as this person may see them. */
  'forms.entries': channel(ANYONE, z.object({ clientId: z.number().int().positive() }), z.array(formEntrySchema)),
  /** Fills a form in for a client (or changes one filled before); gives the entry as saved. */
  'forms.fill': channel(CASEWORK, fillFormSchema, z.object({ entry: formEntrySchema, record: clientRecordSchema })),

  /** Services a client may qualify for, each with its checklist in English and Polish. */
  'eligibility.services': channel(
    CASEWORK,
    z.object({ includeRetired: z.boolean().default(false) }),
    z.array(serviceSchema),
  ),
  'eligibility.saveService': channel(ADMIN, saveServiceSchema, z.array(serviceSchema)),
  'eligibility.setServiceActive': channel(
    ADMIN,
    z.object({ id: z.number().int().positive(), active: z.boolean() }),
    z.array(serviceSchema),
  ),
  /** A client's eligibility checks, newest first, the current one for each service marked. */
  'eligibility.forClient': channel(CASEWORK, z.object({ clientId: clientIdSchema }), z.array(eligibilityCheckSchema)),
  'eligibility.record': channel(CASEWORK, recordCheckSchema, z.array(eligibilityCheckSchema)),
  /** Checks whose date to look again has come, for clients within reach (the home screen). */
  'eligibility.rechecksDue': channel(CASEWORK, empty, z.array(recheckDueSchema)),

  /** A client's documents on file (bytes kept inside the records), newest first. */
  'documents.forClient': channel(CASEWORK, z.object({ clientId: clientIdSchema }), clientDocumentsSchema),
  /** The system's open dialog, for one or more files to add; none when the person cancels. */
  'documents.chooseFiles': channel(CASEWORK, empty, z.object({ paths: z.array(z.string()) })),
  /** Takes a file in (read once; left where it was). BAD_INPUT on `file` when it cannot be kept. */
  'documents.add': channel(CASEWORK, addDocumentSchema, documentAddedSchema),
  'documents.update': channel(CASEWORK, updateDocumentSchema, documentSchema),
  /** The bytes, to draw in the window from memory; the opening is audited. */
  'documents.open': channel(CASEWORK, z.object({ id: z.number().int().positive() }), documentContentSchema),
  /** Writes a copy outside Casebook (not encrypted), where the person chooses; audited and remembered. */
  'documents.saveCopy': channel(
    CASEWORK,
    z.object({ id: z.number().int().positive() }),
    z.object({ path: z.string() }),
  ),
  'documents.remove': channel(
    CASEWORK,
    z.object({ id: z.number().int().positive(), version: z.number().int().positive() }),
    clientDocumentsSchema,
  ),
  /** The files waiting in the office scanner's folder, to file against clients. */
  'documents.inbox': channel(CASEWORK, empty, inboxSchema),
  /** Chooses the scanner's folder (the system's dialog), or stops using one. */
  'documents.setScannerFolder': channel(ADMIN, z.object({ choose: z.boolean() }), inboxSchema),
  'documents.inboxView': channel(CASEWORK, z.object({ name: inboxNameSchema }), inboxContentSchema),
  /** Files a scanned document against a client; once on file, it is removed from the scanner's folder. */
  'documents.fileFromInbox': channel(CASEWORK, fileFromInboxSchema, documentAddedSchema),
  /** Deletes the file the document came from, only if it still holds exactly the document. */
  'documents.deleteOriginal': channel(
    CASEWORK,
    z.object({ id: z.number().int().positive(), path: filePath() }),
    z.object({ deleted: z.literal(true) }),
  ),

  'letters.preview': channel(CASEWORK, letterRequestSchema, letterContentSchema),
  'letters.keep': channel(CASEWORK, z.object({ request: letterRequestSchema, edits: letterEditsSchema }), letterSchema),
  'letters.forClient': channel(CASEWORK, z.object({ clientId: clientIdSchema }), z.array(letterSchema)),
  'letters.get': channel(CASEWORK, z.object({ id: z.number().int().positive() }), letterSchema),
  /** Saves a kept letter as a PDF where the user chooses. */
  'letters.savePdf': channel(CASEWORK, z.object({ id: z.number().int().positive() }), z.object({ path: z.string() })),
  /** A kept letter for the print dialog: the same pages as its PDF, so the address sits in the envelope window. */
  'letters.print': channel(CASEWORK, z.object({ id: z.number().int().positive() }), printoutSchema),

  // Programmes, sessions and attendance: everyone can take a register and put people on a list;
  // caseworkers set programmes and sessions up.
  'programmes.list': channel(ANYONE, programmeListQuerySchema, z.array(programmeSummarySchema)),
  'programmes.get': channel(ANYONE, z.object({ id: z.number().int().positive() }), programmeDetailSchema),
  'programmes.save': channel(
    CASEWORK,
    z.object({
      target: z.object({ id: z.number().int().positive(), version: z.number().int() }).nullish(),
      programme: programmeInputSchema,
    }),
    programmeDetailSchema,
  ),
  /** Attendance by programme in a period, and across all of them (unique people, headcount). */
  'programmes.figures': channel(CASEWORK, periodSchema, programmeFiguresSchema),
  /** Puts a client on a programme's list; a full programme needs `overCapacity` (BAD_INPUT programmeFull otherwise). */
  'programmes.register': channel(ANYONE, registerInputSchema, programmeDetailSchema),
  /** Answers (or changes the answers) to the questions asked with someone's registration, after it. */
  'programmes.answerRegistration': channel(ANYONE, registrationAnswersSchema, programmeDetailSchema),
  'programmes.unregister': channel(
    CASEWORK,
    z.object({ programmeId: z.number().int().positive(), clientId: clientIdSchema }),
    programmeDetailSchema,
  ),
  'programmes.forClient': channel(ANYONE, z.object({ clientId: clientIdSchema }), clientProgrammesSchema),
  /** Adds one session or a weekly / fortnightly run of them; dates already taken are skipped. */
  'sessions.add': channel(
    CASEWORK,
    z.object({ programmeId: z.number().int().positive(), pattern: sessionPatternSchema }),
    z.object({ added: z.number().int(), skipped: z.number().int(), detail: programmeDetailSchema }),
  ),
  'sessions.update': channel(CASEWORK, sessionChangeSchema, programmeDetailSchema),
  'sessions.setCancelled': channel(CASEWORK, sessionCancelSchema, programmeDetailSchema),
  /** Only a session nobody has been marked at. */
  'sessions.remove': channel(CASEWORK, z.object({ id: z.number().int().positive() }), programmeDetailSchema),
  'sessions.register': channel(ANYONE, z.object({ id: z.number().int().positive() }), sessionRegisterSchema),
  /** Saves the printable register (names to tick, space to sign) as a PDF where the user chooses. */
  'sessions.registerPdf': channel(
    ANYONE,
    z.object({ id: z.number().int().positive() }),
    z.object({ path: z.string() }),
  ),
  'sessions.registerPrint': channel(ANYONE, z.object({ id: z.number().int().positive() }), printoutSchema),
  'attendance.mark': channel(ANYONE, attendanceInputSchema, sessionRegisterSchema),
  'attendance.headcount': channel(ANYONE, headcountInputSchema, sessionRegisterSchema),

  // Practical help given (food parcels, vouchers…): anyone records it; totals are for caseworkers.
  'helpTypes.list': channel(ANYONE, empty, z.array(helpTypeSchema)),
  'helpTypes.save': channel(ADMIN, saveHelpTypeSchema, z.array(helpTypeSchema)),
  'helpGiven.forClient': channel(ANYONE, z.object({ clientId: clientIdSchema }), z.array(helpGivenSchema)),
  /** Whether this help would break its repeat rule, to warn before saving. */
  'helpGiven.check': channel(ANYONE, helpGivenCheckSchema, repeatWarningSchema.nullable()),
  /** A repeat-rule warning needs `overrideReason` (BAD_INPUT repeatHelpReason otherwise). */
  'helpGiven.give': channel(
    ANYONE,
    z.object({ clientId: clientIdSchema, helpGiven: helpGivenInputSchema }),
    z.array(helpGivenSchema),
  ),
  'helpGiven.remove': channel(CASEWORK, helpGivenRemoveSchema, z.array(helpGivenSchema)),
  'helpGiven.list': channel(
    CASEWORK,
    helpGivenListQuerySchema,
    z.object({ items: z.array(helpGivenSchema), total: z.number().int() }),
  ),
  'helpGiven.totals': channel(CASEWORK, periodSchema, helpGivenTotalsSchema),

  /** Erases or anonymises a client (administrators only); applied again if an older backup is restored. */
  'erasure.eraseClient': channel(
    ADMIN,
    eraseClientSchema,
    z.object({ reference: z.string(), mode: z.enum(ERASURE_MODES) }),
  ),
  /** Before erasing: the files Casebook saved outside its data folder that may still name the client. */
  'erasure.savedFiles': channel(ADMIN, z.object({ clientId: clientIdSchema }), savedFilesSchema),

  // Retention: closed cases past the charity's retention period, to erase, anonymise or keep for a reason.
  'retention.get': channel(ADMIN, empty, retentionViewSchema),
  'retention.setYears': channel(ADMIN, retentionYearsSchema, retentionViewSchema),
  'retention.keep': channel(ADMIN, keepCaseSchema, retentionViewSchema),
  /** How long a kind of document is kept after it was added (null: as long as the case). */
  'retention.setDocumentDays': channel(ADMIN, documentKeepDaysSchema, retentionViewSchema),
  'retention.keepDocument': channel(ADMIN, keepDocumentSchema, retentionViewSchema),
  /** How long the details of people who never became clients are kept, and removing them. */
  'retention.setNonClientMonths': channel(ADMIN, nonClientMonthsSchema, retentionViewSchema),
  'retention.forgetNonClients': channel(ADMIN, forgetNonClientsSchema, retentionViewSchema),

  // Importing clients from a spreadsheet (administrators): choose a file, map its columns, check
  // every row, then import in one transaction; the last import can be undone while untouched.
  'imports.choose': channel(
    ADMIN,
    withJobId(z.object({})).strict(),
    z.object({ token: z.string(), preview: importPreviewSchema }),
  ),
  'imports.preview': channel(ADMIN, withJobId(importQuerySchema), importPreviewSchema),
  'imports.run': channel(ADMIN, importRunSchema, importResultSchema),
  'imports.list': channel(ADMIN, empty, z.array(clientImportSchema)),
  'imports.undo': channel(ADMIN, z.object({ id: z.number().int().positive() }), z.array(clientImportSchema)),

  // Subject access requests: a client's copy of everything held about them, due within a month.
  'subjectAccess.record': channel(CASEWORK, accessRequestInputSchema, z.array(accessRequestSchema)),
  'subjectAccess.forClient': channel(CASEWORK, z.object({ clientId: clientIdSchema }), z.array(accessRequestSchema)),
  /** Requests not yet answered, soonest due first (the home screen). */
  'subjectAccess.open': channel(CASEWORK, empty, z.array(accessRequestSchema)),
  /** Saves the pack where the user chooses: a readable PDF and the same information as JSON beside it. */
  'subjectAccess.savePack': channel(
    CASEWORK,
    withJobId(z.object({ id: z.number().int().positive() })),
    accessPackSavedSchema,
  ),
  /** The pack's readable part for the print dialog; once printed, the pack counts as made. */
  'subjectAccess.printPack': channel(
    CASEWORK,
    withJobId(z.object({ id: z.number().int().positive() })),
    printoutSchema,
  ),
  'subjectAccess.answered': channel(CASEWORK, accessAnsweredSchema, z.array(accessRequestSchema)),

  // Reports for funders: counts only (groups under five shown as "<5"), never names.
  'reports.funder': channel(CASEWORK, withJobId(funderReportQuerySchema), funderReportSchema),
  'reports.savePdf': channel(CASEWORK, withJobId(funderReportQuerySchema), z.object({ path: z.string() })),
  'reports.saveCsv': channel(CASEWORK, withJobId(funderReportQuerySchema), z.object({ path: z.string() })),
  'reports.print': channel(CASEWORK, withJobId(funderReportQuerySchema), printoutSchema),

  /**
   * The system's print dialog for a printout the window has drawn (a letter, a safety plan, a
   * register, a report, a subject access pack, a recovery sheet): every "Print" and File › Print
   * end here. Recorded in the audit trail only when it was printed; CANCELLED when the dialog is closed.
   */
  'printouts.print': channel(
    'open',
    z.object({ printId: z.string().min(1).max(100) }),
    z.object({ printed: z.literal(true) }),
  ),

  /** How far a long job has got (by the id the window gave it), and asking it to stop. */
  'jobs.progress': channel('open', z.object({ jobId: jobIdSchema }), jobProgressSchema.nullable()),
  'jobs.cancel': channel('open', z.object({ jobId: jobIdSchema }), z.object({ cancelling: z.boolean() })),

  /** The signed-in user's home screen; administrators also get every caseworker's load. */
  'caseload.get': channel(ANYONE, empty, caseloadSchema),

  /** The diary between two dates: everyone's, or one person's. Volunteers keep a diary too. */
  'diary.list': channel(ANYONE, diaryQuerySchema, z.array(appointmentSchema)),
  'diary.get': channel(ANYONE, z.object({ id: z.number().int().positive() }), appointmentSchema),
  /** Books one appointment or a run; with clashes, books only once told to go ahead. */
  'diary.book': channel(ANYONE, bookAppointmentSchema, bookingResultSchema),
  'diary.change': channel(ANYONE, changeAppointmentSchema, bookingResultSchema),
  'diary.cancel': channel(ANYONE, cancelAppointmentSchema, appointmentSchema),
  /** Came, did not come, or not yet known, for one client of the appointment. */
  'diary.setOutcome': channel(ANYONE, appointmentOutcomeSchema, appointmentSchema),
  'diary.forClient': channel(ANYONE, z.object({ clientId: clientIdSchema }), clientAppointmentsSchema),
  /** Home visitors not back by the time they gave, for the alert on every screen, with the charity's steps. */
  'diary.safetyAlerts': channel(ANYONE, empty, safetyAlertsSchema),
  /** The visitor is back safely (said by them, or by whoever reached them). */
  'diary.backSafely': channel(ANYONE, z.object({ id: z.number().int().positive() }), safetyAlertsSchema),
  'diary.setLoneWorkingSteps': channel(
    ADMIN,
    z.object({ steps: optionalText(4000, { lines: true }) }),
    safetyAlertsSchema,
  ),
  /** What changed on this person's clients since they were last here, and the handover notes waiting. */
  'digest.get': channel(ANYONE, empty, digestSchema),
  'digest.markAllRead': channel(ANYONE, empty, digestSchema),
  /** A note for the next person on shift: on everyone's home screen until someone else reads it. */
  'handover.write': channel(ANYONE, handoverInputSchema, digestSchema),
  'handover.markRead': channel(ANYONE, z.object({ id: z.number().int().positive() }), digestSchema),
  /** The day sheet of the diary (everyone's, or one person's) saved as a PDF where the user chooses. */
  'diary.daySheetPdf': channel(ANYONE, daySheetQuerySchema, z.object({ path: z.string() })),
  'diary.daySheetPrint': channel(ANYONE, daySheetQuerySchema, printoutSchema),
  /** Reminders to text today about tomorrow's appointments, to clients who agreed to texts. */
  'diary.textsToSend': channel(ANYONE, empty, z.array(textToSendSchema)),
  /** The text was sent from the office phone (Casebook sends nothing itself). */
  'diary.markTexted': channel(
    ANYONE,
    z.object({ appointmentId: z.number().int().positive(), clientId: clientIdSchema }),
    z.array(textToSendSchema),
  ),
  /** The signed-in person's phone (shown in the alert) and how long before an appointment to remind them. */
  'diary.myDetails': channel(ANYONE, empty, myDiaryDetailsSchema),
  'diary.setMyDetails': channel(ANYONE, myDiaryDetailsSchema, myDiaryDetailsSchema),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];
