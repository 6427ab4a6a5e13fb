import type { Migration } from './index';

/**
 * Migration 27: referrals into the charity and its waiting list. A referral in is logged before
 * anyone is a client: who, why, from whom, how urgent, at risk or not, and that they agreed to their
 * details being held. It is waiting (for the charity's support, or for a programme), offered a place,
 * accepted (and then belongs to the client it became: it goes with them), declined, or withdrawn.
 */
const SQL = /* sql */ `
CREATE TABLE incoming_referrals (
  id INTEGER PRIMARY KEY NOT NULL,
  received_on TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  date_of_birth TEXT,
  phone TEXT,
  email TEXT,
  postcode TEXT,
  preferred_language TEXT,
  reason TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('self', 'gp', 'council', 'school', 'agency', 'familyFriend', 'other')),
  referrer_name TEXT,
  referrer_contact TEXT,
  agency_id INTEGER REFERENCES agencies(id),
  urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent')),
  at_risk INTEGER NOT NULL DEFAULT 0 CHECK (at_risk IN (0, 1)),
  risk_note TEXT,
  consent_to_hold INTEGER NOT NULL CHECK (consent_to_hold = 1),
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'waiting', 'offered', 'accepted', 'declined', 'withdrawn')),
  programme_id INTEGER REFERENCES programmes(id),
  waiting_since TEXT,
  offered_on TEXT,
  checked_on TEXT,
  decided_on TEXT,
  decided_by INTEGER REFERENCES users(id),
  decline_reason TEXT,
  client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX incoming_referrals_open ON incoming_referrals(status, at_risk, urgency, waiting_since) WHERE status IN ('new', 'waiting', 'offered');
CREATE INDEX incoming_referrals_received ON incoming_referrals(received_on);
CREATE INDEX incoming_referrals_decided ON incoming_referrals(decided_on) WHERE decided_on IS NOT NULL;
CREATE INDEX incoming_referrals_client ON incoming_referrals(client_id) WHERE client_id IS NOT NULL;
CREATE INDEX incoming_referrals_programme ON incoming_referrals(programme_id) WHERE programme_id IS NOT NULL;
`;

export const migration0027: Migration = {
  version: 27,
  name: 'incoming referrals',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
