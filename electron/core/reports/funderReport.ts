import { sql, type SQL } from 'drizzle-orm';
import { AGE_BANDS, ageBandOf, type AgeBand } from '../../../shared/domain/ageBand';
import { addDays } from '../../../shared/domain/caseload';
import {
  GENDER_WITHHELD,
  IN_NEED_MAX,
  NOT_RECORDED,
  suppressed,
  type FunderReport,
  type FunderReportQuery,
} from '../../../shared/domain/report';
import { CASE_NOTE_KINDS } from '../../../shared/domain/caseNote';
import { getCharity } from '../charity/queries';
import type { ReadDb } from '../db/database';
import { programmeFigures } from '../programmes/figures';
import { helpGivenTotals } from '../helpGiven/helpGiven';
import { answerBreakdowns, formFigures } from '../customFields/report';
import { incomingFigures } from '../incoming/report';
import { signpostingFigures } from '../signposting/report';

/**
 * The clients a report is about: everyone, or only those allocated to one caseworker, or only those
 * who came to one programme's sessions in the period (both filters together narrow further).
 */
function cohortOf(q: FunderReportQuery): SQL | null {
  if (!q.caseworkerId && !q.programmeId) return null;
  const parts: SQL[] = [sql`SELECT c.id FROM clients c WHERE 1`];
  if (q.caseworkerId) parts.push(sql`AND c.caseworker_id = ${q.caseworkerId}`);
  if (q.programmeId)
    parts.push(sql`AND c.id IN (SELECT a.client_id FROM attendance a JOIN programme_sessions s ON s.id = a.session_id
      WHERE s.programme_id = ${q.programmeId} AND s.cancelled = 0 AND s.held_on BETWEEN ${q.from} AND ${q.to})`);
  return sql.join(parts, sql` `);
}

/** `AND <column> IN (the cohort)`, or nothing when the report is about everyone. */
const inCohort = (column: SQL, cohort: SQL | null): SQL => (cohort ? sql`AND ${column} IN (${cohort})` : sql``);

/**
 * Whether a client's case was open (or on hold) at some time in the period, from the history of
 * status changes: a status holds from its date until the next change, so a case closed on the first
 * day of the period, or opened on its last, counts; one closed before and reopened within it counts
 * once. Asked of each client (a correlated test), so each use reads only the clients it looks at.
 */
function supportedIn(client: SQL, q: FunderReportQuery): SQL {
  return sql`EXISTS (SELECT 1 FROM client_status_changes x
    WHERE x.client_id = ${client} AND x.status <> 'closed' AND x.changed_on <= ${q.to}
      AND coalesce((SELECT min(y.changed_on) FROM client_status_changes y
                    WHERE y.client_id = x.client_id AND (y.changed_on > x.changed_on OR (y.changed_on = x.changed_on AND y.id > x.id))), '9999-12-31') >= ${q.from})`;
}

/**
 * Everything a funder asks about a period, counted from the records: cases, contacts and hours,
 * referrals, needs at intake, outcomes (change between a client's first and latest scores), goals,
 * help given, attendance, and who the people were, with groups under five shown as "<5".
 */
export function funderReport(
  db: ReadDb,
  q: FunderReportQuery,
  names: { programmeName: string | null; caseworkerName: string | null },
): FunderReport {
  const cohort = cohortOf(q);
  // Who the people supported in the period were, counted in groups by SQLite (all 100,000 clients
  // at a large charity, so no row per person is handed over): age in whole years on the period's
  // last day, on the calendar; gender as written (folded below); language.
  const year = Number(q.to.slice(0, 4));
  const groups = db.values<
    [age: number | null, withheld: number, gender: string | null, language: string | null, people: number]
  >(sql`
    SELECT CASE WHEN c.date_of_birth <> '' THEN ${year} - CAST(substr(c.date_of_birth, 1, 4) AS INTEGER) - (${q.to.slice(5)} < substr(c.date_of_birth, 6))
                WHEN c.estimated_birth_year THEN ${year} - c.estimated_birth_year END,
      c.gender_withheld, c.gender, c.preferred_language, count(*)
    FROM clients c WHERE ${supportedIn(sql`c.id`, q)} ${inCohort(sql`c.id`, cohort)}
    GROUP BY 1, 2, 3, 4`);
  const supportedPeople = groups.reduce((n, g) => n + g[4], 0);
  const dayAfter = addDays(q.to, 1);

  const counts = db.get<Omit<FunderReport['cases'], 'active'>>(sql`
    SELECT
      (SELECT count(*) FROM clients c WHERE 1 ${inCohort(sql`c.id`, cohort)} AND c.intake_date BETWEEN ${q.from} AND ${q.to}) AS newClients,
      (SELECT count(*) FROM client_status_changes x WHERE 1 ${inCohort(sql`x.client_id`, cohort)} AND x.status = 'closed' AND x.changed_on BETWEEN ${q.from} AND ${q.to}) AS closed,
      (SELECT count(*) FROM client_status_changes x WHERE 1 ${inCohort(sql`x.client_id`, cohort)} AND x.status = 'open' AND x.changed_on BETWEEN ${q.from} AND ${q.to}
         AND EXISTS (SELECT 1 FROM client_status_changes y WHERE y.client_id = x.client_id AND y.status = 'closed' AND y.id < x.id)) AS reopened`);

  const closedByReason = db.all<FunderReport['closedByReason'][number]>(sql`
    SELECT x.reason, count(*) AS count FROM client_status_changes x
    WHERE 1 ${inCohort(sql`x.client_id`, cohort)} AND x.status = 'closed' AND x.changed_on BETWEEN ${q.from} AND ${q.to}
    GROUP BY x.reason ORDER BY count DESC, x.reason`);

  // Every kind named (the table allows no other), so each kind is one range of the index, already
  // grouped: no sorting of the period's notes.
  const contacts = db.all<FunderReport['contacts'][number]>(sql`
    SELECT n.kind, count(*) AS count, coalesce(sum(n.duration_minutes), 0) AS minutes FROM case_notes n
    WHERE n.kind IN (${sql.join(
      CASE_NOTE_KINDS.map((k) => sql`${k}`),
      sql`, `,
    )}) AND n.occurred_at >= ${q.from} AND n.occurred_at < ${dayAfter} ${inCohort(sql`n.client_id`, cohort)}
    GROUP BY n.kind ORDER BY count DESC, n.kind`);

  const referrals = db.all<FunderReport['referrals'][number]>(sql`
    SELECT r.agency_id AS agencyId, a.name AS agencyName, r.status, count(*) AS count
    FROM referrals r JOIN agencies a ON a.id = r.agency_id
    WHERE r.created_on BETWEEN ${q.from} AND ${q.to} ${inCohort(sql`r.client_id`, cohort)}
    GROUP BY r.agency_id, r.status ORDER BY a.name, r.status`);

  const eligibility = db.all<FunderReport['eligibility'][number]>(sql`
    SELECT s.id AS serviceId, s.name AS serviceName, s.name_pl AS serviceNamePl,
      sum(e.decision = 'eligible') AS eligible, sum(e.decision = 'notEligible') AS notEligible
    FROM eligibility_checks e JOIN eligibility_services s ON s.id = e.service_id
    WHERE e.checked_on BETWEEN ${q.from} AND ${q.to} ${inCohort(sql`e.client_id`, cohort)}
      AND NOT EXISTS (SELECT 1 FROM eligibility_checks later WHERE later.client_id = e.client_id AND later.service_id = e.service_id
        AND later.checked_on BETWEEN ${q.from} AND ${q.to} AND (later.checked_on > e.checked_on OR (later.checked_on = e.checked_on AND later.id > e.id)))
    GROUP BY s.id ORDER BY lower(s.name), s.id`);

  const appointments = db.all<FunderReport['appointments'][number]>(sql`
    SELECT a.kind, sum(a.cancelled = 0 AND ac.outcome = 'attended') AS attended, sum(a.cancelled = 0 AND ac.outcome = 'missed') AS missed,
      sum(a.cancelled = 0 AND ac.outcome = 'booked') AS notRecorded, sum(a.cancelled = 1) AS cancelled
    FROM appointments a JOIN appointment_clients ac ON ac.appointment_id = a.id
    WHERE a.on_date BETWEEN ${q.from} AND ${q.to} ${inCohort(sql`ac.client_id`, cohort)}
    GROUP BY a.kind ORDER BY count(*) DESC, a.kind`);

  // Needs at intake: the first assessment of each client taken in during the period.
  const needsAtIntake = db.all<FunderReport['needsAtIntake'][number]>(sql`
    SELECT s.area_id AS areaId, na.builtin_key AS areaKey, na.name AS areaName, count(*) AS assessed,
      sum(s.score <= ${IN_NEED_MAX}) AS inNeed, round(avg(s.score), 1) AS averageScore
    FROM clients c
    JOIN assessments a ON a.id = (SELECT a2.id FROM assessments a2 WHERE a2.client_id = c.id ORDER BY a2.assessed_on, a2.id LIMIT 1)
    JOIN assessment_scores s ON s.assessment_id = a.id
    JOIN need_areas na ON na.id = s.area_id
    WHERE 1 ${inCohort(sql`c.id`, cohort)} AND c.intake_date BETWEEN ${q.from} AND ${q.to}
    GROUP BY s.area_id ORDER BY na.position, na.id`);

  // Outcomes: for each client supported in the period and assessed or reviewed in it, each area
  // scored twice or more by the period's end: the first score against the latest. Rows come in
  // date order from the assessments index and are paired here (cheaper than window functions).
  const scores = db.all<{ clientId: number; areaId: number; score: number }>(sql`
    SELECT a.client_id AS clientId, s.area_id AS areaId, s.score
    FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id
    WHERE a.assessed_on <= ${q.to}
      AND a.client_id IN (SELECT r.client_id FROM assessments r
                          WHERE r.assessed_on BETWEEN ${q.from} AND ${q.to} AND ${supportedIn(sql`r.client_id`, q)} ${inCohort(sql`r.client_id`, cohort)})
    ORDER BY a.client_id, a.assessed_on, a.id`);
  const series = new Map<string, { clientId: number; areaId: number; first: number; last: number; times: number }>();
  for (const x of scores) {
    const k = `${x.clientId}:${x.areaId}`;
    const e = series.get(k);
    if (e) {
      e.last = x.score;
      e.times++;
    } else series.set(k, { clientId: x.clientId, areaId: x.areaId, first: x.score, last: x.score, times: 1 });
  }
  const areaInfo = new Map(
    db
      .all<{ id: number; key: string | null; name: string | null; position: number }>(
        sql`SELECT id, builtin_key AS key, name, position FROM need_areas`,
      )
      .map((a) => [a.id, a]),
  );
  const areas = new Map<number, FunderReport['outcomes']['areas'][number]>();
  const change = new Map<number, number[]>();
  for (const p of series.values()) {
    if (p.times < 2) continue;
    const info = areaInfo.get(p.areaId);
    const a = areas.get(p.areaId) ?? {
      areaId: p.areaId,
      areaKey: info?.key ?? null,
      areaName: info?.name ?? null,
      improved: 0,
      same: 0,
      worse: 0,
    };
    if (p.last > p.first) a.improved++;
    else if (p.last < p.first) a.worse++;
    else a.same++;
    areas.set(p.areaId, a);
    change.set(p.clientId, [...(change.get(p.clientId) ?? []), p.last - p.first]);
  }
  const byPosition = (x: { areaId: number }, y: { areaId: number }) =>
    (areaInfo.get(x.areaId)?.position ?? 0) - (areaInfo.get(y.areaId)?.position ?? 0) || x.areaId - y.areaId;
  const improvedClients = [...change.values()].filter((d) => d.reduce((x, y) => x + y, 0) / d.length > 0).length;

  const goals = db.get<FunderReport['goals']>(sql`
    SELECT
      (SELECT count(*) FROM goals g WHERE 1 ${inCohort(sql`g.client_id`, cohort)} AND g.added_on BETWEEN ${q.from} AND ${q.to}) AS "set",
      (SELECT count(DISTINCT u.goal_id) FROM goal_updates u WHERE 1 ${inCohort(sql`u.client_id`, cohort)} AND u.status = 'achieved' AND u.updated_on BETWEEN ${q.from} AND ${q.to}) AS achieved,
      (SELECT count(DISTINCT u.goal_id) FROM goal_updates u WHERE 1 ${inCohort(sql`u.client_id`, cohort)} AND u.status = 'partlyAchieved' AND u.updated_on BETWEEN ${q.from} AND ${q.to}) AS partlyAchieved,
      (SELECT count(DISTINCT u.goal_id) FROM goal_updates u WHERE 1 ${inCohort(sql`u.client_id`, cohort)} AND u.status = 'notAchieved' AND u.updated_on BETWEEN ${q.from} AND ${q.to}) AS notAchieved`);

  const helpGiven = helpGivenTotals(db, { from: q.from, to: q.to, clientIn: cohort });
  // About one caseworker's clients: only their attendances (the anonymous headcount is nobody's).
  const attendance = programmeFigures(db, {
    from: q.from,
    to: q.to,
    programmeId: q.programmeId,
    clientIn: q.caseworkerId ? cohort : null,
  });

  // Who the people were: the groups counted above, folded into bands and written genders.
  const bands = new Map<AgeBand, number>();
  const genders = new Map<string, number>();
  const languages = new Map<string, number>();
  const add = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const [age, withheld, gender, language, n] of groups) {
    add(bands, ageBandOf(age), n);
    add(genders, withheld ? GENDER_WITHHELD : gender?.trim() ? gender.trim().toLowerCase() : NOT_RECORDED, n);
    add(languages, language ?? NOT_RECORDED, n);
  }
  const listed = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, n]) => ({ key: k, count: suppressed(n) }));

  return {
    query: { from: q.from, to: q.to, programmeId: q.programmeId, caseworkerId: q.caseworkerId },
    cases: { ...counts, active: supportedPeople },
    ...names,
    ...(({ name, currency }) => ({ charityName: name, currency }))(getCharity(db)),
    closedByReason,
    contacts,
    referrals,
    eligibility,
    appointments,
    needsAtIntake,
    outcomes: { areas: [...areas.values()].sort(byPosition), clients: change.size, improvedClients },
    goals,
    helpGiven,
    attendance,
    demographics: {
      people: supportedPeople,
      ageBands: AGE_BANDS.map((band) => ({ band, count: suppressed(bands.get(band) ?? 0) })),
      genders: listed(genders).map(({ key, count }) => ({ gender: key, count })),
      languages: listed(languages).map(({ key, count }) => ({ language: key, count })),
    },
    incoming: incomingFigures(db, q, cohort),
    signposting: signpostingFigures(db, q),
    byQuestion: answerBreakdowns(
      db,
      sql`SELECT c.id FROM clients c WHERE ${supportedIn(sql`c.id`, q)} ${inCohort(sql`c.id`, cohort)}`,
      supportedPeople,
    ),
    byForm: formFigures(db, (client) => sql`${supportedIn(client, q)} ${inCohort(client, cohort)}`, q),
  };
}
