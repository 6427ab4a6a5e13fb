import { z } from 'zod';
import { assessmentSchema } from './assessment';
import { clientDetailsSchema, clientSchema, clientSummarySchema, statusChangeEntrySchema } from './client';
import { consentInputSchema, consentSchema } from './consent';
import { householdMemberSchema, keyContactSchema } from './household';
import { riskFlagSchema } from './riskFlag';
import { answerInputSchema, clientAnswerSchema, CUSTOM_FIELDS_MAX } from './customField';

/** Everything on a client's page, read in one go. */
export const clientRecordSchema = z.object({
  client: clientSchema,
  /** Newest first; the first one that is not withdrawn or expired is the one in force. */
  consents: z.array(consentSchema),
  household: z.array(householdMemberSchema),
  contacts: z.array(keyContactSchema),
  /** Active flags first, then removed ones (kept for the record). */
  riskFlags: z.array(riskFlagSchema),
  /** Newest first. */
  assessments: z.array(assessmentSchema),
  statusHistory: z.array(statusChangeEntrySchema),
  /** References of records merged into this one: letters printed under them still find this client. */
  formerReferences: z.array(z.string()),
  /** People other than the caseworker this client is shared with (see the setting ownClientsOnly), by name. */
  sharedWith: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** Answers to the charity's own questions, each under the wording it was asked in; sensitive ones withheld from volunteers. */
  answers: z.array(clientAnswerSchema),
  /** True when this reader (a volunteer) is not shown the contact details, household and key contacts. */
  contactDetailsWithheld: z.boolean().default(false),
});
export type ClientRecord = z.infer<typeof clientRecordSchema>;

/** Taking a client in: their details, what they consented to, and which possible duplicates the user looked at. */
export const intakeSchema = z.object({
  details: clientDetailsSchema,
  consent: consentInputSchema.nullish().transform((v) => v ?? null),
  /**
   * Ids of the possible duplicates shown to the user, who decided this is a new person. If the core
   * finds a likely duplicate not in this list (someone else added them meanwhile), it refuses.
   */
  duplicatesSeen: z.array(z.number().int().positive()).max(50).default([]),
  /** The referral in this intake takes the person in from (incoming/incoming.ts): it becomes theirs. */
  incomingId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  /** A named signposting contact this intake takes the person in from: it becomes theirs. */
  signpostId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  /** Answers to the charity's own questions asked at intake. */
  answers: z.array(answerInputSchema).max(CUSTOM_FIELDS_MAX).default([]),
});
export type IntakeInput = z.input<typeof intakeSchema>;

export const DUPLICATE_REASONS = [
  'sameName',
  'similarName',
  'swappedNames',
  'sameDateOfBirth',
  'similarDateOfBirth',
  'samePhone',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const duplicateQuerySchema = z.object({
  firstName: z.string().trim().max(100).default(''),
  lastName: z.string().trim().max(100).default(''),
  dateOfBirth: z
    .string()
    .trim()
    .max(10)
    .nullish()
    .transform((v) => v || null),
  phone: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((v) => v || null),
  excludeId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
});
export type DuplicateQuery = z.input<typeof duplicateQuerySchema>;

export const duplicateMatchSchema = z.object({
  client: clientSummarySchema,
  /** 0..1, higher is more alike. 'likely' matches block saving until the user has seen them. */
  score: z.number(),
  likely: z.boolean(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

export const mergeSchema = z.object({
  keepId: z.number().int().positive(),
  mergeId: z.number().int().positive(),
});

export const mergeResultSchema = z.object({
  client: clientSchema,
  /** Rows moved from the merged record, by table. */
  moved: z.record(z.string(), z.number().int()),
  /** Fields of the kept record that were empty and were filled from the merged one. */
  filled: z.array(z.string()),
});
