import type { Migration } from './index';

/**
 * Migration 32: a form can be asked with another piece of casework instead of on its own: its
 * questions then appear when that is recorded (a referral to another agency now; a registration on
 * a programme is allowed for by the check), and what is filled in names it and goes with it.
 */
const SQL = /* sql */ `
ALTER TABLE custom_forms ADD COLUMN asked_with TEXT CHECK (asked_with IS NULL OR asked_with IN ('referral', 'registration'));
ALTER TABLE form_entries ADD COLUMN referral_id INTEGER REFERENCES referrals(id) ON DELETE CASCADE;
CREATE UNIQUE INDEX form_entries_referral ON form_entries(referral_id, form_id) WHERE referral_id IS NOT NULL;
`;

export const migration0032: Migration = {
  version: 32,
  name: 'forms asked with a referral',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
