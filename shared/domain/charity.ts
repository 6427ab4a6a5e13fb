import { z } from 'zod';
import { optionalPhone, optionalText, requiredText } from './validation';

/** The charity's own details, printed on letters and on the recovery sheet. */
export const charitySchema = z.object({
  name: requiredText(200),
  address: optionalText(500),
  charityNumber: optionalText(40),
  phone: optionalPhone(),
});
export type CharityInput = z.input<typeof charitySchema>;
export type Charity = z.output<typeof charitySchema>;
