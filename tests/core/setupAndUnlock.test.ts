import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdfCheck';
import { ADMIN, CHARITY, setUp, startCore } from './helpers';

describe('first-run setup', () => {
  it('starts in needsSetup and writes nothing until setup is finished', async () => {
    const t = startCore();
    expect((await t.ok('app.status', {})).state).toBe('needsSetup');
    await t.ok('setup.prepare', { charity: CHARITY, admin: ADMIN });
    expect(readdirSync(t.dataDir)).toEqual([]);
  });

  it('refuses a short password and a missing charity name with field messages', async () => {
    const t = startCore();
    const err = await t.fail('setup.prepare', {
      charity: { ...CHARITY, name: '  ' },
      admin: { name: 'A', password: 'short' },
    });
    expect(err.code).toBe('BAD_INPUT');
    expect(err.fields).toEqual({ 'charity.name': 'required', 'admin.password': 'passwordTooShort' });
  });

  it('saves a recovery sheet PDF with the key on it, in the chosen language', async () => {
    const t = startCore();
    await t.ok('app.setLanguage', { language: 'pl' });
    const shown = await t.ok('setup.prepare', { charity: CHARITY, admin: ADMIN });
    expect(shown.groups).toHaveLength(8);
    expect(shown.confirmGroup).toBeGreaterThanOrEqual(1);
    expect(shown.confirmGroup).toBeLessThanOrEqual(8);
    const { path } = await t.ok('setup.saveRecoverySheet', {});
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(path);
    for (const g of shown.groups) expect(text).toContain(g);
    expect(text).toContain('Przystań Community Aid');
    expect(text).toContain('arkusz odzyskiwania');
    expect(text).toContain('Anna Kowalska');
  });

  it('cancelling the save dialog says CANCELLED and setup can go on', async () => {
    const t = startCore();
    await t.ok('setup.prepare', { charity: CHARITY, admin: ADMIN });
    t.platform.cancelNext = true;
    expect((await t.fail('setup.saveRecoverySheet', {})).code).toBe('CANCELLED');
    await t.ok('setup.saveRecoverySheet', {});
  });

  it('will not finish before the sheet is saved, nor with the wrong group typed back', async () => {
    const t = startCore();
    const shown = await t.ok('setup.prepare', { charity: CHARITY, admin: ADMIN });
    const right = shown.groups[shown.confirmGroup - 1]!;
    expect((await t.fail('setup.finish', { confirmation: right })).fields).toEqual({
      confirmation: 'recoverySheetNotSaved',
    });
    await t.ok('setup.saveRecoverySheet', {});
    const wrong = shown.groups[shown.confirmGroup % 8]!;
    expect((await t.fail('setup.finish', { confirmation: wrong === right ? '000000' : wrong })).fields).toEqual({
      confirmation: 'recoveryGroupMismatch',
    });
    expect(readdirSync(t.dataDir)).toEqual([]);
    const state = await t.ok('setup.finish', { confirmation: ` ${right.slice(0, 3)} ${right.slice(3)} ` });
    expect(state).toMatchObject({ state: 'unlocked', user: { id: 1, name: 'Anna Kowalska', role: 'admin' } });
    expect(await t.ok('charity.get', {})).toEqual({ ...CHARITY, email: null, currency: 'GBP' });
  });

  it('cannot be run twice on the same data', async () => {
    const t = startCore();
    await setUp(t);
    expect((await t.fail('setup.prepare', { charity: CHARITY, admin: ADMIN })).code).toBe('ALREADY_SET_UP');
  });

  it('finishes an interrupted setup (database built, slots written, power cut before the move)', async () => {
    const t = startCore();
    await setUp(t);
    t.cb.dispose();
    const db = join(t.dataDir, 'casebook.db');
    writeFileSync(join(t.dataDir, 'casebook.db.setup'), readFileSync(db));
    rmSync(db);
    const again = t.restart();
    expect((await again.ok('app.status', {})).state).toBe('locked');
    await again.ok('signIn.unlock', ADMIN);
  });
});

describe('unlocking', () => {
  it('after a restart: locked, then unlocked by name and password', async () => {
    const t = startCore();
    await setUp(t);
    const t2 = t.restart();
    expect((await t2.ok('app.status', {})).state).toBe('locked');
    expect((await t2.fail('clients.search', {})).code).toBe('LOCKED');
    const state = await t2.ok('signIn.unlock', { name: 'anna kowalska', password: ADMIN.password });
    expect(state).toMatchObject({ state: 'unlocked', user: { name: 'Anna Kowalska' }, idleMinutes: 10 });
  });

  it('a wrong password says so and each further failure waits longer', async () => {
    const t = startCore();
    await setUp(t);
    const t2 = t.restart();
    const first = await t2.fail('signIn.unlock', { name: ADMIN.name, password: 'not the password' });
    expect(first).toMatchObject({ code: 'WRONG_PASSWORD', retryAfterMs: 1000 });
    // Trying again at once is refused without even checking the password.
    expect(await t2.fail('signIn.unlock', { name: ADMIN.name, password: ADMIN.password })).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      t2.clock.now += 60_000;
      waits.push((await t2.fail('signIn.unlock', { name: ADMIN.name, password: 'wrong again' })).retryAfterMs!);
    }
    expect(waits).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
    t2.clock.now += 30_000;
    expect((await t2.ok('signIn.unlock', { name: ADMIN.name, password: ADMIN.password })).state).toBe('unlocked');
    // Success clears the count for that name (once the limit for everyone, below, has passed).
    await t2.ok('signIn.lock', {});
    t2.clock.now += 15 * 60_000;
    expect((await t2.fail('signIn.unlock', { name: ADMIN.name, password: 'x' })).retryAfterMs).toBe(1000);
  });

  it('the recovery key unlocks, then nothing else works until a new password is chosen', async () => {
    const t = startCore();
    const groups = await setUp(t);
    const t2 = t.restart();
    expect((await t2.fail('signIn.unlockWithRecoveryKey', { name: ADMIN.name, recoveryKey: '12345' })).fields).toEqual({
      recoveryKey: 'recoveryKeyLength',
    });
    const state = await t2.ok('signIn.unlockWithRecoveryKey', { name: ADMIN.name, recoveryKey: groups.join(' ') });
    expect(state).toMatchObject({ state: 'unlocked', mustChangePassword: true });
    expect((await t2.fail('clients.search', {})).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t2.ok('signIn.setNewPassword', { newPassword: 'a brand new password' })).mustChangePassword).toBe(
      false,
    );
    await t2.ok('clients.search', {});
    const t3 = t2.restart();
    expect((await t3.fail('signIn.unlock', ADMIN)).code).toBe('WRONG_PASSWORD');
    t3.clock.now += 5_000;
    await t3.ok('signIn.unlock', { name: ADMIN.name, password: 'a brand new password' });
  });

  it('a recovery key for an unknown name or a wrong key is refused', async () => {
    const t = startCore();
    const groups = await setUp(t);
    const t2 = t.restart();
    expect(
      (await t2.fail('signIn.unlockWithRecoveryKey', { name: 'Nobody', recoveryKey: groups.join('') })).fields,
    ).toEqual({ name: 'unknownUser' });
    expect((await t2.ok('app.status', {})).state).toBe('locked');
    const wrong = [...groups].reverse().join('');
    expect((await t2.fail('signIn.unlockWithRecoveryKey', { name: ADMIN.name, recoveryKey: wrong })).code).toBe(
      'WRONG_RECOVERY_KEY',
    );
  });

  it('locking by hand closes the database; the idle lock does it after 10 quiet minutes', async () => {
    const t = startCore();
    await setUp(t);
    expect((await t.ok('signIn.lock', {})).state).toBe('locked');
    expect((await t.fail('clients.search', {})).code).toBe('LOCKED');
    await t.ok('signIn.unlock', ADMIN);

    t.clock.now += 9 * 60_000;
    t.cb.checkIdle();
    await t.ok('clients.search', {}); // activity resets the clock
    t.clock.now += 9 * 60_000 + 59_000;
    t.cb.checkIdle();
    expect((await t.ok('app.status', {})).state).toBe('unlocked');
    await t.ok('signIn.touch', {});
    t.clock.now += 10 * 60_000;
    t.cb.checkIdle();
    expect(await t.ok('app.status', {})).toMatchObject({ state: 'locked', lockReason: 'idle' });
    expect((await t.fail('clients.get', { id: 1 })).code).toBe('LOCKED');
  });
});

describe('a damaged data folder', () => {
  async function prepared() {
    const t = startCore();
    await setUp(t);
    await t.ok('clients.intake', { details: { firstName: 'Zofia', lastName: 'Wiśniewska-Łęcka' } });
    t.cb.dispose();
    return t;
  }

  it('a tampered key file: KEY_FILE_DAMAGED, and the database is left alone', async () => {
    const t = await prepared();
    const slots = join(t.dataDir, 'keyslots.json');
    const dbBefore = readFileSync(join(t.dataDir, 'casebook.db'));
    writeFileSync(
      slots,
      readFileSync(slots, 'utf8').replace(/"iv": "(.)/, (_m, c) => `"iv": "${c === 'A' ? 'B' : 'A'}`),
    );
    const t2 = t.restart();
    expect(await t2.ok('app.status', {})).toMatchObject({ state: 'problem', problem: 'KEY_FILE_DAMAGED' });
    expect((await t2.fail('signIn.unlock', ADMIN)).code).toBe('KEY_FILE_DAMAGED');
    expect((await t2.fail('setup.prepare', { charity: CHARITY, admin: ADMIN })).code).toBe('ALREADY_SET_UP');
    expect(readFileSync(join(t.dataDir, 'casebook.db')).equals(dbBefore)).toBe(true);
  });

  it('a database damaged at its start: the password is right, the key does not open it (said as such), and nothing is replaced', async () => {
    const t = await prepared();
    const dbPath = join(t.dataDir, 'casebook.db');
    const bytes = readFileSync(dbPath);
    for (let i = 0; i < 32; i++) bytes[i] = bytes[i]! ^ 0x5a;
    writeFileSync(dbPath, bytes);
    const t2 = t.restart();
    expect((await t2.ok('app.status', {})).state).toBe('locked');
    expect((await t2.fail('signIn.unlock', ADMIN)).code).toBe('KEY_NOT_FOR_RECORDS');
    expect(readFileSync(dbPath).equals(bytes)).toBe(true);
  });

  it('a missing database or key file is a problem to show, never a reason to set up again', async () => {
    const t = await prepared();
    rmSync(join(t.dataDir, 'casebook.db'));
    const t2 = t.restart();
    expect(await t2.ok('app.status', {})).toMatchObject({ state: 'problem', problem: 'DATABASE_MISSING' });
    expect((await t2.fail('setup.prepare', { charity: CHARITY, admin: ADMIN })).code).toBe('ALREADY_SET_UP');
    expect((await t2.fail('signIn.unlock', ADMIN)).code).toBe('DATABASE_MISSING');
    expect(existsSync(join(t.dataDir, 'casebook.db'))).toBe(false);

    const u = await prepared();
    rmSync(join(u.dataDir, 'keyslots.json'));
    const u2 = u.restart();
    expect(await u2.ok('app.status', {})).toMatchObject({ state: 'problem', problem: 'KEY_FILE_MISSING' });
  });
});
