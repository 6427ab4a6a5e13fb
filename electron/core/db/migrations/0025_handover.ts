import type { Migration } from './index';

/**
 * Migration 25: "since you were last here". Each user marks what changed while they were away as
 * read (the digest starts from then, or from their last sign-out); a handover note is written for
 * the next person on shift and stays on the home screen until someone else has read it. A saved day
 * sheet of the diary is remembered with the other saved files.
 */
const SQL = /* sql */ `
ALTER TABLE users ADD COLUMN digest_read_at TEXT;

CREATE TABLE handover_notes (
  id INTEGER PRIMARY KEY NOT NULL,
  body TEXT NOT NULL CHECK (length(body) > 0),
  written_by INTEGER REFERENCES users(id),
  written_at TEXT NOT NULL,
  read_by INTEGER REFERENCES users(id),
  read_at TEXT
);
CREATE INDEX handover_notes_unread ON handover_notes(written_at) WHERE read_at IS NULL;

-- A day sheet of the diary names clients too: remembered where it was saved, as other sheets are.
CREATE TABLE saved_files_new (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
  what TEXT NOT NULL CHECK (what IN ('letter', 'safetyPlan', 'accessPack', 'register', 'clientList', 'document', 'daySheet')),
  path TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by INTEGER REFERENCES users(id)
);
INSERT INTO saved_files_new SELECT id, client_id, what, path, saved_at, saved_by FROM saved_files;
DROP TABLE saved_files;
ALTER TABLE saved_files_new RENAME TO saved_files;
CREATE INDEX saved_files_client ON saved_files(client_id, saved_at);
`;

export const migration0025: Migration = {
  version: 25,
  name: 'handover',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
