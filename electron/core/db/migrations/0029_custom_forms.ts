import type { Migration } from './index';

/**
 * Migration 29: the charity's own forms. A form is a named set of questions; its questions are
 * custom fields that name the form (a question with no form is on the client record), so they keep
 * the wordings they were asked in. A form filled in for a client is an entry, dated, with its
 * answers under the wording each was given in, its total and band as they were worked out then,
 * and the assessment it scored a need area with, if it did. An entry goes with its client.
 */
const SQL = /* sql */ `
CREATE TABLE custom_forms (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  name_pl TEXT,
  about TEXT,
  about_pl TEXT,
  scored INTEGER NOT NULL DEFAULT 0 CHECK (scored IN (0, 1)),
  area_id INTEGER REFERENCES need_areas(id),
  bands TEXT NOT NULL DEFAULT '[]',
  position INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
ALTER TABLE custom_fields ADD COLUMN form_id INTEGER REFERENCES custom_forms(id);
CREATE INDEX custom_fields_form ON custom_fields(form_id, position);
CREATE TABLE form_entries (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  form_id INTEGER NOT NULL REFERENCES custom_forms(id),
  filled_on TEXT NOT NULL,
  score INTEGER,
  band TEXT,
  assessment_id INTEGER REFERENCES assessments(id) ON DELETE SET NULL,
  filled_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX form_entries_client ON form_entries(client_id, filled_on);
CREATE INDEX form_entries_form ON form_entries(form_id);
CREATE INDEX form_entries_filled ON form_entries(filled_on);
CREATE INDEX form_entries_assessment ON form_entries(assessment_id) WHERE assessment_id IS NOT NULL;
CREATE TABLE form_answers (
  entry_id INTEGER NOT NULL REFERENCES form_entries(id) ON DELETE CASCADE,
  field_id INTEGER NOT NULL REFERENCES custom_fields(id),
  wording_id INTEGER NOT NULL REFERENCES custom_field_wordings(id),
  value TEXT NOT NULL,
  PRIMARY KEY (entry_id, field_id)
) WITHOUT ROWID;
`;

export const migration0029: Migration = {
  version: 29,
  name: 'custom forms',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
