import { sql } from 'drizzle-orm';
import type { FunderReport, FunderReportQuery } from '../../../shared/domain/report';
import type { ReadDb } from '../db/database';

/**
 * Signposting in a period: how many contacts, by need (a need area, or "other") and by where people
 * were sent. Counts of contacts, as the report's other contacts are; nobody is named. A report about
 * one programme or caseworker is about their clients, and signposting is about people who are not.
 */
export function signpostingFigures(db: ReadDb, q: FunderReportQuery): FunderReport['signposting'] {
  if (q.programmeId || q.caseworkerId) return { contacts: 0, byNeed: [], byPlace: [] };
  const period = sql`s.contacted_on BETWEEN ${q.from} AND ${q.to}`;
  const byNeed = db.all<FunderReport['signposting']['byNeed'][number]>(sql`
    SELECT a.id AS areaId, a.builtin_key AS areaKey, a.name AS areaName, count(*) AS count
    FROM signposting s LEFT JOIN need_areas a ON a.id = s.need_area_id
    WHERE ${period} GROUP BY a.id ORDER BY count DESC, a.position`);
  const byPlace = db.all<FunderReport['signposting']['byPlace'][number]>(sql`
    SELECT coalesce(g.name, s.elsewhere) AS place, count(*) AS count
    FROM signposting s LEFT JOIN agencies g ON g.id = s.agency_id
    WHERE ${period} GROUP BY 1 ORDER BY count DESC, 1 LIMIT 20`);
  return { contacts: byNeed.reduce((n, x) => n + x.count, 0), byNeed, byPlace };
}
