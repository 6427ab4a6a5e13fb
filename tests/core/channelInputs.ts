import fc from 'fast-check';
import { z } from 'zod';
import { contract, type Channel } from '../../shared/contract';

/**
 * Inputs for a channel generated from its own schema (through zod's JSON Schema of the input, so the
 * generator follows the contract as it changes). Small ids are tried often, so references to real
 * rows are common; strings people type, dates that pass, and text that tries to break things.
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
const SAMPLES = [
  '2026-11-20',
  '2026-11-23',
  '1984-05-17',
  '10:00',
  '23:59',
  'Zofia',
  'Wiśniewska-Łęcka',
  'a@example.org',
  '07700 900123',
  'LS6 2AB',
  'CB-00001',
  ' ',
  '',
  '=1+1',
  'x'.repeat(5000),
  '../../etc/passwd',
  '\u202Egpj.exe',
  "'; DROP TABLE clients; --",
];

/** Values that fit a field by its name (a date field gets dates, mostly), so calls reach past the checks. */
function byName(name: string): fc.Arbitrary<string> | null {
  if (/(On|Date|^date|^from$|^to$|^until$|firstOn|dateOfBirth)$/.test(name))
    return fc.constantFrom('2026-11-20', '2026-03-01', '2026-11-23', '2026-12-24', '1984-05-17');
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
      const min = Math.max(
        s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000_000),
        -1_000_000,
      );
      const max = Math.min(
        s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000),
        1_000_000,
      );
      const small = [0, 1, 2, 3, 5].filter((n) => n >= min && n <= max);
      return small.length ? fc.oneof(fc.constantFrom(...small), fc.integer({ min, max })) : fc.integer({ min, max });
    }
    case 'number':
      return fc.double({ noNaN: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
    case 'string': {
      const named = s.pattern ? null : byName(name);
      if (named)
        return fc.oneof({ arbitrary: named, weight: 4 }, { arbitrary: fc.string({ maxLength: 20 }), weight: 1 });
      const max = Math.min(s.maxLength ?? 200, 200);
      const fits = (x: string) => x.length >= (s.minLength ?? 0) && x.length <= (s.maxLength ?? Infinity);
      const options: fc.Arbitrary<string>[] = [
        fc.string({ minLength: Math.min(s.minLength ?? 0, max), maxLength: max, unit: 'binary' }),
      ];
      const samples = SAMPLES.filter(fits);
      if (samples.length) options.push(fc.constantFrom(...samples));
      if (s.pattern) options.push(fc.stringMatching(new RegExp(s.pattern)).filter(fits));
      return fc.oneof(...options);
    }
    case 'array':
      return depth > 4
        ? fc.constant([])
        : fc.array(arbitrary(s.items ?? {}, depth + 1, name), {
            minLength: s.minItems ?? 0,
            maxLength: Math.min(s.maxItems ?? 4, 4),
          });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, arbitrary(v, depth + 1, k)]),
      );
      return fc.record(props, { requiredKeys: s.required ?? [] });
    }
    default:
      return fc.oneof(fc.constant(null), fc.integer(), fc.string());
  }
}

export function inputs(channel: Channel, n: number, seed: number): unknown[] {
  const schema = z.toJSONSchema(contract[channel].input as z.ZodType, {
    io: 'input',
    unrepresentable: 'any',
  }) as Schema;
  return fc.sample(arbitrary(schema), { numRuns: n, seed });
}
