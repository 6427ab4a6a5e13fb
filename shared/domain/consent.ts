import { z } from 'zod';
import { optionalDate, optionalText, pastOrTodayDate, requiredText, type ValidationKey } from './validation';

export const SHARE_SCOPES = ['none', 'named', 'any'] as const;
export type ShareScope = (typeof SHARE_SCOPES)[number];
export const CONSENT_METHODS = ['verbal', 'written'] as const;

/** What a client agreed to, when and how. A change of mind is a new record; the old one stays. */
export const consentInputSchema = z
  .object({
    storeData: z.boolean({ error: 'required' }),
    /** Sharing with other agencies: not at all, only those named, or any agency we refer them to. */
    shareScope: z.enum(SHARE_SCOPES, { error: 'required' }),
    shareAgencies: z.array(requiredText(200), { error: 'invalid' }).max(30, { error: 'tooLong' }).default([]),
    contactPhone: z.boolean().default(false),
    contactLetter: z.boolean().default(false),
    contactText: z.boolean().default(false),
    contactEmail: z.boolean().default(false),
    givenOn: pastOrTodayDate(),
    method: z.enum(CONSENT_METHODS, { error: 'required' }),
    expiresOn: optionalDate(),
    note: optionalText(2000, { lines: true }),
  })
  .transform((c) => ({ ...c, shareAgencies: c.shareScope === 'named' ? [...new Set(c.shareAgencies)] : [] }))
  .superRefine((c, ctx) => {
    for (const [path, message] of Object.entries(consentRules(c)))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });

/**
 * The rules across fields (named sharing needs names; an end after the start). Also run by the form
 * on its raw values, so these messages show together with the others rather than one round later.
 */
export function consentRules(c: {
  shareScope: string;
  shareAgencies: readonly string[];
  givenOn: string;
  expiresOn: string | null;
}): Record<string, ValidationKey> {
  const issues: Record<string, ValidationKey> = {};
  if (c.shareScope === 'named' && c.shareAgencies.filter((a) => a.trim()).length === 0)
    issues['shareAgencies'] = 'agenciesRequired';
  if (c.expiresOn && c.givenOn && c.expiresOn <= c.givenOn) issues['expiresOn'] = 'expiryBeforeGiven';
  return issues;
}
export type ConsentInput = z.input<typeof consentInputSchema>;
export type ConsentValues = z.output<typeof consentInputSchema>;

export const withdrawConsentSchema = z.object({
  consentId: z.number().int().positive(),
  on: pastOrTodayDate(),
  note: optionalText(2000, { lines: true }),
});

export const CONSENT_STATES = ['active', 'expired', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const consentSchema = z.object({
  id: z.number().int(),
  storeData: z.boolean(),
  shareScope: z.enum(SHARE_SCOPES),
  shareAgencies: z.array(z.string()),
  contactPhone: z.boolean(),
  contactLetter: z.boolean(),
  contactText: z.boolean(),
  contactEmail: z.boolean(),
  givenOn: z.string(),
  method: z.enum(CONSENT_METHODS),
  expiresOn: z.string().nullable(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  state: z.enum(CONSENT_STATES),
});
export type Consent = z.infer<typeof consentSchema>;

/** Whether a consent record is in force on `today` (YYYY-MM-DD). */
export function consentState(c: { withdrawnOn: string | null; expiresOn: string | null }, today: string): ConsentState {
  if (c.withdrawnOn && c.withdrawnOn <= today) return 'withdrawn';
  if (c.expiresOn && c.expiresOn <= today) return 'expired';
  return 'active';
}
