import { randomBytes } from 'node:crypto';
import { documentsTotal } from '../documents/documents';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CasebookError } from '../../../shared/result';
import {
  DEFAULT_BACKUP_SETTINGS,
  backupSettingsSchema,
  type BackupSettings,
  type BackupStatus,
} from '../../../shared/domain/backup';
import { createTranslator } from '../../../shared/i18n';
import { recordAudit } from '../audit/audit';
import type { Casebook } from '../casebook';
import { getCharity } from '../charity/queries';
import { closeDatabase, openDatabase, SCHEMA_VERSION, type ReadDb } from '../db/database';
import { readErasures, reapplyErasures } from '../erasure/journal';
import type { Handlers } from '../rpc';
import { getSetting, setSetting } from '../settings/settings';
import { finishInterruptedRestore } from '../setup/dataFolder';
import { findUser } from '../users/queries';
import { removeDatabaseFiles } from '../storage/files';
import { readKeySlots } from '../vault/keySlots';
import {
  unlockSlotsWithPassword,
  unlockSlotsWithRecoveryKey,
  unlockWithPassword,
  unlockWithRecoveryKey,
} from '../vault/vault';
import { recordFailedCheck } from '../signIn/handlers';
import { restoredGeneration } from '../signIn/rollback';
import type { Secret } from '../signIn/passwordGate';
import type { Task } from '../jobs/runner';
import { checkCopyPath, commitRestore, makeBackup, makeSafetyCopy, type BackupCredentials } from './backup';
import { copyDirFor, partsInWorkers } from './inWorkers';
import { BACKUP_EXTENSION, readBackupHeader } from './container';
import { driveOf } from './drives';

const LAST = 'last_backup';
const SETTINGS = 'backup_settings';
const DAY = 24 * 3600_000;

function backupSettings(db: ReadDb): BackupSettings {
  const raw = getSetting(db, SETTINGS);
  const parsed = raw ? backupSettingsSchema.safeParse(JSON.parse(raw)) : null;
  return parsed?.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
}

export function backupStatus(db: ReadDb, now: Date): BackupStatus {
  const settings = backupSettings(db);
  const { documents: count, bytes } = documentsTotal(db);
  const documents = { count, bytes };
  const raw = getSetting(db, LAST);
  const last = raw ? (JSON.parse(raw) as NonNullable<BackupStatus['last']>) : null;
  if (!last) return { last: null, daysSince: null, level: 'never', settings, documents };
  const daysSince = Math.max(0, Math.floor((now.getTime() - Date.parse(last.at)) / DAY));
  const level = daysSince >= settings.alertDays ? 'alert' : daysSince >= settings.warnDays ? 'warn' : 'ok';
  return { last, daysSince, level, settings, documents };
}

/** The password or recovery key a person typed, as a secret for the password gate. */
const secretOf = (c: { name: string; password: string } | { recoveryKey: string }): Secret =>
  'password' in c ? { kind: 'password', name: c.name } : { kind: 'recovery' };

/** A user's role in the current records (opened read-only with their key), or null. */
function roleInRecords(cb: Casebook, dbKey: Buffer, userId: number | null): { role: string; active: boolean } | null {
  if (userId === null) return null;
  const db = openDatabase(cb.paths.database, dbKey, { readOnly: true, migrate: false });
  try {
    const user = findUser(db, { id: userId });
    return user ? { role: user.role, active: user.active } : null;
  } finally {
    closeDatabase(db);
  }
}

const ADMIN_ONLY = 'Only an administrator may open or restore a backup';

/**
 * Who may check or restore a backup: an administrator, in every state, because a restore rolls the
 * records back for everyone. Signed in: an administrator's session. Locked with records here: a name
 * and password (or the recovery key) that open the current records and are an administrator's.
 * No usable records (a new computer, damaged records): whoever can open the backup as one of its
 * administrators (checked once the backup has been read: `mustBeAdminInBackup`). Every password
 * tried here goes through the password gate: throttled, one at a time, and recorded when wrong.
 */
async function authorise(
  cb: Casebook,
  credentials: BackupCredentials | null,
  channel: string,
): Promise<{ creds: BackupCredentials; mustBeAdminInBackup: boolean }> {
  const st = cb.status();
  if (st.state === 'unlocked') {
    const s = cb.requireSignedIn();
    if (s.mustChangePassword) throw new CasebookError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password first');
    if (s.user.role !== 'admin') throw new CasebookError('FORBIDDEN', ADMIN_ONLY);
    return {
      creds: credentials ?? { dbKey: s.dbKey },
      mustBeAdminInBackup: !!credentials && 'password' in credentials,
    };
  }
  if (!credentials)
    throw new CasebookError('BAD_INPUT', 'Credentials are needed', { fields: { credentials: 'required' } });
  if (st.state !== 'locked' || 'dbKey' in credentials)
    return { creds: credentials, mustBeAdminInBackup: !('dbKey' in credentials) && 'password' in credentials };
  // Locked, with records here: the credentials must be an administrator's in them.
  const typed = credentials;
  await cb.passwords
    .check(
      secretOf(typed),
      () => recordFailedCheck(cb, 'session.failedPasswordCheck', 'password' in typed ? typed.name : null, { channel }),
      async () => {
        let current;
        try {
          current =
            'recoveryKey' in typed
              ? await unlockWithRecoveryKey(cb.paths.keySlots, typed.recoveryKey)
              : await unlockWithPassword(cb.paths.keySlots, typed.name, typed.password, cb.kdf);
        } catch (err) {
          if (err instanceof CasebookError && (err.code === 'WRONG_PASSWORD' || err.code === 'WRONG_RECOVERY_KEY'))
            throw new CasebookError(err.code, 'These credentials do not open the current records');
          throw err;
        }
        try {
          if (current.userId !== null) {
            const user = roleInRecords(cb, current.dbKey, current.userId);
            if (!user || !user.active || user.role !== 'admin') throw new CasebookError('FORBIDDEN', ADMIN_ONLY);
          }
        } finally {
          current.dbKey.fill(0);
        }
      },
    )
    .catch((err: unknown) => {
      // Said as such: the backup itself may open with them, but the records here do not.
      if (err instanceof CasebookError && (err.code === 'WRONG_PASSWORD' || err.code === 'WRONG_RECOVERY_KEY'))
        throw new CasebookError('NOT_CURRENT_CREDENTIALS', err.message, { retryAfterMs: err.retryAfterMs });
      throw err;
    });
  return { creds: credentials, mustBeAdminInBackup: 'password' in credentials };
}

/**
 * Opens the backup's key with the typed credentials, through the password gate (the backup's slots
 * are read from its header; the whole file is checked afterwards, in the job, before anything of it
 * is used). A key already held (the signed-in administrator's) is used as it is.
 */
async function backupKey(
  cb: Casebook,
  path: string,
  creds: BackupCredentials,
  channel: string,
): Promise<{ dbKey: Buffer; userId: number | null }> {
  if ('dbKey' in creds) return { dbKey: Buffer.from(creds.dbKey), userId: null };
  const header = readBackupHeader(path);
  if (header.schemaVersion > SCHEMA_VERSION)
    throw new CasebookError('DATABASE_TOO_NEW', 'The backup was made by a newer Casebook');
  const u = await cb.passwords.check(
    secretOf(creds),
    () =>
      recordFailedCheck(cb, 'session.failedPasswordCheck', 'password' in creds ? creds.name : null, {
        channel,
        backup: true,
      }),
    () =>
      'password' in creds
        ? unlockSlotsWithPassword(header.keySlots, creds.name, creds.password, cb.kdf)
        : unlockSlotsWithRecoveryKey(header.keySlots, creds.recoveryKey),
  );
  return { dbKey: u.dbKey, userId: u.userId };
}

export function backupHandlers(
  cb: Casebook,
): Pick<
  Handlers,
  | 'backup.status'
  | 'backup.updateSettings'
  | 'backup.drives'
  | 'backup.chooseFolder'
  | 'backup.create'
  | 'backup.chooseFile'
  | 'backup.inspect'
  | 'backup.restore'
> {
  const t = () => createTranslator(cb.language()).t;
  /** One backup or restore at a time: they would read and replace the same records. */
  let busy: 'backup' | 'restore' | null = null;
  const exclusive = async <T>(what: 'backup' | 'restore', fn: () => Promise<T>): Promise<T> => {
    if (busy) throw new CasebookError('CONFLICT', `A ${busy} is already running`);
    busy = what;
    try {
      return await fn();
    } finally {
      busy = null;
    }
  };

  /**
   * Checks a backup file in a job worker, the whole of it (nothing changes), once its key has been
   * opened here with the credentials; and, when the credentials were a name and password from the
   * backup, that they are an administrator's there.
   */
  const check = async (
    task: Task,
    path: string,
    auth: { creds: BackupCredentials; mustBeAdminInBackup: boolean },
    keep: string | null,
    channel: string,
  ) => {
    const copy = keep ?? checkCopyPath(cb.paths.dir, randomBytes(6).toString('hex'));
    task.show('unlocking', 0.02);
    const key = await backupKey(cb, path, auth.creds, channel);
    let r;
    try {
      r = await task.run(
        'checkBackup',
        {
          path,
          credentials: { dbKey: new Uint8Array(key.dbKey) },
          userOf: key.userId,
          kdf: cb.kdf,
          copy,
          keep: keep !== null,
        },
        { cleanup: () => removeDatabaseFiles(copy) },
      );
    } finally {
      key.dbKey.fill(0);
    }
    const checked = { ...r, dbKey: Buffer.from(r.dbKey) };
    if (auth.mustBeAdminInBackup && (!checked.user || !checked.user.active || checked.user.role !== 'admin')) {
      checked.dbKey.fill(0);
      if (keep) removeDatabaseFiles(copy);
      throw new CasebookError('FORBIDDEN', ADMIN_ONLY);
    }
    return checked;
  };

  return {
    'backup.status': () => cb.read((db) => backupStatus(db, cb.now())),

    'backup.updateSettings': (settings) => {
      if (settings.alertDays <= settings.warnDays)
        throw new CasebookError('BAD_INPUT', 'Red must come after amber', { fields: { alertDays: 'alertBeforeWarn' } });
      return cb.write((db, s) => {
        setSetting(db, SETTINGS, JSON.stringify(settings));
        cb.audit(db, s, 'settings.changed', { detail: { fields: ['backup'] } });
        return backupStatus(db, cb.now());
      });
    },

    'backup.drives': async () => ({ drives: await cb.platform.listDrives() }),

    'backup.chooseFolder': async () => {
      const path = await cb.platform.chooseFolder({ title: t()('backup.chooseFolder') });
      if (!path) throw new CasebookError('CANCELLED', 'No folder was chosen');
      return { path };
    },

    /**
     * Makes a verified backup in a job worker, on its own connection, while people go on working;
     * then records it. Can be stopped until it is done: nothing is left on the drive.
     */
    'backup.create': ({ targetDir, jobId }) =>
      exclusive('backup', () =>
        cb.jobs.task(jobId, { cancellable: true }, async (task) => {
          const s = cb.requireSignedIn();
          const { settings, charityName } = cb.read((db) => ({
            settings: backupSettings(db),
            charityName: getCharity(db).name,
          }));
          const dbKey = Buffer.from(s.dbKey);
          let made;
          try {
            made = await makeBackup(
              {
                dbKey,
                slotsPath: cb.paths.keySlots,
                targetDir,
                copyDir: copyDirFor(cb.paths.dir, cb.paths.database, targetDir),
                charityName,
                createdBy: s.user.name,
                now: cb.now(),
                keep: settings.keep,
              },
              partsInWorkers(task, { path: cb.paths.database, key: s.dbKey }, dbKey),
            );
          } finally {
            dbKey.fill(0);
          }
          const drive = driveOf(targetDir, await cb.platform.listDrives());
          const location = drive?.label ?? targetDir;
          cb.write((db) => {
            setSetting(
              db,
              LAST,
              JSON.stringify({ at: made.createdAt, path: made.path, location, counts: made.counts }),
            );
            cb.audit(db, s, 'backup.created', { detail: { clients: made.counts.clients, bytes: made.bytes } });
          });
          cb.log(
            `[casebook] backup made and verified: ${made.counts.clients} clients, ${made.bytes} bytes, ${made.removedOld.length} older removed`,
          );
          return { ...made, location, removedOld: made.removedOld.length };
        }),
      ),

    'backup.chooseFile': async () => {
      const path = await cb.platform.chooseFile({
        title: t()('backup.chooseFile'),
        filters: [{ name: 'Casebook', extensions: [BACKUP_EXTENSION] }],
      });
      if (!path) throw new CasebookError('CANCELLED', 'No file was chosen');
      return { path };
    },

    'backup.inspect': ({ path, credentials, jobId }) =>
      cb.jobs.task(jobId, { cancellable: true }, async (task) => {
        const auth = await authorise(cb, credentials, 'backup.inspect');
        const r = await check(task, path, auth, null, 'backup.inspect');
        r.dbKey.fill(0);
        let sameRecords: boolean;
        try {
          sameRecords = readKeySlots(cb.paths.keySlots).vaultId === r.header.keySlots.vaultId;
        } catch {
          sameRecords = false;
        }
        const { size } = statSync(path);
        return {
          path,
          createdAt: r.manifest.createdAt,
          charityName: r.manifest.charityName,
          createdBy: r.manifest.createdBy,
          counts: r.manifest.counts,
          schemaVersion: r.header.schemaVersion,
          bytes: size,
          sameRecords,
          recordsHere: cb.status().state !== 'needsSetup',
        };
      }),

    /**
     * Restores a backup: verified whole in a job worker first (changes are refused meanwhile, as
     * they would be lost), then switched to on this thread. Can be stopped until the switch.
     */
    'backup.restore': ({ path, credentials, jobId }) =>
      exclusive('restore', () =>
        cb.jobs.task(jobId, { cancellable: true }, async (task) => {
          const auth = await authorise(cb, credentials, 'backup.restore');
          const restorer = cb.status().state === 'unlocked' ? cb.requireSignedIn().user : null;
          return cb.whileRestoring(async () => {
            finishInterruptedRestore(cb.paths);
            const drive = driveOf(dirname(path), await cb.platform.listDrives());
            // 1. A verified copy of the backup's database waits beside the live one.
            const r = await check(task, path, auth, cb.paths.databaseRestoring, 'backup.restore');
            task.show('switching', 0.97, { cancellable: false });
            try {
              // 2. It is brought up to this version, erasures made since the backup are applied again,
              //    and the restore is recorded in its own audit trail.
              const db = openDatabase(cb.paths.databaseRestoring, r.dbKey);
              const vaultId = r.header.keySlots.vaultId;
              const seen = await cb.platform.lastSeenGeneration(vaultId);
              let generation = 0;
              try {
                const applied = reapplyErasures(
                  db,
                  readErasures(cb.paths.erasureJournal, r.dbKey),
                  r.manifest.createdAt,
                  cb.now(),
                );
                db.$client.transaction(() => {
                  // A restore on purpose is not a rollback: the records move on past every generation seen.
                  generation = restoredGeneration(db, seen);
                  // The backup just restored is, by definition, a verified backup of these records.
                  setSetting(
                    db,
                    LAST,
                    JSON.stringify({
                      at: r.manifest.createdAt,
                      path,
                      location: drive?.label ?? dirname(path),
                      counts: r.manifest.counts,
                    }),
                  );
                  const who = restorer
                    ? findUser(db, { id: restorer.id })
                    : r.userId !== null
                      ? findUser(db, { id: r.userId })
                      : undefined;
                  recordAudit(db, {
                    userId: who && restorer && who.name === restorer.name ? who.id : (r.userId ?? null),
                    action: 'backup.restored',
                    detail: { backupCreatedAt: r.manifest.createdAt, erasuresApplied: applied.length },
                    at: cb.now(),
                  });
                })();
              } finally {
                closeDatabase(db);
              }
              // 3. The live records are closed (jobs' connections first, so the write-ahead log is
              //    merged into the file) and copied aside; then the switch is committed.
              await cb.jobs.stopAll();
              cb.lock('manual');
              makeSafetyCopy(cb.paths, cb.now());
              commitRestore(cb.paths, r.header, { dbKey: r.dbKey, generation });
              finishInterruptedRestore(cb.paths);
              await cb.platform.rememberGeneration(vaultId, generation);
            } catch (err) {
              finishInterruptedRestore(cb.paths); // removes an uncommitted copy, or finishes a committed one
              throw err;
            } finally {
              r.dbKey.fill(0);
            }
            cb.log(`[casebook] backup from ${r.manifest.createdAt} restored: ${r.manifest.counts.clients} clients`);
            return cb.status();
          });
        }),
      ),
  };
}
