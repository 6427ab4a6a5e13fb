import { z } from 'zod';
import { CLIENT_LANGUAGES } from './languages';
import { optionalPhone, optionalText, pastOrTodayDate } from './validation';

/**
 * Signposting: a contact with someone who is not a client (or not yet), told where else to go. One
 * screen: the date, how they got in touch, the need, and where they were signposted to (an agency
 * from the directory, or somewhere else). Anonymous unless the person agrees to give a name. An
 * agency sheet in their language can be handed over; the funder report counts the contacts; if the
 * person comes back, a named contact can become an intake.
 */
export const SIGNPOST_CHANNELS = ['phone', 'dropIn', 'email', 'outreach', 'other'] as const;

export const signpostInputSchema = z
  .object({
    contactedOn: pastOrTodayDate(),
    how: z.enum(SIGNPOST_CHANNELS, { error: 'required' }),
    needAreaId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    /** The need in a few words ("food bank voucher", "immigration advice"). */
    topic: optionalText(200),
    agencyId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    /** Somewhere not in the directory. */
    elsewhere: optionalText(200),
    /** The person agreed to give their name: then it (and a phone, if they like) is kept. */
    named: z.boolean().default(false),
    name: optionalText(200),
    phone: optionalPhone(),
    language: z
      .enum(CLIENT_LANGUAGES, { error: 'invalidLanguage' })
      .nullish()
      .transform((v) => v ?? null),
    note: optionalText(1000, { lines: true }),
  })
  .superRefine((v, ctx) => {
    if (!v.agencyId && !v.elsewhere)
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'signpostedToRequired' });
    if (!v.needAreaId && !v.topic) ctx.addIssue({ code: 'custom', path: ['topic'], message: 'required' });
    if (v.named && !v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'required' });
  });
export type SignpostInput = z.input<typeof signpostInputSchema>;
export type SignpostValues = z.output<typeof signpostInputSchema>;

export const signpostSchema = z.object({
  id: z.number().int(),
  contactedOn: z.string(),
  how: z.enum(SIGNPOST_CHANNELS),
  needAreaId: z.number().int().nullable(),
  needAreaKey: z.string().nullable(),
  needAreaName: z.string().nullable(),
  topic: z.string().nullable(),
  agencyId: z.number().int().nullable(),
  agencyName: z.string().nullable(),
  elsewhere: z.string().nullable(),
  /** Null when anonymous. */
  name: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  /** Came back and was taken in: the client it became. */
  clientId: z.number().int().nullable(),
});
export type Signpost = z.infer<typeof signpostSchema>;

export const signpostListQuerySchema = z.object({
  limit: z.number().int().min(1).max(500).default(100),
});

export const agencySheetSchema = z.object({
  agencyId: z.number().int().positive(),
  language: z.enum(CLIENT_LANGUAGES, { error: 'invalidLanguage' }),
});
