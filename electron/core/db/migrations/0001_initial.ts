import type { Migration } from './index';

/** Migration 1: the first schema. Never edit a released migration; add the next number instead. */
const SQL = /* sql */ `
CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE charity (
  id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
  name TEXT NOT NULL,
  address TEXT,
  charity_number TEXT,
  phone TEXT,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  login TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'caseworker', 'volunteer')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE clients (
  id INTEGER PRIMARY KEY NOT NULL,
  reference TEXT NOT NULL UNIQUE,
  first_name TEXT NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
  last_name TEXT NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
  date_of_birth TEXT CHECK (date_of_birth IS NULL OR date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  phone TEXT,
  address TEXT,
  postcode TEXT,
  preferred_language TEXT,
  sort_name TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX clients_sort_name ON clients(sort_name, id);

CREATE TABLE client_search_tokens (
  token TEXT NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  PRIMARY KEY (token, client_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX client_search_tokens_client ON client_search_tokens(client_id);

CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY NOT NULL,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  user_id INTEGER REFERENCES users(id),
  action TEXT NOT NULL,
  client_id INTEGER,
  detail TEXT
) STRICT;
CREATE INDEX audit_events_client ON audit_events(client_id, at);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
`;

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: (sqlite) => sqlite.exec(SQL),
};
