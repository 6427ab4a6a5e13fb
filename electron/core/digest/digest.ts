import { sql } from 'drizzle-orm';
import { addDays } from '../../../shared/domain/caseload';
import { DIGEST_MAX_ITEMS, type Digest, type DigestItem, type HandoverNote } from '../../../shared/domain/digest';
import type { Role } from '../../../shared/domain/user';
import { CasebookError } from '../../../shared/result';
import { mayReadSensitive } from '../clients/record';
import { withinReach } from '../clients/reach';
import type { Db, ReadDb } from '../db/database';

/** The audit entries a digest is made from, and the kind of item each becomes. */
const ACTIONS = {
  'note.added': 'note',
  'riskFlag.raised': 'riskFlag',
  'referral.statusChanged': 'referral',
  'task.added': 'task',
  'appointment.booked': 'appointment',
  'visit.alertRaised': 'safeReturn',
} as const satisfies Record<string, DigestItem['kind']>;

/**
 * Where the digest starts for this person: when they last marked it all as read, or else when they
 * last signed out before this session began (from the audit trail), whichever is later.
 */
export function digestSince(db: ReadDb, userId: number): string | null {
  const row = db.get<{ readAt: string | null; signedOut: string | null }>(sql`
    SELECT u.digest_read_at AS readAt,
      (SELECT max(e.at) FROM audit_events e WHERE e.user_id = u.id AND e.action IN ('session.locked', 'session.idleLocked')
        AND e.at < coalesce(u.last_login_at, '9999')) AS signedOut
    FROM users u WHERE u.id = ${userId}`);
  const times = [row?.readAt, row?.signedOut].filter((x): x is string => !!x).sort();
  return times.at(-1) ?? null;
}

/**
 * What changed on a person's clients (those allocated to them, shared with them, or taken in by
 * them and not allocated) since they were last here, done by others: new notes (a sensitive one
 * only for those who may read it), risk flags raised, referrals that moved on, tasks given to them
 * and appointments booked for them (on any client), visitors not back in time, and subject access
 * requests coming within a week of their due date. Newest first.
 */
export function readDigest(db: ReadDb, user: { id: number; role: Role }, today: string): Omit<Digest, 'handover'> {
  const since = digestSince(db, user.id);
  const from = since ?? '';
  const actions = Object.keys(ACTIONS);
  const mine = withinReach(user.id, sql`e.client_id`);
  // Coordinators hear of every visitor not back in time, whoever's client it was.
  const alertsForAll = user.role === 'admin' ? sql`OR e.action = 'visit.alertRaised'` : sql``;
  const rows = db.all<{
    action: keyof typeof ACTIONS;
    at: string;
    byName: string | null;
    userId: number | null;
    clientId: number;
    clientName: string;
    reference: string;
    detail: string | null;
  }>(sql`
    SELECT e.action, e.at, u.name AS byName, e.user_id AS userId, e.client_id AS clientId,
      c.first_name || ' ' || c.last_name AS clientName, c.reference, e.detail
    FROM audit_events e JOIN clients c ON c.id = e.client_id LEFT JOIN users u ON u.id = e.user_id
    WHERE e.at > ${from} AND e.action IN (${sql.join(
      actions.map((a) => sql`${a}`),
      sql`, `,
    )})
      AND (e.user_id IS NULL OR e.user_id <> ${user.id} OR e.action = 'visit.alertRaised')
      AND (${mine} OR e.action IN ('task.added', 'appointment.booked') ${alertsForAll})
    ORDER BY e.at DESC, e.id DESC LIMIT 2000`);

  const readsSensitive = mayReadSensitive(user.role);
  const bookedForMe = (ids: number[]) =>
    ids.length > 0 &&
    !!db.get(
      sql`SELECT 1 AS x FROM appointment_staff WHERE user_id = ${user.id} AND appointment_id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  const items: DigestItem[] = [];
  const seenAlerts = new Set<number>();
  for (const r of rows) {
    const d = (r.detail ? JSON.parse(r.detail) : {}) as Record<string, unknown>;
    const base = {
      kind: ACTIONS[r.action],
      at: r.at,
      byName: r.byName,
      clientId: r.clientId,
      clientName: r.clientName,
      reference: r.reference,
      noteId: null,
      what: null,
      on: null,
    };
    switch (r.action) {
      case 'note.added':
        if (d['sensitive'] === true && !readsSensitive) continue;
        items.push({ ...base, noteId: typeof d['noteId'] === 'number' ? d['noteId'] : null });
        break;
      case 'riskFlag.raised':
        items.push({ ...base, what: typeof d['kind'] === 'string' ? d['kind'] : null });
        break;
      case 'referral.statusChanged':
        items.push({ ...base, what: typeof d['to'] === 'string' ? d['to'] : null });
        break;
      case 'task.added':
        if (d['assignedTo'] !== user.id) continue;
        items.push(base);
        break;
      case 'appointment.booked': {
        const ids = Array.isArray(d['appointmentIds']) ? (d['appointmentIds'] as number[]) : [];
        if (!bookedForMe(ids)) continue;
        const first = db.get<{ on: string; at: string } | undefined>(
          sql`SELECT on_date AS "on", starts_at AS at FROM appointments WHERE id = ${ids[0] ?? 0}`,
        );
        items.push({ ...base, on: first?.on ?? null, what: first?.at ?? null });
        break;
      }
      case 'visit.alertRaised': {
        // One line per visit, not one per client of a family.
        const id = typeof d['appointmentId'] === 'number' ? d['appointmentId'] : -1;
        if (seenAlerts.has(id)) continue;
        seenAlerts.add(id);
        items.push({ ...base, what: typeof d['backBy'] === 'string' ? d['backBy'] : null });
        break;
      }
    }
  }

  // Requests for a copy of their records coming due within a week, unanswered: from the records.
  const requests = db.all<{ clientId: number; clientName: string; reference: string; dueOn: string }>(sql`
    SELECT c.id AS clientId, c.first_name || ' ' || c.last_name AS clientName, c.reference, r.due_on AS dueOn
    FROM subject_access_requests r JOIN clients c ON c.id = r.client_id
    WHERE r.answered_on IS NULL AND r.due_on <= ${addDays(today, 7)}
      ${user.role === 'admin' ? sql`` : sql`AND ${withinReach(user.id, sql`r.client_id`)}`}`);
  for (const r of requests) {
    // It "happened" when it came within a week of its date: shown once, until marked as read.
    const at = `${addDays(r.dueOn, -7)}T00:00:00.000Z`;
    if (at <= from && since !== null) continue;
    items.push({ kind: 'accessRequest', at, byName: null, ...r, noteId: null, what: null, on: r.dueOn });
  }
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { since, items: items.slice(0, DIGEST_MAX_ITEMS), more: Math.max(0, items.length - DIGEST_MAX_ITEMS) };
}

export function markDigestRead(db: Db, userId: number, now: Date): void {
  db.run(sql`UPDATE users SET digest_read_at = ${now.toISOString()} WHERE id = ${userId}`);
}

/** Handover notes nobody else has read yet, oldest first. */
export function unreadHandover(db: ReadDb, userId: number): HandoverNote[] {
  return db
    .all<Omit<HandoverNote, 'mine'> & { writtenBy: number | null }>(
      sql`
      SELECT h.id, h.body, u.name AS writtenByName, h.written_at AS writtenAt, h.written_by AS writtenBy
      FROM handover_notes h LEFT JOIN users u ON u.id = h.written_by
      WHERE h.read_at IS NULL ORDER BY h.written_at, h.id`,
    )
    .map(({ writtenBy, ...h }) => ({ ...h, mine: writtenBy === userId }));
}

export function writeHandover(db: Db, body: string, userId: number, now: Date): number {
  return db.get<{ id: number }>(
    sql`INSERT INTO handover_notes (body, written_by, written_at) VALUES (${body}, ${userId}, ${now.toISOString()}) RETURNING id`,
  ).id;
}

/** Someone has read the note: it leaves everyone's home screen (kept, with who read it and when). */
export function markHandoverRead(db: Db, id: number, userId: number, now: Date): void {
  const changed = db.run(
    sql`UPDATE handover_notes SET read_by = ${userId}, read_at = ${now.toISOString()} WHERE id = ${id} AND read_at IS NULL`,
  ).changes;
  if (!changed && !db.get(sql`SELECT 1 AS x FROM handover_notes WHERE id = ${id}`))
    throw new CasebookError('NOT_FOUND', 'No such handover note');
}
