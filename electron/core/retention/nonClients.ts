import { sql } from 'drizzle-orm';
import { addMonths } from '../../../shared/domain/caseload';
import { DEFAULT_NON_CLIENT_MONTHS, NON_CLIENT_MONTHS_MAX, type NonClientDue } from '../../../shared/domain/retention';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { getSetting, setSetting } from '../settings/settings';

const SETTING = 'non_client_months';

export function nonClientMonths(db: ReadDb): number {
  const n = Number(getSetting(db, SETTING));
  return Number.isInteger(n) && n >= 1 && n <= NON_CLIENT_MONTHS_MAX ? n : DEFAULT_NON_CLIENT_MONTHS;
}

export function setNonClientMonths(db: Db, months: number): void {
  setSetting(db, SETTING, String(months));
}

/** A referral in that never became a client, and was decided, with its details still there. */
const INCOMING_KEPT = sql`client_id IS NULL AND status IN ('declined', 'withdrawn') AND forgotten_on IS NULL`;
/** A signposting contact who gave a name and never became a client. */
const SIGNPOST_KEPT = sql`client_id IS NULL AND name IS NOT NULL`;

/**
 * People who never became clients whose details have been kept `months` months or more by `today`:
 * declined or withdrawn referrals in, and named signposting contacts. Oldest first.
 */
export function nonClientsDue(db: ReadDb, today: string, months: number = nonClientMonths(db)): NonClientDue[] {
  const before = addMonths(today, -months);
  const rows = db.all<Omit<NonClientDue, 'dueOn'>>(sql`
    SELECT 'incoming' AS kind, id, first_name || ' ' || last_name AS name, decided_on AS "on"
      FROM incoming_referrals WHERE ${INCOMING_KEPT} AND decided_on <= ${before}
    UNION ALL
    SELECT 'signposting', id, name, contacted_on FROM signposting WHERE ${SIGNPOST_KEPT} AND contacted_on <= ${before}
    ORDER BY 4, 1, 2
    LIMIT 5000`);
  return rows.map((r) => ({ ...r, name: r.name.trim(), dueOn: addMonths(r.on, months) }));
}

/**
 * Removes the personal details of people who never became clients: a referral keeps where it came
 * from, how urgent it was and what was decided (for the figures), losing who, why and the letter
 * back; a signposting contact becomes anonymous. Refused whole if any is not such a record.
 */
export function forgetNonClients(db: Db, items: { kind: 'incoming' | 'signposting'; id: number }[], today: string) {
  for (const { kind, id } of items) {
    const changed =
      kind === 'incoming'
        ? db.run(sql`UPDATE incoming_referrals SET first_name = 'Anonymised', last_name = '', date_of_birth = NULL,
            phone = NULL, email = NULL, postcode = NULL, reason = '', referrer_name = NULL, referrer_contact = NULL,
            risk_note = NULL, decline_reason = NULL, reply = NULL, forgotten_on = ${today}
            WHERE id = ${id} AND ${INCOMING_KEPT}`).changes
        : db.run(
            sql`UPDATE signposting SET name = NULL, phone = NULL, note = NULL WHERE id = ${id} AND ${SIGNPOST_KEPT}`,
          ).changes;
    if (changed !== 1)
      throw new CasebookError('BAD_INPUT', 'Not someone who never became a client', {
        fields: { items: 'notANonClient' },
      });
  }
  return {
    incoming: items.filter((i) => i.kind === 'incoming').length,
    signposting: items.filter((i) => i.kind === 'signposting').length,
  };
}
