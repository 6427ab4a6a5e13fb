import { z } from 'zod';
import { pastOrTodayDate } from './validation';

/**
 * What a spreadsheet column can be imported as. `fullName` is for the lists that keep a person's
 * name in one column ("Jan Nowak", or "Nowak, Jan"); `caseworker` is a user's name.
 */
export const IMPORT_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'preferredName',
  'dateOfBirth',
  'gender',
  'pronouns',
  'phone',
  'email',
  'address',
  'postcode',
  'preferredLanguage',
  'interpreterNeeded',
  'referredBy',
  'intakeDate',
  'caseworker',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** How the text of a CSV file is written: found from the file when it says (UTF-8, UTF-16), chosen otherwise. */
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'windows-1250', 'windows-1252', 'utf-16le'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** A file Casebook will not try: bigger than this many rows or bytes is not a client list. */
export const IMPORT_MAX_ROWS = 100_000;
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** What is wrong with the file as a whole; nothing can be imported until it is put right. */
export const IMPORT_FILE_PROBLEMS = [
  'unreadable',
  'tooBig',
  'tooManyRows',
  'notUtf8',
  'notCsv',
  'empty',
  'noNames',
] as const;
export type ImportFileProblem = (typeof IMPORT_FILE_PROBLEMS)[number];

/** One of the charity's own questions as an import target: "question:<field id>". */
export type QuestionTarget = `question:${number}`;
export const questionTarget = (fieldId: number): QuestionTarget => `question:${fieldId}`;
/** The question a target names, or null for a fixed field. */
export const questionOf = (target: ImportTarget | null): number | null =>
  target?.startsWith('question:') ? Number(target.slice('question:'.length)) : null;
/** What a column goes into: a field of the record, or one of the charity's own questions. */
export type ImportTarget = ImportField | QuestionTarget;
const targetSchema = z.union([
  z.enum(IMPORT_FIELDS),
  z
    .string()
    .regex(/^question:\d{1,9}$/)
    .transform((v) => v as QuestionTarget),
]);

/** One column per entry: the field it goes into, or null to leave it out. */
const mappingSchema = z.array(targetSchema.nullable()).max(200);

export const importQuerySchema = z.object({
  token: z.string().min(1).max(64),
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
  /** Null: use the columns' suggested fields (from their headings). */
  mapping: mappingSchema.nullish().transform((v) => v ?? null),
});
export type ImportQuery = z.input<typeof importQuerySchema>;

export const importRunSchema = importQuerySchema.extend({
  mapping: mappingSchema,
  /** Rows with problems are left out; the user has seen them and said go on. */
  acceptProblems: z.boolean().default(false),
  /** Rows that look like a client already on file: left out (the safe choice) or added all the same. */
  duplicates: z.enum(['skip', 'import']).default('skip'),
  /**
   * When these people were taken in, for rows with no date of their own ("existing clients from
   * before 2026"). Needed when no column gives it: otherwise everyone would count as taken in today,
   * and the funder report would count the charity's history as new work.
   */
  intakeDateForAll: pastOrTodayDate()
    .nullish()
    .transform((v) => v ?? null),
});
export type ImportRun = z.input<typeof importRunSchema>;

export const importProblemSchema = z.object({
  /** The row number as the spreadsheet shows it (the headings are row 1). */
  row: z.number().int(),
  /** The column's heading as in the file. */
  column: z.string(),
  field: targetSchema,
  /** A validation key (`validation.<key>`). */
  problem: z.string(),
  value: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importDuplicateSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  /** A client already on file who is likely the same person. */
  existing: z
    .object({ id: z.number().int(), reference: z.string(), name: z.string(), dateOfBirth: z.string().nullable() })
    .nullable(),
  /** An earlier row of the same file with the same person. */
  sameAsRow: z.number().int().nullable(),
});
export type ImportDuplicate = z.infer<typeof importDuplicateSchema>;

/** Shown in lists at most this many; the counts are always whole. */
export const IMPORT_LIST_MAX = 500;

export const importPreviewSchema = z.object({
  fileName: z.string(),
  kind: z.enum(['csv', 'xlsx']),
  /** The encoding the file was read with; null when it could not be read as the one asked for. */
  encoding: z.enum(IMPORT_ENCODINGS).nullable(),
  fileProblem: z.enum(IMPORT_FILE_PROBLEMS).nullable(),
  columns: z.array(z.object({ header: z.string(), samples: z.array(z.string()) })),
  mapping: mappingSchema,
  rows: z.number().int(),
  /** Rows that would be imported as they are: no problems, not a duplicate. */
  ready: z.number().int(),
  problemRows: z.number().int(),
  problems: z.array(importProblemSchema),
  duplicateRows: z.number().int(),
  duplicates: z.array(importDuplicateSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const clientImportSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  importedAt: z.string(),
  importedByName: z.string().nullable(),
  clients: z.number().int(),
  skipped: z.number().int(),
  undoneAt: z.string().nullable(),
});
export type ClientImport = z.infer<typeof clientImportSchema>;

export const importResultSchema = z.object({
  imported: z.number().int(),
  skippedProblems: z.number().int(),
  skippedDuplicates: z.number().int(),
  imports: z.array(clientImportSchema),
});
