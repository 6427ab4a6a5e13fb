import { DEFAULT_TEMPLATES, writeBuiltinTemplates } from '../../letters/defaultTemplates';
import type { Migration } from './index';

/**
 * Migration 5: the agency directory, referrals with every status change, letter templates (seeded
 * with the English and Polish ones Casebook comes with) and the letters written to and about
 * clients. The charity gains an email address and a logo for the letterhead.
 */
const SQL = /* sql */ `
ALTER TABLE charity ADD COLUMN email TEXT;
ALTER TABLE charity ADD COLUMN logo BLOB;
ALTER TABLE charity ADD COLUMN logo_type TEXT CHECK (logo_type IN ('png', 'jpeg'));

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  folded_name TEXT NOT NULL,
  services TEXT,
  address TEXT,
  phone TEXT,
  email TEXT,
  website TEXT,
  referral_routes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(referral_routes)),
  how_to_refer TEXT,
  notes TEXT,
  search_text TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE UNIQUE INDEX agencies_active_name ON agencies(folded_name) WHERE active = 1;

CREATE TABLE agency_contacts (
  id INTEGER PRIMARY KEY NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  role TEXT,
  phone TEXT,
  email TEXT
) STRICT;
CREATE INDEX agency_contacts_agency ON agency_contacts(agency_id, position);

CREATE TABLE referrals (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  contact_id INTEGER REFERENCES agency_contacts(id) ON DELETE SET NULL,
  reason TEXT NOT NULL,
  area_id INTEGER REFERENCES need_areas(id),
  urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent')),
  shared_info TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'completed', 'withdrawn')),
  status_on TEXT NOT NULL,
  sent_on TEXT,
  follow_up_on TEXT,
  outcome TEXT,
  created_on TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (status = 'draft' OR sent_on IS NOT NULL OR status = 'withdrawn')
) STRICT;
CREATE INDEX referrals_client ON referrals(client_id, created_on);
CREATE INDEX referrals_agency ON referrals(agency_id, status);
CREATE INDEX referrals_open_follow_up ON referrals(follow_up_on) WHERE status IN ('draft', 'sent', 'accepted');

CREATE TABLE referral_changes (
  id INTEGER PRIMARY KEY NOT NULL,
  referral_id INTEGER NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  from_status TEXT,
  status TEXT NOT NULL,
  changed_on TEXT NOT NULL,
  note TEXT,
  changed_by INTEGER REFERENCES users(id),
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX referral_changes_referral ON referral_changes(referral_id, id);
CREATE INDEX referral_changes_client ON referral_changes(client_id, changed_on);

CREATE TABLE letter_templates (
  id INTEGER PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('referral', 'appointment', 'general', 'safetyPlan')),
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
CREATE INDEX letter_templates_kind ON letter_templates(kind, language);

CREATE TABLE letters (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  template_id INTEGER REFERENCES letter_templates(id) ON DELETE SET NULL,
  template_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('referral', 'appointment', 'general', 'safetyPlan')),
  language TEXT NOT NULL,
  referral_id INTEGER REFERENCES referrals(id) ON DELETE SET NULL,
  letter_date TEXT NOT NULL,
  content TEXT NOT NULL CHECK (json_valid(content)),
  written_by INTEGER REFERENCES users(id),
  written_at TEXT NOT NULL
) STRICT;
CREATE INDEX letters_client ON letters(client_id, written_at);
CREATE INDEX letters_referral ON letters(referral_id);
`;

export const migration0005: Migration = {
  version: 5,
  name: 'referrals and letters',
  up(sqlite) {
    sqlite.exec(SQL);
    writeBuiltinTemplates(sqlite, DEFAULT_TEMPLATES);
  },
};
