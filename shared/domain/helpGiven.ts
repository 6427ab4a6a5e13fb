import { z } from 'zod';
import { codedKey } from '../i18n/keys';
import type { TFunction } from 'i18next';
import { localeOf } from './languages';
import { optionalText, pastOrTodayDate, requiredText, wholeNumber, type ValidationKey } from './validation';

/** The kinds of practical help Casebook comes with; the charity can rename them and add its own. */
export const BUILTIN_HELP_TYPES = [
  'foodParcel',
  'clothing',
  'voucher',
  'travelFare',
  'hygienePack',
  'furniture',
  'other',
] as const;
export type BuiltinHelpType = (typeof BUILTIN_HELP_TYPES)[number];

/** The currencies money values can be kept in. */
export const CURRENCIES = ['GBP', 'EUR', 'PLN'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Money is kept in whole minor units (pence, grosze, cents): no rounding errors in totals. */
export const MONEY_MAX = 100_000_000;
const money = () =>
  wholeNumber(0, MONEY_MAX, 'moneyRange')
    .nullish()
    .transform((v) => v ?? null);

export const helpTypeSchema = z.object({
  id: z.number().int(),
  builtinKey: z.enum(BUILTIN_HELP_TYPES).nullable(),
  /** The charity's own name; null shows the built-in name in the reader's language. */
  name: z.string().nullable(),
  /** What one item is worth, to fill in the value; null when money does not apply. */
  unitValue: z.number().int().nullable(),
  /** Warn when a client is given this more than `repeatLimit` times within `repeatDays` days. */
  repeatLimit: z.number().int().nullable(),
  repeatDays: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type HelpType = z.infer<typeof helpTypeSchema>;

export function helpTypeName(t: TFunction, type: Pick<HelpType, 'builtinKey' | 'name'>): string {
  return type.name ?? t(codedKey('helpGiven.builtin', type.builtinKey ?? ''));
}

export const REPEAT_LIMIT_MAX = 100;
export const REPEAT_DAYS_MAX = 366;

export const saveHelpTypeSchema = z
  .object({
    id: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    version: z
      .number()
      .int()
      .nullish()
      .transform((v) => v ?? null),
    /** Empty for a built-in type keeps its translated name. */
    name: optionalText(80),
    unitValue: money(),
    repeatLimit: wholeNumber(1, REPEAT_LIMIT_MAX, 'repeatRange')
      .nullish()
      .transform((v) => v ?? null),
    repeatDays: wholeNumber(1, REPEAT_DAYS_MAX, 'repeatRange')
      .nullish()
      .transform((v) => v ?? null),
    active: z.boolean().default(true),
  })
  .superRefine((s, ctx) => {
    for (const [path, message] of Object.entries(helpTypeRules(s)))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type SaveHelpType = z.input<typeof saveHelpTypeSchema>;
export type HelpTypeValues = z.output<typeof saveHelpTypeSchema>;

/** Practical help given to one client. */
export const helpGivenInputSchema = z.object({
  typeId: z.number({ error: 'required' }).int().positive({ error: 'required' }),
  givenOn: pastOrTodayDate(),
  quantity: wholeNumber(1, 1000, 'quantityRange'),
  /** What it was worth in all, in minor units. */
  value: money(),
  sessionId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  note: optionalText(1000, { lines: true }),
  /** Why the help is given again although the repeat rule warned. */
  overrideReason: optionalText(1000, { lines: true }),
});
export type HelpGivenInput = z.input<typeof helpGivenInputSchema>;
export type HelpGivenValues = z.output<typeof helpGivenInputSchema>;

export const helpGivenSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  clientReference: z.string(),
  typeId: z.number().int(),
  typeKey: z.enum(BUILTIN_HELP_TYPES).nullable(),
  typeName: z.string().nullable(),
  givenOn: z.string(),
  quantity: z.number().int(),
  value: z.number().int().nullable(),
  sessionId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  note: z.string().nullable(),
  overrideReason: z.string().nullable(),
  givenByName: z.string().nullable(),
});
export type HelpGiven = z.infer<typeof helpGivenSchema>;

/** The same help given again too soon: the earlier times, and the rule it breaks. */
export const repeatWarningSchema = z.object({
  typeId: z.number().int(),
  limit: z.number().int(),
  days: z.number().int(),
  /** The earlier times that fall within the window with the new one. */
  earlier: z.array(z.object({ givenOn: z.string(), quantity: z.number().int() })),
});
export type RepeatWarning = z.infer<typeof repeatWarningSchema>;

export const helpGivenCheckSchema = z.object({
  clientId: z.number().int().positive(),
  typeId: z.number().int().positive(),
  givenOn: pastOrTodayDate(),
});

/**
 * Does giving this help on `date` break the rule "no more than `limit` times in any `days` days"?
 * Looks at every window of `days` days that contains `date` (help may be recorded late), and returns
 * the earlier dates of the fullest one, or null when the rule holds.
 */
export function repeatedWithin(
  earlierDates: readonly string[],
  date: string,
  limit: number,
  days: number,
  dayNumber: (d: string) => number,
): string[] | null {
  const at = dayNumber(date);
  const near = earlierDates.filter((d) => Math.abs(dayNumber(d) - at) < days).sort();
  let worst: string[] = [];
  for (let start = at - days + 1; start <= at; start++) {
    const inWindow = near.filter((d) => dayNumber(d) >= start && dayNumber(d) < start + days);
    if (inWindow.length > worst.length) worst = inWindow;
  }
  return worst.length + 1 > limit ? worst : null;
}

/** Day number of a YYYY-MM-DD date (days since 1970-01-01), on the calendar alone. */
export const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

export const helpGivenListQuerySchema = z.object({
  from: pastOrTodayDate().nullish(),
  to: z.string().nullish(),
  typeId: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(500).default(200),
  offset: z.number().int().min(0).default(0),
});

/** Totals of help given in a period, by type: what funders ask for. */
export const helpGivenTotalsSchema = z.object({
  byType: z.array(
    z.object({
      typeId: z.number().int(),
      typeKey: z.enum(BUILTIN_HELP_TYPES).nullable(),
      typeName: z.string().nullable(),
      times: z.number().int(),
      quantity: z.number().int(),
      value: z.number().int(),
      people: z.number().int(),
    }),
  ),
  times: z.number().int(),
  value: z.number().int(),
  /** Different clients helped at least once. */
  people: z.number().int(),
});
export type HelpGivenTotals = z.infer<typeof helpGivenTotalsSchema>;

export const helpGivenRemoveSchema = z.object({
  id: z.number().int().positive(),
  reason: requiredText(500, { lines: true }),
});

/** The rules a form checks as well as the core. */
export function helpTypeRules(s: {
  repeatLimit: number | null;
  repeatDays: number | null;
}): Record<string, ValidationKey> {
  if ((s.repeatLimit === null) === (s.repeatDays === null)) return {};
  return { [s.repeatLimit === null ? 'repeatLimit' : 'repeatDays']: 'repeatRuleIncomplete' };
}

/** An amount in minor units as people read it: £12.50, 12,50 zł. */
export function formatMoney(minor: number, currency: Currency, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency }).format(minor / 100);
}
