import { z } from 'zod';
import { CLIENT_LANGUAGES, localeOf } from './languages';
import { optionalText, requiredText, timeOfDay, requiredDate } from './validation';

/**
 * Letters and their templates. A template is plain text with merge fields written {{group.field}};
 * the same merge runs in the template editor's live preview and in the core, so what is previewed is
 * what is printed.
 */
export const LETTER_KINDS = ['referral', 'appointment', 'general', 'safetyPlan', 'referralReply'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
/** Kinds a caseworker writes from the client's Letters tab (the safety plan has its own page). */
export const WRITABLE_LETTER_KINDS = ['referral', 'appointment', 'general'] as const satisfies readonly LetterKind[];

export const FIELD_GROUPS = [
  'charity',
  'client',
  'caseworker',
  'letter',
  'agency',
  'referral',
  'appointment',
  'safetyPlan',
  'referralIn',
] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** Every merge field, by group. Labels are translated (`letters.fields.<name>`). */
export const MERGE_FIELDS = {
  charity: ['charity.name', 'charity.address', 'charity.number', 'charity.phone', 'charity.email'],
  client: [
    'client.name',
    'client.firstName',
    'client.lastName',
    'client.reference',
    'client.dateOfBirth',
    'client.address',
    'client.phone',
  ],
  caseworker: ['caseworker.name'],
  letter: ['letter.date', 'letter.reference', 'letter.text'],
  agency: ['agency.name', 'agency.contact', 'agency.address', 'agency.phone', 'agency.email'],
  referral: [
    'referral.reason',
    'referral.needArea',
    'referral.urgency',
    'referral.sharedInfo',
    'referral.date',
    'referral.followUpOn',
  ],
  appointment: ['appointment.date', 'appointment.time', 'appointment.place', 'appointment.with'],
  safetyPlan: ['safetyPlan.agreedOn', 'safetyPlan.reviewOn'],
  referralIn: [
    'referralIn.name',
    'referralIn.receivedOn',
    'referralIn.referrer',
    'referralIn.reason',
    'referralIn.declineReason',
  ],
} as const satisfies Record<FieldGroup, readonly string[]>;
export type MergeField = (typeof MERGE_FIELDS)[FieldGroup][number];
export const ALL_MERGE_FIELDS: readonly MergeField[] = FIELD_GROUPS.flatMap((g) => MERGE_FIELDS[g]);

/** The groups a template of each kind may use: agency and referral fields only mean something in a referral letter. */
export const GROUPS_FOR_KIND: Record<LetterKind, readonly FieldGroup[]> = {
  referral: ['charity', 'client', 'caseworker', 'letter', 'agency', 'referral'],
  appointment: ['charity', 'client', 'caseworker', 'letter', 'appointment'],
  general: ['charity', 'client', 'caseworker', 'letter'],
  safetyPlan: ['charity', 'client', 'caseworker', 'safetyPlan'],
  // A reply to whoever referred someone in: there is no client record yet.
  referralReply: ['charity', 'caseworker', 'letter', 'referralIn'],
};
export const fieldsForKind = (kind: LetterKind): MergeField[] =>
  GROUPS_FOR_KIND[kind].flatMap((g) => [...MERGE_FIELDS[g]]);

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The merge fields a text uses, in order of first use. */
export function fieldsUsed(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD)].map((m) => m[1]!))];
}

export interface TemplateProblems {
  /** Names between {{ }} that are not merge fields at all (a typing slip). */
  unknown: string[];
  /** Real fields that this kind of letter cannot fill (e.g. an agency in a general letter). */
  notForKind: string[];
  /** A {{ without its }} (or the other way round). */
  unclosed: boolean;
}

/** What is wrong with a template's text before it is saved; empty lists and false when nothing is. */
export function templateProblems(kind: LetterKind, ...texts: string[]): TemplateProblems {
  const allowed = new Set<string>(fieldsForKind(kind));
  const known = new Set<string>(ALL_MERGE_FIELDS);
  const used = [...new Set(texts.flatMap(fieldsUsed))];
  const rest = texts.map((t) => t.replace(FIELD, '')).join('\n');
  return {
    unknown: used.filter((f) => !known.has(f)),
    notForKind: used.filter((f) => known.has(f) && !allowed.has(f)),
    unclosed: rest.includes('{{') || rest.includes('}}'),
  };
}
export const hasTemplateProblems = (p: TemplateProblems) =>
  p.unknown.length > 0 || p.notForKind.length > 0 || p.unclosed;

export type MergeValues = Partial<Record<MergeField, string | null>>;

/** An optional part of a template: `[[ on {{charity.phone}}]]` is left out whole when a field in it is empty. */
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;
/** A sentence: up to and including its full stop, question or exclamation mark (and closing quote), or the line's end. */
const SENTENCE = /[^.!?]+(?:[.!?]+["”’)]*|$)\s*/g;

/**
 * Fills the fields. Nothing is printed around an empty field as if it were there ("please ring us on
 * ."): an optional part `[[…]]` with an empty field is left out; a line that is only a label and
 * empty fields is left out; otherwise a sentence with an empty field is left out whole. `dropped`
 * says what was left out (the preview shows it), `empty` which fields had nothing.
 */
export function mergeText(text: string, values: MergeValues): { text: string; empty: string[]; dropped: string[] } {
  const empty = new Set<string>();
  const dropped: string[] = [];
  const valueOf = (name: string) => {
    const v = values[name as MergeField];
    return v === undefined || v === null || v === '' ? null : v;
  };
  const hasEmpty = (part: string) => {
    const missing = fieldsUsed(part).filter((f) => valueOf(f) === null);
    for (const f of missing) empty.add(f);
    return missing.length > 0;
  };
  const fill = (part: string) => part.replace(FIELD, (_, name: string) => valueOf(name) ?? '');
  const withOptional = text.replace(OPTIONAL, (_, inner: string) => {
    if (!hasEmpty(inner)) return inner;
    if (inner.replace(FIELD, '').trim()) dropped.push(inner.replace(FIELD, '…').trim());
    return '';
  });
  // A heading line ("What we are sharing with you:") whose every following line up to a blank one went is left out too.
  const source = withOptional.split('\n');
  const goneWhole = (line: string) => {
    const used = fieldsUsed(line);
    const label = line.replace(FIELD, '').trim();
    return used.length > 0 && used.every((f) => valueOf(f) === null) && (label === '' || label.endsWith(':'));
  };
  const headingOfNothing = (i: number) => {
    if (fieldsUsed(source[i]!).length || !source[i]!.trim().endsWith(':')) return false;
    let j = i + 1;
    for (; j < source.length && source[j]!.trim() !== ''; j++) if (!goneWhole(source[j]!)) return false;
    return j > i + 1;
  };
  const out = source
    .flatMap((line, i) => {
      if (headingOfNothing(i)) {
        dropped.push(line.trim());
        return [];
      }
      const used = fieldsUsed(line);
      if (!used.length || !hasEmpty(line)) return [fill(line)];
      if (goneWhole(line)) return [];
      // Fields are set aside while the line is cut into sentences (their names hold full stops).
      const fields: string[] = [];
      const masked = line.replace(FIELD, (f) => `\uE000${fields.push(f) - 1}\uE001`);
      const unmask = (s: string) => s.replace(/\uE000(\d+)\uE001/g, (_, i: string) => fields[Number(i)]!);
      const kept = (masked.match(SENTENCE) ?? [masked]).map(unmask).filter((sentence) => {
        if (!hasEmpty(sentence)) return true;
        dropped.push(sentence.replace(FIELD, '…').trim());
        return false;
      });
      return kept.length ? [fill(kept.join('')).trimEnd()] : [];
    })
    .join('\n');
  return { text: out, empty: [...empty], dropped };
}

/** A body after merging: no spaces before line ends, and runs of blank lines (left by empty fields) made one. */
export const tidyLetterBody = (text: string) =>
  text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** A date written out in a letter's language ("3 March 2026", "3 marca 2026"). */
export function letterDate(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  } catch {
    return iso;
  }
}

export const templateLanguage = z.enum(CLIENT_LANGUAGES, { error: 'invalidLanguage' });

export const templateInputSchema = z.object({
  kind: z.enum(LETTER_KINDS, { error: 'required' }),
  language: templateLanguage,
  name: requiredText(120),
  subject: requiredText(300),
  body: requiredText(20_000, { lines: true }),
});
export type TemplateInput = z.input<typeof templateInputSchema>;
export type TemplateValues = z.output<typeof templateInputSchema>;

export const letterTemplateSchema = z.object({
  id: z.number().int(),
  kind: z.enum(LETTER_KINDS),
  language: z.string(),
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  /** Set for the templates Casebook came with; they can be changed but not removed. */
  builtinKey: z.string().nullable(),
  active: z.boolean(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  version: z.number().int(),
  lettersWritten: z.number().int(),
});
export type LetterTemplate = z.infer<typeof letterTemplateSchema>;

/** What the person adds when writing a letter: the free text, the appointment, the referral. */
export const letterRequestSchema = z.object({
  clientId: z.number().int().positive(),
  templateId: z.number({ error: 'required' }).int().positive({ error: 'required' }),
  referralId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  text: optionalText(20_000, { lines: true }),
  appointment: z
    .object({ date: requiredDate(), time: timeOfDay(), place: requiredText(300), with: optionalText(200) })
    .nullish()
    .transform((v) => v ?? null),
  /** Or an appointment in the diary, whose details fill the letter. */
  appointmentId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
});
export type LetterRequest = z.input<typeof letterRequestSchema>;

/** The letterhead, as printed at the top of every letter. */
export const letterheadSchema = z.object({
  name: z.string(),
  address: z.string().nullable(),
  charityNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Letterhead = z.infer<typeof letterheadSchema>;

/**
 * A letter with every field filled in: what the preview shows, what the PDF prints, and what is kept
 * with the client, so printing it again next year gives the same letter.
 */
export const letterContentSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  language: z.string(),
  letterhead: letterheadSchema,
  /** The address block in the envelope window: name first, then the address lines. */
  recipient: z.array(z.string()),
  date: z.string(),
  reference: z.string(),
  subject: z.string(),
  body: z.string(),
  signatureName: z.string(),
  /** Fields the template uses that had nothing to fill them (shown as a warning, never printed). */
  emptyFields: z.array(z.string()),
  /** The preview only: the template's sentences left out because a field in them was empty. */
  droppedText: z.array(z.string()).optional(),
  /** The preview only: the address does not fit the envelope window whole, so it is printed shortened. */
  addressShortened: z.boolean().optional(),
});
export type LetterContent = z.infer<typeof letterContentSchema>;

/** The person may reword the subject and body of this one letter before keeping it. */
export const letterEditsSchema = z.object({
  subject: requiredText(300),
  body: requiredText(40_000, { lines: true }),
});

export const letterSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  templateId: z.number().int().nullable(),
  templateName: z.string(),
  kind: z.enum(LETTER_KINDS),
  language: z.string(),
  referralId: z.number().int().nullable(),
  content: letterContentSchema,
  writtenByName: z.string().nullable(),
  writtenAt: z.string(),
});
export type Letter = z.infer<typeof letterSchema>;
