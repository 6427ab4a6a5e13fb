import { clientTokens } from '../../clients/folding';
import type { Migration } from './index';

/** The search terms a reference and a phone number give (those already there are kept as they are). */
const termsOf = (reference: string, phone: string | null) =>
  clientTokens({ firstName: '', lastName: '', reference, phone, postcode: null });

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
    const rows = sqlite.prepare('SELECT id, reference, phone FROM clients').all() as {
      id: number;
      reference: string;
      phone: string | null;
    }[];
    for (const c of rows) for (const term of termsOf(c.reference, c.phone)) add.run(term, c.id);
    const merged = sqlite
      .prepare('SELECT into_client_id AS id, from_reference AS reference FROM client_merges')
      .all() as { id: number; reference: string }[];
    for (const m of merged) for (const term of termsOf(m.reference, null)) add.run(term, m.id);
  },
};
