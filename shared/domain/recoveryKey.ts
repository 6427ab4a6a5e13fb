/**
 * The recovery key is 8 groups of 6 digits. Each group is 5 random digits and a Damm check digit,
 * so a mistyped digit or two swapped neighbours in any group are caught before any unlock is tried.
 */
export const RECOVERY_GROUPS = 8;
export const RECOVERY_GROUP_LENGTH = 6;

const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]![Number(ch)]!;
  return interim;
}

/** Builds a group from 5 digits by appending its check digit. */
export function recoveryGroup(fiveDigits: string): string {
  return fiveDigits + String(dammCheckDigit(fiveDigits));
}

export function isValidRecoveryGroup(group: string): boolean {
  return /^\d{6}$/.test(group) && dammCheckDigit(group) === 0;
}

export type ParsedRecoveryKey =
  | { ok: true; groups: string[]; normalized: string }
  | { ok: false; reason: 'length' } // not 48 digits
  | { ok: false; reason: 'group'; group: number }; // 1-based number of the first group with a typo

/** Accepts the key as people type it: spaces, dashes and line breaks between groups are ignored. */
export function parseRecoveryKey(input: string): ParsedRecoveryKey {
  const digits = input.replace(/[\s\-–—.]/g, '');
  if (!/^\d+$/.test(digits) || digits.length !== RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH)
    return { ok: false, reason: 'length' };
  const groups: string[] = [];
  for (let i = 0; i < RECOVERY_GROUPS; i++) {
    const g = digits.slice(i * RECOVERY_GROUP_LENGTH, (i + 1) * RECOVERY_GROUP_LENGTH);
    if (!isValidRecoveryGroup(g)) return { ok: false, reason: 'group', group: i + 1 };
    groups.push(g);
  }
  return { ok: true, groups, normalized: groups.join('-') };
}
