import { z } from 'zod';
import { rulesToday } from '../clock';
import { CLIENT_LANGUAGES } from './languages';
import {
  optionalBirthDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  pastOrTodayDate,
  requiredText,
} from './validation';

export const NAME_MAX = 100;

export const REFERRAL_SOURCES = ['self', 'agency', 'familyFriend', 'professional', 'other'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const CASE_STATUSES = ['open', 'onHold', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Why a case was closed: the funder report counts closures by these. */
/** Why a case was closed: chosen by a person, or 'anonymised' when the record was anonymised. */
export const CLOSURE_REASONS = [
  'goalsMet',
  'movedAway',
  'noLongerEngaging',
  'referredOn',
  'clientChoice',
  'died',
  'other',
  'anonymised',
] as const;
/** The reasons a person chooses when closing a case. */
export const CHOSEN_CLOSURE_REASONS = CLOSURE_REASONS.filter(
  (r): r is Exclude<(typeof CLOSURE_REASONS)[number], 'anonymised'> => r !== 'anonymised',
);
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Ages above this are not plausible for an estimate; below 0 is not an age. */
export const ESTIMATED_AGE_MAX = 120;

const flag = () =>
  z
    .boolean({ error: 'invalid' })
    .nullish()
    .transform((v) => v ?? false);

/** What a caseworker types when taking a client in or correcting their details. */
export const clientDetailsSchema = z
  .object({
    firstName: requiredText(NAME_MAX),
    lastName: requiredText(NAME_MAX),
    preferredName: optionalText(NAME_MAX),
    dateOfBirth: optionalBirthDate(),
    /** When the date of birth is not known: the year they were born in, from an estimated age. */
    estimatedBirthYear: z
      .number({ error: 'invalid' })
      .int({ error: 'invalid' })
      .nullish()
      .transform((v) => v ?? null)
      .refine(
        (v) =>
          v === null ||
          (v >= Number(rulesToday().slice(0, 4)) - ESTIMATED_AGE_MAX && v <= Number(rulesToday().slice(0, 4))),
        {
          error: 'ageRange',
        },
      ),
    /** Free text, in the client's own words; `genderWithheld` when they prefer not to say. */
    gender: optionalText(60),
    genderWithheld: flag(),
    pronouns: optionalText(40),
    phone: optionalPhone(),
    email: optionalEmail(),
    address: optionalText(500, { lines: true }),
    postcode: optionalText(12),
    preferredLanguage: z
      .string({ error: 'invalidLanguage' })
      .nullish()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || (CLIENT_LANGUAGES as readonly string[]).includes(v), { error: 'invalidLanguage' }),
    interpreterNeeded: flag(),
    referralSource: z
      .enum(REFERRAL_SOURCES, { error: 'invalid' })
      .nullish()
      .transform((v) => v ?? null),
    /** Who referred them in: an agency, a person, a service. */
    referredBy: optionalText(200),
    /** The day they were taken in; today when left empty. */
    intakeDate: pastOrTodayDate()
      .nullish()
      .transform((v) => v ?? null),
    caseworkerId: z
      .number({ error: 'invalid' })
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
  })
  .transform((d) => ({
    ...d,
    // A real date of birth makes the estimate pointless; "prefer not to say" clears any gender text.
    estimatedBirthYear: d.dateOfBirth ? null : d.estimatedBirthYear,
    gender: d.genderWithheld ? null : d.gender,
  }));
export type ClientDetailsInput = z.input<typeof clientDetailsSchema>;
export type ClientDetails = z.output<typeof clientDetailsSchema>;

export const clientIdSchema = z.number().int().positive();

export const clientSchema = z.object({
  id: clientIdSchema,
  reference: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  estimatedBirthYear: z.number().int().nullable(),
  gender: z.string().nullable(),
  genderWithheld: z.boolean(),
  pronouns: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  referralSource: z.enum(REFERRAL_SOURCES).nullable(),
  referredBy: z.string().nullable(),
  intakeDate: z.string().nullable(),
  caseworkerId: z.number().int().nullable(),
  caseworkerName: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  statusSince: z.string().nullable(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  /** Bumped on every change; an update names the version it was based on. */
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof clientSchema>;

export const clientSummarySchema = clientSchema
  .pick({
    id: true,
    reference: true,
    firstName: true,
    lastName: true,
    preferredName: true,
    dateOfBirth: true,
    estimatedBirthYear: true,
    phone: true,
    postcode: true,
    status: true,
    caseworkerName: true,
    intakeDate: true,
  })
  .extend({
    /** Kinds of the client's active risk flags, for the icon in the list. */
    riskFlags: z.array(z.string()),
  });
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const CLIENT_SORTS = ['name', 'reference', 'dateOfBirth', 'intakeDate'] as const;

export const clientSearchSchema = z.object({
  query: z.string().max(200).default(''),
  status: z
    .enum(CASE_STATUSES)
    .nullish()
    .transform((v) => v ?? null),
  caseworkerId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  /** A risk-flag kind, or 'any' for clients with at least one active flag. */
  riskFlag: z
    .string()
    .max(40)
    .nullish()
    .transform((v) => v ?? null),
  /** An answer to one of the charity's questions with choices: "<field id>:<choice key>", or ":yes" / ":no". */
  answer: z
    .string()
    .regex(/^\d{1,9}:(yes|no|c\d{1,4})$/)
    .nullish()
    .transform((v) => v ?? null),
  sort: z.enum(CLIENT_SORTS).default('name'),
  descending: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
  /** False: the first rows at once, without counting every match (ask `clients.count` for that). */
  withTotal: z.boolean().default(true),
});
export type ClientSearch = z.input<typeof clientSearchSchema>;
/** What `clients.count` counts: the same words and filters as a search. */
export const clientCountSchema = clientSearchSchema.pick({
  query: true,
  status: true,
  caseworkerId: true,
  riskFlag: true,
  answer: true,
});

/** Moving a case between open, on hold and closed; closing needs a reason. */
export const statusChangeSchema = z
  .object({
    status: z.enum(CASE_STATUSES),
    on: pastOrTodayDate(),
    reason: z
      .enum(CHOSEN_CLOSURE_REASONS, { error: 'invalid' })
      .nullish()
      .transform((v) => v ?? null),
    note: optionalText(1000, { lines: true }),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'closed' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'closureReasonRequired' });
  });

export const statusChangeEntrySchema = z.object({
  id: z.number().int(),
  status: z.enum(CASE_STATUSES),
  on: z.string(),
  reason: z.enum(CLOSURE_REASONS).nullable(),
  note: z.string().nullable(),
  byName: z.string().nullable(),
});
export type StatusChangeEntry = z.infer<typeof statusChangeEntrySchema>;

/** A client's short reference, printed on letters: CB-00123. */
export function clientReference(id: number): string {
  return `CB-${String(id).padStart(5, '0')}`;
}

/** Age in whole years on `today` (YYYY-MM-DD), from a date of birth or an estimated birth year. */
export function ageOn(
  today: string,
  c: { dateOfBirth: string | null; estimatedBirthYear: number | null },
): { years: number; estimated: boolean } | null {
  if (c.dateOfBirth) {
    const years =
      Number(today.slice(0, 4)) - Number(c.dateOfBirth.slice(0, 4)) - (today.slice(5) < c.dateOfBirth.slice(5) ? 1 : 0);
    return { years, estimated: false };
  }
  if (c.estimatedBirthYear !== null)
    return { years: Number(today.slice(0, 4)) - c.estimatedBirthYear, estimated: true };
  return null;
}
