import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { ADMIN, setUp, startCore, type TestCore } from './helpers';
import { withZofia } from './zofia';

/**
 * No input that fits the contract may give INTERNAL: every channel is driven with inputs generated
 * from its own schema (through zod's JSON Schema of the input, so the generator follows the contract
 * as it changes), in the states a person can be in: signed in as the administrator with records to
 * hit (small ids are tried often, so references to real rows are common), and locked. A refusal of
 * any kind is fine; an unexpected error is not. The seed is fixed, so a failure repeats.
 */
type Schema = {
  type?: string | string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
};

/** Strings people type, dates and times that pass, and text that tries to break things. */
const SAMPLES = ['2026-11-20', '2026-11-23', '1984-05-17', '10:00', '23:59', 'Zofia', 'Wiśniewska-Łęcka', 'a@example.org', '07700 900123', 'LS6 2AB', 'CB-00001', ' ', '', '=1+1', 'x'.repeat(5000), '../../etc/passwd', '\u202Egpj.exe', "'; DROP TABLE clients; --"];

/** Values that fit a field by its name (a date field gets dates, mostly), so calls reach past the checks. */
function byName(name: string): fc.Arbitrary<string> | null {
  if (/(On|Date|^date|^from$|^to$|^until$|firstOn|dateOfBirth)$/.test(name)) return fc.constantFrom('2026-11-20', '2026-03-01', '2026-11-23', '2026-12-24', '1984-05-17');
  if (/^(time|startsAt|endsAt)$/.test(name)) return fc.constantFrom('10:00', '18:00', '20:00');
  if (/email/i.test(name)) return fc.constantFrom('zofia@example.org', 'not an email');
  if (/phone/i.test(name)) return fc.constantFrom('07700 900123', '+48 600 100 200');
  return null;
}

function arbitrary(s: Schema, depth = 0, name = ''): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => arbitrary(a, depth, name)));
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => arbitrary({ ...s, type }, depth, name)));
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = Math.max(s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000_000), -1_000_000);
      const max = Math.min(s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000), 1_000_000);
      const small = [0, 1, 2, 3, 5].filter((n) => n >= min && n <= max);
      return small.length ? fc.oneof(fc.constantFrom(...small), fc.integer({ min, max })) : fc.integer({ min, max });
    }
    case 'number':
      return fc.double({ noNaN: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
    case 'string': {
      const named = s.pattern ? null : byName(name);
      if (named) return fc.oneof({ arbitrary: named, weight: 4 }, { arbitrary: fc.string({ maxLength: 20 }), weight: 1 });
      const max = Math.min(s.maxLength ?? 200, 200);
      const fits = (x: string) => x.length >= (s.minLength ?? 0) && x.length <= (s.maxLength ?? Infinity);
      const options: fc.Arbitrary<string>[] = [fc.string({ minLength: Math.min(s.minLength ?? 0, max), maxLength: max, unit: 'binary' })];
      const samples = SAMPLES.filter(fits);
      if (samples.length) options.push(fc.constantFrom(...samples));
      if (s.pattern) options.push(fc.stringMatching(new RegExp(s.pattern)).filter(fits));
      return fc.oneof(...options);
    }
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(arbitrary(s.items ?? {}, depth + 1, name), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, arbitrary(v, depth + 1, k)]));
      return fc.record(props, { requiredKeys: s.required ?? [] });
    }
    default:
      return fc.oneof(fc.constant(null), fc.integer(), fc.string());
  }
}

function inputs(channel: Channel, n: number, seed: number): unknown[] {
  const schema = z.toJSONSchema(contract[channel].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Schema;
  return fc.sample(arbitrary(schema), { numRuns: n, seed });
}

/**
 * Channels that would change who can sign in, or how: driven on a core of their own each time, so
 * they cannot lock the administrator out of the rest of the run.
 */
const ON_THEIR_OWN = new Set<Channel>(['users.resetPassword', 'users.deactivate', 'users.update', 'session.setNewPassword', 'session.changePassword', 'recovery.confirm', 'backup.restore']);
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
    const r = await Promise.race([t.call(channel, input as never), new Promise<null>((done) => setTimeout(() => done(null), 20_000).unref())]);
    if (!r) internal.push(`${channel} gave no answer: ${JSON.stringify(input).slice(0, 300)}`);
    else if (!r.ok && r.error.code === 'INTERNAL') internal.push(`${channel} ${JSON.stringify(input).slice(0, 300)}`);
    // Some calls lock (or restart the session); sign in again so the next one is tried signed in.
    if (signedIn && (await t.call('app.status', {})).ok) {
      const st = await t.ok('app.status', {});
      if (st.state === 'locked') {
        t.clock.now += 60_000;
        await t.call('session.unlock', ADMIN);
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
    await t.ok('session.lock', {});
    const internal: string[] = [];
    for (const [i, channel] of CHANNELS.entries()) {
      if (channel.startsWith('session.unlock')) continue; // would sign in; tried with wrong passwords below
      internal.push(...(await drive(t, channel, RUNS, 3000 + i, false)));
      if ((await t.ok('app.status', {})).state !== 'locked') await t.ok('session.lock', {});
    }
    for (const channel of ['session.unlock', 'session.unlockWithRecoveryKey'] as const) internal.push(...(await drive(t, channel, RUNS, 4000, false)));
    expect(internal).toEqual([]);
  }, 300_000);
});
