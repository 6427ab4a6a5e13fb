import { eq } from 'drizzle-orm';
import { parseRecoveryKey } from '../../../shared/domain/recoveryKey';
import { fold } from '../../../shared/domain/folding';
import { loginKey } from '../../../shared/domain/user';
import type { AuditAction } from '../../../shared/domain/audit';
import { CasebookError } from '../../../shared/result';
import { recordAudit, restoreAuditGuards, trailHolds } from '../audit/audit';
import { anchoredAuditHead, inboxKeyTrusted, openSlot, readKeySlots, slotFor } from '../vault/keySlots';
import { getCharity } from '../charity/queries';
import { advanceGeneration, suspectedRollback } from './rollback';
import { appendToInbox, newInboxKeys, takeInbox } from '../audit/inbox';
import type { Casebook } from '../casebook';
import { basename } from 'node:path';
import { closeDatabase, type Db } from '../db/database';
import { openUpgrading, type Opened } from '../db/upgrade';
import { users } from '../db/schema';
import type { Handlers } from '../rpc';
import {
  DEFAULT_IDLE_MINUTES,
  getSetting,
  idleMinutes,
  ownClientsOnly,
  setSetting,
  SETTING,
  volunteersSeeContactDetails,
} from '../settings/settings';
import { findUser, type UserRow } from '../users/queries';
import {
  lockedFacts,
  setAuditInboxKey,
  setUserPassword,
  unlockWithPassword,
  unlockWithRecoveryKey,
} from '../vault/vault';

/** Unlocking starts a new session: any open one is locked first, and the folder must hold records. */
function requireLockedFolder(cb: Casebook): void {
  if (cb.status().state === 'unlocked') cb.lock('manual');
  const st = cb.status();
  if (st.state === 'needsSetup') throw new CasebookError('NOT_SET_UP', 'Casebook has not been set up');
  if (st.state === 'problem') throw new CasebookError(st.problem!, 'The data folder has a problem');
}

/**
 * Opens the database with an unwrapped key, upgrading records from an older Casebook after keeping a
 * checked copy; the key is wiped if that fails.
 */
function openWithKey(cb: Casebook, dbKey: Buffer): Opened {
  try {
    return openUpgrading(cb.paths.database, dbKey, cb.now());
  } catch (err) {
    dbKey.fill(0);
    throw err;
  }
}

/** Seals a failed attempt into the inbox; it joins the audit trail at the next unlock. */
function recordWhileLocked(
  cb: Casebook,
  action: AuditAction,
  name: string | null,
  detail: Record<string, unknown> = {},
): void {
  const facts =
    name === null
      ? { userId: null, auditInboxKey: lockedFacts(cb.paths.keySlots, '').auditInboxKey }
      : lockedFacts(cb.paths.keySlots, name);
  if (!facts.auditInboxKey) return;
  try {
    appendToInbox(cb.paths.auditInbox, facts.auditInboxKey, {
      at: cb.now().toISOString(),
      action,
      userId: facts.userId,
      // The typed name is kept only when it matches nobody: it may be a mistyped name of a user.
      detail:
        name !== null && facts.userId === null
          ? { ...detail, name: name.slice(0, 100) }
          : Object.keys(detail).length
            ? detail
            : null,
    });
  } catch {
    // A full disk must not stop anyone signing in; the throttle still applies.
  }
}

/**
 * Records a wrong password or recovery key: in the audit trail when someone is signed in, sealed into
 * the inbox otherwise. Every place that checks one records its failures.
 */
export function recordFailedCheck(
  cb: Casebook,
  action: AuditAction,
  name: string | null,
  detail: Record<string, unknown> = {},
): void {
  if (cb.status().state === 'unlocked') {
    try {
      cb.write((db, s) =>
        cb.audit(db, s, action, { detail: { ...detail, ...(name !== null ? { name: name.slice(0, 100) } : {}) } }),
      );
      return;
    } catch {
      // The records take no changes just now (a restore): the inbox keeps it instead.
    }
  }
  recordWhileLocked(cb, action, name, detail);
}

/**
 * After any unlock: the inbox key pair exists, and events sealed while locked join the trail. If the
 * public key in the key file is not the one Casebook wrote, whatever was sealed to it cannot be read
 * here (it went to whoever replaced it): that is recorded, the inbox is emptied and a new key made.
 * Nobody's sign-in waits on it.
 */
function importInbox(cb: Casebook, db: Db, dbKey: Buffer): void {
  let privateKey: string | undefined | null = getSetting(db, SETTING.auditInboxPrivateKey);
  if (privateKey && !inboxKeyTrusted(readKeySlots(cb.paths.keySlots), dbKey)) {
    const { done } = takeInbox(cb.paths.auditInbox, privateKey);
    done();
    recordAudit(db, { userId: null, action: 'audit.inboxKeyReplaced', at: cb.now() });
    cb.log("[casebook] the key file's inbox key was not the one Casebook wrote; a new one was made");
    privateKey = null;
  }
  if (!privateKey) {
    const keys = newInboxKeys();
    setSetting(db, SETTING.auditInboxPrivateKey, keys.privateKey);
    setAuditInboxKey(cb.paths.keySlots, dbKey, keys.publicKey);
    privateKey = keys.privateKey;
  }
  const { events, damaged, done } = takeInbox(cb.paths.auditInbox, privateKey);
  if (!events.length && !damaged) return done();
  db.$client.transaction(() => {
    for (const e of events)
      recordAudit(db, { userId: e.userId, action: e.action, detail: e.detail ?? undefined, at: new Date(e.at) });
    if (damaged)
      recordAudit(db, { userId: null, action: 'audit.inboxDamaged', detail: { lines: damaged }, at: cb.now() });
  })();
  done();
}

/**
 * After any unlock: the trail's append-only guards are there (put back, and said, if not), and the
 * trail still holds the entry recorded in the key file when Casebook last locked (said if not).
 */
function checkTrail(cb: Casebook, db: Db, dbKey: Buffer): void {
  const restored = restoreAuditGuards(db);
  if (restored.length) {
    recordAudit(db, { userId: null, action: 'audit.guardsRestored', at: cb.now(), detail: { guards: restored } });
    cb.log(`[casebook] the audit trail's guards were missing and were put back: ${restored.join(', ')}`);
  }
  const anchor = anchoredAuditHead(readKeySlots(cb.paths.keySlots), dbKey);
  if (anchor === 'tampered' || (anchor && !trailHolds(db, anchor))) {
    recordAudit(db, {
      userId: null,
      action: 'audit.trailRewritten',
      at: cb.now(),
      detail: anchor === 'tampered' ? { anchor: 'changed' } : { anchorId: anchor.id },
    });
    cb.log(
      '[casebook] the audit trail does not hold the entry recorded when Casebook last locked: it was changed outside Casebook',
    );
  }
}

async function begin(
  cb: Casebook,
  opened: Opened,
  dbKey: Buffer,
  user: UserRow,
  how: 'password' | 'recovery',
): Promise<void> {
  const { db, upgrade } = opened;
  checkTrail(cb, db, dbKey);
  importInbox(cb, db, dbKey);
  // An older copy of the records or the key file put back is said, not hidden (see rollback.ts).
  const rollback = await suspectedRollback(cb, db, dbKey);
  if (rollback) {
    recordAudit(db, {
      userId: user.id,
      action: 'records.rollbackSuspected',
      at: cb.now(),
      detail: { found: rollback },
    });
    cb.log(`[casebook] an older copy of the records may have been put back (${rollback})`);
  } else await advanceGeneration(cb, db, dbKey);
  const at = cb.now();
  db.$client.transaction(() => {
    db.update(users).set({ lastLoginAt: at.toISOString() }).where(eq(users.id, user.id)).run();
    if (upgrade)
      recordAudit(db, {
        userId: user.id,
        action: 'database.upgraded',
        at,
        detail: { from: upgrade.from, to: upgrade.to, copy: basename(upgrade.copy) },
      });
    recordAudit(db, {
      userId: user.id,
      action: how === 'password' ? 'session.unlocked' : 'session.unlockedWithRecoveryKey',
      at,
    });
  })();
  if (upgrade)
    cb.log(
      `[casebook] records upgraded from schema ${upgrade.from} to ${upgrade.to}; the earlier records are kept in ${upgrade.copy}`,
    );
  cb.log(`[casebook] unlocked (${how === 'password' ? 'password' : 'recovery key'}, role ${user.role})`);
  cb.startSignedIn({
    db,
    dbKey,
    user: { id: user.id, name: user.name, role: user.role },
    mustChangePassword: how === 'recovery' || user.mustChangePassword,
    unlockedWithRecoveryKey: how === 'recovery',
    idleMinutes: idleMinutes(db, DEFAULT_IDLE_MINUTES),
    rollback,
    ownClientsOnly: ownClientsOnly(db),
    volunteersSeeContactDetails: volunteersSeeContactDetails(db),
  });
}

/**
 * A new password that is no secret is refused: the user's name, the charity's name, or the password
 * they have now (after a first sign-in, the one the administrator gave out and still knows).
 */
async function refuseKnownPassword(
  cb: Casebook,
  s: { user: { name: string }; db: Db },
  newPassword: string,
): Promise<void> {
  // Compared without case, accents, spaces or punctuation: "piotr zielinski" is Piotr Zieliński's name.
  const bare = (text: string) => fold(text).replace(/[^\p{L}\p{N}]/gu, '');
  const folded = bare(newPassword);
  const charityName = getCharity(s.db).name;
  if (folded === bare(s.user.name) || (charityName && folded === bare(charityName)))
    throw new CasebookError('BAD_INPUT', 'A password may not be a name', {
      fields: { newPassword: 'passwordIsAName' },
    });
  const file = readKeySlots(cb.paths.keySlots);
  const slot = slotFor(file, s.user.name);
  const opened = slot ? await openSlot(file.vaultId, slot, newPassword) : null;
  if (opened) {
    opened.fill(0);
    throw new CasebookError('BAD_INPUT', 'The new password is the one in use now', {
      fields: { newPassword: 'passwordNotNew' },
    });
  }
}

export function signInHandlers(
  cb: Casebook,
): Pick<
  Handlers,
  | 'signIn.unlock'
  | 'signIn.unlockWithRecoveryKey'
  | 'signIn.setNewPassword'
  | 'signIn.changePassword'
  | 'signIn.lock'
  | 'signIn.touch'
  | 'signIn.acceptRecordsAsTheyAre'
> {
  return {
    'signIn.unlock': async ({ name, password }) => {
      requireLockedFolder(cb);
      const { unlocked, opened, user } = await cb.passwords.check(
        { kind: 'password', name },
        () => recordWhileLocked(cb, 'session.failedLogin', name),
        async () => {
          const unlocked = await unlockWithPassword(cb.paths.keySlots, name, password, cb.kdf);
          const opened = openWithKey(cb, unlocked.dbKey);
          const user = unlocked.userId === null ? undefined : findUser(opened.db, { id: unlocked.userId });
          if (!user || !user.active) {
            closeDatabase(opened.db);
            unlocked.dbKey.fill(0);
            throw new CasebookError('WRONG_PASSWORD', 'This user cannot sign in');
          }
          return { unlocked, opened, user };
        },
      );
      await begin(cb, opened, unlocked.dbKey, user, 'password');
      return cb.status();
    },

    'signIn.unlockWithRecoveryKey': async ({ name, recoveryKey }) => {
      requireLockedFolder(cb);
      const parsed = parseRecoveryKey(recoveryKey);
      if (!parsed.ok)
        throw new CasebookError('BAD_INPUT', 'The recovery key is not written correctly', {
          fields: { recoveryKey: parsed.reason === 'length' ? 'recoveryKeyLength' : 'recoveryKeyGroup' },
        });
      const unlocked = await cb.passwords.check(
        { kind: 'recovery' },
        () => recordWhileLocked(cb, 'session.failedRecoveryKey', name),
        () => unlockWithRecoveryKey(cb.paths.keySlots, parsed.normalized),
      );
      const opened = openWithKey(cb, unlocked.dbKey);
      const { db } = opened;
      // The recovery key gives everything, so it is used to regain an administrator's access.
      const user = findUser(db, { login: loginKey(name) });
      if (!user || !user.active || user.role !== 'admin') {
        closeDatabase(db);
        unlocked.dbKey.fill(0);
        throw new CasebookError('BAD_INPUT', 'No administrator with that name', {
          fields: { name: user ? 'notAnAdministrator' : 'unknownUser' },
        });
      }
      await begin(cb, opened, unlocked.dbKey, user, 'recovery');
      return cb.status();
    },

    'signIn.setNewPassword': async ({ newPassword }) => {
      const s = cb.requireSignedIn();
      if (!s.mustChangePassword) throw new CasebookError('FORBIDDEN', 'Use change password, with the current password');
      await refuseKnownPassword(cb, s, newPassword);
      await setUserPassword(cb.paths.keySlots, s.dbKey, s.user, newPassword, cb.kdf, cb.now());
      cb.write((db) => {
        db.update(users).set({ mustChangePassword: false }).where(eq(users.id, s.user.id)).run();
        cb.audit(db, s, 'user.passwordChanged', { detail: { userId: s.user.id } });
      });
      s.mustChangePassword = false;
      return cb.status();
    },

    'signIn.changePassword': async ({ currentPassword, newPassword }) => {
      const s = cb.requireSignedIn();
      try {
        await cb.passwords.check(
          { kind: 'password', name: s.user.name },
          () => recordFailedCheck(cb, 'session.failedPasswordCheck', null, { channel: 'signIn.changePassword' }),
          async () => (await unlockWithPassword(cb.paths.keySlots, s.user.name, currentPassword, cb.kdf)).dbKey.fill(0),
        );
      } catch (err) {
        if (err instanceof CasebookError && err.code === 'WRONG_PASSWORD')
          throw new CasebookError('BAD_INPUT', 'The current password is wrong', {
            fields: { currentPassword: 'wrongCurrentPassword' },
            retryAfterMs: err.retryAfterMs,
          });
        throw err;
      }
      await refuseKnownPassword(cb, s, newPassword);
      await setUserPassword(cb.paths.keySlots, s.dbKey, s.user, newPassword, cb.kdf, cb.now());
      cb.write((db) => cb.audit(db, s, 'user.passwordChanged', { detail: { userId: s.user.id } }));
      return cb.status();
    },

    'signIn.lock': () => {
      cb.lock('manual');
      return cb.status();
    },

    'signIn.touch': () => {
      cb.touch();
      return cb.status();
    },

    'signIn.acceptRecordsAsTheyAre': async () => {
      const s = cb.requireSignedIn();
      if (!s.rollback) return cb.status();
      const found = s.rollback;
      await advanceGeneration(cb, s.db, s.dbKey);
      cb.write((db) => cb.audit(db, s, 'records.rollbackAccepted', { detail: { found } }));
      s.rollback = null;
      return cb.status();
    },
  };
}
