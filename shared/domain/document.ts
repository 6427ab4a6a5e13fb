import { z } from 'zod';
import { filePath, optionalDate, requiredText } from './validation';

/**
 * Documents on file: paper a caseworker keeps with the case (a copy of ID, a tenancy agreement, a
 * letter from the council, a benefit decision, a signed consent form). The bytes are kept inside the
 * encrypted records, never as a file of their own.
 */

/** What a document is; each has a translated name (`documents.kinds.*`). */
export const DOCUMENT_KINDS = [
  'id',
  'proofOfAddress',
  'incomeBenefit',
  'letterReceived',
  'consentForm',
  'assessment',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The largest document Casebook takes in: a long scanned PDF or a phone photo fits; a video does not. */
export const DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

/** How a document can be looked at inside Casebook: drawn from memory, or only saved as a copy. */
export const DOCUMENT_VIEWS = ['pdf', 'image', 'none'] as const;
export type DocumentView = (typeof DOCUMENT_VIEWS)[number];

/**
 * The kinds of file taken in, by their ending: what they are and whether Casebook can show them.
 * A file that does not start the way its ending says (a ".pdf" that is not a PDF) is kept, but only
 * offered as a copy.
 */
export const DOCUMENT_FILE_TYPES = {
  pdf: { mime: 'application/pdf', view: 'pdf' },
  jpg: { mime: 'image/jpeg', view: 'image' },
  jpeg: { mime: 'image/jpeg', view: 'image' },
  png: { mime: 'image/png', view: 'image' },
  heic: { mime: 'image/heic', view: 'none' },
  heif: { mime: 'image/heif', view: 'none' },
  tif: { mime: 'image/tiff', view: 'none' },
  tiff: { mime: 'image/tiff', view: 'none' },
  doc: { mime: 'application/msword', view: 'none' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', view: 'none' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', view: 'none' },
  rtf: { mime: 'application/rtf', view: 'none' },
  txt: { mime: 'text/plain', view: 'none' },
  eml: { mime: 'message/rfc822', view: 'none' },
  msg: { mime: 'application/vnd.ms-outlook', view: 'none' },
} as const satisfies Record<string, { mime: string; view: DocumentView }>;
export type DocumentFileEnding = keyof typeof DOCUMENT_FILE_TYPES;
export const DOCUMENT_FILE_ENDINGS = Object.keys(DOCUMENT_FILE_TYPES) as DocumentFileEnding[];

const ENDING = /\.([A-Za-z0-9]{1,8})$/;

/** The ending of a file name, lower case ("scan.PDF" -> "pdf"); null when it has none. */
export function fileEnding(name: string): string | null {
  const m = ENDING.exec(name.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** A file name without its ending ("Notice 2 Nov.pdf" -> "Notice 2 Nov"): a document's first title. */
export function withoutEnding(name: string): string {
  return name.replace(ENDING, '');
}

export function isAcceptedFile(name: string): boolean {
  const ending = fileEnding(name);
  return ending !== null && ending in DOCUMENT_FILE_TYPES;
}

/** What a document is linked to, if anything: the note, referral, letter or eligibility check it belongs with. */
export const DOCUMENT_LINKS = ['caseNote', 'referral', 'letter', 'eligibilityCheck'] as const;
export type DocumentLinkKind = (typeof DOCUMENT_LINKS)[number];
export const documentLinkSchema = z
  .object({ kind: z.enum(DOCUMENT_LINKS), id: z.number().int().positive() })
  .nullable()
  .default(null);

/** What a person says about a document: the same when it is added and when it is changed. */
export const documentDetailsSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS, { error: 'required' }),
  title: requiredText(200),
  /** The date on the document itself (a letter's date, a decision's date), when it has one. */
  documentDate: optionalDate(),
  link: documentLinkSchema,
});
export type DocumentDetails = z.infer<typeof documentDetailsSchema>;
export type DocumentDetailsInput = z.input<typeof documentDetailsSchema>;

export const addDocumentSchema = documentDetailsSchema.extend({
  clientId: z.number().int().positive(),
  /** The file the person dropped or chose; it is read once and left where it is. */
  path: filePath(),
});
export type AddDocumentInput = z.input<typeof addDocumentSchema>;

export const updateDocumentSchema = documentDetailsSchema.extend({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
});

export const documentSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  documentDate: z.string().nullable(),
  /** The name the file had when it was taken in ("scan0012.pdf"). */
  fileName: z.string(),
  mime: z.string(),
  view: z.enum(DOCUMENT_VIEWS),
  bytes: z.number().int(),
  addedAt: z.string(),
  addedByName: z.string().nullable(),
  /** What it goes with, named: the agency or the letter's template (`label`), and the note's or letter's date (`on`). */
  link: z
    .object({
      kind: z.enum(DOCUMENT_LINKS),
      id: z.number().int(),
      label: z.string(),
      /** The label in Polish, where it has one of its own (a service's Polish name). */
      labelPl: z.string().nullable().optional(),
      on: z.string().nullable(),
    })
    .nullable(),
  version: z.number().int(),
});
export type ClientDocument = z.infer<typeof documentSchema>;

export const documentAddedSchema = z.object({
  document: documentSchema,
  /**
   * True when this very file was already on this client's file: nothing new was stored, and
   * `document` is the one already there.
   */
  alreadyOnFile: z.boolean(),
});

/** A document's bytes, for drawing it in the window from memory (base64, as printouts travel). */
export const documentContentSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  mime: z.string(),
  view: z.enum(DOCUMENT_VIEWS),
  base64: z.string(),
});
export type DocumentContent = z.infer<typeof documentContentSchema>;

/** The documents of one client, and what they add up to. */
export const clientDocumentsSchema = z.object({
  items: z.array(documentSchema),
  totalBytes: z.number().int(),
});
export type ClientDocuments = z.infer<typeof clientDocumentsSchema>;

/** A file waiting in the scanner's folder, to be filed against a client. */
export const inboxFileSchema = z.object({
  name: z.string(),
  bytes: z.number().int(),
  modifiedAt: z.string(),
  /** A kind of file Casebook keeps (others are listed, to be dealt with outside Casebook). */
  accepted: z.boolean(),
  view: z.enum(DOCUMENT_VIEWS),
});
export type InboxFile = z.infer<typeof inboxFileSchema>;

export const inboxSchema = z.object({
  /** The folder the office scanner saves into; null until an administrator chooses one. */
  folder: z.string().nullable(),
  /** The folder is set but cannot be read (a network drive not connected, a folder removed). */
  unreachable: z.boolean(),
  files: z.array(inboxFileSchema),
});
export type Inbox = z.infer<typeof inboxSchema>;

/** A file's name in the scanner's folder: a name alone, never a path. */
export const inboxNameSchema = z
  .string({ error: 'required' })
  .min(1, { error: 'required' })
  .max(255, { error: 'tooLong' })
  // eslint-disable-next-line no-control-regex -- a control character is what it refuses
  .refine((v) => !/[\\/\u0000-\u001f]/.test(v) && v !== '.' && v !== '..', { error: 'invalid' });

export const fileFromInboxSchema = documentDetailsSchema.extend({
  clientId: z.number().int().positive(),
  name: inboxNameSchema,
});

export const inboxContentSchema = z.object({
  name: z.string(),
  mime: z.string(),
  view: z.enum(DOCUMENT_VIEWS),
  base64: z.string(),
});
