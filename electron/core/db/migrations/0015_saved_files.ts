import type { Migration } from './index';

/**
 * Migration 15: where Casebook saved files outside its data folder that name clients (letters,
 * safety plans, subject access packs, registers, client lists), so that erasing or anonymising a
 * client can list the copies that still name them. A file about one client goes with that client.
 */
const SQL = /* sql */ `
CREATE TABLE saved_files (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
  what TEXT NOT NULL CHECK (what IN ('letter', 'safetyPlan', 'accessPack', 'register', 'clientList')),
  path TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by INTEGER REFERENCES users(id)
);
CREATE INDEX saved_files_client ON saved_files(client_id, saved_at);
`;

export const migration0015: Migration = {
  version: 15,
  name: 'saved files',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
