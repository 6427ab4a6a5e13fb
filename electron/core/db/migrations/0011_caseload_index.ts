import type { Migration } from './index';

/**
 * Migration 11: the coordinator's home screen counts every caseworker's open clients and their
 * reviews due. This index holds what that count reads of each client (status, caseworker, intake
 * date) in the order it groups them, so the 100,000 client rows themselves are not visited.
 */
const SQL = /* sql */ `
CREATE INDEX clients_load ON clients(status, caseworker_id, intake_date);
`;

export const migration0011: Migration = {
  version: 11,
  name: 'caseload index',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
