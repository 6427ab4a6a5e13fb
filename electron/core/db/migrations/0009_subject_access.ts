import type { Migration } from './index';

/**
 * Migration 9: subject access requests, each with the day it arrived and the day the answer is due,
 * when the pack was made and when it was given to the person. Going with the client when the client goes.
 */
const SQL = /* sql */ `
CREATE TABLE subject_access_requests (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  received_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  note TEXT,
  pack_saved_on TEXT,
  answered_on TEXT,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  CHECK (due_on > received_on),
  CHECK (answered_on IS NULL OR answered_on >= received_on)
) STRICT;
CREATE INDEX subject_access_requests_client ON subject_access_requests(client_id, received_on);
CREATE INDEX subject_access_requests_open ON subject_access_requests(due_on) WHERE answered_on IS NULL;
`;

export const migration0009: Migration = {
  version: 9,
  name: 'subject access requests',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
