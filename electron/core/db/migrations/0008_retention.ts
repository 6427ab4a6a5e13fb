import type { Migration } from './index';

/**
 * Migration 8: decisions to keep a closed case past the charity's retention period, each with its
 * reason and the date to look at it again. Going with the client when the client goes.
 */
const SQL = /* sql */ `
CREATE TABLE retention_holds (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  kept_on TEXT NOT NULL,
  review_on TEXT NOT NULL,
  kept_by INTEGER REFERENCES users(id),
  CHECK (review_on > kept_on)
) STRICT;
CREATE INDEX retention_holds_client ON retention_holds(client_id, review_on);
`;

export const migration0008: Migration = {
  version: 8,
  name: 'retention review',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
