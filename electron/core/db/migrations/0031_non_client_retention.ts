import type { Migration } from './index';

/**
 * Migration 31: people who never became clients are not kept for ever. A referral in that was
 * declined or withdrawn has its personal details removed after a time the charity sets (what is
 * left counts in the figures); the day that was done is kept, so it is not listed again.
 */
const SQL = /* sql */ `
ALTER TABLE incoming_referrals ADD COLUMN forgotten_on TEXT;
`;

export const migration0031: Migration = {
  version: 31,
  name: 'non-client retention',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
