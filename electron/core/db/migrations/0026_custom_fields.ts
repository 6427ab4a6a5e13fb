import type { Migration } from './index';

/**
 * Migration 26: the charity's own questions on the client record. A field's type and how it is
 * handled (required, asked at intake, identifying, sensitive) are on the field; its wording (label,
 * help and choices, in English and Polish) is a version, never changed once written. An answer
 * names the version it was given under, so an old record shows the question as it was asked. An
 * answer goes with its client.
 */
const SQL = /* sql */ `
CREATE TABLE custom_fields (
  id INTEGER PRIMARY KEY NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'yesNo', 'oneOf', 'severalOf')),
  position INTEGER NOT NULL,
  required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  in_intake INTEGER NOT NULL DEFAULT 1 CHECK (in_intake IN (0, 1)),
  identifying INTEGER NOT NULL DEFAULT 0 CHECK (identifying IN (0, 1)),
  sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  wording_id INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE custom_field_wordings (
  id INTEGER PRIMARY KEY NOT NULL,
  field_id INTEGER NOT NULL REFERENCES custom_fields(id),
  label TEXT NOT NULL,
  label_pl TEXT,
  help TEXT,
  help_pl TEXT,
  choices TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id)
);
CREATE INDEX custom_field_wordings_field ON custom_field_wordings(field_id, id);
CREATE TABLE client_answers (
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  field_id INTEGER NOT NULL REFERENCES custom_fields(id),
  wording_id INTEGER NOT NULL REFERENCES custom_field_wordings(id),
  value TEXT NOT NULL,
  answered_at TEXT NOT NULL,
  answered_by INTEGER REFERENCES users(id),
  PRIMARY KEY (client_id, field_id)
) WITHOUT ROWID;
CREATE INDEX client_answers_field ON client_answers(field_id, value);
`;

export const migration0026: Migration = {
  version: 26,
  name: 'custom fields',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
