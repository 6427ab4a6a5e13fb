import type { Migration } from './index';

/**
 * Migration 12: clients shared with someone who is not their caseworker. When the charity keeps
 * caseworkers to their own clients (the setting `own_clients_only`), a client is within a person's
 * reach if they are its caseworker, took it in unallocated, or it is shared with them here.
 */
const SQL = /* sql */ `
CREATE TABLE client_shares (
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  shared_by INTEGER REFERENCES users(id),
  shared_at TEXT NOT NULL,
  PRIMARY KEY (user_id, client_id)
) WITHOUT ROWID;
CREATE INDEX client_shares_client ON client_shares(client_id);
CREATE INDEX clients_created_by ON clients(created_by) WHERE caseworker_id IS NULL;
`;

export const migration0012: Migration = {
  version: 12,
  name: 'client shares',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
