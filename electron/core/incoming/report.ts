import { sql, type SQL } from 'drizzle-orm';
import type { FunderReport, FunderReportQuery } from '../../../shared/domain/report';
import { daysBetween } from '../../../shared/domain/caseload';
import type { ReadDb } from '../db/database';

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
};
const spread = (days: number[]) => ({
  people: days.length,
  medianDays: median(days),
  longestDays: days.length ? Math.max(...days) : null,
});

/**
 * Referrals into the charity in a period, by where they came from and what became of them; and
 * waiting times: how long those taken in during the period had waited, and how long those still
 * waiting at its end had waited so far. About one programme: those waiting for it; about one
 * caseworker: those who became their clients.
 */
export function incomingFigures(db: ReadDb, q: FunderReportQuery, cohort: SQL | null): FunderReport['incoming'] {
  const scope = sql.join(
    [
      q.programmeId ? sql`AND i.programme_id = ${q.programmeId}` : sql``,
      q.caseworkerId && cohort ? sql`AND i.client_id IN (${cohort})` : sql``,
    ],
    sql` `,
  );
  const bySource = db.all<FunderReport['incoming']['bySource'][number]>(sql`
    SELECT i.source, count(*) AS received, sum(i.status = 'accepted') AS accepted, sum(i.status = 'declined') AS declined,
      sum(i.status IN ('new', 'waiting', 'offered')) AS open
    FROM incoming_referrals i WHERE i.received_on BETWEEN ${q.from} AND ${q.to} ${scope}
    GROUP BY i.source ORDER BY received DESC, i.source`);
  const taken = db
    .values<[string, string]>(
      sql`SELECT i.received_on, i.decided_on FROM incoming_referrals i
        WHERE i.decided_on BETWEEN ${q.from} AND ${q.to} AND i.status = 'accepted' ${scope}`,
    )
    .map(([from, to]) => Math.max(0, daysBetween(from, to)));
  // Still waiting when the period ended: came in by then, and not decided by then (whatever happened since).
  const waiting = db
    .values<[string]>(
      sql`SELECT i.received_on FROM incoming_referrals i
        WHERE i.received_on <= ${q.to} AND (i.decided_on IS NULL OR i.decided_on > ${q.to})
          ${scope}`,
    )
    .map(([from]) => Math.max(0, daysBetween(from, q.to)));
  return { bySource, takenIn: spread(taken), stillWaiting: spread(waiting) };
}
