import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CasebookError } from '../../../shared/result';
import { DEFAULT_BACKUP_SETTINGS, backupSettingsSchema, type BackupSettings, type BackupStatus } from '../../../shared/domain/backup';
import { createTranslator } from '../../../shared/i18n';
import { recordAudit } from '../audit/audit';
import type { Casebook } from '../casebook';
import { getCharity } from '../charity/queries';
import { closeDatabase, openDatabase, type Db } from '../db/database';
import { readErasures, reapplyErasures } from '../erasure/journal';
import type { Handlers } from '../rpc';
import { getSetting, setSetting } from '../settings/settings';
import { finishInterruptedRestore } from '../setup/dataFolder';
import { findUser } from '../users/queries';
import { readKeySlots } from '../vault/keySlots';
import { unlockWithPassword, unlockWithRecoveryKey } from '../vault/vault';
import type { Task } from '../jobs/runner';
import { backupFraction, backupTempFiles, checkCopyPath, commitRestore, makeSafetyCopy, type BackupCredentials } from './backup';
import { BACKUP_EXTENSION } from './container';
import { driveOf } from './drives';

const LAST = 'last_backup';
const SETTINGS = 'backup_settings';
const DAY = 24 * 3600_000;

function backupSettings(db: Db): BackupSettings {
  const raw = getSetting(db, SETTINGS);
  const parsed = raw ? backupSettingsSchema.safeParse(JSON.parse(raw)) : null;
  return parsed?.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
}

export function backupStatus(db: Db, now: Date): BackupStatus {
  const settings = backupSettings(db);
  const raw = getSetting(db, LAST);
  const last = raw ? (JSON.parse(raw) as NonNullable<BackupStatus['last']>) : null;
  if (!last) return { last: null, daysSince: null, level: 'never', settings };
  const daysSince = Math.max(0, Math.floor((now.getTime() - Date.parse(last.at)) / DAY));
  const level = daysSince >= settings.alertDays ? 'alert' : daysSince >= settings.warnDays ? 'warn' : 'ok';
  return { last, daysSince, level, settings };
}

/**
 * Who may check or restore a backup. Signed in: an administrator. Nothing usable here (a new PC,
 * missing or damaged records): whoever can open the backup. Locked with healthy records: only
 * with credentials that also open the current records, so nobody rolls them back unseen.
 */
async function authorise(cb: Casebook, credentials: BackupCredentials | null): Promise<BackupCredentials> {
  const st = cb.status();
  if (st.state === 'unlocked') {
    const s = cb.requireSession();
    if (s.mustChangePassword) throw new CasebookError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password first');
    if (s.user.role !== 'admin') throw new CasebookError('FORBIDDEN', 'Only an administrator may restore');
    return credentials ?? { dbKey: s.dbKey };
  }
  if (!credentials) throw new CasebookError('BAD_INPUT', 'Credentials are needed', { fields: { credentials: 'required' } });
  if (st.state === 'locked') {
    try {
      const current =
        'recoveryKey' in credentials
          ? await unlockWithRecoveryKey(cb.paths.keySlots, credentials.recoveryKey)
          : 'password' in credentials
            ? await unlockWithPassword(cb.paths.keySlots, credentials.name, credentials.password, cb.kdf)
            : null;
      current?.dbKey.fill(0);
    } catch (err) {
      if (err instanceof CasebookError && (err.code === 'WRONG_PASSWORD' || err.code === 'WRONG_RECOVERY_KEY'))
        throw new CasebookError('NOT_CURRENT_CREDENTIALS', 'These credentials do not open the current records');
      throw err;
    }
  }
  return credentials;
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

  /** Checks a backup file in a job worker: the whole of it, with these credentials (nothing changes). */
  const check = (task: Task, path: string, creds: BackupCredentials, keep: string | null) => {
    const copy = keep ?? checkCopyPath(cb.paths.dir, randomBytes(6).toString('hex'));
    return task
      .run(
        'checkBackup',
        { path, credentials: 'dbKey' in creds ? { dbKey: new Uint8Array(creds.dbKey) } : creds, kdf: cb.kdf, copy, keep: keep !== null },
        { cleanup: () => removeDatabaseFiles(copy) },
      )
      .then((r) => ({ ...r, dbKey: Buffer.from(r.dbKey) }));
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
          const s = cb.requireSession();
          const { settings, charityName } = cb.read((db) => ({ settings: backupSettings(db), charityName: getCharity(db).name }));
          const tag = randomBytes(6).toString('hex');
          const [tmpDb] = backupTempFiles(targetDir, tag);
          const made = await task.run(
            'makeBackup',
            { dbKey: new Uint8Array(s.dbKey), slotsPath: cb.paths.keySlots, targetDir, charityName, createdBy: s.user.name, nowIso: cb.now().toISOString(), keep: settings.keep, tag },
            {
              records: { path: cb.paths.database, key: s.dbKey },
              // If its worker is stopped outright, the half-made files go here.
              cleanup: () => backupTempFiles(targetDir, tag).forEach((f) => rmSync(f, { force: true })),
              // While SQLite copies (one step the job cannot report from), the copy's size tells how far it is.
              refine: (p) => (p.stage === 'copying' ? { ...p, fraction: backupFraction('copying', sizeOf(tmpDb!) / Math.max(1, sizeOf(cb.paths.database))) } : p),
            },
          );
          const drive = driveOf(targetDir, await cb.platform.listDrives());
          const location = drive?.label ?? targetDir;
          cb.write((db) => {
            setSetting(db, LAST, JSON.stringify({ at: made.createdAt, path: made.path, location, counts: made.counts }));
            cb.audit(db, s, 'backup.created', { detail: { clients: made.counts.clients, bytes: made.bytes } });
          });
          cb.log(`[casebook] backup made and verified: ${made.counts.clients} clients, ${made.bytes} bytes, ${made.removedOld.length} older removed`);
          return { ...made, location, removedOld: made.removedOld.length };
        }),
      ),

    'backup.chooseFile': async () => {
      const path = await cb.platform.chooseFile({ title: t()('backup.chooseFile'), filters: [{ name: 'Casebook', extensions: [BACKUP_EXTENSION] }] });
      if (!path) throw new CasebookError('CANCELLED', 'No file was chosen');
      return { path };
    },

    'backup.inspect': ({ path, credentials, jobId }) =>
      cb.jobs.task(jobId, { cancellable: true }, async (task) => {
        const creds = await authorise(cb, credentials);
        const r = await check(task, path, creds, null);
        r.dbKey.fill(0);
        let sameRecords = false;
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
        };
      }),

    /**
     * Restores a backup: verified whole in a job worker first (changes are refused meanwhile, as
     * they would be lost), then switched to on this thread. Can be stopped until the switch.
     */
    'backup.restore': ({ path, credentials, jobId }) =>
      exclusive('restore', () =>
        cb.jobs.task(jobId, { cancellable: true }, async (task) => {
          const creds = await authorise(cb, credentials);
          const restorer = cb.status().state === 'unlocked' ? cb.requireSession().user : null;
          return cb.whileRestoring(async () => {
            finishInterruptedRestore(cb.paths);
            const drive = driveOf(dirname(path), await cb.platform.listDrives());
            // 1. A verified copy of the backup's database waits beside the live one.
            const r = await check(task, path, creds, cb.paths.databaseRestoring);
            task.show('switching', 0.97, { cancellable: false });
            try {
              // 2. It is brought up to this version, erasures made since the backup are applied again,
              //    and the restore is recorded in its own audit trail.
              const db = openDatabase(cb.paths.databaseRestoring, r.dbKey);
              try {
                const applied = reapplyErasures(db, readErasures(cb.paths.erasureJournal, r.dbKey), r.manifest.createdAt, cb.now());
                db.$client.transaction(() => {
                  // The backup just restored is, by definition, a verified backup of these records.
                  setSetting(db, LAST, JSON.stringify({ at: r.manifest.createdAt, path, location: drive?.label ?? dirname(path), counts: r.manifest.counts }));
                  const who = restorer ? findUser(db, { id: restorer.id }) : r.userId !== null ? findUser(db, { id: r.userId }) : undefined;
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
              // 3. The live records are closed and copied aside; then the switch is committed.
              cb.lock('manual');
              makeSafetyCopy(cb.paths, cb.now());
              commitRestore(cb.paths, r.header);
              finishInterruptedRestore(cb.paths);
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

/** A file's size, 0 when it is not there (yet). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** A database file and the side files SQLite may have made beside it. */
function removeDatabaseFiles(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true });
}
