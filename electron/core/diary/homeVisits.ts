import { sql } from 'drizzle-orm';
import { localTime, localToday } from '../../../shared/clock';
import type { OverdueVisit } from '../../../shared/domain/appointment';
import { CasebookError } from '../../../shared/result';
import { onOneLine } from '../../../shared/domain/validation';
import type { Db, ReadDb } from '../db/database';
import { getSetting, setSetting } from '../settings/settings';

/** The charity's own steps for when a home visitor is not back, written by an administrator. */
const STEPS = 'lone_working_steps';

export function loneWorkingSteps(db: ReadDb): string | null {
  return getSetting(db, STEPS) || null;
}

export function setLoneWorkingSteps(db: Db, steps: string | null): void {
  setSetting(db, STEPS, steps ?? '');
}

/**
 * Home visits whose visitor has not checked back in by the time they gave: on any earlier day, or
 * today before now on the wall clock. A visit written into the diary after it happened (booked on a
 * later day than it took place) raises nothing: nobody was waiting for it. Cancelled visits raise
 * nothing. Shown to everyone signed in, whoever the client's caseworker is: finding a colleague who
 * has not come back matters more than who may read the address.
 */
export function overdueVisits(db: ReadDb, now: Date): (OverdueVisit & { alertRaised: boolean })[] {
  const today = localToday(now);
  const time = localTime(now);
  const rows = db.all<{
    id: number;
    date: string;
    backBy: string;
    place: string | null;
    alertRaisedAt: string | null;
    clients: string;
    visitors: string;
  }>(sql`
    SELECT a.id, a.on_date AS date, a.back_by AS backBy, a.place, a.alert_raised_at AS alertRaisedAt,
      (SELECT json_group_array(json_object('clientId', c.id, 'name', c.first_name || ' ' || c.last_name, 'reference', c.reference, 'address', c.address, 'postcode', c.postcode))
        FROM appointment_clients ac JOIN clients c ON c.id = ac.client_id WHERE ac.appointment_id = a.id) AS clients,
      (SELECT json_group_array(json_object('id', u.id, 'name', u.name, 'phone', u.phone))
        FROM appointment_staff st JOIN users u ON u.id = st.user_id WHERE st.appointment_id = a.id) AS visitors
    FROM appointments a
    WHERE a.kind = 'homeVisit' AND a.back_safely_at IS NULL AND a.cancelled = 0 AND a.back_by IS NOT NULL
      AND (a.on_date < ${today} OR (a.on_date = ${today} AND a.back_by < ${time}))
      AND substr(a.created_at, 1, 10) <= a.on_date
    ORDER BY a.on_date, a.back_by, a.id`);
  return rows.map((r) => {
    const clients = JSON.parse(r.clients) as (OverdueVisit['clients'][number] & {
      address: string | null;
      postcode: string | null;
    })[];
    // Where to look for them: the visit's place, or else the client's address.
    const home = clients.map((c) => onOneLine([c.address, c.postcode].filter(Boolean).join('\n'))).find(Boolean);
    return {
      appointmentId: r.id,
      date: r.date,
      backBy: r.backBy,
      place: r.place ? onOneLine(r.place) : (home ?? null),
      clients: clients.map(({ clientId, name, reference }) => ({ clientId, name, reference })),
      visitors: JSON.parse(r.visitors) as OverdueVisit['visitors'],
      alertRaised: r.alertRaisedAt !== null,
    };
  });
}

/** Notes that the alert has been raised for these visits (so the audit trail records it once). */
export function markAlertRaised(db: Db, ids: number[], now: Date): void {
  for (const id of ids)
    db.run(
      sql`UPDATE appointments SET alert_raised_at = ${now.toISOString()} WHERE id = ${id} AND alert_raised_at IS NULL`,
    );
}

/** The visitor is back (said by them, or by whoever reached them). Returns the visit's clients. */
export function backSafely(db: Db, id: number, userId: number, now: Date): number[] {
  const a = db.get<{ kind: string; cancelled: number } | undefined>(
    sql`SELECT kind, cancelled FROM appointments WHERE id = ${id}`,
  );
  if (!a || a.kind !== 'homeVisit') throw new CasebookError('NOT_FOUND', 'No such home visit');
  db.run(sql`UPDATE appointments SET back_safely_at = ${now.toISOString()}, back_safely_by = ${userId},
    updated_at = ${now.toISOString()}, version = version + 1 WHERE id = ${id} AND back_safely_at IS NULL`);
  return db
    .all<{ clientId: number }>(sql`SELECT client_id AS clientId FROM appointment_clients WHERE appointment_id = ${id}`)
    .map((r) => r.clientId);
}
