import type { Migration } from './index';

/**
 * Migration 10: clients brought in from a spreadsheet, one row per import (the file's name, who,
 * when, how many) and which clients it added, so the last import can be undone.
 */
const SQL = /* sql */ `
CREATE TABLE client_imports (
  id INTEGER PRIMARY KEY NOT NULL,
  file_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by INTEGER REFERENCES users(id),
  clients INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  undone_at TEXT,
  undone_by INTEGER REFERENCES users(id)
) STRICT;
CREATE TABLE client_import_members (
  import_id INTEGER NOT NULL REFERENCES client_imports(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  PRIMARY KEY (import_id, client_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX client_import_members_client ON client_import_members(client_id);
`;

export const migration0010: Migration = {
  version: 10,
  name: 'client imports',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
