import { z } from 'zod';
import { optionalDate, optionalText, pastOrTodayDate, requiredText, type ValidationKey } from './validation';

export const REFERRAL_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Still waiting on someone: these have follow-up dates and show on the home screen. */
export const OPEN_REFERRAL_STATUSES = ['draft', 'sent', 'accepted'] as const satisfies readonly ReferralStatus[];
export const isReferralOpen = (s: ReferralStatus) => (OPEN_REFERRAL_STATUSES as readonly string[]).includes(s);

export const REFERRAL_URGENCIES = ['routine', 'soon', 'urgent'] as const;

/** Where a referral may go next. Declined, completed and withdrawn are final. */
/** A status a referral can move to: never back to a draft. */
export type ReferralStep = Exclude<ReferralStatus, 'draft'>;
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStep[]> = {
  draft: ['sent', 'withdrawn'],
  sent: ['accepted', 'declined', 'withdrawn'],
  accepted: ['completed', 'withdrawn'],
  declined: [],
  completed: [],
  withdrawn: [],
};

/** Days after sending when the caseworker is reminded to chase a reply, unless they choose a date. */
export const DEFAULT_FOLLOW_UP_DAYS = 14;

export const referralInputSchema = z.object({
  agencyId: z.number({ error: 'required' }).int().positive({ error: 'required' }),
  contactId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  reason: requiredText(4000, { lines: true }),
  areaId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  urgency: z.enum(REFERRAL_URGENCIES, { error: 'required' }),
  /** What was shared with the agency (with the client's consent). */
  sharedInfo: optionalText(4000, { lines: true }),
  followUpOn: optionalDate(),
});
export type ReferralInput = z.input<typeof referralInputSchema>;
export type ReferralValues = z.output<typeof referralInputSchema>;

export const referralStatusInputSchema = z
  .object({
    id: z.number().int().positive(),
    version: z.number().int(),
    status: z.enum(REFERRAL_STATUSES, { error: 'required' }),
    on: pastOrTodayDate(),
    note: optionalText(4000, { lines: true }),
    /** What came of it: required when completed. */
    outcome: optionalText(4000, { lines: true }),
    /** The next time to chase; cleared when the referral is finished. */
    followUpOn: optionalDate(),
  })
  .superRefine((c, ctx) => {
    for (const [path, message] of Object.entries(referralStatusRules(c)))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type ReferralStatusInput = z.input<typeof referralStatusInputSchema>;

/** What a status change needs besides the status itself; the form runs it too. */
export function referralStatusRules(c: {
  status: string;
  note: string | null;
  outcome: string | null;
  on: string;
  followUpOn: string | null;
}): Record<string, ValidationKey> {
  const issues: Record<string, ValidationKey> = {};
  if ((c.status === 'declined' || c.status === 'withdrawn') && !c.note?.trim()) issues['note'] = 'reasonRequired';
  if (c.status === 'completed' && !c.outcome?.trim()) issues['outcome'] = 'outcomeRequired';
  if (c.followUpOn && c.on && c.followUpOn < c.on && isReferralOpen(c.status as ReferralStatus))
    issues['followUpOn'] = 'followUpBeforeChange';
  return issues;
}

/** Why a change of status is not allowed, or null when it is. */
export function referralTransitionProblem(from: ReferralStatus, to: ReferralStatus): ValidationKey | null {
  return (REFERRAL_TRANSITIONS[from] as readonly ReferralStatus[]).includes(to) ? null : 'transitionNotAllowed';
}

export const referralChangeSchema = z.object({
  id: z.number().int(),
  fromStatus: z.enum(REFERRAL_STATUSES).nullable(),
  status: z.enum(REFERRAL_STATUSES),
  on: z.string(),
  note: z.string().nullable(),
  byName: z.string().nullable(),
});

export const referralSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  clientReference: z.string(),
  agencyId: z.number().int(),
  agencyName: z.string(),
  contactId: z.number().int().nullable(),
  contactName: z.string().nullable(),
  reason: z.string(),
  areaId: z.number().int().nullable(),
  urgency: z.enum(REFERRAL_URGENCIES),
  sharedInfo: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  statusOn: z.string(),
  sentOn: z.string().nullable(),
  followUpOn: z.string().nullable(),
  outcome: z.string().nullable(),
  createdOn: z.string(),
  createdByName: z.string().nullable(),
  version: z.number().int(),
  changes: z.array(referralChangeSchema),
});
export type Referral = z.infer<typeof referralSchema>;

/** One line of a referral list (the coordinator's, the home screen's, an agency's). */
export const referralLineSchema = referralSchema.pick({
  id: true,
  clientId: true,
  clientName: true,
  clientReference: true,
  agencyId: true,
  agencyName: true,
  reason: true,
  urgency: true,
  status: true,
  statusOn: true,
  followUpOn: true,
  createdByName: true,
});
export type ReferralLine = z.infer<typeof referralLineSchema>;

export const referralListQuerySchema = z.object({
  /** open: draft, sent or accepted; overdue: open with a follow-up date before today. */
  show: z.enum(['open', 'overdue', 'all']).default('open'),
  agencyId: z.number().int().positive().nullish(),
  /** Only referrals of clients allocated to, or made by, this user. */
  mine: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(200),
  offset: z.number().int().min(0).default(0),
});

/** Why the client's consent does not allow sharing with this agency (the consent gate). */
export const CONSENT_GATE_PROBLEMS = ['missing', 'withdrawn', 'expired', 'notShared', 'agencyNotNamed'] as const;
export type ConsentGateProblem = (typeof CONSENT_GATE_PROBLEMS)[number];
