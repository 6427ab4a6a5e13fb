import type { ParseKeys } from 'i18next';

/** A key of the message catalog ("clients.title"): the compiler checks every one written in the code. */
export type MessageKey = ParseKeys;

/**
 * The groups of messages looked up by a code that is only known at run time: a validation key or an
 * error code sent by the core, the built-in name of a need area or a kind of help stored in the
 * database, a role or a field named in an audit entry. The compiler cannot see these codes; the
 * catalog tests check that every code of each group has its message in both languages.
 */
export type CodedGroup =
  | 'validation'
  | 'errors'
  | 'consentGate'
  | 'eligibilityGate'
  | 'needAreas.builtin'
  | 'helpGiven.builtin'
  | 'roles'
  | 'letters.fields'
  | 'clients.statuses'
  | 'clients.referralSources'
  | 'goals.statuses'
  | 'riskFlags.kinds'
  | 'consent.scopes'
  | 'referrals.status';

/** The key for one code of a group, e.g. codedKey('validation', 'required'). */
export function codedKey(group: CodedGroup, code: string): MessageKey {
  return `${group}.${code}` as MessageKey;
}
