import type { Migration } from './index';

/**
 * Migration 18: the funder report's contacts and help given, counted from indexes that hold every
 * column those counts read. Contacts by kind over a year used to walk the notes of the year in date
 * order and sort them by kind to group them (a temporary b-tree of every note, ~50 ms of ~60 at
 * 1,000,000 notes); with the kind first, each kind is one range of the index, already grouped. The
 * client is in the index so a report about one caseworker's clients reads no note either. Help given
 * over a period is read from the index alone (it looked up every record of help in the table).
 */
const SQL = /* sql */ `
DROP INDEX case_notes_occurred;
CREATE INDEX case_notes_kind_on ON case_notes(kind, occurred_at, duration_minutes, client_id);
DROP INDEX support_given_on;
CREATE INDEX support_given_period ON support_given(given_on, type_id, client_id, quantity, value);
`;

export const migration0018: Migration = {
  version: 18,
  name: 'report by kind',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
