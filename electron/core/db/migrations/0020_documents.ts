import type { Migration } from './index';

/**
 * Migration 20: documents on file. A document's bytes are kept inside the encrypted records, once
 * per distinct file (by its SHA-256): the same scan filed for two members of a family is stored
 * once, and goes when the last document that uses it goes. A document goes with its client; a link
 * to a note, referral or letter is let go when that record goes. A copy of a document saved outside
 * Casebook is remembered like any other saved file, so the list of saved files is rebuilt to allow it.
 */
const SQL = /* sql */ `
CREATE TABLE document_contents (
  id INTEGER PRIMARY KEY NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL
);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  content_id INTEGER NOT NULL REFERENCES document_contents(id),
  kind TEXT NOT NULL CHECK (kind IN ('id', 'proofOfAddress', 'incomeBenefit', 'letterReceived', 'consentForm', 'assessment', 'other')),
  title TEXT NOT NULL,
  document_date TEXT,
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  view TEXT NOT NULL CHECK (view IN ('pdf', 'image', 'none')),
  case_note_id INTEGER REFERENCES case_notes(id) ON DELETE SET NULL,
  referral_id INTEGER REFERENCES referrals(id) ON DELETE SET NULL,
  letter_id INTEGER REFERENCES letters(id) ON DELETE SET NULL,
  added_at TEXT NOT NULL,
  added_by INTEGER REFERENCES users(id),
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK ((case_note_id IS NOT NULL) + (referral_id IS NOT NULL) + (letter_id IS NOT NULL) <= 1)
);
CREATE INDEX documents_client ON documents(client_id, added_at);
CREATE INDEX documents_content ON documents(content_id);
CREATE TRIGGER documents_last_use AFTER DELETE ON documents
  WHEN NOT EXISTS (SELECT 1 FROM documents WHERE content_id = OLD.content_id)
BEGIN
  DELETE FROM document_contents WHERE id = OLD.content_id;
END;

CREATE TABLE saved_files_new (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
  what TEXT NOT NULL CHECK (what IN ('letter', 'safetyPlan', 'accessPack', 'register', 'clientList', 'document')),
  path TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by INTEGER REFERENCES users(id)
);
INSERT INTO saved_files_new SELECT id, client_id, what, path, saved_at, saved_by FROM saved_files;
DROP TABLE saved_files;
ALTER TABLE saved_files_new RENAME TO saved_files;
CREATE INDEX saved_files_client ON saved_files(client_id, saved_at);
`;

export const migration0020: Migration = {
  version: 20,
  name: 'documents',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
