import { z } from 'zod';
import { rulesToday } from '../clock';

/**
 * Validation messages are keys, translated by the renderer (`validation.<key>`), so the same
 * schema gives the same words in a form and in a BAD_INPUT error from the core.
 */
export const VALIDATION_KEYS = [
  'required',
  'invalid',
  'tooLong',
  'tooShort',
  'invalidDate',
  'dateInFuture',
  'dateTooEarly',
  'invalidPhone',
  'invalidEmail',
  'invalidLanguage',
  'passwordTooShort',
  'passwordsDiffer',
  'recoveryGroupMismatch',
  'recoveryKeyLength',
  'recoveryKeyGroup',
  'recoverySheetNotSaved',
  'unknownUser',
  'notAnAdministrator',
  'idleRange',
  'nameTaken',
  'lastAdministrator',
  'wrongCurrentPassword',
  'keepRange',
  'daysRange',
  'alertBeforeWarn',
  'ageRange',
  'closureReasonRequired',
  'agenciesRequired',
  'expiryBeforeGiven',
  'unknownCaseworker',
  'scoreRange',
  'nameOrOrganisationRequired',
  'sameClient',
  'atLeastOneScore',
  'areaRetired',
  'measureRequired',
  'targetDateRequired',
  'invalidTime',
  'durationRange',
  'reasonRequired',
  'transitionNotAllowed',
  'planEnded',
  'reviewBeforeAgreed',
  'contactRequired',
  'weeksRange',
  'invalidWebsite',
  'outcomeRequired',
  'followUpBeforeChange',
  'agencyNameTaken',
  'agencyArchived',
  'referralFinished',
  'agencyFixedOnceSent',
  'beforeLastChange',
  'templateUnknownField',
  'templateFieldNotForKind',
  'templateUnclosedField',
  'safetyPlanPageExists',
  'templateKindFixed',
  'builtinTemplate',
  'templateArchived',
  'logoTooBig',
  'logoNotAPicture',
  'fileUnreadable',
  'endBeforeStart',
  'capacityRange',
  'untilOrCountRequired',
  'sessionCountRange',
  'tooManySessions',
  'sessionClash',
  'programmeFull',
  'programmeEnded',
  'sessionNotYet',
  'sessionCancelled',
  'sessionHasAttendance',
  'sessionOutsideProgramme',
  'headcountRange',
  'moneyRange',
  'repeatRange',
  'repeatRuleIncomplete',
  'quantityRange',
  'repeatHelpReason',
  'helpTypeRetired',
  'helpTypeNameTaken',
  'sessionNotAttended',
  'confirmationMismatch',
  'retentionRange',
  'reviewNotInFuture',
  'accessAlreadyOpen',
  'answeredBeforeReceived',
  'importFileProblem',
  'importHasProblems',
  'importNothing',
  'importNotLast',
  'importTouched',
  'invalidCharacters',
  'nameLooksLikeAnother',
  'fileKindNotKept',
  'fileTooLarge',
  'fileEmpty',
  'originalGone',
  'originalChanged',
  'documentDaysRange',
  'recheckMonthsRange',
  'criteriaRequired',
  'recheckBeforeCheck',
  'serviceRetired',
  'answersMismatch',
  'documentNotThisClient',
  'withWhomRequired',
  'clientsRequired',
  'backByRequired',
  'backBeforeEnd',
  'secondPersonRequired',
  'unknownStaff',
  'appointmentCancelled',
  'reminderRange',
  'choicesRequired',
  'choiceTwice',
  'numberRange',
  'fieldTypeFixed',
  'fieldRetired',
  'tooManyFields',
  'consentToHoldRequired',
  'stillNeedDaysRange',
  'incomingDecided',
  'noPlaceFree',
  'signpostedToRequired',
  'signpostNotNamed',
  'pointsRange',
  'bandsOrder',
  'monthsRange',
  'notANonClient',
  'replyNotDeclined',
  'scoredByForm',
  'bandFromRange',
  'bandsRequired',
  'formRetired',
  'tooManyForms',
] as const;
export type ValidationKey = (typeof VALIDATION_KEYS)[number];

const isKey = (m: unknown): m is ValidationKey =>
  typeof m === 'string' && (VALIDATION_KEYS as readonly string[]).includes(m);

/** Turns zod issues into `{ "field.path": key }`, first issue per field wins. */
export function fieldIssues(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path]) continue;
    fields[path] = isKey(issue.message) ? issue.message : issue.code === 'too_big' ? 'tooLong' : 'invalid';
  }
  return fields;
}

const typeError = (iss: { input?: unknown }) =>
  iss.input === undefined || iss.input === null ? 'required' : 'invalid';

/**
 * What text may hold. Everything is stored in Unicode's composed form (NFC), so "ó" typed two ways is
 * one "ó". Invisible control characters (C0, DEL, C1) never are: in text of several lines they are
 * removed (a note pasted from another program), keeping tabs and line breaks. A single line (a name, a
 * title, a postcode) refuses them, and also line breaks, tabs, direction overrides (which make text
 * display in another order than it is stored) and invisible characters (zero-width spaces and joiners):
 * two names that look the same must be the same.
 */
// Control characters are what these patterns look for.
/* eslint-disable no-control-regex */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const NOT_ON_ONE_LINE =
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF\u00AD]/;
/* eslint-enable no-control-regex */

export interface TextShape {
  /** Text of several lines (an address, a note): line breaks and tabs kept, other controls removed. */
  lines?: boolean;
}

/** Normalises text as stored; a single line with characters it may not hold is refused ('invalidCharacters'). */
const cleaned = (shape: TextShape) => (v: string, ctx: z.RefinementCtx) => {
  const text = v.normalize('NFC');
  if (shape.lines) return text.replace(CONTROLS, '').trim();
  if (NOT_ON_ONE_LINE.test(text)) ctx.addIssue({ code: 'custom', message: 'invalidCharacters' });
  return text;
};

/** True when `v` may stand on one line (see cleaned). */
export const fitsOneLine = (v: string) => !NOT_ON_ONE_LINE.test(v);

/** Text of several lines (an address) on one line, its lines joined with commas and blank ones dropped. */
export const onOneLine = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');

/** Required text, trimmed, 1..max characters; one line unless `{ lines: true }`. */
export const requiredText = (max: number, shape: TextShape = {}) =>
  z
    .string({ error: typeError })
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'tooLong' })
    .transform(cleaned(shape))
    .pipe(z.string().min(1, { error: 'required' }));

/** Optional text: '' and missing become null; one line unless `{ lines: true }`. */
export const optionalText = (max: number, shape: TextShape = {}) =>
  z
    .string({ error: 'invalid' })
    .trim()
    .max(max, { error: 'tooLong' })
    .nullish()
    .transform((v, ctx) => (v ? cleaned(shape)(v, ctx) || null : null));

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The one rule for a date that has happened: a real date, not in the future, not before 1900. */
function checkPastDate(v: string, ctx: z.RefinementCtx): void {
  if (!isIsoDate(v)) ctx.addIssue({ code: 'custom', message: 'invalidDate' });
  else if (v > rulesToday()) ctx.addIssue({ code: 'custom', message: 'dateInFuture' });
  else if (v < '1900-01-01') ctx.addIssue({ code: 'custom', message: 'dateTooEarly' });
}

/** Optional date of birth: a real date, not in the future, not before 1900. */
export const optionalBirthDate = () =>
  z
    .string({ error: 'invalid' })
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .superRefine((v, ctx) => {
      if (v !== null) checkPastDate(v, ctx);
    });

/** A calendar date that has happened: required, with the same rule. */
export const pastOrTodayDate = () =>
  z.string({ error: typeError }).trim().min(1, { error: 'required' }).superRefine(checkPastDate);

/** Any real calendar date (past or future), or nothing. */
export const optionalDate = () =>
  z
    .string({ error: 'invalid' })
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .superRefine((v, ctx) => {
      if (v === null) return;
      if (!isIsoDate(v)) ctx.addIssue({ code: 'custom', message: 'invalidDate' });
      else if (v < '1900-01-01' || v > '2199-12-31') ctx.addIssue({ code: 'custom', message: 'invalidDate' });
    });

/** Any real calendar date (past or future), required: a target date, a due date. */
export const requiredDate = () =>
  z
    .string({ error: typeError })
    .trim()
    .min(1, { error: 'required' })
    .superRefine((v, ctx) => {
      if (!isIsoDate(v) || v < '1900-01-01' || v > '2199-12-31')
        ctx.addIssue({ code: 'custom', message: 'invalidDate' });
    });

/** A file or folder the person chose (a path from a dialog): no control characters, at most 4096. */
export const filePath = () =>
  z
    .string({ error: typeError })
    .min(1, { error: 'required' })
    .max(4096, { error: 'tooLong' })
    // eslint-disable-next-line no-control-regex -- a control character is what it refuses
    .refine((v) => !/[\u0000-\u001F\u007F]/.test(v), { error: 'invalid' });

/** A whole number from `min` to `max`; anything else (a fraction, text, out of range) gets the one message `key`. */
export const wholeNumber = (min: number, max: number, key: ValidationKey) =>
  z.number({ error: key }).int({ error: key }).min(min, { error: key }).max(max, { error: key });

/** A time of day on the 24-hour clock, HH:MM. */
export const timeOfDay = () =>
  z
    .string({ error: typeError })
    .trim()
    .min(1, { error: 'required' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalidTime' });

/** A time of day (HH:MM) that may be left empty (null). */
export const optionalTimeOfDay = () =>
  z
    .string({ error: 'invalid' })
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { error: 'invalidTime' });

/** Phone numbers as people write them: digits, spaces, + ( ) - . and an optional extension. */
export const optionalPhone = () =>
  optionalText(40).refine((v) => v === null || /^\+?[0-9 ()\-.]{3,}(\s*(ext|x)\.?\s*\d+)?$/i.test(v), {
    error: 'invalidPhone',
  });

export const optionalEmail = () =>
  optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, { error: 'invalidEmail' });

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;

export const newPassword = () =>
  z
    .string({ error: typeError })
    .min(1, { error: 'required' })
    .min(PASSWORD_MIN_LENGTH, { error: 'passwordTooShort' })
    .max(PASSWORD_MAX_LENGTH, { error: 'tooLong' });
