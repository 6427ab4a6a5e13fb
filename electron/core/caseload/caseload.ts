import type { Reach } from '../clients/reach';
import { sql } from 'drizzle-orm';
import { addDays, reviewDueOn, type Caseload } from '../../../shared/domain/caseload';
import type { ReadDb } from '../db/database';
import { openTasksFor } from '../plans/tasks';
import { countOverdueReferrals, referralsToFollowUp } from '../referrals/referrals';
import { reviewWeeks } from '../assessments/reviews';

/** A review shows on the home screen this many days before it is due. */
export const REVIEW_NOTICE_DAYS = 14;
/** Upcoming tasks: the next seven days after today. */
export const UPCOMING_DAYS = 7;

/**
 * One user's home screen. `today` is the date on this PC's calendar: a task due today is "due" all
 * day and becomes overdue at local midnight, whatever time zone the PC is in.
 */
export function readCaseload(
  db: ReadDb,
  userId: number,
  today: string,
  withCaseworkers: boolean,
  reach: Reach = null,
): Caseload {
  const weeks = reviewWeeks(db);
  const clients = db
    .all<{
      clientId: number;
      clientName: string;
      clientReference: string;
      intakeDate: string | null;
      lastAssessedOn: string | null;
      lastContactOn: string | null;
      riskFlags: number;
    }>(
      sql`SELECT c.id AS clientId, c.first_name || ' ' || c.last_name AS clientName, c.reference AS clientReference, c.intake_date AS intakeDate,
            c.last_assessed_on AS lastAssessedOn,
            (SELECT max(n.occurred_at) FROM case_notes n WHERE n.client_id = c.id) AS lastContactOn,
            (SELECT count(*) FROM risk_flags f WHERE f.client_id = c.id AND f.removed_on IS NULL) AS riskFlags
          FROM clients c
          WHERE c.caseworker_id = ${userId} AND c.status = 'open'
          ORDER BY c.sort_name, c.id`,
    )
    .map(({ intakeDate, ...c }) => ({
      ...c,
      reviewDueOn: reviewDueOn(c.lastAssessedOn ?? intakeDate ?? today, weeks),
    }));

  const noticeUntil = addDays(today, REVIEW_NOTICE_DAYS);
  const reviewsDue = clients
    .filter((c) => c.reviewDueOn <= noticeUntil)
    .map((c) => ({
      clientId: c.clientId,
      clientName: c.clientName,
      clientReference: c.clientReference,
      lastAssessedOn: c.lastAssessedOn,
      dueOn: c.reviewDueOn,
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.clientName.localeCompare(b.clientName));

  const goalsPastTarget = db.all<Caseload['goalsPastTarget'][number]>(
    sql`SELECT c.id AS clientId, c.first_name || ' ' || c.last_name AS clientName, c.reference AS clientReference,
          g.id AS goalId, g.description AS description, g.target_date AS targetDate
        FROM clients c
        JOIN goals g ON g.client_id = c.id
        JOIN support_plans p ON p.id = g.plan_id AND p.status = 'active'
        WHERE c.caseworker_id = ${userId} AND c.status = 'open'
          AND g.status IN ('notStarted', 'inProgress') AND g.target_date < ${today}
        ORDER BY g.target_date, g.id
        LIMIT 200`,
  );

  return {
    today,
    reviewWeeks: weeks,
    clients,
    // A task or referral of a client since given to someone else (and not shared) is theirs to see.
    tasksDue: openTasksFor(db, userId, null, today, reach),
    tasksUpcoming: openTasksFor(db, userId, addDays(today, 1), addDays(today, UPCOMING_DAYS), reach),
    reviewsDue,
    goalsPastTarget,
    referralsToFollowUp: referralsToFollowUp(db, userId, addDays(today, UPCOMING_DAYS), reach),
    referralsOverdue: withCaseworkers ? countOverdueReferrals(db, today) : 0,
    caseworkers: withCaseworkers ? caseworkerLoads(db, today, weeks) : [],
  };
}

/** For the coordinator: open clients, overdue tasks and reviews due, per caseworker (and unallocated). */
export function caseworkerLoads(db: ReadDb, today: string, weeks: number): Caseload['caseworkers'] {
  const reviewCutoff = addDays(today, -weeks * 7);
  const clientCounts = db.all<{ userId: number | null; name: string | null; openClients: number; reviewsDue: number }>(
    sql`SELECT c.caseworker_id AS userId, u.name AS name, count(*) AS openClients,
          sum(coalesce(c.last_assessed_on, c.intake_date, ${today}) <= ${reviewCutoff}) AS reviewsDue
        FROM clients c LEFT JOIN users u ON u.id = c.caseworker_id
        WHERE c.status = 'open'
        GROUP BY c.caseworker_id`,
  );
  const overdue = new Map(
    db
      .all<{ userId: number; n: number }>(
        sql`SELECT assigned_to AS userId, count(*) AS n FROM tasks WHERE done_on IS NULL AND due_on < ${today} GROUP BY assigned_to`,
      )
      .map((r) => [r.userId, r.n]),
  );
  // Caseworkers with no open clients still show (with zeros), so the coordinator sees who has room.
  const people = db.all<{ userId: number; name: string }>(
    sql`SELECT id AS userId, name FROM users WHERE active = 1 AND role IN ('admin', 'caseworker')`,
  );
  const rows = new Map<number | null, Caseload['caseworkers'][number]>();
  for (const p of people)
    rows.set(p.userId, { userId: p.userId, name: p.name, openClients: 0, tasksOverdue: 0, reviewsDue: 0 });
  for (const c of clientCounts)
    rows.set(c.userId, {
      userId: c.userId,
      name: c.name,
      openClients: c.openClients,
      reviewsDue: c.reviewsDue ?? 0,
      tasksOverdue: 0,
    });
  for (const [userId, n] of overdue) {
    const row = rows.get(userId);
    if (row) row.tasksOverdue = n;
  }
  return [...rows.values()].sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)));
}
