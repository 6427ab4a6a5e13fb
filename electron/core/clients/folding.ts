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
  if (refNumber) tokens.add(refNumber);
  const phoneDigits = c.phone?.replace(/\D/g, '');
  if (phoneDigits) {
    tokens.add(phoneDigits);
    if (phoneDigits.startsWith('44') || phoneDigits.startsWith('48')) tokens.add(phoneDigits.slice(2));
    if (phoneDigits.startsWith('0')) tokens.add(phoneDigits.slice(1));
  }
  if (c.postcode) {
    const compact = fold(c.postcode).replace(/[^\p{L}\p{N}]/gu, '');
    if (compact) tokens.add(compact);
    for (const w of words(c.postcode)) tokens.add(w);
  }
  return [...tokens].filter((t) => t.length > 0 && t.length <= 100);
}

/**
 * Search terms from what a person typed: folded words. A phone number typed with spaces, and a
 * reference such as "CB-0004", each become one term.
 */
export function queryTerms(query: string): string[] {
  const trimmed = query.trim();
  const reference = /^cb[\s-]*(\d*)$/i.exec(trimmed);
  if (reference) return [`cb${reference[1]}`];
  // The start of a UK postcode ("LS6 2", "ls6 2a") or a Polish one ("00-95"): one term, compacted.
  if (/^[a-z]{1,2}\d[a-z\d]?\s+\d[a-z]{0,2}$/i.test(trimmed) || /^\d{2}-\d{1,3}$/.test(trimmed)) return [fold(trimmed).replace(/[^a-z0-9]/g, '')];
  if (/^[+\d][\d\s()\-.]{4,}$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    return [digits.startsWith('0') ? digits.slice(1) : digits];
  }
  return [...new Set(words(trimmed))].slice(0, 8);
}
