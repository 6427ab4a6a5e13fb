import { z } from 'zod';
import { requiredText } from './validation';

/** What can have changed on a person's clients while they were away. */
export const DIGEST_KINDS = [
  'note',
  'riskFlag',
  'referral',
  'task',
  'appointment',
  'safeReturn',
  'accessRequest',
] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

export const digestItemSchema = z.object({
  kind: z.enum(DIGEST_KINDS),
  /** When it happened (ISO), or for a request falling due, when it came within a week of its date. */
  at: z.string(),
  byName: z.string().nullable(),
  clientId: z.number().int(),
  clientName: z.string(),
  reference: z.string(),
  /** The record it is about, to open it: a note, a referral's new status, a flag's kind, a date. */
  noteId: z.number().int().nullable(),
  what: z.string().nullable(),
  on: z.string().nullable(),
});
export type DigestItem = z.infer<typeof digestItemSchema>;

export const handoverNoteSchema = z.object({
  id: z.number().int(),
  body: z.string(),
  writtenByName: z.string().nullable(),
  writtenAt: z.string(),
  /** Written by the person reading: it waits for someone else. */
  mine: z.boolean(),
});
export type HandoverNote = z.infer<typeof handoverNoteSchema>;

export const digestSchema = z.object({
  /** The start of what is shown: the last sign-out, or when they last marked all as read. */
  since: z.string().nullable(),
  items: z.array(digestItemSchema),
  /** Items left out because the list is long (the newest are shown). */
  more: z.number().int(),
  handover: z.array(handoverNoteSchema),
});
export type Digest = z.infer<typeof digestSchema>;

export const handoverInputSchema = z.object({ body: requiredText(4000, { lines: true }) });

/** At most this many items are listed; the rest are counted. */
export const DIGEST_MAX_ITEMS = 100;
