import { z } from 'zod';
import { CURRENCIES } from './helpGiven';
import { optionalEmail, optionalPhone, optionalText, requiredText } from './validation';

/** The charity's own details, printed on letters and on the recovery sheet. */
export const charitySchema = z.object({
  name: requiredText(200),
  address: optionalText(500, { lines: true }),
  charityNumber: optionalText(40),
  phone: optionalPhone(),
  email: optionalEmail(),
  /** The currency the value of help given is kept in. */
  currency: z.enum(CURRENCIES).default('GBP'),
});
export type CharityInput = z.input<typeof charitySchema>;
export type Charity = z.output<typeof charitySchema>;

/** The letterhead logo: PNG or JPEG, small enough to print quickly. */
export const LOGO_MAX_BYTES = 1024 * 1024;
export const charityLogoSchema = z.object({
  /** A data: URL the screen can show, or null when the charity has no logo. */
  dataUrl: z.string().nullable(),
});
