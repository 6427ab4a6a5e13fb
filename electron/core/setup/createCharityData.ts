import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import type { Charity } from '../../../shared/domain/charity';
import { loginKey } from '../../../shared/domain/user';
import { recordAudit } from '../audit/audit';
import { newInboxKeys } from '../audit/inbox';
import { saveCharity } from '../charity/queries';
import { closeDatabase, openDatabase } from '../db/database';
import { users } from '../db/schema';
import { setSetting, SETTING } from '../settings/settings';
import { fileError, fsyncDir } from '../storage/files';
import type { KdfParams } from '../vault/kdf';
import { createKeySlots } from '../vault/vault';
import type { DataPaths } from './dataFolder';

export const FIRST_ADMIN_ID = 1;

/**
 * Creates the charity's encrypted records. Order matters for power cuts: the database is built and
 * closed under a temporary name, then the key slots are written, then the database is moved into
 * place. Until the slots exist the folder still counts as "not set up"; after, the move is finished
 * on the next start (see inspectDataFolder).
 */
export async function createCharityData(
  paths: DataPaths,
  input: { charity: Charity; admin: { name: string; password: string }; recoveryGroups: string[]; idleMinutes: number },
  kdf: KdfParams,
  now: Date,
): Promise<Buffer> {
  const dbKey = randomBytes(32);
  const inbox = newInboxKeys();
  rmSync(paths.databaseBeingSetUp, { force: true });
  rmSync(`${paths.databaseBeingSetUp}-wal`, { force: true });
  rmSync(`${paths.databaseBeingSetUp}-shm`, { force: true });
  try {
    const db = openDatabase(paths.databaseBeingSetUp, dbKey, { create: true });
    try {
      const at = now.toISOString();
      db.$client.transaction(() => {
        saveCharity(db, input.charity, at);
        db.insert(users)
          .values({
            id: FIRST_ADMIN_ID,
            name: input.admin.name,
            login: loginKey(input.admin.name),
            role: 'admin',
            active: true,
            createdAt: at,
            lastLoginAt: at,
          })
          .run();
        setSetting(db, SETTING.idleMinutes, String(input.idleMinutes));
        setSetting(db, SETTING.auditInboxPrivateKey, inbox.privateKey);
        recordAudit(db, { userId: FIRST_ADMIN_ID, action: 'setup.completed', at: now });
      })();
    } finally {
      closeDatabase(db);
    }
    await createKeySlots(
      paths.keySlots,
      dbKey,
      { userId: FIRST_ADMIN_ID, ...input.admin },
      input.recoveryGroups,
      kdf,
      now,
      inbox.publicKey,
    );
    renameSync(paths.databaseBeingSetUp, paths.database);
    fsyncDir(paths.dir);
    return dbKey;
  } catch (err) {
    dbKey.fill(0);
    rmSync(paths.databaseBeingSetUp, { force: true });
    return fileError(err, 'the new records');
  }
}
