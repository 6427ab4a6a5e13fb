import type { Migration } from './index';

/**
 * Migration 19: a postcode's first word ("ls6" of "LS6 2AB") is no longer a search token of its own.
 * The compact postcode ("ls62ab") starts with it, so a search for "ls6" found every such client
 * twice and read them twice (13,386 token rows for 6,693 clients in a postcode district at 100,000
 * clients). A token that starts another token of the same client can never change what a search
 * finds (every search matches the start of a token), so only those are removed.
 */
const SQL = /* sql */ `
DELETE FROM client_search_tokens WHERE (token, client_id) IN (
  SELECT f.word, f.id FROM (
    SELECT id, CASE
      WHEN instr(pc, ' ') > 0 AND (instr(pc, '-') = 0 OR instr(pc, ' ') < instr(pc, '-')) THEN substr(pc, 1, instr(pc, ' ') - 1)
      WHEN instr(pc, '-') > 0 THEN substr(pc, 1, instr(pc, '-') - 1)
    END AS word
    FROM (SELECT id, lower(trim(postcode)) AS pc FROM clients WHERE postcode IS NOT NULL)
  ) f
  WHERE f.word <> ''
    AND EXISTS (SELECT 1 FROM client_search_tokens t WHERE t.client_id = f.id AND t.token > f.word AND t.token < f.word || char(1114111))
);
`;

export const migration0019: Migration = {
  version: 19,
  name: 'postcode tokens',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
