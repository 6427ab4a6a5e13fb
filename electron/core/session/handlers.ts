import { eq } from 'drizzle-orm';
import { parseRecoveryKey } from '../../../shared/domain/recoveryKey';
import { loginKey, type SessionUser } from '../../../shared/domain/user';
import { CasebookError } from '../../../shared/result';
import { recordAudit } from '../audit/audit';
import { DEFAULT_IDLE_MINUTES, type Casebook } from '../casebook';
import { closeDatabase, openDatabase, type Db } from '../db/database';
import { users } from '../db/schema';
import type { Handlers } from '../rpc';
import { idleMinutes } from '../settings/settings';
import { setUserPassword, unlockWithPassword, unlockWithRecoveryKey } from '../vault/vault';

function requireLockedFolder(cb: Casebook): void {
  const st = cb.status();
  if (st.state === 'needsSetup') throw new CasebookError('NOT_SET_UP', 'Casebook has not been set up');
  if (st.state === 'problem') throw new CasebookError(st.problem!, 'The data folder has a problem');
}

/** Opens the database with an unwrapped key; the key is wiped if that fails. */
function openWithKey(cb: Casebook, dbKey: Buffer): Db {
  try {
    return openDatabase(cb.paths.database, dbKey);
  } catch (err) {
    dbKey.fill(0);
    throw err;
  }
}

function findUser(db: Db, where: { id: number } | { login: string }): (SessionUser & { active: boolean }) | undefined {
  return db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where('id' in where ? eq(users.id, where.id) : eq(users.login, where.login))
    .get();
}

export function sessionHandlers(
  cb: Casebook,
): Pick<Handlers, 'session.unlock' | 'session.unlockWithRecoveryKey' | 'session.setNewPassword' | 'session.lock' | 'session.touch'> {
  return {
    'session.unlock': async ({ name, password }) => {
      if (cb.status().state === 'unlocked') cb.lock('manual');
      requireLockedFolder(cb);
      const throttleKey = `password:${loginKey(name)}`;
      const wait = cb.throttle.waitFor(throttleKey);
      if (wait > 0) throw new CasebookError('TOO_MANY_ATTEMPTS', 'Wait before trying again', { retryAfterMs: wait });
      let unlocked;
      try {
        unlocked = await unlockWithPassword(cb.paths.keySlots, name, password, cb.kdf);
      } catch (err) {
        if (err instanceof CasebookError && err.code === 'WRONG_PASSWORD') {
          const retryAfterMs = cb.throttle.fail(throttleKey);
          throw new CasebookError('WRONG_PASSWORD', err.message, { retryAfterMs });
        }
        throw err;
      }
      const db = openWithKey(cb, unlocked.dbKey);
      const user = unlocked.userId === null ? undefined : findUser(db, { id: unlocked.userId });
      if (!user || !user.active) {
        closeDatabase(db);
        unlocked.dbKey.fill(0);
        throw new CasebookError('WRONG_PASSWORD', 'This user cannot sign in', { retryAfterMs: cb.throttle.fail(throttleKey) });
      }
      cb.throttle.succeed(throttleKey);
      recordAudit(db, { userId: user.id, action: 'session.unlocked' });
      cb.startSession({
        db,
        dbKey: unlocked.dbKey,
        user: { id: user.id, name: user.name, role: user.role },
        mustChangePassword: false,
        idleMinutes: idleMinutes(db, DEFAULT_IDLE_MINUTES),
      });
      return cb.status();
    },

    'session.unlockWithRecoveryKey': async ({ name, recoveryKey }) => {
      if (cb.status().state === 'unlocked') cb.lock('manual');
      requireLockedFolder(cb);
      const parsed = parseRecoveryKey(recoveryKey);
      if (!parsed.ok)
        throw new CasebookError('BAD_INPUT', 'The recovery key is not written correctly', {
          fields: { recoveryKey: parsed.reason === 'length' ? 'recoveryKeyLength' : 'recoveryKeyGroup' },
        });
      const throttleKey = 'recovery';
      const wait = cb.throttle.waitFor(throttleKey);
      if (wait > 0) throw new CasebookError('TOO_MANY_ATTEMPTS', 'Wait before trying again', { retryAfterMs: wait });
      let unlocked;
      try {
        unlocked = await unlockWithRecoveryKey(cb.paths.keySlots, parsed.normalized);
      } catch (err) {
        if (err instanceof CasebookError && err.code === 'WRONG_RECOVERY_KEY')
          throw new CasebookError('WRONG_RECOVERY_KEY', err.message, { retryAfterMs: cb.throttle.fail(throttleKey) });
        throw err;
      }
      cb.throttle.succeed(throttleKey);
      const db = openWithKey(cb, unlocked.dbKey);
      const user = findUser(db, { login: loginKey(name) });
      if (!user || !user.active) {
        closeDatabase(db);
        unlocked.dbKey.fill(0);
        throw new CasebookError('BAD_INPUT', 'No user with that name', { fields: { name: 'unknownUser' } });
      }
      recordAudit(db, { userId: user.id, action: 'session.unlockedWithRecoveryKey' });
      cb.startSession({
        db,
        dbKey: unlocked.dbKey,
        user: { id: user.id, name: user.name, role: user.role },
        mustChangePassword: true,
        idleMinutes: idleMinutes(db, DEFAULT_IDLE_MINUTES),
      });
      return cb.status();
    },

    'session.setNewPassword': async ({ newPassword }) => {
      const s = cb.requireSession();
      await setUserPassword(cb.paths.keySlots, s.dbKey, s.user, newPassword, cb.kdf, cb.now());
      s.mustChangePassword = false;
      cb.write((db) => recordAudit(db, { userId: s.user.id, action: 'user.passwordChanged' }));
      return cb.status();
    },

    'session.lock': () => {
      cb.lock('manual');
      return cb.status();
    },

    'session.touch': () => {
      cb.touch();
      return cb.status();
    },
  };
}
