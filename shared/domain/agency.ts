import { z } from 'zod';
import { optionalEmail, optionalPhone, optionalText, requiredText } from './validation';

/** How an agency takes referrals. */
export const REFERRAL_ROUTES = ['letter', 'email', 'phone', 'form'] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];

/** A web address as people type it: with or without https://, no spaces, at least one dot. */
const optionalWebsite = () =>
  optionalText(300).refine((v) => v === null || /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i.test(v), {
    error: 'invalidWebsite',
  });

export const agencyContactInputSchema = z.object({
  /** The contact being changed; absent for a new one. */
  id: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  name: requiredText(120),
  role: optionalText(120),
  phone: optionalPhone(),
  email: optionalEmail(),
});

/** A partner organisation in the directory: what it offers, how to reach it, how it takes referrals. */
export const agencyInputSchema = z.object({
  name: requiredText(200),
  services: optionalText(2000, { lines: true }),
  address: optionalText(500, { lines: true }),
  phone: optionalPhone(),
  email: optionalEmail(),
  website: optionalWebsite(),
  referralRoutes: z
    .array(z.enum(REFERRAL_ROUTES))
    .max(REFERRAL_ROUTES.length)
    .default([])
    .transform((r) => REFERRAL_ROUTES.filter((x) => r.includes(x))),
  howToRefer: optionalText(2000, { lines: true }),
  notes: optionalText(4000, { lines: true }),
  contacts: z.array(agencyContactInputSchema).max(50, { error: 'tooLong' }).default([]),
  /** Sending a referral here needs the client's current eligibility decision for this service. */
  requiresServiceId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
});
export type AgencyInput = z.input<typeof agencyInputSchema>;
export type AgencyValues = z.output<typeof agencyInputSchema>;

export const agencyContactSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type AgencyContact = z.infer<typeof agencyContactSchema>;

export const agencySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  services: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  referralRoutes: z.array(z.enum(REFERRAL_ROUTES)),
  howToRefer: z.string().nullable(),
  notes: z.string().nullable(),
  contacts: z.array(agencyContactSchema),
  requiresServiceId: z.number().int().nullable(),
  /** False once archived: kept for the referrals that name it, no longer offered for new ones. */
  active: z.boolean(),
  openReferrals: z.number().int(),
  totalReferrals: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Agency = z.infer<typeof agencySchema>;

export const agencySummarySchema = agencySchema.pick({
  id: true,
  name: true,
  services: true,
  phone: true,
  email: true,
  referralRoutes: true,
  active: true,
  openReferrals: true,
});
export type AgencySummary = z.infer<typeof agencySummarySchema>;

export const agencySearchSchema = z.object({
  query: z.string().trim().max(200).default(''),
  includeArchived: z.boolean().default(false),
});
