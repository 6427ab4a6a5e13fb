import { z } from 'zod';
import {
  optionalPhone,
  optionalText,
  pastOrTodayDate,
  requiredDate,
  requiredText,
  type ValidationKey,
} from './validation';

/** A person or service the client can contact when things get hard, with a number to ring. */
export const safetyContactSchema = z.object({
  name: requiredText(120),
  /** Friend, sister, GP, crisis line… */
  role: optionalText(120),
  phone: optionalPhone(),
});
export type SafetyContact = z.infer<typeof safetyContactSchema>;

/**
 * A safety plan, written with a client in crisis: the signs that things are getting worse, what they
 * can do themselves, how to keep their surroundings safe, and who to contact. Each save is a new
 * version; the newest is the one in force, and is what the printed sheet shows.
 */
export const safetyPlanInputSchema = z
  .object({
    warningSigns: requiredText(4000, { lines: true }),
    copingSteps: requiredText(4000, { lines: true }),
    keepingSafe: optionalText(4000, { lines: true }),
    contacts: z.array(safetyContactSchema).max(12, { error: 'tooLong' }),
    agreedOn: pastOrTodayDate(),
    reviewOn: requiredDate(),
  })
  .superRefine((p, ctx) => {
    for (const [path, message] of Object.entries(safetyPlanRules(p)))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type SafetyPlanInput = z.input<typeof safetyPlanInputSchema>;

/** Rules across fields, also run by the form on raw values. */
export function safetyPlanRules(p: {
  agreedOn: string;
  reviewOn: string;
  contacts: readonly unknown[];
}): Record<string, ValidationKey> {
  const issues: Record<string, ValidationKey> = {};
  if (p.contacts.length === 0) issues['contacts'] = 'contactRequired';
  if (p.agreedOn && p.reviewOn && p.reviewOn <= p.agreedOn) issues['reviewOn'] = 'reviewBeforeAgreed';
  return issues;
}

export const safetyPlanSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  warningSigns: z.string(),
  copingSteps: z.string(),
  keepingSafe: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), role: z.string().nullable(), phone: z.string().nullable() })),
  agreedOn: z.string(),
  reviewOn: z.string(),
  writtenByName: z.string().nullable(),
  writtenAt: z.string(),
  /** How many versions there are, this one included. */
  versions: z.number().int(),
});
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;
