import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeySlots } from '../../electron/core/vault/keySlots';
import { ADMIN, setUp, signInAsNewUser, startCore, type TestCore } from './helpers';

async function ready(): Promise<TestCore> {
  const t = startCore();
  await setUp(t);
  return t;
}

const passwordSlots = (t: TestCore) =>
  readKeySlots(join(t.dataDir, 'keyslots.json')).slots.filter((s) => s.kind === 'password');

describe('users', () => {
  it('an administrator adds a volunteer, who must choose their own password at first login', async () => {
    const t = await ready();
    const v = await t.ok('users.create', { name: 'Piotr Zieliński', role: 'volunteer', password: 'temporary pass 1' });
    expect(v).toMatchObject({
      name: 'Piotr Zieliński',
      role: 'volunteer',
      active: true,
      mustChangePassword: true,
      lastLoginAt: null,
    });
    // The administrator who set Casebook up has been signed in since then: not "never".
    expect((await t.ok('users.list', {})).items.find((u) => u.id === 1)!.lastLoginAt).toBe(t.cb.now().toISOString());
    expect(
      passwordSlots(t)
        .map((s) => s.userId)
        .sort(),
    ).toEqual([1, v.id]);

    await t.ok('signIn.lock', {});
    const state = await t.ok('signIn.unlock', { name: ' piotr ZIELIŃSKI ', password: 'temporary pass 1' });
    expect(state).toMatchObject({ mustChangePassword: true, user: { role: 'volunteer' } });
    expect((await t.fail('clients.search', {})).code).toBe('PASSWORD_CHANGE_REQUIRED');
    // The password the administrator gave out, their name or the charity's name is no new secret.
    expect((await t.fail('signIn.setNewPassword', { newPassword: 'temporary pass 1' })).fields).toEqual({
      newPassword: 'passwordNotNew',
    });
    expect((await t.fail('signIn.setNewPassword', { newPassword: 'piotr zielinski' })).fields).toEqual({
      newPassword: 'passwordIsAName',
    });
    expect((await t.fail('signIn.setNewPassword', { newPassword: 'Przystań Community Aid' })).fields).toEqual({
      newPassword: 'passwordIsAName',
    });
    await t.ok('signIn.setNewPassword', { newPassword: 'my own password 9' });
    await t.ok('clients.search', {});
    // Once chosen, "set new password" without the current one is no longer possible.
    expect((await t.fail('signIn.setNewPassword', { newPassword: 'sneaky other pass' })).code).toBe('FORBIDDEN');

    await t.ok('signIn.lock', {});
    expect((await t.fail('signIn.unlock', { name: 'Piotr Zieliński', password: 'temporary pass 1' })).code).toBe(
      'WRONG_PASSWORD',
    );
    t.clock.now += 2000;
    expect(
      (await t.ok('signIn.unlock', { name: 'Piotr Zieliński', password: 'my own password 9' })).mustChangePassword,
    ).toBe(false);
  });

  it('refuses a second user with the same name, however it is typed', async () => {
    const t = await ready();
    await t.ok('users.create', { name: 'Ewa Nowak', role: 'caseworker', password: 'temporary pass 1' });
    const err = await t.fail('users.create', {
      name: '  EWA   nowak ',
      role: 'volunteer',
      password: 'temporary pass 2',
    });
    expect(err).toMatchObject({ code: 'BAD_INPUT', fields: { name: 'nameTaken' } });
    expect((await t.ok('users.list', {})).items).toHaveLength(2);
  });

  it('renaming a user keeps their password and changes the name they sign in with', async () => {
    const t = await ready();
    const { user, password } = await signInAsNewUser(t, 'Ewa Nowak', 'caseworker');
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    await t.ok('users.update', { id: user.id, name: 'Ewa Kowalczyk', role: 'caseworker' });
    await t.ok('signIn.lock', {});
    expect((await t.fail('signIn.unlock', { name: 'Ewa Nowak', password })).code).toBe('WRONG_PASSWORD');
    expect((await t.ok('signIn.unlock', { name: 'Ewa Kowalczyk', password })).user).toMatchObject({
      name: 'Ewa Kowalczyk',
    });
  });

  it('never leaves Casebook without an active administrator', async () => {
    const t = await ready();
    expect((await t.fail('users.update', { id: 1, name: ADMIN.name, role: 'caseworker' })).code).toBe(
      'LAST_ADMINISTRATOR',
    );
    expect((await t.fail('users.deactivate', { id: 1 })).code).toBe('LAST_ADMINISTRATOR');
    const { user: second } = await signInAsNewUser(t, 'Second Admin', 'admin');
    await t.ok('users.update', { id: 1, name: ADMIN.name, role: 'caseworker' });
    expect((await t.fail('users.deactivate', { id: second.id })).code).toBe('LAST_ADMINISTRATOR');
    expect((await t.fail('users.update', { id: second.id, name: 'Second Admin', role: 'volunteer' })).code).toBe(
      'LAST_ADMINISTRATOR',
    );
    // Demoting oneself takes effect at once: the former administrator is refused admin channels.
    await t.ok('users.update', { id: 1, name: ADMIN.name, role: 'admin' });
    await t.ok('users.update', { id: second.id, name: 'Second Admin', role: 'caseworker' });
    expect((await t.fail('users.list', {})).code).toBe('FORBIDDEN');
  });

  it('a deactivated user cannot sign in and their slot is gone; a new password brings them back', async () => {
    const t = await ready();
    const { user, password } = await signInAsNewUser(t, 'Tomasz Wójcik', 'volunteer');
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    expect(await t.ok('users.deactivate', { id: user.id })).toMatchObject({ active: false });
    expect(passwordSlots(t).map((s) => s.userId)).toEqual([1]);
    await t.ok('signIn.lock', {});
    expect((await t.fail('signIn.unlock', { name: 'Tomasz Wójcik', password })).code).toBe('WRONG_PASSWORD');

    t.clock.now += 5000;
    await t.ok('signIn.unlock', ADMIN);
    expect(await t.ok('users.resetPassword', { id: user.id, password: 'given back pass 1' })).toMatchObject({
      active: true,
      mustChangePassword: true,
    });
    await t.ok('signIn.lock', {});
    expect(
      (await t.ok('signIn.unlock', { name: 'Tomasz Wójcik', password: 'given back pass 1' })).mustChangePassword,
    ).toBe(true);
  });

  it('resetting a password writes the new slot before removing the old one, and the data stays', async () => {
    const t = await ready();
    const { user } = await signInAsNewUser(t, 'Ola Lis', 'caseworker');
    await t.ok('clients.intake', { details: { firstName: 'Kept', lastName: 'Record' } });
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    const before = passwordSlots(t).find((s) => s.userId === user.id)!;
    await t.ok('users.resetPassword', { id: user.id, password: 'reset password 1' });
    const after = passwordSlots(t).filter((s) => s.userId === user.id);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(before.id);
    expect((await t.ok('clients.search', { query: 'kept' })).total).toBe(1);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password; then the new one works and the old one does not', async () => {
    const t = await ready();
    const wrong = await t.fail('signIn.changePassword', {
      currentPassword: 'not it',
      newPassword: 'new password 123',
    });
    expect(wrong).toMatchObject({ code: 'BAD_INPUT', fields: { currentPassword: 'wrongCurrentPassword' } });
    t.clock.now += 2000;
    expect(
      (await t.fail('signIn.changePassword', { currentPassword: ADMIN.password, newPassword: ADMIN.password })).fields,
    ).toEqual({ newPassword: 'passwordNotNew' });
    await t.ok('signIn.changePassword', { currentPassword: ADMIN.password, newPassword: 'new password 123' });
    await t.ok('signIn.lock', {});
    expect((await t.fail('signIn.unlock', ADMIN)).code).toBe('WRONG_PASSWORD');
    t.clock.now += 2000;
    await t.ok('signIn.unlock', { name: ADMIN.name, password: 'new password 123' });
  });
});

describe('the recovery key', () => {
  it('is only for administrators', async () => {
    const t = startCore();
    const groups = await setUp(t);
    await signInAsNewUser(t, 'Vol Unteer', 'volunteer');
    await t.ok('signIn.lock', {});
    const err = await t.fail('signIn.unlockWithRecoveryKey', { name: 'Vol Unteer', recoveryKey: groups.join('') });
    expect(err.fields).toEqual({ name: 'notAnAdministrator' });
  });

  it('an administrator replaces it: the old key stops working, the new one works', async () => {
    const t = startCore();
    const oldGroups = await setUp(t);
    const shown = await t.ok('recovery.prepare', {});
    expect(shown.groups).not.toEqual(oldGroups);
    expect((await t.fail('recovery.confirm', { confirmation: shown.groups[shown.confirmGroup - 1]! })).fields).toEqual({
      confirmation: 'recoverySheetNotSaved',
    });
    const { path } = await t.ok('recovery.saveSheet', {});
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    await t.ok('recovery.confirm', { confirmation: shown.groups[shown.confirmGroup - 1]! });
    expect(readKeySlots(join(t.dataDir, 'keyslots.json')).slots.filter((s) => s.kind === 'recovery')).toHaveLength(1);

    await t.ok('signIn.lock', {});
    expect(
      (await t.fail('signIn.unlockWithRecoveryKey', { name: ADMIN.name, recoveryKey: oldGroups.join(' ') })).code,
    ).toBe('WRONG_RECOVERY_KEY');
    t.clock.now += 2000;
    expect(
      (await t.ok('signIn.unlockWithRecoveryKey', { name: ADMIN.name, recoveryKey: shown.groups.join(' ') }))
        .mustChangePassword,
    ).toBe(true);
  });
});

describe('the idle lock setting', () => {
  it('accepts 1 to 60 minutes and is used at once', async () => {
    const t = await ready();
    expect((await t.fail('settings.update', { idleMinutes: 0 })).fields).toEqual({ idleMinutes: 'idleRange' });
    expect((await t.fail('settings.update', { idleMinutes: 61 })).fields).toEqual({ idleMinutes: 'idleRange' });
    expect((await t.ok('settings.update', { idleMinutes: 2 })).idleMinutes).toBe(2);
    t.clock.now += 2 * 60_000;
    t.cb.checkIdle();
    expect(await t.ok('app.status', {})).toMatchObject({ state: 'locked', lockReason: 'idle' });
    expect((await t.ok('signIn.unlock', ADMIN)).idleMinutes).toBe(2);
  });
});
