import { sql } from 'drizzle-orm';
import {
  DEFAULT_RETENTION_YEARS,
  RETENTION_YEARS_MAX,
  RETENTION_YEARS_MIN,
  retentionDueOn,
  type RetentionCase,
} from '../../../shared/domain/retention';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { retentionHolds } from '../db/schema';
import { getSetting, setSetting } from '../settings/settings';

const SETTING = 'retention_years';

export function retentionYears(db: ReadDb): number {
  const n = Number(getSetting(db, SETTING));
  return Number.isInteger(n) && n >= RETENTION_YEARS_MIN && n <= RETENTION_YEARS_MAX ? n : DEFAULT_RETENTION_YEARS;
}

export function setRetentionYears(db: Db, years: number): void {
  setSetting(db, SETTING, String(years));
}

/**
 * Closed cases whose retention period has run out by `today` (still closed), unless kept with a
 * review date still to come. Oldest first. A case kept before comes back on its review date, with
 * the reason it was kept.
 */
export function retentionQueue(db: ReadDb, today: string, years: number = retentionYears(db)): RetentionCase[] {
  // Cases closed in or before that year may be due; the exact day is checked below.
  const closedBy = `${Number(today.slice(0, 4)) - years}-12-31`;
  const rows = db.all<Omit<RetentionCase, 'dueOn'>>(sql`
    SELECT c.id AS clientId, c.reference, c.first_name || ' ' || c.last_name AS name, c.status_since AS closedOn, c.closure_reason AS closureReason,
      (SELECT h.reason FROM retention_holds h WHERE h.client_id = c.id ORDER BY h.review_on DESC, h.id DESC LIMIT 1) AS lastKeptReason
    FROM clients c
    WHERE c.status = 'closed' AND c.status_since <= ${closedBy}
      AND NOT EXISTS (SELECT 1 FROM retention_holds h WHERE h.client_id = c.id AND h.review_on > ${today})
    ORDER BY c.status_since, c.id`);
  return rows.map((r) => ({ ...r, dueOn: retentionDueOn(r.closedOn, years) })).filter((r) => r.dueOn <= today);
}

/** Keeps a case past its retention period until `reviewOn`, for the reason given. */
export function keepCase(
  db: Db,
  clientId: number,
  reason: string,
  reviewOn: string,
  userId: number,
  today: string,
): void {
  const c = db.get<{ status: string } | undefined>(sql`SELECT status FROM clients WHERE id = ${clientId}`);
  if (!c) throw new CasebookError('NOT_FOUND', 'No such client');
  if (reviewOn <= today)
    throw new CasebookError('BAD_INPUT', 'The review date must be after today', {
      fields: { reviewOn: 'reviewNotInFuture' },
    });
  db.insert(retentionHolds).values({ clientId, reason, keptOn: today, reviewOn, keptBy: userId }).run();
}
