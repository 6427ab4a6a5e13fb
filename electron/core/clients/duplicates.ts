import { withinReach, type Reach } from './reach';
import { sql } from 'drizzle-orm';
import { distance } from 'fastest-levenshtein';
import type { DuplicateMatch, DuplicateReason } from '../../../shared/domain/clientRecord';
import type { Db, ReadDb } from '../db/database';
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

/** A name folded once: its words, and the words run together and spaced. */
interface FoldedName {
  words: string[];
  joined: string;
  spaced: string;
}

/** Folded names, kept: an import compares the same names thousands of times. */
const foldCache = new Map<string, FoldedName>();
function folded(name: string): FoldedName {
  let f = foldCache.get(name);
  if (!f) {
    if (foldCache.size >= 200_000) foldCache.clear();
    const w = words(name);
    foldCache.set(name, (f = { words: w, joined: w.join(''), spaced: w.join(' ') }));
  }
  return f;
}

/**
 * How alike two names are, word-aware: "Wiśniewska" matches "Wiśniewska-Łęcka" (one word in
 * common) as well as "Wisniewska" (accents folded) and "Wisniewksa" (a typo).
 */
export function nameSimilarity(a: string, b: string): number {
  const fa = folded(a);
  const fb = folded(b);
  if (!fa.words.length || !fb.words.length) return 0;
  if (fa.joined === fb.joined) return 1;
  let best = similarity(fa.joined, fb.joined);
  for (const x of fa.words)
    for (const y of fb.words) if (x.length >= 2 && y.length >= 2) best = Math.max(best, similarity(x, y));
  return best;
}

type BirthDateRelation = 'same' | 'similar' | 'different' | 'unknown';

/** A typed date of birth with one wrong digit, or day and month swapped, is "similar". */
export function birthDateRelation(a: string | null, b: string | null): BirthDateRelation {
  if (!a || !b) return 'unknown';
  if (a === b) return 'same';
  if (a.length === b.length) {
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
    if (differ === 1) return 'similar';
  }
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  if (ya === yb && ma === db && da === mb) return 'similar';
  return 'different';
}

const digits = (phone: string | null) =>
  (phone ?? '')
    .replace(/\D/g, '')
    .replace(/^(44|48)/, '')
    .replace(/^0/, '');

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
export function compareToClient(
  q: DuplicateQueryValues,
  c: Candidate,
): { score: number; likely: boolean; reasons: DuplicateReason[] } | null {
  const first = (name: string) =>
    Math.max(nameSimilarity(q.firstName, name), c.preferredName ? nameSimilarity(q.firstName, c.preferredName) : 0);
  const straight = { f: first(c.firstName), l: nameSimilarity(q.lastName, c.lastName), swapped: false };
  // Names the same both ways cannot be beaten by crossing them (many clients share a common name).
  const crossed =
    straight.f + straight.l < 2
      ? { f: nameSimilarity(q.firstName, c.lastName), l: nameSimilarity(q.lastName, c.firstName), swapped: true }
      : straight;
  const names = (crossed.f + crossed.l > straight.f + straight.l ? crossed : straight) as typeof straight;
  const birth = birthDateRelation(q.dateOfBirth, c.dateOfBirth);
  const phone = digits(q.phone);
  const phoneMatch = phone.length >= 6 && phone === digits(c.phone);
  const namesAlike = names.f >= FIRST_NAME_MIN && names.l >= LAST_NAME_MIN;

  const reasons: DuplicateReason[] = [];
  const same = (a: string, b: string) => folded(a).spaced === folded(b).spaced;
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
  const likely =
    namesAlike && (birth === 'same' || birth === 'similar' || (birth === 'unknown' && nameScore === 1) || phoneMatch);
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
export function findDuplicates(db: ReadDb, q: DuplicateQueryValues, reach: Reach = null): DuplicateMatch[] {
  const nameWords = [...words(q.firstName), ...words(q.lastName)];
  if (!words(q.firstName).length || !words(q.lastName).length) return [];
  const prefixes = [...new Set(nameWords.filter((w) => w.length >= 2).map((w) => w.slice(0, 3)))];
  const ors = prefixes.map(
    (p) => sql`(${clientSearchTokens.token} >= ${p} AND ${clientSearchTokens.token} < ${p + '\uffff'})`,
  );
  const phone = digits(q.phone);
  if (phone.length >= 6) ors.push(sql`${clientSearchTokens.token} = ${phone}`);
  const tokenIds = ors.length
    ? sql`SELECT ${clientSearchTokens.clientId} FROM ${clientSearchTokens} WHERE ${sql.join(ors, sql` OR `)}`
    : sql`SELECT NULL WHERE 0`;
  const birthIds = q.dateOfBirth
    ? sql`SELECT ${clients.id} FROM ${clients} WHERE ${clients.dateOfBirth} = ${q.dateOfBirth}`
    : sql`SELECT NULL WHERE 0`;
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
  const summaries = new Map(
    clientSummaries(
      db,
      scored.map((s) => s.id),
    ).map((c) => [c.id, c]),
  );
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
    const first = folded(c.firstName).spaced;
    const last = folded(c.lastName).spaced;
    const phone = digits(c.phone);
    // The two names in either order give one key, so first and last swapped still meet.
    const keys = [first < last ? `n:${first}|${last}` : `n:${last}|${first}`];
    if (c.dateOfBirth) keys.push(`b:${c.dateOfBirth}`);
    if (phone.length >= 6) keys.push(`p:${phone}`);
    return keys;
  }

  add(c: Candidate, tag: Tag): void {
    for (const key of DuplicateIndex.keys(c)) {
      const list = this.byKey.get(key);
      if (list) list.push({ candidate: c, tag });
      else this.byKey.set(key, [{ candidate: c, tag }]);
    }
  }

  /** The most likely match for these details, or null. */
  likely(q: Omit<DuplicateQueryValues, 'excludeId'>): { candidate: Candidate; tag: Tag } | null {
    let best: { candidate: Candidate; tag: Tag; score: number } | null = null;
    const seen = new Set<{ candidate: Candidate; tag: Tag }>();
    const query = { ...q, excludeId: null };
    for (const key of DuplicateIndex.keys(q)) {
      for (const entry of this.byKey.get(key) ?? []) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        const m = compareToClient(query, entry.candidate);
        if (m?.likely && (!best || m.score > best.score)) best = { ...entry, score: m.score };
      }
    }
    return best;
  }
}
