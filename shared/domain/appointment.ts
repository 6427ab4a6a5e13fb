import { z } from 'zod';
import { addDays } from './caseload';
import type { CaseNoteKind } from './caseNote';
import { MAX_SESSIONS_AT_ONCE, SESSION_REPEATS, sessionPatternRules, weekdayOf } from './programme';
import {
  optionalPhone,
  optionalText,
  optionalTimeOfDay,
  requiredDate,
  optionalDate,
  timeOfDay,
  wholeNumber,
  type ValidationKey,
} from './validation';

/** Where or how an appointment happens. */
export const APPOINTMENT_KINDS = ['office', 'phone', 'video', 'homeVisit', 'accompanied', 'group'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

/** What became of an appointment for each client on it. */
export const APPOINTMENT_OUTCOMES = ['booked', 'attended', 'missed'] as const;
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];

/** The kind of case note an attended appointment becomes. */
export const NOTE_KIND_OF: Record<AppointmentKind, CaseNoteKind> = {
  office: 'officeVisit',
  phone: 'phone',
  video: 'online',
  homeVisit: 'homeVisit',
  accompanied: 'other',
  group: 'officeVisit',
};

/** How many clients one appointment may have (a family), and how many people from the charity. */
export const MAX_CLIENTS = 12;
export const MAX_STAFF = 10;

const ids = (max: number) =>
  z
    .array(z.number().int().positive(), { error: 'invalid' })
    .max(max, { error: 'tooLong' })
    .default([])
    .transform((v) => [...new Set(v)]);

/**
 * One appointment, or a run of them ("every other Tuesday until March"). The date and times are the
 * wall clock's, as people say them (no time zone), and a run is worked out on the calendar by the
 * programme sessions' own rules, so summer time never moves one to another hour.
 */
export const appointmentInputSchema = z
  .object({
    kind: z.enum(APPOINTMENT_KINDS, { error: 'required' }),
    clientIds: ids(MAX_CLIENTS),
    /** People from the charity: caseworkers, volunteers, the coordinator. */
    staffIds: ids(MAX_STAFF),
    /** Or, or as well, someone at another agency. */
    agencyId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    agencyContact: optionalText(200),
    date: requiredDate(),
    startsAt: timeOfDay(),
    endsAt: timeOfDay(),
    place: optionalText(300, { lines: true }),
    /** A room at the charity: two appointments in one room at once are warned about. */
    room: optionalText(80),
    note: optionalText(2000, { lines: true }),
    /** A home visit: the time the visitor expects to be back (and checks in by). */
    backBy: optionalTimeOfDay(),
    repeat: z.enum(SESSION_REPEATS).default('once'),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    until: optionalDate(),
    count: wholeNumber(1, MAX_SESSIONS_AT_ONCE, 'sessionCountRange')
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((a, ctx) => {
    for (const [path, message] of Object.entries(appointmentRules(a)))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type AppointmentInput = z.input<typeof appointmentInputSchema>;
export type AppointmentValues = z.output<typeof appointmentInputSchema>;

/** The rules across fields, also run by the booking form on its raw values. */
export function appointmentRules(a: {
  kind: string | null;
  clientIds: readonly number[];
  staffIds: readonly number[];
  agencyId: number | null;
  date: string;
  startsAt: string;
  endsAt: string;
  backBy: string | null;
  repeat: (typeof SESSION_REPEATS)[number];
  until: string | null;
  count: number | null;
}): Record<string, ValidationKey> {
  const issues: Record<string, ValidationKey> = sessionPatternRules({ ...a, firstOn: a.date });
  if (a.clientIds.length === 0) issues['clientIds'] = 'clientsRequired';
  if (a.staffIds.length === 0 && a.agencyId === null) issues['staffIds'] = 'withWhomRequired';
  if (a.kind === 'homeVisit') {
    if (!a.backBy) issues['backBy'] = 'backByRequired';
    else if (a.endsAt && a.backBy < a.endsAt) issues['backBy'] = 'backBeforeEnd';
  }
  return issues;
}

export const bookAppointmentSchema = z.object({
  appointment: appointmentInputSchema,
  /** The person has seen the clashes and books all the same. */
  despiteClashes: z.boolean().default(false),
});

/** Another appointment at the same time for the same person or room. */
export const clashSchema = z.object({
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  appointmentId: z.number().int(),
  /** Who or what is taken twice: a person from the charity, or a room. */
  who: z.discriminatedUnion('by', [
    z.object({ by: z.literal('staff'), name: z.string() }),
    z.object({ by: z.literal('room'), name: z.string() }),
    z.object({ by: z.literal('client'), name: z.string() }),
  ]),
});
export type Clash = z.infer<typeof clashSchema>;

export const bookingResultSchema = z.object({
  /** The appointments made; none when there were clashes and the person has not yet said go ahead. */
  ids: z.array(z.number().int()),
  clashes: z.array(clashSchema),
});
export type BookingResult = z.infer<typeof bookingResultSchema>;

const person = z.object({ id: z.number().int(), name: z.string() });

export const appointmentClientSchema = z.object({
  clientId: z.number().int(),
  name: z.string(),
  reference: z.string(),
  outcome: z.enum(APPOINTMENT_OUTCOMES),
  noteId: z.number().int().nullable(),
  /** The client has an active lone-working risk flag. */
  loneWorkingRisk: z.boolean(),
});

export const appointmentSchema = z.object({
  id: z.number().int(),
  seriesId: z.number().int().nullable(),
  kind: z.enum(APPOINTMENT_KINDS),
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  room: z.string().nullable(),
  note: z.string().nullable(),
  agencyId: z.number().int().nullable(),
  agencyName: z.string().nullable(),
  agencyContact: z.string().nullable(),
  backBy: z.string().nullable(),
  backSafelyAt: z.string().nullable(),
  backSafelyByName: z.string().nullable(),
  cancelled: z.boolean(),
  cancelReason: z.string().nullable(),
  clients: z.array(appointmentClientSchema),
  /** Clients of another caseworker, not named to this reader (the place and note are withheld too). */
  hiddenClients: z.number().int(),
  staff: z.array(person),
  bookedByName: z.string().nullable(),
  /** Later appointments of the same run, not cancelled. */
  laterInSeries: z.number().int(),
  version: z.number().int(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const diaryQuerySchema = z.object({
  from: requiredDate(),
  /** Inclusive; at most six weeks after `from`. */
  to: requiredDate(),
  /** One person's diary; everyone's when absent. */
  staffId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  includeCancelled: z.boolean().default(false),
});
export const DIARY_MAX_DAYS = 42;

export const daySheetQuerySchema = z.object({
  date: requiredDate(),
  staffId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
});

export const changeAppointmentSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int(),
  appointment: appointmentInputSchema,
  despiteClashes: z.boolean().default(false),
});

export const cancelAppointmentSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int(),
  reason: optionalText(500, { lines: true }),
  /** Also cancel the later appointments of the same run. */
  laterToo: z.boolean().default(false),
});

export const appointmentOutcomeSchema = z.object({
  id: z.number().int().positive(),
  clientId: z.number().int().positive(),
  outcome: z.enum(APPOINTMENT_OUTCOMES),
});

export const clientAppointmentsSchema = z.object({
  upcoming: z.array(appointmentSchema),
  past: z.array(appointmentSchema),
  /** Appointments this client did not come to. */
  missed: z.number().int(),
  attended: z.number().int(),
});
export type ClientAppointments = z.infer<typeof clientAppointmentsSchema>;

/** The person who will check in, the client and where: what the alert shows when a visitor is not back. */
export const overdueVisitSchema = z.object({
  appointmentId: z.number().int(),
  date: z.string(),
  backBy: z.string(),
  clients: z.array(z.object({ clientId: z.number().int(), name: z.string(), reference: z.string() })),
  place: z.string().nullable(),
  visitors: z.array(z.object({ id: z.number().int(), name: z.string(), phone: z.string().nullable() })),
});
export type OverdueVisit = z.infer<typeof overdueVisitSchema>;

/** What every signed-in screen shows while a visitor is not back: the visits, and the charity's steps. */
export const safetyAlertsSchema = z.object({
  visits: z.array(overdueVisitSchema),
  steps: z.string().nullable(),
});
export type SafetyAlerts = z.infer<typeof safetyAlertsSchema>;

/** A reminder to text from the office phone, in the client's language. */
export const textToSendSchema = z.object({
  appointmentId: z.number().int(),
  clientId: z.number().int(),
  name: z.string(),
  reference: z.string(),
  phone: z.string(),
  language: z.string(),
  message: z.string(),
});
export type TextToSend = z.infer<typeof textToSendSchema>;

/** The signed-in person's own details for the diary: their phone (for the alert) and reminders. */
export const myDiaryDetailsSchema = z.object({
  phone: optionalPhone(),
  reminderMinutes: wholeNumber(0, 240, 'reminderRange'),
});
export type MyDiaryDetails = z.output<typeof myDiaryDetailsSchema>;

/** Minutes from one HH:MM to a later one. */
export function minutesBetween(from: string, to: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return m(to) - m(from);
}

/** The Monday of the week a date is in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}
