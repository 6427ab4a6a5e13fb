import type { TFunction } from 'i18next';
import { z } from 'zod';
import { inLanguage } from './eligibility';
import { answerInputSchema, clientAnswerSchema, CUSTOM_FIELDS_MAX, type Choice } from './customField';
import { optionalText, pastOrTodayDate, requiredText, wholeNumber } from './validation';
import { SCORE_MAX, SCORE_MIN } from './assessment';
import { CASE_NOTE_KINDS, type CaseNoteKind } from './caseNote';

/**
 * The charity's own forms: a named set of its own questions ("Debt advice intake", "Domestic abuse
 * risk checklist"), in English and Polish, filled in for a client as often as needed, each time
 * dated and seen in the timeline. A form's questions are custom fields that belong to the form, so
 * they are versioned the same way: a filled form keeps each question as it was asked.
 *
 * A scored form gives each choice of its "one of a list" questions points (a scale whose every
 * point the charity words itself), adds them up, and names the band the total falls in. A band may
 * stand for a score on a need area's 1–10 scale: then filling the form scores that area, and the
 * form feeds the outcomes the funder report measures.
 */

/** The most points one choice may be worth, and the most bands a form may have. */
export const POINTS_MAX = 100;
export const BANDS_MAX = 10;
export const FORMS_MAX = 40;

/**
 * What a form may be asked with, instead of on its own: each referral to another agency, each
 * registration on a programme (every one, or one programme), or each case note of one kind.
 */
export const FORM_ASKED_WITH = ['referral', 'registration', 'caseNote'] as const;
export type FormAskedWith = (typeof FORM_ASKED_WITH)[number];

export const bandSchema = z.object({
  /** The lowest total in the band; the band runs up to the next band's lowest. */
  from: z.number().int(),
  label: z.string(),
  labelPl: z.string().nullable(),
  /** What the band stands for on the need area's scale (1 to 10), or null when it feeds nothing. */
  outcome: z.number().int().nullable(),
});
export type Band = z.infer<typeof bandSchema>;

export const bandInputSchema = z.object({
  from: wholeNumber(0, POINTS_MAX * CUSTOM_FIELDS_MAX, 'bandFromRange'),
  label: requiredText(80),
  labelPl: optionalText(80),
  outcome: wholeNumber(SCORE_MIN, SCORE_MAX, 'scoreRange').nullish(),
});

export const saveFormSchema = z
  .object({
    id: z.number().int().positive().nullish(),
    version: z.number().int().nullish(),
    name: requiredText(120),
    namePl: optionalText(120),
    about: optionalText(400),
    aboutPl: optionalText(400),
    scored: z.boolean().default(false),
    /** The need area a scored form's bands score, if any. */
    areaId: z.number().int().positive().nullish(),
    bands: z.array(bandInputSchema).max(BANDS_MAX).default([]),
    /** Asked with something else instead of filled in on its own. */
    askedWith: z.enum(FORM_ASKED_WITH).nullish(),
    /** With registrations: on this programme only (none: on every programme). */
    programmeId: z.number().int().positive().nullish(),
    /** With case notes: of this kind. */
    noteKind: z.enum(CASE_NOTE_KINDS).nullish(),
  })
  .superRefine((f, ctx) => {
    if (f.askedWith === 'caseNote' && !f.noteKind)
      ctx.addIssue({ code: 'custom', path: ['noteKind'], message: 'required' });
    f.bands.forEach((b, i) => {
      if (i > 0 && b.from <= f.bands[i - 1]!.from)
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'from'], message: 'bandsOrder' });
      if (f.areaId && b.outcome == null)
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'outcome'], message: 'required' });
    });
    if (f.areaId && !f.bands.length) ctx.addIssue({ code: 'custom', path: ['bands'], message: 'bandsRequired' });
  });
export type SaveForm = z.input<typeof saveFormSchema>;

export const customFormSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  namePl: z.string().nullable(),
  about: z.string().nullable(),
  aboutPl: z.string().nullable(),
  scored: z.boolean(),
  areaId: z.number().int().nullable(),
  bands: z.array(bandSchema),
  askedWith: z.enum(FORM_ASKED_WITH).nullable(),
  /** With registrations on this programme only; with case notes of this kind. */
  programmeId: z.number().int().nullable(),
  noteKind: z.enum(CASE_NOTE_KINDS).nullable(),
  active: z.boolean(),
  version: z.number().int(),
  /** How many questions it asks now, and how many times it has been filled in. */
  questions: z.number().int(),
  filled: z.number().int(),
});
export type CustomForm = z.infer<typeof customFormSchema>;

export const fillFormSchema = z.object({
  clientId: z.number().int().positive(),
  formId: z.number().int().positive(),
  /** A change to a form filled before, still at `version`; none for a new one. */
  entry: z.object({ id: z.number().int().positive(), version: z.number().int() }).nullish(),
  filledOn: pastOrTodayDate(),
  answers: z.array(answerInputSchema).max(CUSTOM_FIELDS_MAX),
});
export type FillForm = z.input<typeof fillFormSchema>;

/** A form filled in for a client: its answers under the questions as they were asked, its total and band. */
export const formEntrySchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  formId: z.number().int(),
  formName: z.string(),
  formNamePl: z.string().nullable(),
  filledOn: z.string(),
  filledByName: z.string().nullable(),
  score: z.number().int().nullable(),
  band: bandSchema.nullable(),
  /** The need area it scored (a scored form with an outcome), when it did. */
  areaId: z.number().int().nullable(),
  /** The referral it was filled in with, and its agency. */
  referralId: z.number().int().nullable(),
  agencyName: z.string().nullable(),
  /** The programme whose registration it was filled in with, and its name. */
  programmeId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  /** The case note it was filled in with, and when that contact was. */
  caseNoteId: z.number().int().nullable(),
  noteOccurredAt: z.string().nullable(),
  answers: z.array(clientAnswerSchema),
  version: z.number().int(),
});
export type FormEntry = z.infer<typeof formEntrySchema>;

export const formNameOf = (f: { name: string; namePl: string | null }, language: string) =>
  inLanguage(f.name, f.namePl, language);

/** A scored question is one of a list whose choices carry points. */
export const isScored = (f: { type: string; choices: Choice[] }) =>
  f.type === 'oneOf' && f.choices.some((c) => c.points != null);

/**
 * A form's total: the points of the choice given to each scored question (an unanswered one adds
 * nothing), and the band it falls in (the last whose lowest total it reaches; none below the first).
 */
export function scoreOf(
  fields: { id: number; type: string; choices: Choice[] }[],
  answers: { fieldId: number; value: unknown }[],
  bands: Band[],
): { score: number; band: Band | null } {
  let score = 0;
  for (const a of answers) {
    const f = fields.find((x) => x.id === a.fieldId);
    if (!f || !isScored(f) || typeof a.value !== 'string') continue;
    score += f.choices.find((c) => c.key === a.value)?.points ?? 0;
  }
  const band = [...bands].reverse().find((b) => score >= b.from) ?? null;
  return { score, band };
}

/** A funder report's figures for one form: fillings in the period, people, and for a scored form people by band. */
export const formFiguresSchema = z.object({
  formId: z.number().int(),
  name: z.string(),
  namePl: z.string().nullable(),
  filled: z.number().int(),
  /** Null for 1 to 4 people. */
  people: z.number().int().nullable(),
  bands: z.array(
    z.object({
      label: z.string(),
      labelPl: z.string().nullable(),
      /** People in the band at their first filling in the period, and at their latest; null for 1 to 4. */
      first: z.number().int().nullable(),
      latest: z.number().int().nullable(),
    }),
  ),
});
export type FormFigures = z.infer<typeof formFiguresSchema>;

/** A total and its band as words in a language: "12 points · Moderate" (the screen and the pack alike). */
export const scoreWords = (t: TFunction, score: number, band: Band | null, language: string) =>
  [t('forms.pointsTotal', { count: score }), band ? inLanguage(band.label, band.labelPl, language) : null]
    .filter(Boolean)
    .join(' · ');

/** What a form is asked with: the piece of casework whose saving fills it in. */
export type AskedWith =
  | { kind: 'referral'; referralId: number | null }
  | { kind: 'registration'; programmeId: number }
  | { kind: 'caseNote'; noteKind: CaseNoteKind; caseNoteId: number | null };

/** Whether a form is asked with this referral, registration or note (and so not filled in on its own). */
export function isAskedWith(f: Pick<CustomForm, 'askedWith' | 'programmeId' | 'noteKind'>, w: AskedWith): boolean {
  if (w.kind === 'registration')
    return f.askedWith === 'registration' && (f.programmeId ?? w.programmeId) === w.programmeId;
  if (w.kind === 'caseNote') return f.askedWith === 'caseNote' && f.noteKind === w.noteKind;
  return f.askedWith === 'referral';
}

/** Whether an entry was filled in with this referral, registration or note. */
export function entryGoesWith(e: Pick<FormEntry, 'referralId' | 'programmeId' | 'caseNoteId'>, w: AskedWith): boolean {
  if (w.kind === 'registration') return e.programmeId === w.programmeId;
  if (w.kind === 'caseNote') return w.caseNoteId !== null && e.caseNoteId === w.caseNoteId;
  return w.referralId !== null && e.referralId === w.referralId;
}

/**
 * What an entry was filled in with ("the referral to Hyde Park Food Bank"), or null when it was
 * filled in on its own: after "Filled in with" on the Forms tab and in the subject access pack.
 */
export function filledWithWords(
  t: TFunction,
  e: Pick<FormEntry, 'agencyName' | 'programmeName' | 'noteOccurredAt'>,
  day: (isoDate: string) => string,
): string | null {
  if (e.agencyName) return t('forms.with.referral', { agency: e.agencyName });
  if (e.programmeName) return t('forms.with.registration', { programme: e.programmeName });
  if (e.noteOccurredAt) return t('forms.with.caseNote', { date: day(e.noteOccurredAt.slice(0, 10)) });
  return null;
}
