import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../shared/contract';
import { inputs } from './channelInputs';
import { ADMIN, setUp, startCore, type TestCore } from './helpers';
import { withZofia } from './zofia';

/**
 * No input that fits the contract may give INTERNAL: every channel is driven with inputs generated
 * from its own schema (through zod's JSON Schema of the input, so the generator follows the contract
 * as it changes), in the states a person can be in: signed in as the administrator with records to
 * hit (small ids are tried often, so references to real rows are common), and locked. A refusal of
 * any kind is fine; an unexpected error is not. The seed is fixed, so a failure repeats.
 */
/**
 * Channels that would change who can sign in, or how: driven on a core of their own each time, so
 * they cannot lock the administrator out of the rest of the run.
 */
const ON_THEIR_OWN = new Set<Channel>([
  'users.resetPassword',
  'users.deactivate',
  'users.update',
  'signIn.setNewPassword',
  'signIn.changePassword',
  'recovery.confirm',
  'backup.restore',
]);
const RUNS = 25;

async function recordsToHit(t: TestCore): Promise<void> {
  await setUp(t);
  await withZofia(t);
  await t.ok('users.create', { name: 'Vera Volunteer', role: 'volunteer', password: 'volunteer password 1' });
}

async function drive(t: TestCore, channel: Channel, n: number, seed: number, signedIn: boolean): Promise<string[]> {
  const internal: string[] = [];
  for (const input of inputs(channel, n, seed)) {
    // A call that never answers is as bad as an unexpected error.
    const r = await Promise.race([
      t.call(channel, input as never),
      new Promise<null>((done) => setTimeout(() => done(null), 20_000).unref()),
    ]);
    if (!r) internal.push(`${channel} gave no answer: ${JSON.stringify(input).slice(0, 300)}`);
    else if (!r.ok && r.error.code === 'INTERNAL') internal.push(`${channel} ${JSON.stringify(input).slice(0, 300)}`);
    // Some calls lock (or restart the session); sign in again so the next one is tried signed in.
    if (signedIn && (await t.call('app.status', {})).ok) {
      const st = await t.ok('app.status', {});
      if (st.state === 'locked') {
        t.clock.now += 60_000;
        await t.call('signIn.unlock', ADMIN);
      }
    }
  }
  return internal;
}

describe('every channel, with any input that fits the contract', () => {
  it('never answers INTERNAL, signed in as an administrator with records to hit', async () => {
    const t = startCore();
    await recordsToHit(t);
    const internal: string[] = [];
    for (const [i, channel] of CHANNELS.entries()) {
      if (ON_THEIR_OWN.has(channel)) continue;
      internal.push(...(await drive(t, channel, RUNS, 1000 + i, true)));
    }
    expect(internal).toEqual([]);
  }, 300_000);

  it('never answers INTERNAL for the channels that change sign-in, each on a core of its own', async () => {
    const internal: string[] = [];
    for (const [i, channel] of [...ON_THEIR_OWN].entries()) {
      const t = startCore();
      await recordsToHit(t);
      internal.push(...(await drive(t, channel, RUNS, 2000 + i, true)));
    }
    expect(internal).toEqual([]);
  }, 300_000);

  it('never answers INTERNAL while locked', async () => {
    const t = startCore();
    await recordsToHit(t);
    await t.ok('signIn.lock', {});
    const internal: string[] = [];
    for (const [i, channel] of CHANNELS.entries()) {
      if (channel.startsWith('signIn.unlock')) continue; // would sign in; tried with wrong passwords below
      internal.push(...(await drive(t, channel, RUNS, 3000 + i, false)));
      if ((await t.ok('app.status', {})).state !== 'locked') await t.ok('signIn.lock', {});
    }
    for (const channel of ['signIn.unlock', 'signIn.unlockWithRecoveryKey'] as const)
      internal.push(...(await drive(t, channel, RUNS, 4000, false)));
    expect(internal).toEqual([]);
  }, 300_000);
});
