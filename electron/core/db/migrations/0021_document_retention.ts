import type { Migration } from './index';

/**
 * Migration 21: documents are kept by kind (a copy of ID only for a few weeks after it was checked).
 * A document past its time that an administrator keeps says why, and until when it is kept.
 */
const SQL = /* sql */ `
ALTER TABLE documents ADD COLUMN kept_until TEXT;
ALTER TABLE documents ADD COLUMN kept_reason TEXT;
CREATE INDEX documents_kind ON documents(kind, added_at);
`;

export const migration0021: Migration = {
  version: 21,
  name: 'document retention',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
