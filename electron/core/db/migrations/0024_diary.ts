import type { Migration } from './index';

/**
 * Migration 24: the diary. An appointment is with one client or several (a family), and with people
 * from the charity or someone at an agency; a run of them ("every other Tuesday") shares the id of
 * its first. What became of it is kept per client (came, did not come), with the case note it
 * became. A home visit has the time the visitor expects to be back and when they checked in.
 * An appointment goes with its last client: erasing them takes it (their address may be its place).
 * Users gain a phone (for the alert when a visitor is not back) and how long before an appointment
 * they are reminded.
 */
const SQL = /* sql */ `
CREATE TABLE appointments (
  id INTEGER PRIMARY KEY NOT NULL,
  series_id INTEGER REFERENCES appointments(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('office', 'phone', 'video', 'homeVisit', 'accompanied', 'group')),
  on_date TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
  place TEXT,
  room TEXT,
  agency_id INTEGER REFERENCES agencies(id),
  agency_contact TEXT,
  note TEXT,
  back_by TEXT,
  back_safely_at TEXT,
  back_safely_by INTEGER REFERENCES users(id),
  alert_raised_at TEXT,
  cancelled INTEGER NOT NULL DEFAULT 0,
  cancel_reason TEXT,
  booked_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX appointments_by_day ON appointments(on_date, starts_at);
CREATE INDEX appointments_series ON appointments(series_id);
CREATE INDEX appointments_home_visits ON appointments(kind, on_date) WHERE kind = 'homeVisit' AND back_safely_at IS NULL AND cancelled = 0;

CREATE TABLE appointment_clients (
  appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  outcome TEXT NOT NULL DEFAULT 'booked' CHECK (outcome IN ('booked', 'attended', 'missed')),
  outcome_at TEXT,
  outcome_by INTEGER REFERENCES users(id),
  note_id INTEGER REFERENCES case_notes(id) ON DELETE SET NULL,
  texted_at TEXT,
  PRIMARY KEY (appointment_id, client_id)
);
CREATE INDEX appointment_clients_by_client ON appointment_clients(client_id, appointment_id);

CREATE TABLE appointment_staff (
  appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (appointment_id, user_id)
);
CREATE INDEX appointment_staff_by_user ON appointment_staff(user_id, appointment_id);

-- An appointment goes with the last of its clients.
CREATE TRIGGER appointments_go_with_last_client AFTER DELETE ON appointment_clients
WHEN NOT EXISTS (SELECT 1 FROM appointment_clients WHERE appointment_id = OLD.appointment_id)
BEGIN
  DELETE FROM appointments WHERE id = OLD.appointment_id;
END;

ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE users ADD COLUMN reminder_minutes INTEGER NOT NULL DEFAULT 15;
`;

export const migration0024: Migration = {
  version: 24,
  name: 'diary',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
