import { z } from 'zod';
import { localToday } from '../clock';
import { optionalText, pastOrTodayDate, requiredText, timeOfDay } from './validation';

export const CASE_NOTE_KINDS = ['phone', 'officeVisit', 'homeVisit', 'online', 'letter', 'email', 'other'] as const;
export type CaseNoteKind = (typeof CASE_NOTE_KINDS)[number];

export const NOTE_MAX_LENGTH = 20_000;
export const DURATION_MAX_MINUTES = 24 * 60;

/**
 * One contact with or about a client. The date and time are the wall-clock time it happened, as the
 * worker would say it (no time zone): "Tuesday 14:30". A contact cannot be in the future.
 */
export const caseNoteInputSchema = z
  .object({
    date: pastOrTodayDate(),
    time: timeOfDay(),
    kind: z.enum(CASE_NOTE_KINDS, { error: 'required' }),
    durationMinutes: z
      .number({ error: 'durationRange' })
      .int({ error: 'durationRange' })
      .min(0, { error: 'durationRange' })
      .max(DURATION_MAX_MINUTES, { error: 'durationRange' })
      .nullish()
      .transform((v) => v ?? null),
    /** Who was there or on the call, besides the worker. */
    present: optionalText(500, { lines: true }),
    body: requiredText(NOTE_MAX_LENGTH, { lines: true }),
    goalId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    sensitive: z.boolean().default(false),
  })
  .transform(({ date, time, ...n }) => ({ ...n, occurredAt: `${date}T${time}` }));
export type CaseNoteInput = z.input<typeof caseNoteInputSchema>;

/** The note as it was before an edit; administrators can read every earlier version. */
export const caseNoteVersionSchema = z.object({
  version: z.number().int(),
  occurredAt: z.string(),
  kind: z.enum(CASE_NOTE_KINDS),
  durationMinutes: z.number().int().nullable(),
  present: z.string().nullable(),
  body: z.string(),
  goalId: z.number().int().nullable(),
  sensitive: z.boolean(),
  /** Who wrote this version, and when it was replaced by the next one. */
  writtenByName: z.string().nullable(),
  replacedAt: z.string(),
});
export type CaseNoteVersion = z.infer<typeof caseNoteVersionSchema>;

export const caseNoteSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  occurredAt: z.string(),
  kind: z.enum(CASE_NOTE_KINDS),
  durationMinutes: z.number().int().nullable(),
  present: z.string().nullable(),
  /** Null when the note is sensitive and this reader may not see it. */
  body: z.string().nullable(),
  goalId: z.number().int().nullable(),
  sensitive: z.boolean(),
  withheld: z.boolean(),
  writtenBy: z.number().int().nullable(),
  writtenByName: z.string().nullable(),
  createdAt: z.string(),
  /** Set when the note was changed after it was written: everyone sees that it was edited. */
  editedAt: z.string().nullable(),
  editedByName: z.string().nullable(),
  version: z.number().int(),
});
export type CaseNote = z.infer<typeof caseNoteSchema>;

/** Splits a stored "YYYY-MM-DDTHH:MM" into the form's two fields. */
export function splitOccurredAt(occurredAt: string): { date: string; time: string } {
  return { date: occurredAt.slice(0, 10), time: occurredAt.slice(11, 16) };
}

/** The form's starting date and time: `now` (the core's clock), to the minute. */
export function nowForNote(now: Date): { date: string; time: string } {
  return {
    date: localToday(now),
    time: `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`,
  };
}
