import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { SavedFileKind, SavedFile } from '../../../shared/domain/erasure';
import type { Db, ReadDb } from '../db/database';
import { clients, savedFiles } from '../db/schema';

/**
 * Remembers where a file naming clients was saved (inside the encrypted records), so that erasing
 * one of them can say which copies outside Casebook still name them. `clientIds` empty: a file
 * that names many (a client list).
 */
export function rememberSavedFile(
  db: Db,
  what: SavedFileKind,
  paths: string[],
  clientIds: number[],
  userId: number,
  now: Date,
): void {
  const at = now.toISOString();
  const about = clientIds.length ? clientIds : [null];
  for (const path of paths)
    for (const clientId of about)
      db.insert(savedFiles).values({ clientId, what, path, savedAt: at, savedBy: userId }).run();
}

/** The files saved about a client, and the client lists saved since they were taken in. */
export function savedFilesNaming(db: ReadDb, clientId: number): { aboutClient: SavedFile[]; clientLists: SavedFile[] } {
  const cols = { what: savedFiles.what, path: savedFiles.path, savedAt: savedFiles.savedAt };
  const aboutClient = db
    .select(cols)
    .from(savedFiles)
    .where(eq(savedFiles.clientId, clientId))
    .orderBy(asc(savedFiles.savedAt), asc(savedFiles.id))
    .all();
  const since = db.select({ at: clients.createdAt }).from(clients).where(eq(clients.id, clientId)).get()?.at ?? '';
  const clientLists = db
    .select(cols)
    .from(savedFiles)
    .where(and(isNull(savedFiles.clientId), eq(savedFiles.what, 'clientList'), gte(savedFiles.savedAt, since)))
    .orderBy(asc(savedFiles.savedAt), asc(savedFiles.id))
    .all();
  return { aboutClient, clientLists };
}
