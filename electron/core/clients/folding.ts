import { fold } from '../../../shared/domain/folding';

export { fold };

/** Words of folded text: runs of letters and digits. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Everything a client can be found by: name words (and preferred name), whole reference and its number, phone digits, postcode. */
export function clientTokens(c: {
  firstName: string;
  lastName: string;
  preferredName?: string | null;
  reference: string;
  phone: string | null;
  postcode: string | null;
}): string[] {
  const tokens = new Set<string>([...words(c.firstName), ...words(c.lastName), ...words(c.preferredName ?? '')]);
  const ref = fold(c.reference).replace(/[^a-z0-9]/g, '');
  if (ref) tokens.add(ref);
  const refNumber = c.reference.replace(/\D/g, '').replace(/^0+/, '');
  if (refNumber) {
    tokens.add(refNumber);
    tokens.add(referenceToken(refNumber));
  }
  for (const t of phoneTokens(c.phone)) tokens.add(t);
  if (c.postcode) {
    const compact = fold(c.postcode).replace(/[^\p{L}\p{N}]/gu, '');
    if (compact) tokens.add(compact);
    // The first word ("ls6") starts the compact postcode ("ls62ab"), so every search finding it finds
    // that already: a token of its own would only make each such search read every client twice.
    for (const w of words(c.postcode).slice(1)) tokens.add(w);
  }
  return [...tokens].filter((t) => t.length > 0 && t.length <= 100);
}

/** The shortest run of a phone number's digits that finds it: people read numbers from the end, in pieces. */
export const PHONE_RUN = 3;

/**
 * A phone number's digits from every position to the end, down to the last three: a prefix search
 * on these finds any run of three or more digits anywhere in the number ("900 456", "456").
 */
export function phoneTokens(phone: string | null | undefined): string[] {
  const digits = phone?.replace(/\D/g, '') ?? '';
  const out: string[] = [];
  for (let i = 0; i + PHONE_RUN <= digits.length; i++) out.push(digits.slice(i));
  return out;
}

/** A reference's number as a term of its own, closed at the end so "CB-1" finds CB-00001 and not CB-00010. */
export const referenceToken = (number: string) => `#${number}#`;

/**
 * Search terms from what a person typed: folded words. A phone number typed with spaces, and a
 * reference such as "CB-0004" or "CB-4", each become one term.
 */
export function queryTerms(query: string): string[] {
  const trimmed = query.trim();
  const reference = /^cb[\s-]*(\d*)$/i.exec(trimmed);
  if (reference) {
    const typed = reference[1]!;
    // "CB-0004…" is the reference as printed, still being typed; "CB-4" is its number.
    return [typed && !typed.startsWith('0') ? referenceToken(typed) : `cb${typed}`];
  }
  // The start of a UK postcode ("LS6 2", "ls6 2a") or a Polish one ("00-95"): one term, compacted.
  if (/^[a-z]{1,2}\d[a-z\d]?\s+\d[a-z]{0,2}$/i.test(trimmed) || /^\d{2}-\d{1,3}$/.test(trimmed))
    return [fold(trimmed).replace(/[^a-z0-9]/g, '')];
  // Digits (with a phone number's spaces and signs): one run of digits, however it was typed. Fewer
  // than three digits is too short for a phone number: it is the start of a reference's number.
  if (/^\+?[\d\s()\-.]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits.length >= PHONE_RUN) return [phoneQuery(trimmed)];
    if (digits && !digits.startsWith('0')) return [referenceToken(digits).slice(0, -1)];
  }
  return [...new Set(words(trimmed))].slice(0, 8);
}

/**
 * The digits of a phone number as typed, as they end in every way it may have been stored: without
 * the country code after "+" ("+44 7700…"), and without the trunk 0 of a whole national number
 * ("07700 900…"), since "+44 7700 900…" and "07700 900…" both end in "7700 900…".
 */
function phoneQuery(typed: string): string {
  const digits = typed.replace(/\D/g, '');
  if (typed.startsWith('+') && /^(44|48)/.test(digits)) return digits.slice(2);
  if (digits.startsWith('0') && digits.length >= 10) return digits.slice(1);
  return digits;
}
