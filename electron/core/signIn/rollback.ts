import type { Casebook } from '../casebook';
import type { Db } from '../db/database';
import { getSetting, setSetting, SETTING } from '../settings/settings';
import { anchoredGeneration, readKeySlots } from '../vault/keySlots';
import { setGeneration } from '../vault/vault';

/**
 * Noticing an older copy put back. The records (casebook.db) and the key file (keyslots.json) each
 * keep a generation, raised each time the records are opened, and the computer keeps the last one
 * it saw outside the data folder (sealed with the system's keychain in the app). Then:
 *  - records older than their key file: an earlier casebook.db was put back (an erased client back,
 *    the trail before it);
 *  - a key file older than its records: an earlier keyslots.json was put back (old passwords, an
 *    old recovery key, valid again);
 *  - both older than the computer last saw: an earlier copy of both was put back;
 *  - a generation in the key file that Casebook did not write: it was edited.
 * Restoring a backup on purpose is not rollback: a restore writes a new generation into all three.
 * A suspected rollback does not stop anyone working (the records may be all the charity has): the
 * screen says so in words, the audit trail records it, and an administrator confirms the records
 * are the ones to keep (until then the generation is not moved on, so the warning stays).
 */
export type Rollback = 'records' | 'keyFile' | 'both' | 'keyFileChanged';

function inRecords(db: Db): number {
  const n = Number(getSetting(db, SETTING.generation) ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export async function suspectedRollback(cb: Casebook, db: Db, dbKey: Buffer): Promise<Rollback | null> {
  const file = readKeySlots(cb.paths.keySlots);
  const records = inRecords(db);
  const anchored = anchoredGeneration(file, dbKey);
  if (anchored === 'tampered') return 'keyFileChanged';
  // A file from before generations were kept counts as generation 0.
  const keyFile = anchored ?? 0;
  if (records < keyFile) return 'records';
  if (records > keyFile) return 'keyFile';
  const seen = await cb.platform.lastSeenGeneration(file.vaultId);
  if (seen !== null && records < seen) return 'both';
  return null;
}

/** Moves the generation on, past every one seen, in the records, the key file and the computer. */
export async function advanceGeneration(cb: Casebook, db: Db, dbKey: Buffer): Promise<number> {
  const file = readKeySlots(cb.paths.keySlots);
  const keyFile = anchoredGeneration(file, dbKey);
  const seen = await cb.platform.lastSeenGeneration(file.vaultId);
  const next = Math.max(inRecords(db), typeof keyFile === 'number' ? keyFile : 0, seen ?? 0) + 1;
  setSetting(db, SETTING.generation, String(next));
  setGeneration(cb.paths.keySlots, dbKey, next);
  await cb.platform.rememberGeneration(file.vaultId, next);
  return next;
}

/**
 * The generation a restored copy gets (written into it; the caller writes it into the key file and
 * the computer's record too): past the backup's own and past what this computer has seen, so a
 * restore on purpose is never taken for a rollback.
 */
export function restoredGeneration(restored: Db, seen: number | null): number {
  const next = Math.max(inRecords(restored), seen ?? 0) + 1;
  setSetting(restored, SETTING.generation, String(next));
  return next;
}
