import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  DOCUMENT_FILE_TYPES,
  DOCUMENT_MAX_BYTES,
  fileEnding,
  type DocumentFileEnding,
  type DocumentView,
} from '../../../shared/domain/document';
import { CasebookError } from '../../../shared/result';

/** A file read in whole, ready to be filed: its bytes never touch the disk again outside the records. */
export interface FileTakenIn {
  fileName: string;
  bytes: Buffer;
  sha256: string;
  mime: string;
  view: DocumentView;
}

const refuse = (message: string, key: string): never => {
  throw new CasebookError('BAD_INPUT', message, { fields: { file: key } });
};

/** Whether the bytes start as their kind of file must (so the window's viewer is given only what it can read). */
function looksLike(view: DocumentView, ending: DocumentFileEnding, bytes: Buffer): boolean {
  if (view === 'pdf') return bytes.subarray(0, 1024).includes('%PDF-');
  if (ending === 'png')
    return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (ending === 'jpg' || ending === 'jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return true;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether the file at `path` holds exactly these bytes (by SHA-256); throws when it cannot be read. */
export function stillHolds(path: string, sha256: string): boolean {
  return statSync(path).isFile() && sha256Of(readFileSync(path)) === sha256;
}

/**
 * Reads the file a person dropped or chose. Refused, in words, when it is not there, not a kind of
 * file Casebook keeps, empty, or over the size limit (checked before it is read).
 */
export function readDocumentFile(path: string): FileTakenIn {
  const fileName = basename(path);
  const ending = fileEnding(fileName);
  if (ending === null || !(ending in DOCUMENT_FILE_TYPES))
    refuse(`Not a kind of file kept: ${fileName}`, 'fileKindNotKept');
  const type = DOCUMENT_FILE_TYPES[ending as DocumentFileEnding];
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return refuse('Not a file', 'fileUnreadable');
    size = stat.size;
  } catch {
    return refuse('The file is not there', 'fileUnreadable');
  }
  if (size > DOCUMENT_MAX_BYTES) refuse(`The file is ${size} bytes`, 'fileTooLarge');
  if (size === 0) refuse('The file is empty', 'fileEmpty');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return refuse('The file could not be read', 'fileUnreadable');
  }
  // It may have grown between the look and the read.
  if (bytes.length > DOCUMENT_MAX_BYTES) refuse(`The file is ${bytes.length} bytes`, 'fileTooLarge');
  const view: DocumentView = looksLike(type.view, ending as DocumentFileEnding, bytes) ? type.view : 'none';
  return { fileName, bytes, sha256: sha256Of(bytes), mime: type.mime, view };
}
