import type { Migration } from './index';

/**
 * Migration 33: a form can also be asked with each registration on a programme (every programme,
 * or one), or with each case note of one kind (a home visit's safety checklist). `asked_with`'s
 * check already allows 'registration'; a form asked with notes names their kind instead (and is
 * asked with nothing else). What is filled in names the programme (one entry per person, form and
 * programme: registering again finds it) or the note, and goes with the note when it goes.
 */
const SQL = /* sql */ `
ALTER TABLE custom_forms ADD COLUMN note_kind TEXT
  CHECK (note_kind IS NULL OR (asked_with IS NULL AND note_kind IN ('phone', 'officeVisit', 'homeVisit', 'online', 'letter', 'email', 'other')));
ALTER TABLE custom_forms ADD COLUMN programme_id INTEGER REFERENCES programmes(id)
  CHECK (programme_id IS NULL OR asked_with IS 'registration');
ALTER TABLE form_entries ADD COLUMN programme_id INTEGER REFERENCES programmes(id);
ALTER TABLE form_entries ADD COLUMN case_note_id INTEGER REFERENCES case_notes(id) ON DELETE CASCADE;
CREATE UNIQUE INDEX form_entries_registration ON form_entries(programme_id, client_id, form_id) WHERE programme_id IS NOT NULL;
CREATE UNIQUE INDEX form_entries_case_note ON form_entries(case_note_id, form_id) WHERE case_note_id IS NOT NULL;
`;

export const migration0033: Migration = {
  version: 33,
  name: 'forms asked with case notes and registrations',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
