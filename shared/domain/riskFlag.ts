import { z } from 'zod';
import { optionalText, pastOrTodayDate } from './validation';

/** Kinds of risk a caseworker can flag; each has a translated name (`riskFlags.kinds.*`). */
export const RISK_FLAG_KINDS = [
  'safeguarding',
  'childProtection',
  'domesticAbuse',
  'selfHarm',
  'loneWorking',
  'violence',
  'other',
] as const;
export type RiskFlagKind = (typeof RISK_FLAG_KINDS)[number];

export const raiseRiskFlagSchema = z.object({
  clientId: z.number().int().positive(),
  kind: z.enum(RISK_FLAG_KINDS, { error: 'required' }),
  note: optionalText(1000, { lines: true }),
  raisedOn: pastOrTodayDate(),
});

export const removeRiskFlagSchema = z.object({
  id: z.number().int().positive(),
  on: pastOrTodayDate(),
  note: optionalText(1000, { lines: true }),
});

export const riskFlagSchema = z.object({
  id: z.number().int(),
  kind: z.enum(RISK_FLAG_KINDS),
  note: z.string().nullable(),
  raisedOn: z.string(),
  raisedByName: z.string().nullable(),
  removedOn: z.string().nullable(),
  removalNote: z.string().nullable(),
  removedByName: z.string().nullable(),
});
export type RiskFlag = z.infer<typeof riskFlagSchema>;
