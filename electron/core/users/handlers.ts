import { eq } from 'drizzle-orm';
import { CasebookError } from '../../../shared/result';
import type { Casebook } from '../casebook';
import { users } from '../db/schema';
import type { Handlers } from '../rpc';
import { removeUserSlot, renameUserSlot, setUserPassword } from '../vault/vault';
import { findUser, insertUser, listUsers, nameLooksTaken, nameTaken, otherActiveAdmins, updateUser } from './queries';

function requireUser(cb: Casebook, id: number) {
  const user = cb.read((db) => findUser(db, { id }));
  if (!user) throw new CasebookError('NOT_FOUND', 'No such user');
  return user;
}

/** Refuses a change that would leave nobody able to manage users, settings and backups. */
function guardLastAdmin(cb: Casebook, id: number, stillAdmin: boolean): void {
  const user = requireUser(cb, id);
  if (user.role === 'admin' && user.active && !stillAdmin && cb.read((db) => otherActiveAdmins(db, id)) === 0)
    throw new CasebookError('LAST_ADMINISTRATOR', 'This is the last active administrator');
}

/** A name someone else has, or one that looks the same on screen, is refused in words. */
function refuseTakenName(cb: Casebook, name: string, exceptId?: number): void {
  if (cb.read((db) => nameTaken(db, name, exceptId)))
    throw new CasebookError('BAD_INPUT', 'Name already in use', { fields: { name: 'nameTaken' } });
  if (cb.read((db) => nameLooksTaken(db, name, exceptId)))
    throw new CasebookError('BAD_INPUT', 'Name looks like another user’s', {
      fields: { name: 'nameLooksLikeAnother' },
    });
}

export function userHandlers(
  cb: Casebook,
): Pick<Handlers, 'users.list' | 'users.create' | 'users.update' | 'users.deactivate' | 'users.resetPassword'> {
  return {
    'users.list': () => ({ items: cb.read((db) => listUsers(db)) }),

    'users.create': async ({ name, role, password }) => {
      const s = cb.requireSignedIn();
      refuseTakenName(cb, name);
      const id = cb.write((db) => insertUser(db, { name, role }, cb.now().toISOString()));
      try {
        await setUserPassword(cb.paths.keySlots, s.dbKey, { id, name }, password, cb.kdf, cb.now());
      } catch (err) {
        // No slot, no user: take the row back out so the list never shows someone who cannot sign in.
        cb.write((db) => db.delete(users).where(eq(users.id, id)).run());
        throw err;
      }
      cb.write((db) => cb.audit(db, s, 'user.created', { detail: { userId: id, role } }));
      return requireUser(cb, id);
    },

    'users.update': ({ id, name, role }) => {
      const s = cb.requireSignedIn();
      const before = requireUser(cb, id);
      guardLastAdmin(cb, id, role === 'admin');
      refuseTakenName(cb, name, id);
      if (name !== before.name && before.active) renameUserSlot(cb.paths.keySlots, s.dbKey, id, name);
      cb.write((db) => {
        updateUser(db, id, { name, role });
        const fields = [name !== before.name && 'name', role !== before.role && 'role'].filter(Boolean);
        cb.audit(db, s, 'user.changed', { detail: { userId: id, fields, ...(role !== before.role ? { role } : {}) } });
      });
      if (id === s.user.id) s.user = { ...s.user, name, role };
      return requireUser(cb, id);
    },

    'users.deactivate': ({ id }) => {
      const s = cb.requireSignedIn();
      guardLastAdmin(cb, id, false);
      // The database says "inactive" first, so a crash before the slot is removed still refuses them.
      cb.write((db) => {
        updateUser(db, id, { active: false });
        cb.audit(db, s, 'user.deactivated', { detail: { userId: id } });
      });
      removeUserSlot(cb.paths.keySlots, s.dbKey, id);
      return requireUser(cb, id);
    },

    'users.resetPassword': async ({ id, password }) => {
      const s = cb.requireSignedIn();
      const user = requireUser(cb, id);
      if (!user.active && cb.read((db) => nameTaken(db, user.name, id)))
        throw new CasebookError('BAD_INPUT', 'Name in use', { fields: { name: 'nameTaken' } });
      await setUserPassword(cb.paths.keySlots, s.dbKey, user, password, cb.kdf, cb.now());
      cb.write((db) => {
        updateUser(db, id, { active: true, mustChangePassword: true });
        cb.audit(db, s, 'user.passwordReset', { detail: { userId: id, reactivated: !user.active } });
      });
      return requireUser(cb, id);
    },
  };
}
