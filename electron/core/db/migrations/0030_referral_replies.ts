import { REPLY_TEMPLATES, writeBuiltinTemplates } from '../../letters/defaultTemplates';
import type { Migration } from './index';

/**
 * Migration 30: a letter back to whoever referred someone in, when the charity declines the referral.
 * Templates gain the kind 'referralReply' (the kind is checked by the table, so the table is made
 * again: letters keep the template they were written from), with Casebook's own wording in English
 * and Polish. The letter written is kept with the referral in, word for word, as sent.
 */
const SQL = /* sql */ `
CREATE TEMP TABLE letter_template_of (letter_id INTEGER PRIMARY KEY, template_id INTEGER);
INSERT INTO letter_template_of SELECT id, template_id FROM letters WHERE template_id IS NOT NULL;
CREATE TABLE letter_templates_new (
  id INTEGER PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('referral', 'appointment', 'general', 'safetyPlan', 'referralReply')),
  language TEXT NOT NULL,
  name TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  builtin_key TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO letter_templates_new SELECT id, kind, language, name, subject, body, builtin_key, active, created_at, updated_at, updated_by, version FROM letter_templates;
DROP TABLE letter_templates;
ALTER TABLE letter_templates_new RENAME TO letter_templates;
CREATE INDEX letter_templates_kind ON letter_templates(kind, language);
-- Dropping the old table emptied letters.template_id (ON DELETE SET NULL): put each back.
UPDATE letters SET template_id = (SELECT template_id FROM letter_template_of WHERE letter_id = letters.id)
  WHERE id IN (SELECT letter_id FROM letter_template_of);
DROP TABLE letter_template_of;

ALTER TABLE incoming_referrals ADD COLUMN reply TEXT CHECK (reply IS NULL OR json_valid(reply));
ALTER TABLE incoming_referrals ADD COLUMN reply_written_by INTEGER REFERENCES users(id);
ALTER TABLE incoming_referrals ADD COLUMN reply_written_at TEXT;
`;

export const migration0030: Migration = {
  version: 30,
  name: 'referral replies',
  up(sqlite) {
    sqlite.exec(SQL);
    writeBuiltinTemplates(sqlite, REPLY_TEMPLATES);
  },
};
