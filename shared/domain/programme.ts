import { z } from 'zod';
import { AGE_BANDS } from './ageBand';
import { answerInputSchema, CUSTOM_FIELDS_MAX } from './customField';
import { addDays } from './caseload';
import { localeOf } from './languages';
import {
  isIsoDate,
  optionalDate,
  optionalText,
  optionalTimeOfDay,
  pastOrTodayDate,
  requiredDate,
  requiredText,
  timeOfDay,
  wholeNumber,
  type ValidationKey,
} from './validation';

/** What kind of group activity a programme is. */
export const PROGRAMME_KINDS = ['workshop', 'dropIn', 'groupSupport', 'outreach', 'awarenessEvent'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const CAPACITY_MAX = 10_000;

/** A workshop, drop-in, group or event the charity runs, with its sessions. */
export const programmeInputSchema = z
  .object({
    name: requiredText(120),
    description: optionalText(4000, { lines: true }),
    kind: z.enum(PROGRAMME_KINDS, { error: 'required' }),
    startsOn: requiredDate(),
    endsOn: optionalDate(),
    /** Places available; none means no limit. */
    capacity: wholeNumber(1, CAPACITY_MAX, 'capacityRange')
      .nullish()
      .transform((v) => v ?? null),
    /** Who runs it: staff, volunteers or visiting speakers, by name. */
    facilitators: z
      .array(requiredText(120))
      .max(20, { error: 'tooLong' })
      .default([])
      .transform((names) => [...new Set(names)]),
    venue: optionalText(300),
    /** People need a current eligibility decision for this service to be registered. */
    requiresServiceId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((p, ctx) => {
    if (p.endsOn && p.endsOn < p.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'endBeforeStart' });
  });
export type ProgrammeInput = z.input<typeof programmeInputSchema>;
export type ProgrammeValues = z.output<typeof programmeInputSchema>;

export const programmeSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  capacity: z.number().int().nullable(),
  venue: z.string().nullable(),
  registered: z.number().int(),
  sessionsHeld: z.number().int(),
  /** The next session not cancelled, today or later. */
  nextSessionOn: z.string().nullable(),
  nextSessionAt: z.string().nullable(),
  nextSessionId: z.number().int().nullable(),
});
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;

export const programmeSchema = programmeSummarySchema.extend({
  description: z.string().nullable(),
  facilitators: z.array(z.string()),
  requiresServiceId: z.number().int().nullable(),
  version: z.number().int(),
});
export type Programme = z.infer<typeof programmeSchema>;

export const programmeListQuerySchema = z.object({
  /** current: not yet ended; ended: past their end date; all. */
  show: z.enum(['current', 'ended', 'all']).default('current'),
});

/** Has the programme finished by `today`? */
export const programmeEnded = (p: { endsOn: string | null }, today: string) => p.endsOn !== null && p.endsOn < today;

// ---------------------------------------------------------------- sessions

export const sessionInputSchema = z
  .object({
    heldOn: requiredDate(),
    startsAt: timeOfDay(),
    endsAt: optionalTimeOfDay(),
    venue: optionalText(300),
    facilitator: optionalText(200),
    note: optionalText(2000, { lines: true }),
  })
  .superRefine((s, ctx) => {
    if (s.endsAt && s.endsAt <= s.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endBeforeStart' });
  });
export type SessionValues = z.output<typeof sessionInputSchema>;

/** How often sessions repeat: once, every week, or every other week, on chosen days of the week. */
export const SESSION_REPEATS = ['once', 'weekly', 'fortnightly'] as const;
export type SessionRepeat = (typeof SESSION_REPEATS)[number];

/** Days of the week, Monday = 1 … Sunday = 7 (ISO 8601). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The most sessions one pattern may create, so a slip of the year does not make thousands. */
export const MAX_SESSIONS_AT_ONCE = 200;

/**
 * A run of sessions: the first date and time, how they repeat, and until when (or how many). The
 * venue and facilitator fall back to the programme's.
 */
export const sessionPatternSchema = z
  .object({
    firstOn: requiredDate(),
    startsAt: timeOfDay(),
    endsAt: optionalTimeOfDay(),
    repeat: z.enum(SESSION_REPEATS).default('once'),
    /** Empty: the weekday of the first date. */
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    until: optionalDate(),
    count: wholeNumber(1, MAX_SESSIONS_AT_ONCE, 'sessionCountRange')
      .nullish()
      .transform((v) => v ?? null),
    venue: optionalText(300),
    facilitator: optionalText(200),
  })
  .superRefine((p, ctx) => {
    for (const [path, message] of Object.entries(sessionPatternRules(p)))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type SessionPatternInput = z.input<typeof sessionPatternSchema>;
export type SessionPattern = z.output<typeof sessionPatternSchema>;

/** What a pattern needs besides its parts: an end for a repeating one, an end after the start, ends after starts. */
export function sessionPatternRules(p: {
  firstOn: string;
  startsAt: string;
  endsAt: string | null;
  repeat: SessionRepeat;
  until: string | null;
  count: number | null;
}): Record<string, ValidationKey> {
  const issues: Record<string, ValidationKey> = {};
  if (p.endsAt && p.startsAt && p.endsAt <= p.startsAt) issues['endsAt'] = 'endBeforeStart';
  if (p.repeat !== 'once' && p.until === null && p.count === null) issues['until'] = 'untilOrCountRequired';
  if (p.until && p.firstOn && p.until < p.firstOn) issues['until'] = 'endBeforeStart';
  return issues;
}

/** ISO weekday of a YYYY-MM-DD date: Monday 1 … Sunday 7. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The dates of the sessions a pattern makes, in order. Worked on the calendar alone (dates, not
 * instants), so a change to or from summer time cannot move a session to another day or hour: a
 * Thursday 18:00 session is at 18:00 on every Thursday. Stops at `until`, at `count`, at `lastOn`
 * (the programme's end), or after MAX_SESSIONS_AT_ONCE + 1 dates (the caller refuses that many).
 */
export function sessionDates(
  p: Pick<SessionPattern, 'firstOn' | 'repeat' | 'weekdays' | 'until' | 'count'>,
  lastOn: string | null = null,
): string[] {
  if (!isIsoDate(p.firstOn)) return [];
  if (p.repeat === 'once') return lastOn !== null && p.firstOn > lastOn ? [] : [p.firstOn];
  const days = new Set(p.weekdays.length ? p.weekdays : [weekdayOf(p.firstOn)]);
  const step = p.repeat === 'fortnightly' ? 2 : 1;
  const limit = p.count ?? MAX_SESSIONS_AT_ONCE + 1;
  const ends = [p.until, lastOn].filter((d): d is string => d !== null).sort()[0] ?? null;
  // Weeks are counted from the Monday of the first date's week, so "every other week" keeps its rhythm.
  const monday = addDays(p.firstOn, 1 - weekdayOf(p.firstOn));
  const dates: string[] = [];
  for (let week = 0; dates.length < limit; week += step) {
    const weekStart = addDays(monday, week * 7);
    if (ends !== null && weekStart > ends) break;
    if (ends === null && week > MAX_SESSIONS_AT_ONCE * step) break;
    for (let d = 1; d <= 7 && dates.length < limit; d++) {
      if (!days.has(d)) continue;
      const date = addDays(weekStart, d - 1);
      if (date < p.firstOn || (ends !== null && date > ends)) continue;
      dates.push(date);
    }
  }
  return dates;
}

export const sessionSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  heldOn: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  venue: z.string().nullable(),
  facilitator: z.string().nullable(),
  note: z.string().nullable(),
  cancelled: z.boolean(),
  cancelReason: z.string().nullable(),
  /** Clients marked present (registered and walk-ins). */
  present: z.number().int(),
  walkIns: z.number().int(),
  /** Anonymous people counted at the door. */
  headcount: z.number().int(),
  version: z.number().int(),
});
export type ProgrammeSession = z.infer<typeof sessionSchema>;

export const sessionChangeSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int(),
  session: sessionInputSchema,
});

export const sessionCancelSchema = z
  .object({
    id: z.number().int().positive(),
    version: z.number().int(),
    cancelled: z.boolean(),
    reason: optionalText(500, { lines: true }),
  })
  .superRefine((c, ctx) => {
    if (c.cancelled && !c.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reasonRequired' });
  });

// ---------------------------------------------------------------- members and attendance

export const memberSchema = z.object({
  clientId: z.number().int(),
  name: z.string(),
  reference: z.string(),
  registeredOn: z.string(),
  /** Sessions held so far that this client came to. */
  attended: z.number().int(),
  /** How many of the forms asked with a registration on this programme were filled in with theirs. */
  formsFilled: z.number().int(),
});
export type ProgrammeMember = z.infer<typeof memberSchema>;

export const registerInputSchema = z.object({
  programmeId: z.number().int().positive(),
  clientId: z.number().int().positive(),
  registeredOn: pastOrTodayDate(),
  /** The user has seen that the programme is full and registers the client all the same. */
  overCapacity: z.boolean().default(false),
  /** Answers to the charity's questions asked with each registration. */
  answers: z.array(answerInputSchema).max(CUSTOM_FIELDS_MAX).default([]),
});

/** Answers to the questions asked with a registration, given or changed after it. */
export const registrationAnswersSchema = z.object({
  programmeId: z.number().int().positive(),
  clientId: z.number().int().positive(),
  answers: z.array(answerInputSchema).max(CUSTOM_FIELDS_MAX),
});

export const registerLineSchema = z.object({
  clientId: z.number().int(),
  name: z.string(),
  reference: z.string(),
  /** On the programme's list (not only a walk-in at this session). */
  registered: z.boolean(),
  present: z.boolean(),
  walkIn: z.boolean(),
});
export type RegisterLine = z.infer<typeof registerLineSchema>;

export const headcountSchema = z.record(z.enum(AGE_BANDS), z.number().int().min(0).max(10_000));

/** One session's register: who is expected, who came, and how many came without giving their name. */
export const sessionRegisterSchema = z.object({
  session: sessionSchema,
  programme: programmeSummarySchema.pick({ id: true, name: true, kind: true, capacity: true, venue: true }),
  lines: z.array(registerLineSchema),
  headcount: z.array(z.object({ band: z.enum(AGE_BANDS), people: z.number().int() })),
});
export type SessionRegister = z.infer<typeof sessionRegisterSchema>;

export const attendanceInputSchema = z.object({
  sessionId: z.number().int().positive(),
  clientId: z.number().int().positive(),
  present: z.boolean(),
  /** For a walk-in: also put them on the programme's list. */
  register: z.boolean().default(false),
});

export const headcountInputSchema = z.object({
  sessionId: z.number().int().positive(),
  counts: z
    .array(z.object({ band: z.enum(AGE_BANDS), people: wholeNumber(0, 10_000, 'headcountRange') }))
    .max(AGE_BANDS.length),
});

/** A session a client came to, for their page. */
export const attendedSessionSchema = z.object({
  sessionId: z.number().int(),
  programmeId: z.number().int(),
  programmeName: z.string(),
  heldOn: z.string(),
  startsAt: z.string(),
  walkIn: z.boolean(),
});
export type AttendedSession = z.infer<typeof attendedSessionSchema>;

export const clientProgrammesSchema = z.object({
  registered: z.array(
    z.object({
      programmeId: z.number().int(),
      name: z.string(),
      kind: z.enum(PROGRAMME_KINDS),
      registeredOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
  attended: z.array(attendedSessionSchema),
});
export type ClientProgrammes = z.infer<typeof clientProgrammesSchema>;

// ---------------------------------------------------------------- figures

/**
 * How many came, counted the two ways funders ask: attendances (every person at every session) and
 * unique people (each named client once). Anonymous walk-ins can only be counted as attendances.
 */
export const attendanceFiguresSchema = z.object({
  sessionsHeld: z.number().int(),
  sessionsCancelled: z.number().int(),
  /** Named clients marked present, summed over sessions. */
  attendances: z.number().int(),
  registeredAttendances: z.number().int(),
  walkInAttendances: z.number().int(),
  /** Anonymous people counted, summed over sessions. */
  headcount: z.number().int(),
  headcountByBand: z.array(z.object({ band: z.enum(AGE_BANDS), people: z.number().int() })),
  /** Different named clients who came at least once. */
  uniquePeople: z.number().int(),
  /** Named attendances + anonymous headcount. */
  totalAttendances: z.number().int(),
});
export type AttendanceFigures = z.infer<typeof attendanceFiguresSchema>;

export const programmeFiguresSchema = z.object({
  overall: attendanceFiguresSchema,
  byProgramme: z.array(
    attendanceFiguresSchema.extend({ programmeId: z.number().int(), name: z.string(), kind: z.enum(PROGRAMME_KINDS) }),
  ),
});
export type ProgrammeFigures = z.infer<typeof programmeFiguresSchema>;

export const programmeDetailSchema = z.object({
  programme: programmeSchema,
  sessions: z.array(sessionSchema),
  members: z.array(memberSchema),
  /** How many of the charity's forms are asked with each registration on it (0: none, no questions). */
  formsAsked: z.number().int(),
  figures: attendanceFiguresSchema,
});
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

export const periodSchema = z.object({ from: requiredDate(), to: requiredDate() }).superRefine((p, ctx) => {
  if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'endBeforeStart' });
});
export type Period = z.output<typeof periodSchema>;

/** A session's day as a register prints it: "Thursday, 26 November 2026" / "czwartek, 26 listopada 2026". */
export function sessionDay(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(localeOf(language), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}
