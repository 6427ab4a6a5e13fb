import { withinReach, type Reach } from './reach';
import { sql } from 'drizzle-orm';
import { distance } from 'fastest-levenshtein';
import type { DuplicateMatch, DuplicateReason } from '../../../shared/domain/clientRecord';
import type { Db } from '../db/database';
import { clients, clientSearchTokens } from '../db/schema';
import { clientSummaries } from './queries';
import { words } from './folding';

/** Below these, two names are different names ("Tom" and "Tim" are 0.67; "Jon" and "John" 0.75). */
const FIRST_NAME_MIN = 0.7;
const LAST_NAME_MIN = 0.75;
/** Same date of birth and first name alike this much: perhaps a surname changed (marriage). */
const FIRST_NAME_WITH_BIRTH_DATE = 0.85;
/** How many existing records one check may compare; a prefix shared by more is still cheap to score. */
const CANDIDATE_LIMIT = 5000;
const RESULT_LIMIT = 10;

/** 1 for the same text, 0 for nothing in common: edit distance over the longer length. */
function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** Folded words of names, kept: an import compares the same names thousands of times. */
const wordCache = new Map<string, string[]>();
function wordsOf(name: string): string[] {
  let w = wordCache.get(name);
  if (!w) {
    if (wordCache.size >= 200_000) wordCache.clear();
    wordCache.set(name, (w = words(name)));
  }
  return w;
}

/**
 * How alike two names are, word-aware: "Wiśniewska" matches "Wiśniewska-Łęcka" (one word in
 * common) as well as "Wisniewska" (accents folded) and "Wisniewksa" (a typo).
 */
export function nameSimilarity(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (!wa.length || !wb.length) return 0;
  let best = similarity(wa.join(''), wb.join(''));
  for (const x of wa) for (const y of wb) if (x.length >= 2 && y.length >= 2) best = Math.max(best, similarity(x, y));
  return best;
}

type BirthDateRelation = 'same' | 'similar' | 'different' | 'unknown';

/** A typed date of birth with one wrong digit, or day and month swapped, is "similar". */
export function birthDateRelation(a: string | null, b: string | null): BirthDateRelation {
  if (!a || !b) return 'unknown';
  if (a === b) return 'same';
  if (a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1) return 'similar';
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  if (ya === yb && ma === db && da === mb) return 'similar';
  return 'different';
}

const digits = (phone: string | null) => (phone ?? '').replace(/\D/g, '').replace(/^(44|48)/, '').replace(/^0/, '');

export interface DuplicateQueryValues {
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  phone: string | null;
  excludeId: number | null;
}

export interface Candidate {
  id: number;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: string | null;
  phone: string | null;
}

/** What a duplicate check compares of each client on file. */
const SELECT_CANDIDATES = sql`
  SELECT ${clients.id} AS id, ${clients.firstName} AS firstName, ${clients.lastName} AS lastName,
         ${clients.preferredName} AS preferredName, ${clients.dateOfBirth} AS dateOfBirth, ${clients.phone} AS phone
  FROM ${clients}`;

/** Scores one existing client against what was typed; null when they are not plausibly the same person. */
export function compareToClient(q: DuplicateQueryValues, c: Candidate): { score: number; likely: boolean; reasons: DuplicateReason[] } | null {
  const first = (name: string) => Math.max(nameSimilarity(q.firstName, name), c.preferredName ? nameSimilarity(q.firstName, c.preferredName) : 0);
  const straight = { f: first(c.firstName), l: nameSimilarity(q.lastName, c.lastName), swapped: false };
  const crossed = { f: nameSimilarity(q.firstName, c.lastName), l: nameSimilarity(q.lastName, c.firstName), swapped: true };
  const names = (crossed.f + crossed.l > straight.f + straight.l ? crossed : straight) as typeof straight;
  const birth = birthDateRelation(q.dateOfBirth, c.dateOfBirth);
  const phoneMatch = digits(q.phone).length >= 6 && digits(q.phone) === digits(c.phone);
  const namesAlike = names.f >= FIRST_NAME_MIN && names.l >= LAST_NAME_MIN;

  const reasons: DuplicateReason[] = [];
  const same = (a: string, b: string) => wordsOf(a).join(' ') === wordsOf(b).join(' ');
  const sameName = same(q.firstName, c.firstName) && same(q.lastName, c.lastName);
  if (namesAlike) reasons.push(names.swapped ? 'swappedNames' : sameName ? 'sameName' : 'similarName');
  if (birth === 'same') reasons.push('sameDateOfBirth');
  if (birth === 'similar') reasons.push('similarDateOfBirth');
  if (phoneMatch) reasons.push('samePhone');

  const plausible =
    (namesAlike && birth !== 'different') ||
    (birth === 'same' && straight.f >= FIRST_NAME_WITH_BIRTH_DATE) ||
    (phoneMatch && names.f >= FIRST_NAME_MIN);
  if (!plausible) return null;

  const nameScore = (names.f + names.l) / 2;
  const birthScore = { same: 0.3, similar: 0.15, unknown: 0.1, different: 0 }[birth];
  const score = Math.min(1, Math.round((nameScore * 0.7 + birthScore + (phoneMatch ? 0.1 : 0)) * 100) / 100);
  const likely = namesAlike && (birth === 'same' || birth === 'similar' || (birth === 'unknown' && nameScore === 1) || phoneMatch);
  return { score, likely, reasons };
}

/**
 * Existing clients who may be the person being typed in: similar names (accents and Polish letters
 * folded, typos, first and last swapped) with a date of birth that does not rule them out, the same
 * date of birth with the same first name, or the same phone. Candidates come from the token index
 * (the first three letters of each name word), the date of birth index and the phone token, so the
 * check stays quick at 100,000 clients; a typo in the first three letters of both names with no date
 * of birth is the case it cannot see.
 */
export function findDuplicates(db: Db, q: DuplicateQueryValues, reach: Reach = null): DuplicateMatch[] {
  const nameWords = [...words(q.firstName), ...words(q.lastName)];
  if (!words(q.firstName).length || !words(q.lastName).length) return [];
  const prefixes = [...new Set(nameWords.filter((w) => w.length >= 2).map((w) => w.slice(0, 3)))];
  const ors = prefixes.map((p) => sql`(${clientSearchTokens.token} >= ${p} AND ${clientSearchTokens.token} < ${p + '\uffff'})`);
  const phone = digits(q.phone);
  if (phone.length >= 6) ors.push(sql`${clientSearchTokens.token} = ${phone}`);
  const tokenIds = ors.length
    ? sql`SELECT ${clientSearchTokens.clientId} FROM ${clientSearchTokens} WHERE ${sql.join(ors, sql` OR `)}`
    : sql`SELECT NULL WHERE 0`;
  const birthIds = q.dateOfBirth ? sql`SELECT ${clients.id} FROM ${clients} WHERE ${clients.dateOfBirth} = ${q.dateOfBirth}` : sql`SELECT NULL WHERE 0`;
  const candidates = db.all<Candidate>(sql`
    ${SELECT_CANDIDATES}
    WHERE ${clients.id} IN (${tokenIds} UNION ${birthIds}) AND ${clients.id} IS NOT ${q.excludeId}
    ${reach === null ? sql`` : sql`AND ${withinReach(reach, sql`${clients.id}`)}`}
    LIMIT ${CANDIDATE_LIMIT}`);

  const scored = candidates
    .map((c) => ({ id: c.id, match: compareToClient(q, c) }))
    .filter((m): m is { id: number; match: NonNullable<ReturnType<typeof compareToClient>> } => m.match !== null)
    .sort((a, b) => b.match.score - a.match.score || a.id - b.id)
    .slice(0, RESULT_LIMIT);
  const summaries = new Map(clientSummaries(db, scored.map((s) => s.id)).map((c) => [c.id, c]));
  return scored.map((s) => ({ client: summaries.get(s.id)!, ...s.match }));
}

/**
 * Many people checked at once (a spreadsheet import): every client on file read once and indexed by
 * folded name, date of birth and phone, so each row is compared only with clients who share one of
 * them. It finds the likely matches the intake check finds, except a typo in the name together with
 * a different date of birth. People added with `add` are found by the rows after them (the same
 * person twice in one file).
 */
export class DuplicateIndex<Tag> {
  private readonly byKey = new Map<string, { candidate: Candidate; tag: Tag }[]>();

  constructor(db: Db, tagOf: (id: number) => Tag) {
    const rows = db.all<Candidate>(SELECT_CANDIDATES);
    for (const c of rows) this.add(c, tagOf(c.id));
  }

  private static keys(c: Pick<Candidate, 'firstName' | 'lastName' | 'dateOfBirth' | 'phone'>): string[] {
    const first = wordsOf(c.firstName).join(' ');
    const last = wordsOf(c.lastName).join(' ');
    const phone = digits(c.phone);
    return [`n:${first}|${last}`, `n:${last}|${first}`, ...(c.dateOfBirth ? [`b:${c.dateOfBirth}`] : []), ...(phone.length >= 6 ? [`p:${phone}`] : [])];
  }

  add(c: Candidate, tag: Tag): void {
    for (const key of new Set(DuplicateIndex.keys(c))) {
      const list = this.byKey.get(key);
      if (list) list.push({ candidate: c, tag });
      else this.byKey.set(key, [{ candidate: c, tag }]);
    }
  }

  /** The most likely match for these details, or null. */
  likely(q: Omit<DuplicateQueryValues, 'excludeId'>): { candidate: Candidate; tag: Tag } | null {
    let best: { candidate: Candidate; tag: Tag; score: number } | null = null;
    const seen = new Set<{ candidate: Candidate; tag: Tag }>();
    for (const key of DuplicateIndex.keys(q)) {
      for (const entry of this.byKey.get(key) ?? []) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        const m = compareToClient({ ...q, excludeId: null }, entry.candidate);
        if (m?.likely && (!best || m.score > best.score)) best = { ...entry, score: m.score };
      }
    }
    return best;
  }
}
