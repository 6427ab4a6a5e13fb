import { BUILTIN_HELP_TYPES } from '../../../../shared/domain/helpGiven';
import { AGE_BANDS } from '../../../../shared/domain/ageBand';
import type { Migration } from './index';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Migration 6: group programmes (workshops, drop-ins, groups, outreach, events) with their sessions,
 * who is registered, who came to each session and how many came anonymously; and the practical help
 * given to clients (food parcels, vouchers…) with the kinds of help the charity gives. The charity
 * gains the currency its money values are kept in.
 */
const SQL = /* sql */ `
ALTER TABLE charity ADD COLUMN currency TEXT NOT NULL DEFAULT 'GBP' CHECK (currency IN ('GBP', 'EUR', 'PLN'));

CREATE TABLE programmes (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('workshop', 'dropIn', 'groupSupport', 'outreach', 'awarenessEvent')),
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
  facilitators TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(facilitators)),
  venue TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
) STRICT;
CREATE INDEX programmes_dates ON programmes(ends_on, starts_on);

CREATE TABLE programme_sessions (
  id INTEGER PRIMARY KEY NOT NULL,
  programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  held_on TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT,
  venue TEXT,
  facilitator TEXT,
  note TEXT,
  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  cancel_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (ends_at IS NULL OR ends_at > starts_at)
) STRICT;
CREATE UNIQUE INDEX programme_sessions_when ON programme_sessions(programme_id, held_on, starts_at);
CREATE INDEX programme_sessions_held_on ON programme_sessions(held_on);

CREATE TABLE programme_members (
  programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  registered_on TEXT NOT NULL,
  registered_by INTEGER REFERENCES users(id),
  PRIMARY KEY (programme_id, client_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX programme_members_client ON programme_members(client_id);

CREATE TABLE attendance (
  session_id INTEGER NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
  marked_by INTEGER REFERENCES users(id),
  marked_at TEXT NOT NULL,
  PRIMARY KEY (session_id, client_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_client ON attendance(client_id);

CREATE TABLE session_headcounts (
  session_id INTEGER NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
  age_band TEXT NOT NULL CHECK (age_band IN (${list(AGE_BANDS)})),
  people INTEGER NOT NULL CHECK (people > 0),
  PRIMARY KEY (session_id, age_band)
) STRICT, WITHOUT ROWID;

CREATE TABLE support_types (
  id INTEGER PRIMARY KEY NOT NULL,
  builtin_key TEXT UNIQUE CHECK (builtin_key IS NULL OR builtin_key IN (${list(BUILTIN_HELP_TYPES)})),
  name TEXT,
  folded_name TEXT,
  unit_value INTEGER CHECK (unit_value IS NULL OR unit_value >= 0),
  repeat_limit INTEGER CHECK (repeat_limit IS NULL OR repeat_limit > 0),
  repeat_days INTEGER CHECK (repeat_days IS NULL OR repeat_days > 0),
  position INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (name IS NOT NULL OR builtin_key IS NOT NULL),
  CHECK ((repeat_limit IS NULL) = (repeat_days IS NULL))
) STRICT;

CREATE TABLE support_given (
  id INTEGER PRIMARY KEY NOT NULL,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  type_id INTEGER NOT NULL REFERENCES support_types(id),
  given_on TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  value INTEGER CHECK (value IS NULL OR value >= 0),
  session_id INTEGER REFERENCES programme_sessions(id) ON DELETE SET NULL,
  note TEXT,
  override_reason TEXT,
  given_by INTEGER REFERENCES users(id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX support_given_client ON support_given(client_id, type_id, given_on);
CREATE INDEX support_given_on ON support_given(given_on);
`;

/** Food parcels: no more than three in 30 days without a reason; vouchers and hygiene packs twice. */
const REPEAT_RULES: Partial<Record<(typeof BUILTIN_HELP_TYPES)[number], [number, number]>> = {
  foodParcel: [3, 30],
  voucher: [2, 30],
  hygienePack: [2, 30],
};

export const migration0006: Migration = {
  version: 6,
  name: 'programmes and support given',
  up(sqlite) {
    sqlite.exec(SQL);
    // The real time, on purpose: when these built-in rows were written is a fact about this
    // database, not a rule about today (migrations run outside any call, with no core clock).
    const now = new Date().toISOString();
    const insert = sqlite.prepare(
      `INSERT INTO support_types (builtin_key, repeat_limit, repeat_days, position, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    BUILTIN_HELP_TYPES.forEach((key, i) => {
      const [limit, days] = REPEAT_RULES[key] ?? [null, null];
      insert.run(key, limit, days, i, now);
    });
  },
};
