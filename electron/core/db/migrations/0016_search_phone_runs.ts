import type { Migration } from './index';

/** Every run of a phone number's digits to its end, down to the last three (as written by this migration's day). */
function phoneRuns(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  const out: string[] = [];
  for (let i = 0; i + 3 <= digits.length; i++) out.push(digits.slice(i));
  return out;
}

/**
 * Migration 16: clients can be found by any run of three or more digits of their phone number ("900
 * 456", "456"), and by a reference's number typed short ("CB-1" for CB-00001, also for the
 * references of records merged into theirs). Adds those search terms for the clients there are.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'search phone runs',
  up(sqlite) {
    const add = sqlite.prepare('INSERT OR IGNORE INTO client_search_tokens (token, client_id) VALUES (?, ?)');
    const refToken = (reference: string) => {
      const n = reference.replace(/\D/g, '').replace(/^0+/, '');
      return n ? `#${n}#` : null;
    };
    const rows = sqlite.prepare('SELECT id, reference, phone FROM clients').all() as { id: number; reference: string; phone: string | null }[];
    for (const c of rows) {
      for (const run of phoneRuns(c.phone ?? '')) add.run(run, c.id);
      const t = refToken(c.reference);
      if (t) add.run(t, c.id);
    }
    const merged = sqlite.prepare('SELECT into_client_id AS id, from_reference AS reference FROM client_merges').all() as { id: number; reference: string }[];
    for (const m of merged) {
      const t = refToken(m.reference);
      if (t) add.run(t, m.id);
    }
  },
};
