import { z } from 'zod';

/**
 * A PDF on its way to the printer. The window draws its pages (from memory, never a file) and then
 * asks for the system's print dialog with `printId`; what was printed is recorded only once the
 * dialog says it was.
 */
export const printoutSchema = z.object({
  printId: z.string(),
  /** The document's name, as the print queue shows it: "Safety plan - CB-00012". */
  title: z.string(),
  /** The PDF itself, base64: the same bytes "Save as PDF" writes. */
  pdf: z.string(),
});
export type Printout = z.infer<typeof printoutSchema>;
