import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { AppError, Result } from '../../shared/result';
import { Casebook, type CasebookOptions } from '../../electron/core/casebook';
import { KDF_MINIMUM } from '../../electron/core/vault/kdf';
import { FolderPlatform } from '../bridge/folderPlatform';

export { FolderPlatform };

export const RESOURCES = resolve(__dirname, '../../resources');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A temporary folder removed after the test. */
export function tempDir(prefix = 'casebook-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

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
export function startCore(opts: Partial<CasebookOptions> & { dataDir?: string; clock?: { now: number } } = {}): TestCore {
  const dataDir = opts.dataDir ?? tempDir();
  const platform = new FolderPlatform(tempDir('casebook-saved-'));
  const clock = opts.clock ?? { now: Date.parse('2026-11-23T10:00:00Z') };
  const cb = new Casebook({
    dataDir,
    resourcesDir: RESOURCES,
    platform,
    kdf: KDF_MINIMUM,
    now: () => new Date(clock.now),
    idleCheckMs: 0,
    log: () => {},
    ...opts,
  });
  cleanups.push(() => cb.dispose());
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
      return startCore({ ...opts, dataDir, clock });
    },
  };
  return t;
}

export const ADMIN = { name: 'Anna Kowalska', password: 'correct horse battery' };
export const CHARITY = { name: 'Przystań Community Aid', address: '12 High Street\nLeeds LS1 4AB', charityNumber: '1234567', phone: '0113 496 0000' };

/** Runs first-run setup through the channels, as the setup screens do. Returns the recovery key groups. */
export async function setUp(t: TestCore): Promise<string[]> {
  const shown = await t.ok('setup.prepare', { charity: CHARITY, admin: ADMIN });
  await t.ok('setup.saveRecoverySheet', {});
  const state = await t.ok('setup.finish', { confirmation: shown.groups[shown.confirmGroup - 1]! });
  expect(state.state).toBe('unlocked');
  return shown.groups;
}
