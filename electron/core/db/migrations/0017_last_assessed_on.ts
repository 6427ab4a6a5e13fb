import type { Migration } from './index';

/**
 * Migration 17: each client's latest assessment or review date kept on the client, so the home
 * screens find reviews due without looking up every open client's assessments. The coordinator's
 * count of reviews due per caseworker then reads one index (status, caseworker, last assessed,
 * intake date) and no table. Triggers keep the date right whichever way assessments change (saved,
 * re-dated, moved by a merge, removed with an erasure), so no code path can forget it.
 */
const SQL = /* sql */ `
ALTER TABLE clients ADD COLUMN last_assessed_on TEXT;
UPDATE clients SET last_assessed_on = (SELECT max(a.assessed_on) FROM assessments a WHERE a.client_id = clients.id);
DROP INDEX clients_load;
CREATE INDEX clients_load ON clients(status, caseworker_id, last_assessed_on, intake_date);
CREATE TRIGGER assessments_last_on_insert AFTER INSERT ON assessments BEGIN
  UPDATE clients SET last_assessed_on = (SELECT max(assessed_on) FROM assessments WHERE client_id = NEW.client_id) WHERE id = NEW.client_id;
END;
CREATE TRIGGER assessments_last_on_update AFTER UPDATE OF assessed_on, client_id ON assessments BEGIN
  UPDATE clients SET last_assessed_on = (SELECT max(assessed_on) FROM assessments WHERE client_id = NEW.client_id) WHERE id = NEW.client_id;
  UPDATE clients SET last_assessed_on = (SELECT max(assessed_on) FROM assessments WHERE client_id = OLD.client_id) WHERE id = OLD.client_id AND OLD.client_id <> NEW.client_id;
END;
CREATE TRIGGER assessments_last_on_delete AFTER DELETE ON assessments BEGIN
  UPDATE clients SET last_assessed_on = (SELECT max(assessed_on) FROM assessments WHERE client_id = OLD.client_id) WHERE id = OLD.client_id;
END;
`;

export const migration0017: Migration = {
  version: 17,
  name: 'last assessed on',
  up(sqlite) {
    sqlite.exec(SQL);
  },
};
