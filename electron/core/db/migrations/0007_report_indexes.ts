import type { Migration } from './index';

/**
 * Migration 7: indexes for counting a period across all clients (funder reports): contacts by date (covering
 * the kind and duration, so a year of notes is counted from the index alone),
 * intakes, referrals and goals by the day they were made, goal progress by day.
 */
const SQL = /* sql */ `
CREATE INDEX case_notes_occurred ON case_notes(occurred_at, kind, duration_minutes);
CREATE INDEX clients_intake ON clients(intake_date);
CREATE INDEX referrals_created ON referrals(created_on);
CREATE INDEX goals_added ON goals(added_on);
CREATE INDEX goal_updates_on ON goal_updates(updated_on, status);
`;

export const migration0007: Migration = {
  version: 7,
  name: 'report indexes',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
