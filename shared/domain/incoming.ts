import { letterContentSchema } from './letter';
import { z } from 'zod';
import { CLIENT_LANGUAGES } from './languages';
import { REFERRAL_URGENCIES } from './referral';
import {
  optionalBirthDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  pastOrTodayDate,
  requiredText,
  wholeNumber,
} from './validation';

/**
 * Referrals into the charity, and its waiting list. A GP, the council, a school or the person
 * themselves refers someone before anyone has time to take them on: the minimum is logged (who,
 * why, from whom, how urgent, and their consent to hold the details) before a client record exists.
 * A coordinator then accepts them (an intake with those details filled in), declines, or puts them
 * on the waiting list for the charity's support or for a programme. The list is ordered by risk,
 * urgency and date; a place freed in a programme is offered to the next person; someone waiting
 * long is asked whether they still need us.
 */

export const INCOMING_SOURCES = ['self', 'gp', 'council', 'school', 'agency', 'familyFriend', 'other'] as const;
export type IncomingSource = (typeof INCOMING_SOURCES)[number];

export const INCOMING_STATUSES = ['new', 'waiting', 'offered', 'accepted', 'declined', 'withdrawn'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];
/** Still to be dealt with: on the list the coordinator works through. */
export const OPEN_INCOMING: readonly IncomingStatus[] = ['new', 'waiting', 'offered'];

/** Urgent first, then soon, then routine: the waiting list's order after risk. */
export const urgencyRank = (u: (typeof REFERRAL_URGENCIES)[number]) => REFERRAL_URGENCIES.indexOf(u) * -1 + 2;

/** Days someone waits before Casebook prompts a "still need us?" contact, until an administrator chooses. */
export const DEFAULT_STILL_NEED_DAYS = 42;

export const incomingInputSchema = z
  .object({
    receivedOn: pastOrTodayDate(),
    firstName: requiredText(100),
    lastName: requiredText(100),
    dateOfBirth: optionalBirthDate(),
    phone: optionalPhone(),
    email: optionalEmail(),
    postcode: optionalText(12),
    preferredLanguage: z
      .enum(CLIENT_LANGUAGES, { error: 'invalidLanguage' })
      .nullish()
      .transform((v) => v ?? null),
    /** Why they were referred, in the referrer's words or ours. */
    reason: requiredText(2000, { lines: true }),
    source: z.enum(INCOMING_SOURCES, { error: 'required' }),
    /** Who referred them: a person and where they work ("Dr Patel, Hyde Park Surgery"). */
    referrerName: optionalText(200),
    /** How to reach the referrer, for the reply: an address, phone or email. */
    referrerContact: optionalText(500, { lines: true }),
    agencyId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    urgency: z.enum(REFERRAL_URGENCIES, { error: 'required' }),
    /** A risk the referrer told us of: they go to the top of the waiting list. */
    atRisk: z.boolean().default(false),
    riskNote: optionalText(1000, { lines: true }),
    /** The person agreed we may hold these details (or the referrer confirmed it): nothing is logged without. */
    consentToHold: z.literal(true, { error: 'consentToHoldRequired' }),
  })
  .superRefine((v, ctx) => {
    if (v.atRisk && !v.riskNote) ctx.addIssue({ code: 'custom', path: ['riskNote'], message: 'required' });
  });
export type IncomingInput = z.input<typeof incomingInputSchema>;
export type IncomingValues = z.output<typeof incomingInputSchema>;

const ref = { id: z.number().int().positive(), version: z.number().int() };

/** On the waiting list for the charity's support (no programme) or for a programme. */
export const waitlistSchema = z.object({
  ...ref,
  programmeId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
});
export const declineIncomingSchema = z.object({ ...ref, reason: requiredText(1000, { lines: true }) });
/** A "still need us?" contact: they still do (the wait goes on, counted from the same day), or no longer (withdrawn). */
export const stillNeedSchema = z.object({
  ...ref,
  stillNeeds: z.boolean(),
  note: optionalText(1000, { lines: true }),
});
export const stillNeedDaysSchema = z.object({ days: wholeNumber(7, 365, 'stillNeedDaysRange') });

export const incomingSchema = z.object({
  id: z.number().int(),
  receivedOn: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  postcode: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  reason: z.string(),
  source: z.enum(INCOMING_SOURCES),
  referrerName: z.string().nullable(),
  referrerContact: z.string().nullable(),
  agencyId: z.number().int().nullable(),
  agencyName: z.string().nullable(),
  urgency: z.enum(REFERRAL_URGENCIES),
  atRisk: z.boolean(),
  riskNote: z.string().nullable(),
  status: z.enum(INCOMING_STATUSES),
  /** What they wait for: a programme, or (null) the charity's own support. */
  programmeId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  waitingSince: z.string().nullable(),
  offeredOn: z.string().nullable(),
  /** The last "still need us?" contact, if any. */
  checkedOn: z.string().nullable(),
  /** Waiting so long since they joined the list (or were last asked) that they should be asked again. */
  stillNeedDue: z.boolean(),
  /** Days from when the referral came in to today, or to when it was decided. */
  daysWaited: z.number().int(),
  decidedOn: z.string().nullable(),
  decidedByName: z.string().nullable(),
  declineReason: z.string().nullable(),
  clientId: z.number().int().nullable(),
  clientReference: z.string().nullable(),
  /** The letter back to the referrer, when the referral was declined and one was written. */
  reply: letterContentSchema.nullable(),
  version: z.number().int(),
});
export type Incoming = z.infer<typeof incomingSchema>;

export const incomingListQuerySchema = z.object({
  show: z.enum(['open', 'waiting', 'closed']).default('open'),
  programmeId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
});

export const incomingListSchema = z.object({
  items: z.array(incomingSchema),
  stillNeedDays: z.number().int(),
});
