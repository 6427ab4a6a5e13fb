import { sql, type SQL } from 'drizzle-orm';
import {
  TIMELINE_EVENTS,
  TIMELINE_TYPES,
  type TimelineEntry,
  type TimelineType,
} from '../../../shared/domain/timeline';
import type { ReadDb } from '../db/database';
import { readCaseNotes, type NoteReader } from '../notes/caseNotes';

/**
 * One SELECT per kind of event, all with the same columns: type, event, ref_id, at, text, detail,
 * by_id, why it is withheld from readers who may not read sensitive things (null: it is not),
 * and when it was recorded (an ISO instant, or null where Casebook does not keep it). `c` is the
 * client id. Each uses an index on (client_id, …).
 */
const BRANCHES: Record<TimelineType, (c: number) => SQL[]> = {
  note: (c) => [
    sql`SELECT 'note', 'note', id, occurred_at, NULL, kind, written_by, CASE sensitive WHEN 1 THEN 'sensitive' END, created_at FROM case_notes WHERE client_id = ${c}`,
  ],
  assessment: (c) => [
    sql`SELECT 'assessment', kind, id, assessed_on, summary, NULL, assessed_by, CASE sensitive WHEN 1 THEN 'sensitive' END, created_at FROM assessments WHERE client_id = ${c}`,
  ],
  plan: (c) => [
    sql`SELECT 'plan', 'planAgreed', id, agreed_on, summary, NULL, created_by, NULL, created_at FROM support_plans WHERE client_id = ${c}`,
    sql`SELECT 'plan', 'planEnded', id, ended_on, end_reason, NULL, NULL, NULL, updated_at FROM support_plans WHERE client_id = ${c} AND ended_on IS NOT NULL`,
    sql`SELECT 'plan', 'goalAdded', id, added_on, description, NULL, created_by, NULL, created_at FROM goals WHERE client_id = ${c}`,
    sql`SELECT 'plan', 'goalUpdated', u.goal_id, u.updated_on, g.description, u.status, u.recorded_by, NULL, u.recorded_at FROM goal_updates u JOIN goals g ON g.id = u.goal_id WHERE u.client_id = ${c}`,
  ],
  task: (c) => [
    sql`SELECT 'task', 'taskDone', id, done_on, title, NULL, done_by, NULL, updated_at FROM tasks WHERE client_id = ${c} AND done_on IS NOT NULL`,
  ],
  status: (c) => [
    sql`SELECT 'status', 'intake', id, intake_date, NULL, NULL, created_by, NULL, created_at FROM clients WHERE id = ${c} AND intake_date IS NOT NULL`,
    // The first "open" is the intake itself, already shown as such.
    sql`SELECT 'status', 'statusChanged', id, changed_on, note, status, changed_by, NULL, changed_at FROM client_status_changes
        WHERE client_id = ${c} AND id IS NOT (SELECT min(id) FROM client_status_changes WHERE client_id = ${c} AND status = 'open')`,
  ],
  consent: (c) => [
    sql`SELECT 'consent', 'consentRecorded', id, given_on, note, share_scope, recorded_by, NULL, recorded_at FROM consents WHERE client_id = ${c}`,
    sql`SELECT 'consent', 'consentWithdrawn', id, withdrawn_on, withdrawal_note, NULL, withdrawn_by, NULL, withdrawn_at FROM consents WHERE client_id = ${c} AND withdrawn_on IS NOT NULL`,
  ],
  risk: (c) => [
    sql`SELECT 'risk', 'riskRaised', id, raised_on, note, kind, raised_by, NULL, raised_at FROM risk_flags WHERE client_id = ${c}`,
    sql`SELECT 'risk', 'riskRemoved', id, removed_on, removal_note, kind, removed_by, NULL, removed_at FROM risk_flags WHERE client_id = ${c} AND removed_on IS NOT NULL`,
  ],
  safety: (c) => [
    sql`SELECT 'safety', 'safetyPlan', id, agreed_on, NULL, review_on, written_by, NULL, written_at FROM safety_plans WHERE client_id = ${c}`,
  ],
  // Which agencies a client was referred to, and what letters say, are withheld from volunteers.
  referral: (c) => [
    sql`SELECT 'referral', 'referral', r.referral_id, r.changed_on, a.name, r.status, r.changed_by, 'referral', r.changed_at
        FROM referral_changes r JOIN referrals f ON f.id = r.referral_id JOIN agencies a ON a.id = f.agency_id WHERE r.client_id = ${c}`,
  ],
  programme: (c) => [
    sql`SELECT 'programme', 'attended', s.id, s.held_on, p.name, CASE a.walk_in WHEN 1 THEN 'walkIn' END, a.marked_by, NULL, NULL
        FROM attendance a JOIN programme_sessions s ON s.id = a.session_id JOIN programmes p ON p.id = s.programme_id WHERE a.client_id = ${c}`,
  ],
  // The charity's own name for the help, or the built-in kind (translated on screen).
  helpGiven: (c) => [
    sql`SELECT 'helpGiven', 'helpGiven', g.id, g.given_on, t.name, CASE WHEN t.name IS NULL THEN t.builtin_key END, g.given_by, NULL, g.recorded_at
        FROM support_given g JOIN support_types t ON t.id = g.type_id WHERE g.client_id = ${c}`,
  ],
  // The form's name in English (text) and Polish (detail); the window shows the reader's.
  form: (c) => [
    sql`SELECT 'form', 'formFilled', e.id, e.filled_on, f.name, f.name_pl, e.filled_by, NULL, e.created_at
        FROM form_entries e JOIN custom_forms f ON f.id = e.form_id WHERE e.client_id = ${c}`,
  ],
  letter: (c) => [
    sql`SELECT 'letter', 'letter', id, letter_date, json_extract(content, '$.subject'), template_name, written_by, 'letter', written_at FROM letters WHERE client_id = ${c}`,
  ],
};

/** On the same day, later steps of the work come first (a task done after the goal was added). */
const EVENT_ORDER = sql.raw(`CASE e.column2 ${TIMELINE_EVENTS.map((ev, i) => `WHEN '${ev}' THEN ${i}`).join(' ')} END`);

interface Row {
  type: TimelineEntry['type'];
  event: TimelineEntry['event'];
  ref_id: number;
  at: string;
  text: string | null;
  detail: string | null;
  by_name: string | null;
  withheld_why: 'sensitive' | 'referral' | 'letter' | null;
  time: string | null;
}

/**
 * Everything that happened to a client, newest first, optionally only some types. Sensitive text is
 * left out for readers who may not see it; case notes come with the whole note.
 */
export function clientTimeline(
  db: ReadDb,
  q: { clientId: number; types: TimelineType[]; limit: number; offset: number },
  reader: NoteReader,
): { items: TimelineEntry[]; total: number } {
  const types = q.types.length ? q.types : TIMELINE_TYPES;
  const branches = types.flatMap((t) => BRANCHES[t](q.clientId));
  const union = sql.join(branches, sql` UNION ALL `);
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${union})`).n;
  // The time of day: a note's own, else when the event was recorded if that was on its day.
  const time = sql.raw(
    `CASE WHEN length(e.column4) > 10 THEN substr(e.column4, 12, 5) WHEN date(e.column9, 'localtime') = e.column4 THEN strftime('%H:%M', e.column9, 'localtime') END`,
  );
  const rows = db.all<Row>(sql`
    SELECT e.column1 AS type, e.column2 AS event, e.column3 AS ref_id, e.column4 AS at, e.column5 AS text, e.column6 AS detail, u.name AS by_name,
      e.column8 AS withheld_why, ${time} AS time
    FROM (SELECT NULL AS column1, NULL AS column2, NULL AS column3, NULL AS column4, NULL AS column5, NULL AS column6, NULL AS column7, NULL AS column8, NULL AS column9 WHERE 0 UNION ALL ${union}) e
    LEFT JOIN users u ON u.id = e.column7
    ORDER BY substr(e.column4, 1, 10) DESC, time DESC, e.column9 DESC, ${EVENT_ORDER} DESC, e.column3 DESC
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const notes = new Map(
    readCaseNotes(
      db,
      rows.filter((r) => r.type === 'note').map((r) => r.ref_id),
      reader,
    ).map((n) => [n.id, n]),
  );
  return {
    total,
    items: rows.map((r) => {
      const note = r.type === 'note' ? (notes.get(r.ref_id) ?? null) : null;
      const withheld = note ? note.withheld : r.withheld_why !== null && !reader.mayReadSensitive;
      return {
        type: r.type,
        event: r.event,
        refId: r.ref_id,
        at: r.at,
        time: r.time,
        text: withheld ? null : r.text,
        detail: r.detail,
        byName: r.by_name,
        withheld: withheld ? r.withheld_why : null,
        note,
      };
    }),
  };
}
