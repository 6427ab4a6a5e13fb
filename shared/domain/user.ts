import { z } from 'zod';
import { requiredText } from './validation';

export const ROLES = ['admin', 'caseworker', 'volunteer'] as const;
export type Role = (typeof ROLES)[number];

export const userNameSchema = requiredText(100);

export const sessionUserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(ROLES),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const userSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

/** How a name typed at the unlock screen is matched: case, spacing and Unicode form do not matter. */
export function loginKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');
}
