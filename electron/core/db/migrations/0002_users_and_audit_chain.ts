import { auditHash, type ChainedFields } from '../../audit/chain';
import type { Migration } from './index';

/**
 * Migration 2: users who must change their password at next login and when they last signed in;
 * the audit trail becomes a hash chain (existing rows are chained in id order).
 */
export const migration0002: Migration = {
  version: 2,
  name: 'users and audit chain',
  up(sqlite) {
    sqlite.exec(/* sql */ `
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
      ALTER TABLE users ADD COLUMN last_login_at TEXT;
      ALTER TABLE audit_events ADD COLUMN hash TEXT;
      CREATE INDEX audit_events_at ON audit_events(at);
      CREATE INDEX audit_events_user ON audit_events(user_id, at);
      DROP TRIGGER audit_events_no_update;
    `);
    const rows = sqlite
      .prepare('SELECT id, at, user_id AS userId, action, client_id AS clientId, detail FROM audit_events ORDER BY id')
      .all() as ChainedFields[];
    const setHash = sqlite.prepare('UPDATE audit_events SET hash = ? WHERE id = ?');
    let previous: string | null = null;
    for (const row of rows) {
      previous = auditHash(previous, row);
      setHash.run(previous, row.id);
    }
    const last = rows[rows.length - 1];
    if (last)
      sqlite
        .prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('audit_head', ?)`)
        .run(JSON.stringify({ id: last.id, hash: previous }));
    sqlite.exec(/* sql */ `
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
    `);
  },
};
