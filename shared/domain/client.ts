import { z } from 'zod';
import { CLIENT_LANGUAGES } from './languages';
import { optionalBirthDate, optionalPhone, optionalText, requiredText } from './validation';

export const NAME_MAX = 100;

/** What a caseworker types when taking a client in or correcting their details. */
export const clientDetailsSchema = z.object({
  firstName: requiredText(NAME_MAX),
  lastName: requiredText(NAME_MAX),
  dateOfBirth: optionalBirthDate(),
  phone: optionalPhone(),
  address: optionalText(500),
  postcode: optionalText(12),
  preferredLanguage: z
    .string({ error: 'invalidLanguage' })
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (CLIENT_LANGUAGES as readonly string[]).includes(v), { error: 'invalidLanguage' }),
});
export type ClientDetailsInput = z.input<typeof clientDetailsSchema>;
export type ClientDetails = z.output<typeof clientDetailsSchema>;

export const clientIdSchema = z.number().int().positive();

export const clientSchema = z.object({
  id: clientIdSchema,
  reference: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  /** Bumped on every change; an update names the version it was based on. */
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof clientSchema>;

export const clientSummarySchema = clientSchema.pick({
  id: true,
  reference: true,
  firstName: true,
  lastName: true,
  dateOfBirth: true,
  phone: true,
  postcode: true,
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

/** A client's short reference, printed on letters: CB-00123. */
export function clientReference(id: number): string {
  return `CB-${String(id).padStart(5, '0')}`;
}
