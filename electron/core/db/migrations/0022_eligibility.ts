import type { Migration } from './index';

/**
 * Migration 22: eligibility. A service's criteria are a checklist in English and Polish; a check of
 * a client keeps each criterion as it was asked (a criterion reworded later does not change an old
 * check), whether it was met, and the evidence: a document on the client's file, or a note. A check
 * goes with its client; a document that was evidence may go on its own, and the answer keeps its
 * note. A document can also be filed as going with a check.
 */
const SQL = /* sql */ `
CREATE TABLE eligibility_services (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  name_pl TEXT,
  recheck_months INTEGER CHECK (recheck_months BETWEEN 1 AND 60),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE eligibility_criteria (
  id INTEGER PRIMARY KEY NOT NULL,
  service_id INTEGER NOT NULL REFERENCES eligibility_services(id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  text_pl TEXT,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX eligibility_criteria_service ON eligibility_criteria(service_id, position);
CREATE TABLE eligibility_checks (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES eligibility_services(id),
  checked_on TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('eligible', 'notEligible')),
  decided_by INTEGER REFERENCES users(id),
  recheck_on TEXT,
  note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX eligibility_checks_client ON eligibility_checks(client_id, service_id, checked_on);
CREATE INDEX eligibility_checks_recheck ON eligibility_checks(recheck_on) WHERE recheck_on IS NOT NULL;
CREATE TABLE eligibility_answers (
  check_id INTEGER NOT NULL REFERENCES eligibility_checks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  criterion_id INTEGER REFERENCES eligibility_criteria(id),
  text TEXT NOT NULL,
  text_pl TEXT,
  met INTEGER NOT NULL CHECK (met IN (0, 1)),
  document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
  evidence TEXT,
  PRIMARY KEY (check_id, position)
) WITHOUT ROWID;
CREATE INDEX eligibility_answers_document ON eligibility_answers(document_id) WHERE document_id IS NOT NULL;
ALTER TABLE documents ADD COLUMN eligibility_check_id INTEGER REFERENCES eligibility_checks(id) ON DELETE SET NULL;
`;

export const migration0022: Migration = {
  version: 22,
  name: 'eligibility',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
