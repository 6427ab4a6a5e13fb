import { z } from 'zod';
import { optionalDate, optionalText, pastOrTodayDate, requiredText, wholeNumber } from './validation';

/**
 * Eligibility: whether a client qualifies for a service the charity runs or refers to (a food
 * bank's "lives in the borough", "income below …", "aged 18+"). An administrator describes each
 * service's criteria as a checklist, in English and Polish; a caseworker records a check against it,
 * criterion by criterion with evidence, and the decision, who made it and when to check again.
 */

/** A service's checklist is at most this long: a form, not a questionnaire. */
export const CRITERIA_MAX = 20;

export const criterionInputSchema = z.object({
  /** An existing criterion being reworded or kept; absent for a new one. */
  id: z.number().int().positive().nullish(),
  text: requiredText(300),
  /** The same criterion in Polish; empty shows the English. */
  textPl: optionalText(300),
});

export const saveServiceSchema = z.object({
  id: z.number().int().positive().nullish(),
  version: z.number().int().nullish(),
  name: requiredText(120),
  namePl: optionalText(120),
  /** How many months a decision holds before it is checked again (the caseworker may choose another date). */
  recheckMonths: wholeNumber(1, 60, 'recheckMonthsRange').nullish(),
  criteria: z.array(criterionInputSchema).min(1, { error: 'criteriaRequired' }).max(CRITERIA_MAX),
});
export type SaveService = z.input<typeof saveServiceSchema>;

export const criterionSchema = z.object({ id: z.number().int(), text: z.string(), textPl: z.string().nullable() });
export type Criterion = z.infer<typeof criterionSchema>;

export const serviceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  namePl: z.string().nullable(),
  recheckMonths: z.number().int().nullable(),
  active: z.boolean(),
  criteria: z.array(criterionSchema),
  version: z.number().int(),
});
export type EligibilityService = z.infer<typeof serviceSchema>;

/** A service's name or criterion in the reader's language: Polish when it was given, else the English. */
export function inLanguage(en: string, pl: string | null, language: string): string {
  return language === 'pl' && pl ? pl : en;
}

export const DECISIONS = ['eligible', 'notEligible'] as const;
export type Decision = (typeof DECISIONS)[number];

export const checkAnswerInputSchema = z.object({
  criterionId: z.number().int().positive(),
  met: z.boolean({ error: 'required' }),
  /** A document on the client's file that shows it. */
  documentId: z.number().int().positive().nullish(),
  /** Or what was seen or said ("tenancy agreement seen, not copied"). */
  evidence: optionalText(500),
});

export const recordCheckSchema = z.object({
  clientId: z.number().int().positive(),
  serviceId: z.number().int().positive(),
  checkedOn: pastOrTodayDate(),
  answers: z.array(checkAnswerInputSchema).min(1).max(CRITERIA_MAX),
  decision: z.enum(DECISIONS, { error: 'required' }),
  /** When to check again; empty: not needed. */
  recheckOn: optionalDate(),
  note: optionalText(2000, { lines: true }),
});
export type RecordCheck = z.input<typeof recordCheckSchema>;

export const checkAnswerSchema = z.object({
  /** The criterion as it was asked, in both languages (a reworded criterion does not change old checks). */
  text: z.string(),
  textPl: z.string().nullable(),
  met: z.boolean(),
  documentId: z.number().int().nullable(),
  documentTitle: z.string().nullable(),
  evidence: z.string().nullable(),
});

export const eligibilityCheckSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  serviceId: z.number().int(),
  serviceName: z.string(),
  serviceNamePl: z.string().nullable(),
  checkedOn: z.string(),
  decision: z.enum(DECISIONS),
  decidedByName: z.string().nullable(),
  recheckOn: z.string().nullable(),
  note: z.string().nullable(),
  answers: z.array(checkAnswerSchema),
  /** The latest check of this client for this service, and not past its date to check again. */
  current: z.boolean(),
});
export type EligibilityCheck = z.infer<typeof eligibilityCheckSchema>;

/** A check whose date to look again has come (the home screen's list), newest decision per client and service. */
export const recheckDueSchema = z.object({
  checkId: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  reference: z.string(),
  serviceName: z.string(),
  serviceNamePl: z.string().nullable(),
  decision: z.enum(DECISIONS),
  recheckOn: z.string(),
});
export type RecheckDue = z.infer<typeof recheckDueSchema>;
