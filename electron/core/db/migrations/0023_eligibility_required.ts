import type { Migration } from './index';

/**
 * Migration 23: a programme, or referrals to an agency, may need a current eligibility decision for
 * a service, as a referral needs the client's consent: registering someone, or sending the
 * referral, is refused without one.
 */
const SQL = /* sql */ `
ALTER TABLE programmes ADD COLUMN requires_service_id INTEGER REFERENCES eligibility_services(id);
ALTER TABLE agencies ADD COLUMN requires_service_id INTEGER REFERENCES eligibility_services(id);
`;

export const migration0023: Migration = {
  version: 23,
  name: 'eligibility required',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
