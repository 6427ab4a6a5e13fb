import { DEFAULT_TEMPLATES } from '../../letters/defaultTemplates';
import type { Migration } from './index';

/**
 * Migration 13: the templates Casebook came with, in their reworded text (natural Polish that never
 * declines a name, postcode before town, the reference as printed beside the address, sentences
 * that drop out when their field is empty). Only a template nobody has changed is brought up to
 * date; one the charity has reworded is theirs and stays as it is. Letters already written keep
 * their own words.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'shipped template wording',
  up(sqlite) {
    const update = sqlite.prepare(
      `UPDATE letter_templates SET name = ?, subject = ?, body = ? WHERE builtin_key = ? AND version = 1 AND updated_by IS NULL`,
    );
    for (const t of DEFAULT_TEMPLATES) update.run(t.name, t.subject, t.body, `${t.kind}.${t.language}`);
  },
};
