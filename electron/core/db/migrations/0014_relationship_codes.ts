import { fold } from '../../../../shared/domain/folding';
import type { Migration } from './index';

/**
 * The words people typed (or picked, in English or Polish) for a household member's relationship,
 * folded (no case, accents or spaces at the ends), and the code each stands for. Anything else
 * becomes "other" with the words kept as they were, so nothing typed is lost.
 */
const WORDS: Record<string, string[]> = {
  partner: [
    'partner',
    'partner lub partnerka',
    'partnerka',
    'wife',
    'husband',
    'spouse',
    'zona',
    'maz',
    'boyfriend',
    'girlfriend',
  ],
  child: ['child', 'dziecko', 'son', 'daughter', 'syn', 'corka'],
  parent: ['parent', 'rodzic', 'mother', 'father', 'mum', 'dad', 'matka', 'ojciec', 'mama', 'tata'],
  sibling: ['brother or sister', 'brat lub siostra', 'brother', 'sister', 'sibling', 'brat', 'siostra'],
  grandparent: ['grandparent', 'dziadek lub babcia', 'grandmother', 'grandfather', 'babcia', 'dziadek'],
  grandchild: ['grandchild', 'wnuk lub wnuczka', 'grandson', 'granddaughter', 'wnuk', 'wnuczka'],
  otherRelative: ['other relative', 'inny krewny', 'inna osoba spokrewniona', 'relative', 'krewny', 'krewna'],
  friend: ['friend', 'przyjaciel', 'przyjaciolka', 'przyjaciel lub przyjaciolka'],
  carer: ['carer', 'opiekun', 'opiekunka', 'opiekun lub opiekunka'],
  lodger: ['lodger', 'wspollokator', 'wspollokatorka', 'wspollokator lub wspollokatorka'],
};

const CODE_OF = new Map(Object.entries(WORDS).flatMap(([code, words]) => words.map((w) => [w, code] as const)));

/**
 * Migration 14: a household member's relationship is stored as a code (shown in the reader's
 * language) instead of the words of whoever typed it, with the words kept for "other".
 */
export const migration0014: Migration = {
  version: 14,
  name: 'relationship codes',
  up(sqlite) {
    sqlite.exec('ALTER TABLE household_members ADD COLUMN relationship_detail TEXT');
    const rows = sqlite.prepare('SELECT id, relationship FROM household_members').all() as {
      id: number;
      relationship: string;
    }[];
    const set = sqlite.prepare('UPDATE household_members SET relationship = ?, relationship_detail = ? WHERE id = ?');
    for (const r of rows) {
      const code = CODE_OF.get(fold(r.relationship).replace(/\s+/g, ' ').trim());
      if (code) set.run(code, null, r.id);
      else set.run('other', r.relationship.trim().slice(0, 60) || null, r.id);
    }
  },
};
