import { z } from 'zod';
import { inLanguage } from './eligibility';
import { isIsoDate, optionalText, requiredText } from './validation';

/**
 * The charity's own questions: fields an administrator adds to the client record (and so to the
 * intake), such as "Disability" or "Ethnicity" for a funder's equality monitoring. Each field has a
 * type, a label and help in English and Polish, and whether it is required, identifies the person
 * (anonymisation removes it) or is sensitive (only those who may read sensitive notes see it).
 *
 * A field's wording is versioned: rewording a label, its help or its choices makes a new version,
 * and an answer keeps the version it was given under, so an old record shows the question as it was
 * asked. A retired field asks nothing more; its answers stay on the records that have them.
 */

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'yesNo', 'oneOf', 'severalOf'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Types whose answers fall into groups a funder report can count. */
export const COUNTED_TYPES: readonly CustomFieldType[] = ['yesNo', 'oneOf', 'severalOf'];

/** Types answered from a list of choices. */
export const hasChoices = (type: CustomFieldType) => type === 'oneOf' || type === 'severalOf';

/** At most this many fields (a record, not a questionnaire) and choices per field. */
export const CUSTOM_FIELDS_MAX = 60;
export const CHOICES_MAX = 40;
/** The longest text answer, and the largest number (either way) a number answer may be. */
export const TEXT_ANSWER_MAX = 1000;
export const NUMBER_ANSWER_MAX = 1_000_000_000;

export const choiceSchema = z.object({
  /** Stable while the choice is reworded (answers keep it); given by the core to a new choice. */
  key: z.string().regex(/^c\d{1,4}$/),
  label: z.string(),
  labelPl: z.string().nullable(),
  /** On a scored form's question: what the choice is worth. */
  points: z.number().int().nullish(),
});
export type Choice = z.infer<typeof choiceSchema>;

export const choiceInputSchema = z.object({
  key: z
    .string()
    .regex(/^c\d{1,4}$/)
    .nullish(),
  label: requiredText(120),
  labelPl: optionalText(120),
  points: z
    .number({ error: 'pointsRange' })
    .int({ error: 'pointsRange' })
    .min(0, { error: 'pointsRange' })
    .max(100, { error: 'pointsRange' })
    .nullish(),
});

export const saveCustomFieldSchema = z
  .object({
    id: z.number().int().positive().nullish(),
    version: z.number().int().nullish(),
    type: z.enum(CUSTOM_FIELD_TYPES, { error: 'required' }),
    label: requiredText(120),
    labelPl: optionalText(120),
    help: optionalText(300),
    helpPl: optionalText(300),
    choices: z.array(choiceInputSchema).max(CHOICES_MAX).default([]),
    required: z.boolean().default(false),
    /** Asked in the intake's steps as well as kept on the record. */
    inIntake: z.boolean().default(true),
    identifying: z.boolean().default(false),
    sensitive: z.boolean().default(false),
    /** The form the question belongs to; none for a question on the client record. */
    formId: z.number().int().positive().nullish(),
  })
  .superRefine((f, ctx) => {
    if (hasChoices(f.type) && f.choices.length < 2)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choicesRequired' });
    const seen = new Set<string>();
    f.choices.forEach((c, i) => {
      const folded = c.label.toLocaleLowerCase();
      if (seen.has(folded)) ctx.addIssue({ code: 'custom', path: ['choices', i, 'label'], message: 'choiceTwice' });
      seen.add(folded);
    });
  });
export type SaveCustomField = z.input<typeof saveCustomFieldSchema>;

/** The wording of a field at one version: what was asked, and the choices offered. */
export const fieldWordingSchema = z.object({
  wordingId: z.number().int(),
  label: z.string(),
  labelPl: z.string().nullable(),
  help: z.string().nullable(),
  helpPl: z.string().nullable(),
  choices: z.array(choiceSchema),
});
export type FieldWording = z.infer<typeof fieldWordingSchema>;

export const customFieldSchema = fieldWordingSchema.extend({
  id: z.number().int(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean(),
  inIntake: z.boolean(),
  identifying: z.boolean(),
  sensitive: z.boolean(),
  active: z.boolean(),
  /** Optimistic lock for the definition. */
  version: z.number().int(),
  formId: z.number().int().nullable(),
  /** How many versions of the wording there have been (1: never reworded). */
  wordings: z.number().int(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

/** An answer as given: text, a number, a date (YYYY-MM-DD), yes/no, a choice's key or several; null clears it. */
export const answerValueSchema = z.union([
  z.string().max(TEXT_ANSWER_MAX + 100),
  z.number(),
  z.boolean(),
  z.array(z.string().max(10)).max(CHOICES_MAX),
  z.null(),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const answerInputSchema = z.object({ fieldId: z.number().int().positive(), value: answerValueSchema });
export type AnswerInput = z.infer<typeof answerInputSchema>;

export const saveAnswersSchema = z.object({
  clientId: z.number().int().positive(),
  answers: z.array(answerInputSchema).max(CUSTOM_FIELDS_MAX),
});

/** An answer on a record, with the question as it was asked when it was given. */
export const clientAnswerSchema = z.object({
  fieldId: z.number().int(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  asked: fieldWordingSchema,
  /** Asked in other words since, or the field retired: the record shows the words it was answered under. */
  reworded: z.boolean(),
  retired: z.boolean(),
  sensitive: z.boolean(),
  /** A sensitive answer this reader may not see: no value. */
  withheld: z.boolean(),
  value: answerValueSchema,
  answeredOn: z.string(),
});
export type ClientAnswer = z.infer<typeof clientAnswerSchema>;

/** What an empty answer is: nothing typed, no choice, or a blank. */
export const isBlank = (v: AnswerValue | undefined) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * The one check of an answer against its field, for the form and the core alike: the value shaped
 * as stored (text trimmed, choices in the field's order), or the validation key of what is wrong.
 */
export function checkAnswer(
  field: Pick<CustomField, 'type' | 'choices' | 'required'>,
  value: AnswerValue | undefined,
): { ok: true; value: AnswerValue } | { ok: false; error: string } {
  if (isBlank(value)) return field.required ? { ok: false, error: 'required' } : { ok: true, value: null };
  const keys = new Set(field.choices.map((c) => c.key));
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') break;
      const text = value.normalize('NFC').trim();
      return text.length > TEXT_ANSWER_MAX ? { ok: false, error: 'tooLong' } : { ok: true, value: text };
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) break;
      return Math.abs(value) > NUMBER_ANSWER_MAX ? { ok: false, error: 'numberRange' } : { ok: true, value };
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value)) return { ok: false, error: 'invalidDate' };
      return { ok: true, value };
    case 'yesNo':
      if (typeof value !== 'boolean') break;
      return { ok: true, value };
    case 'oneOf':
      if (typeof value !== 'string' || !keys.has(value)) break;
      return { ok: true, value };
    case 'severalOf': {
      if (!Array.isArray(value) || !value.every((k) => keys.has(k))) break;
      const chosen = new Set(value);
      return { ok: true, value: field.choices.map((c) => c.key).filter((k) => chosen.has(k)) };
    }
  }
  return { ok: false, error: 'invalid' };
}

/** A field's label, help or choice in the reader's language: Polish when it was given, else the English. */
export const labelOf = (w: { label: string; labelPl: string | null }, language: string) =>
  inLanguage(w.label, w.labelPl, language);
export const helpOf = (w: { help: string | null; helpPl: string | null }, language: string) =>
  w.help ? inLanguage(w.help, w.helpPl, language) : null;

/**
 * An answer as words, in the reader's language, with the choices as they were offered when it was
 * given: "Yes", "White British", "Wheelchair user, Hearing loss", a date or a number written the
 * reader's way (by the functions passed, which the renderer and the core each have).
 */
export function answerText(
  type: CustomFieldType,
  asked: Pick<FieldWording, 'choices'>,
  value: AnswerValue,
  words: { yes: string; no: string; language: string; date: (iso: string) => string; number: (n: number) => string },
): string {
  if (value === null) return '';
  const choice = (key: string) => {
    const c = asked.choices.find((x) => x.key === key);
    return c ? labelOf(c, words.language) : key;
  };
  switch (type) {
    case 'yesNo':
      return value === true ? words.yes : value === false ? words.no : '';
    case 'oneOf':
      return typeof value === 'string' ? choice(value) : '';
    case 'severalOf':
      return Array.isArray(value) ? value.map(choice).join(', ') : '';
    case 'date':
      return typeof value === 'string' ? words.date(value) : '';
    case 'number':
      return typeof value === 'number' ? words.number(value) : '';
    case 'text':
      return typeof value === 'string' ? value : '';
  }
}

/** A funder report's breakdown by one of the charity's questions: people active in the period, by answer. */
export const customBreakdownSchema = z.object({
  fieldId: z.number().int(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  label: z.string(),
  labelPl: z.string().nullable(),
  /**
   * Each choice (for a yes/no question, "true" and "false") with how many people gave it, in the
   * order the question offers them; null for 1 to 4 people. Then those with no answer.
   */
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      labelPl: z.string().nullable(),
      count: z.number().int().nullable(),
    }),
  ),
  notRecorded: z.number().int().nullable(),
});
export type CustomBreakdown = z.infer<typeof customBreakdownSchema>;
