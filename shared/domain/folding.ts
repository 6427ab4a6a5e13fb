/** Letters that Unicode decomposition does not turn into a base letter plus an accent. */
const SPECIAL: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** Folds text for matching: lower case, accents and Polish letters removed ("Łęcka" -> "lecka"). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łđðøßæœþıħ]/g, (c) => SPECIAL[c] ?? c);
}
