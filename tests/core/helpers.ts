import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { AppError, Result } from '../../shared/result';
import { Casebook, type CasebookOptions } from '../../electron/core/casebook';
import { KDF_MINIMUM } from '../../electron/core/vault/kdf';
import { withClock } from '../../electron/core/clock';
import { FolderPlatform } from '../bridge/folderPlatform';
import { cleanups, tempDir, type Lifetime } from './folders';
import { SOURCE_WORKERS } from './workers';

export { FolderPlatform, tempDir, type Lifetime };

export const RESOURCES = resolve(__dirname, '../../resources');

export interface TestCore {
  cb: Casebook;
  dataDir: string;
  platform: FolderPlatform;
  clock: { now: number };
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  fail<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<AppError>;
  restart(): TestCore;
}

/** A real core on a real (temporary) data folder, with the cheapest key derivation allowed. */
export function startCore(
  opts: Partial<CasebookOptions> & { dataDir?: string; clock?: { now: number }; lifetime?: Lifetime } = {},
): TestCore {
  const lifetime = opts.lifetime ?? 'test';
  const dataDir = opts.dataDir ?? tempDir('casebook-test-', lifetime);
  const platform =
    (opts.platform as FolderPlatform | undefined) ?? new FolderPlatform(tempDir('casebook-saved-', lifetime));
  const clock = opts.clock ?? { now: Date.parse('2026-11-23T10:00:00Z') };
  const cb = new Casebook({
    dataDir,
    resourcesDir: RESOURCES,
    platform,
    kdf: KDF_MINIMUM,
    now: () => new Date(clock.now),
    idleCheckMs: 0,
    log: process.env['CASEBOOK_TEST_LOG'] ? (m) => console.error(m) : () => {},
    jobWorker: SOURCE_WORKERS.job,
    ...opts,
  });
  cleanups[lifetime].push(() => cb.dispose());
  const t: TestCore = {
    cb,
    dataDir,
    platform,
    clock,
    call: (channel, input) => cb.call(channel, input) as never,
    async ok(channel, input) {
      const r = await t.call(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    async fail(channel, input) {
      const r = await t.call(channel, input);
      expect(r.ok, `${channel} should have failed`).toBe(false);
      return (r as { ok: false; error: AppError }).error;
    },
    restart() {
      cb.dispose();
      // The same computer: what it keeps outside the data folder (the last generation seen) stays.
      return startCore({ ...opts, dataDir, clock, platform });
    },
  };
  return t;
}

/**
 * Runs `fn` (a schema checked outside a call to the core) with the rules' "today" at noon on `day`,
 * as a call to a core whose clock says that day would.
 */
export function onDay<T>(day: string, fn: () => T): T {
  return withClock(() => new Date(`${day}T12:00:00`), fn);
}

export const ADMIN = { name: 'Anna Kowalska', password: 'correct horse battery' };
export const CHARITY = {
  name: 'Przystań Community Aid',
  address: '12 High Street\nLeeds LS1 4AB',
  charityNumber: '1234567',
  phone: '0113 496 0000',
};

/** Runs first-run setup through the channels, as the setup screens do. Returns the recovery key groups. */
export async function setUp(t: TestCore): Promise<string[]> {
  const shown = await t.ok('setup.prepare', { charity: CHARITY, admin: ADMIN });
  await t.ok('setup.saveRecoverySheet', {});
  const state = await t.ok('setup.finish', { confirmation: shown.groups[shown.confirmGroup - 1]! });
  expect(state.state).toBe('unlocked');
  return shown.groups;
}

/** Adds a user as the signed-in administrator, then signs in as them and sets their own password. */
export async function signInAsNewUser(
  t: TestCore,
  name: string,
  role: 'admin' | 'caseworker' | 'volunteer',
  password = `${role} password 123`,
) {
  const user = await t.ok('users.create', { name, role, password: 'temporary pass 1' });
  await t.ok('signIn.lock', {});
  const state = await t.ok('signIn.unlock', { name, password: 'temporary pass 1' });
  expect(state.mustChangePassword).toBe(true);
  await t.ok('signIn.setNewPassword', { newPassword: password });
  return { user, password };
}

/**
 * Adds a client as the intake screen does once the user has looked at the possible duplicates and
 * said "this is a new person": used where tests add many similar clients on purpose.
 */
export async function addNewPerson(t: TestCore, details: ChannelInput<'clients.intake'>['details']) {
  const seen = await t.ok('clients.findDuplicates', {
    firstName: details.firstName,
    lastName: details.lastName,
    dateOfBirth: details.dateOfBirth,
    phone: details.phone,
  });
  return t.ok('clients.intake', { details, duplicatesSeen: seen.map((m) => m.client.id) });
}
