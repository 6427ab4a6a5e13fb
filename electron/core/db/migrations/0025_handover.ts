import type { Migration } from './index';

/**
 * Migration 25: "since you were last here". Each user marks what changed while they were away as
 * read (the digest starts from then, or from their last sign-out); a handover note is written for
 * the next person on shift and stays on the home screen until someone else has read it.
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
`;

export const migration0025: Migration = {
  version: 25,
  name: 'handover',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
