import { z } from 'zod';
import { AGE_BANDS } from './ageBand';
import { APPOINTMENT_KINDS } from './appointment';
import { CLOSURE_REASONS } from './client';
import { CASE_NOTE_KINDS } from './caseNote';
import { REFERRAL_STATUSES } from './referral';
import { programmeFiguresSchema } from './programme';
import { CURRENCIES, helpGivenTotalsSchema } from './helpGiven';
import { requiredDate } from './validation';
import { customBreakdownSchema } from './customField';
import { formFiguresSchema } from './customForm';
import { INCOMING_SOURCES } from './incoming';

/** Groups of fewer people than this are shown as "<5", so no one can be picked out. */
export const SUPPRESS_BELOW = 5;

/** A count of people that may be too small to show: null stands for 1 to 4. */
export const suppressed = (n: number): number | null => (n > 0 && n < SUPPRESS_BELOW ? null : n);

/** A score at or below this (on 1–10, 10 = no need) counts as a need at intake. */
export const IN_NEED_MAX = 5;

export const funderReportQuerySchema = z
  .object({
    from: requiredDate(),
    to: requiredDate(),
    /** Only clients who came to this programme's sessions in the period. */
    programmeId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    /** Only clients allocated to this caseworker. */
    caseworkerId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((q, ctx) => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'endBeforeStart' });
  });
export type FunderReportQuery = z.output<typeof funderReportQuerySchema>;

const waitSchema = z.object({
  people: z.number().int(),
  medianDays: z.number().int().nullable(),
  longestDays: z.number().int().nullable(),
});
const areaRef = { areaId: z.number().int(), areaKey: z.string().nullable(), areaName: z.string().nullable() };
const maybeCount = z.number().int().nullable();

export const funderReportSchema = z.object({
  query: z.object({
    from: z.string(),
    to: z.string(),
    programmeId: z.number().int().nullable(),
    caseworkerId: z.number().int().nullable(),
  }),
  programmeName: z.string().nullable(),
  caseworkerName: z.string().nullable(),
  charityName: z.string(),
  currency: z.enum(CURRENCIES),
  cases: z.object({
    /** Taken in during the period. */
    newClients: z.number().int(),
    /** Open (or on hold) at some time during the period. */
    active: z.number().int(),
    closed: z.number().int(),
    /** Closed cases opened again during the period. */
    reopened: z.number().int(),
  }),
  closedByReason: z.array(z.object({ reason: z.enum(CLOSURE_REASONS).nullable(), count: z.number().int() })),
  contacts: z.array(z.object({ kind: z.enum(CASE_NOTE_KINDS), count: z.number().int(), minutes: z.number().int() })),
  referrals: z.array(
    z.object({
      agencyId: z.number().int(),
      agencyName: z.string(),
      status: z.enum(REFERRAL_STATUSES),
      count: z.number().int(),
    }),
  ),
  /**
   * Eligibility decisions made in the period, by service: each client counted once per service, by
   * their latest decision in the period.
   */
  eligibility: z.array(
    z.object({
      serviceId: z.number().int(),
      serviceName: z.string(),
      serviceNamePl: z.string().nullable(),
      eligible: z.number().int(),
      notEligible: z.number().int(),
    }),
  ),
  /**
   * Appointments in the period, by kind: each client on an appointment counted once (a family of
   * three is three), by whether they came, did not, it is not yet recorded, or it was cancelled.
   */
  appointments: z.array(
    z.object({
      kind: z.enum(APPOINTMENT_KINDS),
      attended: z.number().int(),
      missed: z.number().int(),
      notRecorded: z.number().int(),
      cancelled: z.number().int(),
    }),
  ),
  needsAtIntake: z.array(
    z.object({ ...areaRef, assessed: z.number().int(), inNeed: z.number().int(), averageScore: z.number() }),
  ),
  outcomes: z.object({
    areas: z.array(
      z.object({ ...areaRef, improved: z.number().int(), same: z.number().int(), worse: z.number().int() }),
    ),
    /** Clients with two or more scored assessments in at least one area. */
    clients: z.number().int(),
    /** Of those, clients whose scores rose on average across their areas. */
    improvedClients: z.number().int(),
  }),
  goals: z.object({
    set: z.number().int(),
    achieved: z.number().int(),
    partlyAchieved: z.number().int(),
    notAchieved: z.number().int(),
  }),
  helpGiven: helpGivenTotalsSchema,
  attendance: programmeFiguresSchema,
  demographics: z.object({
    /** The clients described: those active in the period. */
    people: z.number().int(),
    ageBands: z.array(z.object({ band: z.enum(AGE_BANDS), count: maybeCount })),
    genders: z.array(z.object({ gender: z.string(), count: maybeCount })),
    languages: z.array(z.object({ language: z.string(), count: maybeCount })),
  }),
  /** People who were not clients told where else to go: contacts in the period, by need and by place. */
  signposting: z.object({
    contacts: z.number().int(),
    /** A need area, or none given (areaId null: a need in their own words). */
    byNeed: z.array(
      z.object({
        areaId: z.number().int().nullable(),
        areaKey: z.string().nullable(),
        areaName: z.string().nullable(),
        count: z.number().int(),
      }),
    ),
    /** The 20 places people were most often sent. */
    byPlace: z.array(z.object({ place: z.string(), count: z.number().int() })),
  }),
  /** Referrals into the charity in the period, by source and outcome, and how long people waited. */
  incoming: z.object({
    bySource: z.array(
      z.object({
        source: z.enum(INCOMING_SOURCES),
        received: z.number().int(),
        accepted: z.number().int(),
        declined: z.number().int(),
        open: z.number().int(),
      }),
    ),
    /** Taken in during the period: how many, and days from referral to intake. */
    takenIn: waitSchema,
    /** Still waiting when the period ended: how many, and days waited by then. */
    stillWaiting: waitSchema,
  }),
  /** The same people by each of the charity's own questions that has choices (yes/no, one or several of a list). */
  byQuestion: z.array(customBreakdownSchema),
  /** The charity's own forms filled in during the period for those people. */
  byForm: z.array(formFiguresSchema),
});
export type FunderReport = z.infer<typeof funderReportSchema>;

/** Gender as reported: the value itself, or one of these for "prefers not to say" and "not recorded". */
export const GENDER_WITHHELD = '~withheld';
export const NOT_RECORDED = '~notRecorded';
