import { z } from 'zod';
import type { TFunction } from 'i18next';
import {
  optionalBirthDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredText,
  type ValidationKey,
} from './validation';

/**
 * How a household member is related to the client: stored as a code, shown in the reader's
 * language. "other" takes the relationship in words.
 */
export const RELATIONSHIPS = [
  'partner',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'otherRelative',
  'friend',
  'carer',
  'lodger',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const householdMemberInputSchema = z
  .object({
    name: requiredText(100),
    relationship: z.enum(RELATIONSHIPS, { error: 'required' }),
    /** The relationship in words when it is "other" (e.g. "Foster daughter"). */
    relationshipDetail: optionalText(60),
    dateOfBirth: optionalBirthDate(),
    livesWithClient: z.boolean().default(true),
    note: optionalText(1000, { lines: true }),
  })
  .superRefine((m, ctx) => {
    if (m.relationship === 'other' && !m.relationshipDetail)
      ctx.addIssue({ code: 'custom', path: ['relationshipDetail'], message: 'required' });
  });
export type HouseholdMemberInput = z.input<typeof householdMemberInputSchema>;

export const householdMemberSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  relationship: z.enum(RELATIONSHIPS),
  relationshipDetail: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  livesWithClient: z.boolean(),
  note: z.string().nullable(),
});
export type HouseholdMember = z.infer<typeof householdMemberSchema>;

export const KEY_CONTACT_ROLES = [
  'gp',
  'socialWorker',
  'school',
  'housingOfficer',
  'probation',
  'healthVisitor',
  'mentalHealth',
  'solicitor',
  'supportWorker',
  'other',
] as const;
export type KeyContactRole = (typeof KEY_CONTACT_ROLES)[number];

/** A professional around the client (GP, school, housing officer…). A name or an organisation is needed. */
export const keyContactInputSchema = z
  .object({
    role: z.enum(KEY_CONTACT_ROLES, { error: 'required' }),
    /** The role in words when it is "other" (e.g. "Debt adviser"). */
    roleDetail: optionalText(100),
    name: optionalText(100),
    organisation: optionalText(200),
    phone: optionalPhone(),
    email: optionalEmail(),
    note: optionalText(1000, { lines: true }),
  })
  .superRefine((c, ctx) => {
    for (const [path, message] of Object.entries(keyContactRules(c)))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });

/** The rule across fields, also run by the form on raw values so it shows with the others. */
export function keyContactRules(c: {
  name: string | null;
  organisation: string | null;
}): Record<string, ValidationKey> {
  return !c.name?.trim() && !c.organisation?.trim() ? { name: 'nameOrOrganisationRequired' } : {};
}
export type KeyContactInput = z.input<typeof keyContactInputSchema>;

export const keyContactSchema = z.object({
  id: z.number().int(),
  role: z.enum(KEY_CONTACT_ROLES),
  roleDetail: z.string().nullable(),
  name: z.string().nullable(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  note: z.string().nullable(),
});
export type KeyContact = z.infer<typeof keyContactSchema>;

/** A household member's relationship in the reader's language ("Child", "Dziecko"), or in the words given for "other". */
export function relationshipWords(
  t: TFunction,
  m: { relationship: Relationship; relationshipDetail: string | null },
): string {
  return m.relationship === 'other'
    ? (m.relationshipDetail ?? t('household.relationships.other'))
    : t(`household.relationships.${m.relationship}`);
}
