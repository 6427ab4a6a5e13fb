import { z } from 'zod';
import { caseNoteSchema } from './caseNote';

/** What the timeline can be filtered by; every event belongs to one of these. */
export const TIMELINE_TYPES = [
  'note',
  'assessment',
  'plan',
  'task',
  'referral',
  'letter',
  'programme',
  'helpGiven',
  'status',
  'consent',
  'risk',
  'safety',
  'form',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

/** Each kind of event, with its translated title (`timeline.events.*`). */
export const TIMELINE_EVENTS = [
  'intake',
  'statusChanged',
  'note',
  'assessment',
  'review',
  'planAgreed',
  'planEnded',
  'goalAdded',
  'goalUpdated',
  'taskDone',
  'consentRecorded',
  'consentWithdrawn',
  'riskRaised',
  'riskRemoved',
  'safetyPlan',
  'referral',
  'letter',
  'attended',
  'helpGiven',
  'formFilled',
] as const;
export type TimelineEvent = (typeof TIMELINE_EVENTS)[number];

export const timelineEntrySchema = z.object({
  type: z.enum(TIMELINE_TYPES),
  event: z.enum(TIMELINE_EVENTS),
  /** The id of the thing itself (note, assessment, plan, goal, task…), for links. */
  refId: z.number().int(),
  /** YYYY-MM-DD, or YYYY-MM-DDTHH:MM for case notes. */
  at: z.string(),
  /** HH:MM on that day: a note's own time, or when the event was recorded if that was on its day. */
  time: z.string().nullable(),
  /** A short line in the record's own words: a goal's description, a note's first lines, a status. */
  text: z.string().nullable(),
  /** A second detail (a note's kind, a new status, a flag's kind), untranslated key or free text. */
  detail: z.string().nullable(),
  byName: z.string().nullable(),
  /**
   * Why the text is left out for this reader, or null when it is not: marked sensitive, or a
   * referral or letter (whose agency and words are for caseworkers and administrators).
   */
  withheld: z.enum(['sensitive', 'referral', 'letter']).nullable(),
  /** For a case note: the whole note, as this reader may see it. */
  note: caseNoteSchema.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineQuerySchema = z.object({
  clientId: z.number().int().positive(),
  types: z.array(z.enum(TIMELINE_TYPES)).max(TIMELINE_TYPES.length).default([]),
  limit: z.number().int().min(1).max(2000).default(500),
  offset: z.number().int().min(0).default(0),
});
