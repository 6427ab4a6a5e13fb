import { z } from 'zod';
import { CLOSURE_REASONS } from './client';
import { DOCUMENT_KINDS, type DocumentKind } from './document';
import { requiredDate, requiredText, wholeNumber } from './validation';

/** How long a closed case is kept before it comes up for review: six years, as UK charities commonly keep case files. */
export const DEFAULT_RETENTION_YEARS = 6;
export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 50;

export const retentionYearsSchema = z.object({
  years: wholeNumber(RETENTION_YEARS_MIN, RETENTION_YEARS_MAX, 'retentionRange'),
});

/** The date a case closed on `closedOn` comes up for review after `years` years (29 February gives 28 February). */
export function retentionDueOn(closedOn: string, years: number): string {
  const y = Number(closedOn.slice(0, 4)) + years;
  const md = closedOn.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** A closed case past its retention period: to erase, anonymise, or keep for a reason. */
export const retentionCaseSchema = z.object({
  clientId: z.number().int(),
  reference: z.string(),
  name: z.string(),
  closedOn: z.string(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  dueOn: z.string(),
  /** When it was kept before, the reason then (it came back after its review date). */
  lastKeptReason: z.string().nullable(),
});
export type RetentionCase = z.infer<typeof retentionCaseSchema>;

/** Keeping a case past its retention period, with the reason and when to look at it again. */
export const keepCaseSchema = z.object({
  clientId: z.number().int().positive(),
  reason: requiredText(1000, { lines: true }),
  reviewOn: requiredDate(),
});

/**
 * How long each kind of document is kept after it was added (checked), in days; a kind not listed
 * is kept as long as the case. A copy of ID is needed only until it has been checked.
 */
export const DEFAULT_DOCUMENT_KEEP_DAYS: Partial<Record<DocumentKind, number>> = { id: 30 };
export const DOCUMENT_KEEP_DAYS_MAX = 3650;

export const documentKeepDaysSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  /** Days after it was added; null: kept as long as the case. */
  days: wholeNumber(1, DOCUMENT_KEEP_DAYS_MAX, 'documentDaysRange').nullable(),
});

/** A document past its kind's keeping time: to delete, or keep for a reason until a date. */
export const documentDueSchema = z.object({
  documentId: z.number().int(),
  version: z.number().int(),
  clientId: z.number().int(),
  reference: z.string(),
  name: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  addedOn: z.string(),
  dueOn: z.string(),
  lastKeptReason: z.string().nullable(),
});
export type DocumentDue = z.infer<typeof documentDueSchema>;

export const keepDocumentSchema = z.object({
  documentId: z.number().int().positive(),
  reason: requiredText(1000, { lines: true }),
  reviewOn: requiredDate(),
});

/**
 * People who never became clients: a referral in that was declined or withdrawn, and a signposting
 * contact who gave a name. Their details are kept this many months after the decision or contact,
 * then come up to be removed (what is left still counts in the figures).
 */
export const DEFAULT_NON_CLIENT_MONTHS = 12;
export const NON_CLIENT_MONTHS_MAX = 120;

export const nonClientMonthsSchema = z.object({
  months: wholeNumber(1, NON_CLIENT_MONTHS_MAX, 'monthsRange'),
});

export const NON_CLIENT_KINDS = ['incoming', 'signposting'] as const;

/** Someone who never became a client, whose details have been kept their time. */
export const nonClientDueSchema = z.object({
  kind: z.enum(NON_CLIENT_KINDS),
  id: z.number().int(),
  name: z.string(),
  /** The day the referral was decided, or the contact was made. */
  on: z.string(),
  dueOn: z.string(),
});
export type NonClientDue = z.infer<typeof nonClientDueSchema>;

export const forgetNonClientsSchema = z.object({
  items: z
    .array(z.object({ kind: z.enum(NON_CLIENT_KINDS), id: z.number().int().positive() }))
    .min(1)
    .max(5000),
});

/** The retention review: closed cases and documents past their time, and the rules that put them there. */
export const retentionViewSchema = z.object({
  years: z.number().int(),
  due: z.array(retentionCaseSchema),
  documentDays: z.record(z.enum(DOCUMENT_KINDS), z.number().int().nullable()),
  documentsDue: z.array(documentDueSchema),
  nonClientMonths: z.number().int(),
  nonClientsDue: z.array(nonClientDueSchema),
});
export type RetentionView = z.infer<typeof retentionViewSchema>;
