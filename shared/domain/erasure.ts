import { z } from 'zod';
import { optionalText, requiredText } from './validation';

/** Erase: the client and everything about them go. Anonymise: who they were goes, the counts stay. */
export const ERASURE_MODES = ['erase', 'anonymise'] as const;
export type ErasureMode = (typeof ERASURE_MODES)[number];

export const eraseClientSchema = z.object({
  id: z.number().int().positive(),
  mode: z.enum(ERASURE_MODES, { error: 'required' }),
  /** Why (a request under data protection law, the retention period…): kept in the audit trail. */
  reason: requiredText(1000, { lines: true }),
  /** The client's reference typed again, so the wrong person is not erased by a slip. */
  confirmation: requiredText(40),
  /** Anonymising closes an open case (reason "anonymised") unless the administrator says not to. */
  closeCase: z.boolean().default(true),
  /**
   * Anonymising deletes the client's documents on file (a copy of ID names them) unless the
   * administrator keeps them, saying why (e.g. a funder's audit needs the proof of eligibility).
   */
  keepDocumentsBecause: optionalText(500, { lines: true }),
});
export type EraseClientInput = z.input<typeof eraseClientSchema>;

/** Kinds of file Casebook saves outside its data folder that name clients. */
export const SAVED_FILE_KINDS = [
  'letter',
  'safetyPlan',
  'accessPack',
  'register',
  'clientList',
  'document',
  'daySheet',
] as const;
export type SavedFileKind = (typeof SAVED_FILE_KINDS)[number];

export const savedFileSchema = z.object({
  what: z.enum(SAVED_FILE_KINDS),
  path: z.string(),
  savedAt: z.string(),
});
export type SavedFile = z.infer<typeof savedFileSchema>;

/**
 * Copies outside Casebook that may still name a client when they are erased: the files saved about
 * them, and the client lists saved since they were taken in (which name everyone listed).
 */
export const savedFilesSchema = z.object({
  aboutClient: z.array(savedFileSchema),
  clientLists: z.array(savedFileSchema),
});
