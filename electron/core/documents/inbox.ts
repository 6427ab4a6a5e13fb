import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DOCUMENT_FILE_TYPES,
  fileEnding,
  isAcceptedFile,
  type DocumentFileEnding,
  type Inbox,
} from '../../../shared/domain/document';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { getSetting, setSetting } from '../settings/settings';

const SETTING = 'scanner_folder';

/** The folder the office scanner saves into, or null. */
export function scannerFolder(db: ReadDb): string | null {
  return getSetting(db, SETTING) || null;
}

export function setScannerFolder(db: Db, folder: string | null): void {
  setSetting(db, SETTING, folder ?? '');
}

/** Files a scanner or a copier is still writing, or the system leaves for itself: not offered. */
const PASSING = /^(\.|~\$|thumbs\.db$|desktop\.ini$)|\.(tmp|part|crdownload|partial)$/i;

/** The files waiting in the scanner's folder, newest first (the folder itself is not searched below). */
export function readInbox(folder: string | null): Inbox {
  if (!folder) return { folder: null, unreachable: false, files: [] };
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return { folder, unreachable: true, files: [] };
  }
  const files: Inbox['files'] = [];
  for (const name of names) {
    if (PASSING.test(name)) continue;
    try {
      const st = statSync(join(folder, name));
      if (!st.isFile()) continue;
      const ending = fileEnding(name);
      const type = ending && ending in DOCUMENT_FILE_TYPES ? DOCUMENT_FILE_TYPES[ending as DocumentFileEnding] : null;
      files.push({
        name,
        bytes: st.size,
        modifiedAt: st.mtime.toISOString(),
        accepted: isAcceptedFile(name),
        view: type?.view ?? 'none',
      });
    } catch {
      // Gone between the listing and the look (filed from another screen): not shown.
    }
  }
  return {
    folder,
    unreachable: false,
    files: files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name)),
  };
}

/** Where a file named in the inbox is: always inside the scanner's folder. */
export function inboxPath(folder: string | null, name: string): string {
  if (!folder) throw new CasebookError('NOT_FOUND', 'No scanner folder is set');
  return join(folder, name);
}
