import type { Migration } from './index';

/**
 * Migration 28: signposting. A contact with someone who is not a client (or not yet) and where they
 * were told to go: an agency of the directory or somewhere else. Anonymous unless they agreed to give
 * a name; a named one can become an intake, and then goes with that client.
 */
const SQL = /* sql */ `
CREATE TABLE signposting (
  id INTEGER PRIMARY KEY NOT NULL,
  contacted_on TEXT NOT NULL,
  how TEXT NOT NULL CHECK (how IN ('phone', 'dropIn', 'email', 'outreach', 'other')),
  need_area_id INTEGER REFERENCES need_areas(id),
  topic TEXT,
  agency_id INTEGER REFERENCES agencies(id),
  elsewhere TEXT,
  name TEXT,
  phone TEXT,
  language TEXT,
  note TEXT,
  client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  CHECK (agency_id IS NOT NULL OR elsewhere IS NOT NULL),
  CHECK (name IS NOT NULL OR phone IS NULL)
);
CREATE INDEX signposting_contacted ON signposting(contacted_on);
CREATE INDEX signposting_client ON signposting(client_id) WHERE client_id IS NOT NULL;
`;

export const migration0028: Migration = {
  version: 28,
  name: 'signposting',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
