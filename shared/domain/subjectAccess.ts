import { z } from 'zod';
import { addMonths } from './caseload';
import { optionalText, pastOrTodayDate } from './validation';

/**
 * A subject access request: a client asking for a copy of everything held about them. The law
 * (UK/EU GDPR article 12) gives one calendar month from the day it arrives.
 */
export const accessRequestInputSchema = z.object({
  clientId: z.number().int().positive(),
  receivedOn: pastOrTodayDate(),
  /** How it came in and how their identity was checked. */
  note: optionalText(1000, { lines: true }),
});
export type AccessRequestInput = z.input<typeof accessRequestInputSchema>;

/**
 * The day the answer is due: the same date next month, or the last day of next month when there is
 * no such date (31 January gives 28 or 29 February), as the UK regulator counts it.
 */
export function accessDueOn(receivedOn: string): string {
  return addMonths(receivedOn, 1);
}

export const accessRequestSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  clientReference: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  note: z.string().nullable(),
  /** The last time the pack was made (it can be made again, e.g. after a correction). */
  packSavedOn: z.string().nullable(),
  /** The day the pack was given or sent to the person: the request is then closed. */
  answeredOn: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type AccessRequest = z.infer<typeof accessRequestSchema>;

export const accessAnsweredSchema = z.object({
  id: z.number().int().positive(),
  answeredOn: pastOrTodayDate(),
});

/** What saving the pack wrote: a readable PDF and, beside it, the same information as JSON. */
export const accessPackSavedSchema = z.object({
  pdfPath: z.string(),
  jsonPath: z.string(),
  requests: z.array(accessRequestSchema),
});
