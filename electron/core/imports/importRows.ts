import { clientDetailsSchema, type ClientDetails } from '../../../shared/domain/client';
import {
  IMPORT_FIELDS,
  questionOf,
  questionTarget,
  type ImportField,
  type ImportProblem,
  type ImportTarget,
} from '../../../shared/domain/clientImport';
import { checkAnswer, type AnswerInput, type AnswerValue, type CustomField } from '../../../shared/domain/customField';
import { fold } from '../../../shared/domain/folding';
import { CLIENT_LANGUAGES, languageName } from '../../../shared/domain/languages';
import { fieldIssues, isIsoDate, type ValidationKey } from '../../../shared/domain/validation';

/** Column headings people use for each field, in English and Polish, folded (no accents, lower case). */
const HEADINGS: Record<ImportField, string[]> = {
  fullName: [
    'name',
    'full name',
    'client name',
    'client',
    'imie i nazwisko',
    'nazwisko i imie',
    'podopieczny',
    'klient',
  ],
  firstName: ['first name', 'firstname', 'forename', 'forenames', 'given name', 'imie'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'nazwisko'],
  preferredName: ['preferred name', 'known as', 'nickname', 'preferowane imie'],
  dateOfBirth: [
    'date of birth',
    'dob',
    'd o b',
    'birth date',
    'birthday',
    'born',
    'data urodzenia',
    'urodzony',
    'urodzona',
  ],
  gender: ['gender', 'sex', 'plec'],
  pronouns: ['pronouns', 'zaimki'],
  phone: [
    'phone',
    'telephone',
    'tel',
    'mobile',
    'phone number',
    'telephone number',
    'contact number',
    'telefon',
    'nr telefonu',
    'numer telefonu',
    'komorka',
  ],
  email: ['email', 'e mail', 'email address', 'adres email', 'adres e mail', 'mail'],
  address: ['address', 'home address', 'adres', 'adres zamieszkania'],
  postcode: ['postcode', 'post code', 'postal code', 'zip', 'kod pocztowy'],
  preferredLanguage: ['language', 'preferred language', 'first language', 'jezyk', 'jezyk ojczysty'],
  interpreterNeeded: [
    'interpreter',
    'interpreter needed',
    'needs interpreter',
    'needs an interpreter',
    'tlumacz',
    'potrzebny tlumacz',
  ],
  referredBy: ['referred by', 'referrer', 'referral from', 'skierowany przez', 'skierowana przez'],
  intakeDate: [
    'intake date',
    'date taken in',
    'date registered',
    'registration date',
    'registered',
    'start date',
    'date joined',
    'data przyjecia',
    'data rejestracji',
  ],
  caseworker: ['caseworker', 'case worker', 'key worker', 'keyworker', 'worker', 'pracownik', 'opiekun'],
};

const headingKey = (h: string) =>
  fold(h)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The field each column most likely holds, from its heading: a field of the record, or one of the
 * charity's questions whose label (in English or Polish) it is. Each taken by one column at most.
 */
export function suggestMapping(header: string[], questions: CustomField[] = []): (ImportTarget | null)[] {
  const taken = new Set<ImportTarget>();
  return header.map((h) => {
    const key = headingKey(h);
    const field: ImportTarget | null =
      IMPORT_FIELDS.find((f) => !taken.has(f) && HEADINGS[f].includes(key)) ??
      questions
        .filter((q) => [q.label, q.labelPl].some((l) => l && headingKey(l) === key))
        .map((q) => questionTarget(q.id))
        .find((q) => !taken.has(q)) ??
      null;
    if (field) taken.add(field);
    return field;
  });
}

/** Whether a mapping gives each client a first and last name: both columns, or one full-name column. */
export const mappingHasNames = (mapping: readonly (ImportTarget | null)[]) =>
  mapping.includes('fullName') || (mapping.includes('firstName') && mapping.includes('lastName'));

/**
 * A date as spreadsheets write it: 1984-05-17, or day first (17/05/1984, 17.05.1984, 17-5-1984),
 * as in the UK and Poland. Two-digit years are refused: "05" could be 1905 or 2005.
 */
export function spreadsheetDate(text: string): string | null {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text);
  if (iso) return isIsoDate(iso[1]!) ? iso[1]! : null;
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (!dmy) return null;
  const date = `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'tak', 't']);
const NO = new Set(['no', 'n', 'false', '0', 'nie', '']);

/** Language codes by every name they are written with: "pl", "Polish", "polski". */
const LANGUAGE_NAMES = new Map<string, string>(
  CLIENT_LANGUAGES.flatMap((code) => [
    [code, code],
    [fold(languageName(code, 'en')), code],
    [fold(languageName(code, 'pl')), code],
  ]),
);

/** What a row needs to know about the charity: its caseworkers by folded name, and its own questions. */
export interface RowContext {
  caseworkers: Map<string, number>;
  questions: CustomField[];
}

/**
 * A spreadsheet cell as an answer to one of the charity's questions: text as it is, a number with a
 * point or a comma, a date as spreadsheets write it, yes or no in either language, a choice by its
 * words in English or Polish, several choices split by ";" or ",". Null when empty; a validation
 * key when it is not an answer the question takes.
 */
export function cellAnswer(field: CustomField, text: string): { value: AnswerValue } | { problem: ValidationKey } {
  if (!text) return { value: null };
  const choice = (words: string) =>
    field.choices.find((c) => [c.label, c.labelPl].some((l) => l && fold(l).trim() === fold(words).trim()))?.key;
  let value: AnswerValue | undefined;
  switch (field.type) {
    case 'text':
      value = text;
      break;
    case 'number':
      value = /^-?\d+([.,]\d+)?$/.test(text.replace(/\s/g, ''))
        ? Number(text.replace(/\s/g, '').replace(',', '.'))
        : undefined;
      break;
    case 'date':
      value = spreadsheetDate(text) ?? undefined;
      if (value === undefined) return { problem: 'invalidDate' };
      break;
    case 'yesNo': {
      const f = fold(text);
      value = YES.has(f) ? true : NO.has(f) ? false : undefined;
      break;
    }
    case 'oneOf':
      value = choice(text);
      break;
    case 'severalOf': {
      const keys = text
        .split(/[;,]/)
        .map((w) => w.trim())
        .filter(Boolean)
        .map(choice);
      value = keys.every((k) => k !== undefined) ? (keys as string[]) : undefined;
      break;
    }
  }
  if (value === undefined) return { problem: 'invalid' };
  const checked = checkAnswer({ ...field, required: false }, value);
  return checked.ok ? { value: checked.value } : { problem: checked.error as ValidationKey };
}

/** Splits "Jan Nowak" (last word is the surname) or "Nowak, Jan". */
function splitName(full: string): { first: string; last: string } {
  const comma = full.indexOf(',');
  if (comma > 0) return { last: full.slice(0, comma).trim(), first: full.slice(comma + 1).trim() };
  const parts = full.trim().split(/\s+/);
  return parts.length < 2 ? { first: parts[0] ?? '', last: '' } : { last: parts.pop()!, first: parts.join(' ') };
}

/**
 * One spreadsheet row as a new client's details, checked by the same rules as the intake form; or
 * every problem with it, each named by row, column heading and the value found.
 */
export function rowToClient(
  row: string[],
  rowNumber: number,
  header: string[],
  mapping: (ImportTarget | null)[],
  ctx: RowContext,
): { details: ClientDetails | null; answers: AnswerInput[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const columnOf = (field: ImportField) => mapping.indexOf(field);
  const text = (field: ImportField) => {
    const i = columnOf(field);
    return i < 0 ? '' : (row[i] ?? '').trim();
  };
  const problem = (field: ImportField, key: ValidationKey) => {
    const i = columnOf(field);
    problems.push({ row: rowNumber, column: header[i] ?? '', field, problem: key, value: text(field).slice(0, 200) });
  };
  const answers: AnswerInput[] = [];
  mapping.forEach((target, i) => {
    const fieldId = questionOf(target);
    const question = fieldId === null ? undefined : ctx.questions.find((q) => q.id === fieldId);
    if (!question) return;
    const cell = (row[i] ?? '').trim();
    const answer = cellAnswer(question, cell);
    if ('value' in answer) {
      if (answer.value !== null) answers.push({ fieldId: question.id, value: answer.value });
    } else
      problems.push({
        row: rowNumber,
        column: header[i] ?? '',
        field: target!,
        problem: answer.problem,
        value: cell.slice(0, 200),
      });
  });
  const date = (field: ImportField) => {
    const v = text(field);
    if (!v) return null;
    const d = spreadsheetDate(v);
    if (!d) problem(field, 'invalidDate');
    return d;
  };

  const names =
    columnOf('fullName') >= 0 && !text('firstName') && !text('lastName')
      ? splitName(text('fullName'))
      : { first: text('firstName'), last: text('lastName') };
  const language = text('preferredLanguage');
  const languageCode = language ? (LANGUAGE_NAMES.get(fold(language)) ?? null) : null;
  if (language && !languageCode) problem('preferredLanguage', 'invalidLanguage');
  const interpreter = fold(text('interpreterNeeded'));
  if (!YES.has(interpreter) && !NO.has(interpreter)) problem('interpreterNeeded', 'invalid');
  const worker = text('caseworker');
  const caseworkerId = worker ? (ctx.caseworkers.get(fold(worker)) ?? null) : null;
  if (worker && caseworkerId === null) problem('caseworker', 'unknownCaseworker');

  const parsed = clientDetailsSchema.safeParse({
    firstName: names.first,
    lastName: names.last,
    preferredName: text('preferredName'),
    dateOfBirth: date('dateOfBirth'),
    gender: text('gender'),
    pronouns: text('pronouns'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    postcode: text('postcode'),
    preferredLanguage: languageCode,
    interpreterNeeded: YES.has(interpreter),
    referredBy: text('referredBy'),
    intakeDate: date('intakeDate'),
    caseworkerId,
  });
  if (!parsed.success) {
    for (const [path, key] of Object.entries(fieldIssues(parsed.error))) {
      const field = (path === 'caseworkerId' ? 'caseworker' : path) as ImportField;
      if (problems.some((p) => p.field === field)) continue;
      const named = (field === 'firstName' || field === 'lastName') && columnOf(field) < 0 ? 'fullName' : field;
      if (IMPORT_FIELDS.includes(named)) problem(named, key as ValidationKey);
    }
  }
  return { details: problems.length === 0 && parsed.success ? parsed.data : null, answers, problems };
}
