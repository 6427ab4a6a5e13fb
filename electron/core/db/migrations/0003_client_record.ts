import type { Migration } from './index';

/**
 * Migration 3: the full client record. More personal details and case status on `clients`; consent,
 * household members, key contacts, risk flags, needs assessments (with editable areas), case status
 * history and merges in their own tables. Every table about one client references it with
 * ON DELETE CASCADE, so erasing a client takes everything about them.
 */
const SQL = /* sql */ `
ALTER TABLE clients ADD COLUMN preferred_name TEXT;
ALTER TABLE clients ADD COLUMN estimated_birth_year INTEGER CHECK (estimated_birth_year IS NULL OR estimated_birth_year BETWEEN 1900 AND 2200);
ALTER TABLE clients ADD COLUMN gender TEXT;
ALTER TABLE clients ADD COLUMN gender_withheld INTEGER NOT NULL DEFAULT 0 CHECK (gender_withheld IN (0, 1));
ALTER TABLE clients ADD COLUMN pronouns TEXT;
ALTER TABLE clients ADD COLUMN email TEXT;
ALTER TABLE clients ADD COLUMN interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1));
ALTER TABLE clients ADD COLUMN referral_source TEXT CHECK (referral_source IS NULL OR referral_source IN ('self', 'agency', 'familyFriend', 'professional', 'other'));
ALTER TABLE clients ADD COLUMN referred_by TEXT;
ALTER TABLE clients ADD COLUMN intake_date TEXT;
ALTER TABLE clients ADD COLUMN caseworker_id INTEGER REFERENCES users(id);
ALTER TABLE clients ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'onHold', 'closed'));
ALTER TABLE clients ADD COLUMN status_since TEXT;
ALTER TABLE clients ADD COLUMN closure_reason TEXT;
UPDATE clients SET intake_date = substr(created_at, 1, 10), status_since = substr(created_at, 1, 10);
CREATE INDEX clients_date_of_birth ON clients(date_of_birth);
CREATE INDEX clients_status ON clients(status, sort_name);
CREATE INDEX clients_caseworker ON clients(caseworker_id, sort_name);

CREATE TABLE client_status_changes (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('open', 'onHold', 'closed')),
  changed_on TEXT NOT NULL,
  reason TEXT,
  note TEXT,
  changed_by INTEGER REFERENCES users(id),
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX client_status_changes_client ON client_status_changes(client_id, changed_on);
CREATE INDEX client_status_changes_on ON client_status_changes(changed_on, status);

CREATE TABLE consents (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  store_data INTEGER NOT NULL CHECK (store_data IN (0, 1)),
  share_scope TEXT NOT NULL CHECK (share_scope IN ('none', 'named', 'any')),
  share_agencies TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(share_agencies)),
  contact_phone INTEGER NOT NULL CHECK (contact_phone IN (0, 1)),
  contact_letter INTEGER NOT NULL CHECK (contact_letter IN (0, 1)),
  contact_text INTEGER NOT NULL CHECK (contact_text IN (0, 1)),
  contact_email INTEGER NOT NULL CHECK (contact_email IN (0, 1)),
  given_on TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('verbal', 'written')),
  expires_on TEXT,
  note TEXT,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  withdrawn_on TEXT,
  withdrawal_note TEXT,
  withdrawn_by INTEGER REFERENCES users(id),
  withdrawn_at TEXT
) STRICT;
CREATE INDEX consents_client ON consents(client_id, given_on);

CREATE TABLE household_members (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  date_of_birth TEXT,
  lives_with_client INTEGER NOT NULL CHECK (lives_with_client IN (0, 1)),
  note TEXT,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX household_members_client ON household_members(client_id);

CREATE TABLE key_contacts (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  role_detail TEXT,
  name TEXT,
  organisation TEXT,
  phone TEXT,
  email TEXT,
  note TEXT,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX key_contacts_client ON key_contacts(client_id);

CREATE TABLE risk_flags (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  note TEXT,
  raised_on TEXT NOT NULL,
  raised_by INTEGER REFERENCES users(id),
  raised_at TEXT NOT NULL,
  removed_on TEXT,
  removal_note TEXT,
  removed_by INTEGER REFERENCES users(id),
  removed_at TEXT
) STRICT;
CREATE INDEX risk_flags_client ON risk_flags(client_id, removed_on);
CREATE INDEX risk_flags_active ON risk_flags(kind, client_id) WHERE removed_on IS NULL;

CREATE TABLE need_areas (
  id INTEGER PRIMARY KEY NOT NULL,
  builtin_key TEXT UNIQUE,
  name TEXT,
  position INTEGER NOT NULL,
  retired_at TEXT,
  CHECK (builtin_key IS NOT NULL OR name IS NOT NULL)
) STRICT;
INSERT INTO need_areas (builtin_key, position) VALUES
  ('housing', 1), ('money', 2), ('physicalHealth', 3), ('mentalHealth', 4), ('safety', 5),
  ('family', 6), ('workLearning', 7), ('substanceUse', 8), ('practical', 9);

CREATE TABLE assessments (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  kind TEXT NOT NULL DEFAULT 'assessment' CHECK (kind IN ('assessment', 'review')),
  assessed_on TEXT NOT NULL,
  sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
  summary TEXT,
  assessed_by INTEGER REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX assessments_client ON assessments(client_id, assessed_on);
CREATE INDEX assessments_on ON assessments(assessed_on);

CREATE TABLE assessment_scores (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  area_id INTEGER NOT NULL REFERENCES need_areas(id),
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
  notes TEXT,
  strengths TEXT,
  PRIMARY KEY (assessment_id, area_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE client_merges (
  id INTEGER PRIMARY KEY NOT NULL,
  into_client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  from_client_id INTEGER NOT NULL,
  from_reference TEXT NOT NULL,
  merged_by INTEGER REFERENCES users(id),
  merged_at TEXT NOT NULL
) STRICT;
CREATE INDEX client_merges_into ON client_merges(into_client_id);
CREATE INDEX client_merges_from ON client_merges(from_reference);
`;

export const migration0003: Migration = {
  version: 3,
  name: 'client record',
  up: (sqlite) => sqlite.exec(SQL),
};
