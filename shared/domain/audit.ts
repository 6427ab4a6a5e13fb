import { z } from 'zod';
import { isIsoDate } from './validation';

/** Everything the audit trail records. Never the content of a record: only who, when, what, which. */
export const AUDIT_ACTIONS = [
  'setup.completed',
  'session.unlocked',
  'session.unlockedWithRecoveryKey',
  'session.failedLogin',
  'session.failedRecoveryKey',
  /** A wrong password or recovery key anywhere else: changing one's password, opening or restoring a backup. */
  'session.failedPasswordCheck',
  /** The key failed sign-ins are sealed to was replaced outside Casebook: a new one was made. */
  'audit.inboxKeyReplaced',
  /** The audit trail no longer holds the entry recorded when Casebook last locked: it was rewritten. */
  'audit.trailRewritten',
  /** The database's guards that keep the trail append-only were missing, and were put back. */
  'audit.guardsRestored',
  /** Someone asked for what their role may not do: one entry per channel, with how many times, when they stop. */
  'access.refused',
  /** Signed in to records older than their key file, or than this computer last saw (or the reverse). */
  'records.rollbackSuspected',
  /** An administrator confirmed those records are the ones to keep. */
  'records.rollbackAccepted',
  'session.locked',
  'session.idleLocked',
  'user.created',
  'user.changed',
  'user.deactivated',
  'user.passwordReset',
  'user.passwordChanged',
  'recovery.keyReplaced',
  'charity.changed',
  'settings.changed',
  'client.created',
  'client.viewed',
  'client.shared',
  'client.changed',
  'client.deleted',
  'client.erased',
  'client.anonymised',
  'client.retentionKept',
  'retention.nonClientsForgotten',
  'access.requested',
  'access.packSaved',
  'access.packPrinted',
  'access.answered',
  'clients.imported',
  'clients.importUndone',
  'client.statusChanged',
  'client.merged',
  'client.duplicateOverridden',
  'consent.recorded',
  'consent.withdrawn',
  'household.changed',
  'contact.changed',
  'riskFlag.raised',
  'riskFlag.removed',
  'assessment.created',
  'assessment.changed',
  'needAreas.changed',
  'plan.agreed',
  'plan.changed',
  'plan.ended',
  'goal.added',
  'goal.changed',
  'goal.progress',
  'task.added',
  'task.changed',
  'task.done',
  'task.reopened',
  'note.added',
  'note.changed',
  'note.historyViewed',
  'review.recorded',
  'safetyPlan.saved',
  'safetyPlan.exported',
  'safetyPlan.printed',
  'charity.logoChanged',
  'agency.added',
  'agency.changed',
  'agency.archived',
  'agency.restored',
  'referral.created',
  'referral.changed',
  'referral.statusChanged',
  'template.added',
  'template.changed',
  'template.archived',
  'template.restored',
  'letter.written',
  'letter.saved',
  'letter.printed',
  'document.added',
  'document.changed',
  /** Shown in the window (from memory): who looked at which document, when; never its content. */
  'document.opened',
  /** Saved as a file outside Casebook, where it is not encrypted. */
  'document.copied',
  'document.deleted',
  /** The file a document was taken in from was deleted from the computer, at the person's request. */
  'document.originalDeleted',
  /** Kept past its kind's keeping time, with the reason and the date to look again. */
  'document.retentionKept',
  'appointment.booked',
  'appointment.changed',
  'appointment.cancelled',
  /** A client came, did not come, or that was taken back. */
  'appointment.outcome',
  /** A reminder was texted to the client from the office phone. */
  'appointment.texted',
  /** The day sheet of the diary, which names clients, was saved as a file or printed. */
  'diary.daySheetSaved',
  'diary.daySheetPrinted',
  /** A home visitor checked in on return (or someone did for them). */
  'visit.backSafely',
  /** A home visitor was not back by the time they gave: the alert was raised on every screen. */
  'visit.alertRaised',
  /** A note left for the next person on shift, and someone reading it (never its words). */
  'handover.written',
  'handover.read',
  /** The charity's own questions: a field added, reworded or retired; a client's answers changed (which fields, never the answers). */
  /** Someone not a client told where else to go (never who, or what they said). */
  'signposting.recorded',
  /** Referrals into the charity and its waiting list (never the person's details). */
  'incoming.logged',
  'incoming.changed',
  'incoming.waitlisted',
  'incoming.offered',
  'incoming.accepted',
  'incoming.declined',
  'incoming.stillNeeds',
  'incoming.withdrawn',
  'incoming.replied',
  'incoming.replySaved',
  'incoming.replyPrinted',
  'customField.added',
  'customField.changed',
  'client.answered',
  'customForm.added',
  'customForm.changed',
  'form.filled',
  'form.changed',
  'eligibility.serviceAdded',
  'eligibility.serviceChanged',
  'eligibility.checked',
  'programme.added',
  'programme.changed',
  'programme.registered',
  'programme.answered',
  'programme.unregistered',
  'session.added',
  'session.changed',
  'session.cancelled',
  'session.reinstated',
  'session.removed',
  'session.registerSaved',
  'session.registerPrinted',
  'attendance.marked',
  'attendance.unmarked',
  'attendance.headcount',
  'support.given',
  'support.removed',
  'supportTypes.changed',
  'export.created',
  'report.printed',
  'backup.created',
  'backup.restored',
  'database.upgraded',
  'audit.exported',
  'audit.inboxDamaged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const isoDate = z
  .string()
  .refine((v) => isIsoDate(v), { error: 'invalidDate' })
  .nullish()
  .transform((v) => v ?? null);

export const auditFiltersSchema = z.object({
  userId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  /** A client's reference (CB-00012) or number. */
  client: z
    .string()
    .trim()
    .max(20)
    .nullish()
    .transform((v) => (v ? v : null)),
  action: z
    .enum(AUDIT_ACTIONS)
    .nullish()
    .transform((v) => v ?? null),
  /** Inclusive calendar days on this PC's clock, YYYY-MM-DD. */
  from: isoDate,
  to: isoDate,
});
export type AuditFilters = z.input<typeof auditFiltersSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  clientId: z.number().int().nullable(),
  clientReference: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first entry that does not match its hash, or that follows a gap. */
  firstBadId: z.number().int().nullable(),
});
