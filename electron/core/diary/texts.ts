import { sql } from 'drizzle-orm';
import { addDays } from '../../../shared/domain/caseload';
import { weekdayOf } from '../../../shared/domain/programme';
import { consentState } from '../../../shared/domain/consent';
import type { TextToSend } from '../../../shared/domain/appointment';
import { letterDate } from '../../../shared/domain/letter';
import { CasebookError } from '../../../shared/result';
import { onOneLine } from '../../../shared/domain/validation';
import { getCharity } from '../charity/queries';
import type { Db, ReadDb } from '../db/database';
import { letterTranslator } from '../letters/letters';

/**
 * The days whose appointments are texted about today: tomorrow, and on a Friday or Saturday up to
 * the Monday, so nobody booked for Monday goes without a reminder because the office is shut at the
 * weekend.
 */
export function textedDays(today: string): { from: string; to: string } {
  const weekday = weekdayOf(today);
  const ahead = weekday === 5 ? 3 : weekday === 6 ? 2 : 1;
  return { from: addDays(today, 1), to: addDays(today, ahead) };
}

/**
 * The reminders to text today: each client on an appointment in the next days (textedDays) (not cancelled, not yet
 * texted) whose consent in force today allows text messages and who has a phone number. The
 * message is in the client's language (English when Casebook has no words in theirs), to send from
 * the office phone: Casebook sends nothing itself.
 */
export function textsToSend(db: ReadDb, today: string): TextToSend[] {
  const days = textedDays(today);
  const rows = db.all<{
    appointmentId: number;
    clientId: number;
    firstName: string;
    lastName: string;
    reference: string;
    phone: string;
    language: string | null;
    date: string;
    startsAt: string;
    kind: string;
    place: string | null;
    room: string | null;
    contactText: number | null;
    withdrawnOn: string | null;
    expiresOn: string | null;
  }>(sql`
    SELECT a.id AS appointmentId, c.id AS clientId, c.first_name AS firstName, c.last_name AS lastName, c.reference,
      c.phone, c.preferred_language AS language, a.on_date AS date, a.starts_at AS startsAt, a.kind, a.place, a.room,
      k.contact_text AS contactText, k.withdrawn_on AS withdrawnOn, k.expires_on AS expiresOn
    FROM appointments a
    JOIN appointment_clients ac ON ac.appointment_id = a.id
    JOIN clients c ON c.id = ac.client_id
    LEFT JOIN consents k ON k.id = (SELECT k2.id FROM consents k2 WHERE k2.client_id = c.id ORDER BY k2.given_on DESC, k2.id DESC LIMIT 1)
    WHERE a.on_date BETWEEN ${days.from} AND ${days.to} AND a.cancelled = 0 AND ac.outcome = 'booked' AND ac.texted_at IS NULL
      AND c.phone IS NOT NULL AND c.phone <> '' AND c.status <> 'closed'
    ORDER BY a.on_date, a.starts_at, c.last_name, c.first_name`);
  const charity = getCharity(db);
  return rows
    .filter((r) => r.contactText === 1 && consentState(r, today) === 'active')
    .map((r) => {
      const language = r.language === 'pl' ? 'pl' : 'en';
      const t = letterTranslator(language);
      const where = r.kind === 'phone' || r.kind === 'video' ? null : (r.place ?? r.room);
      return {
        appointmentId: r.appointmentId,
        clientId: r.clientId,
        name: `${r.firstName} ${r.lastName}`,
        reference: r.reference,
        phone: r.phone,
        language,
        // Whom to ring only when the charity has a phone number to give.
        message: [
          t('diary.textMessage', {
            name: r.firstName,
            charity: charity.name,
            date: letterDate(r.date, language),
            time: r.startsAt,
            place: where ? `, ${onOneLine(where)}` : '',
            interpolation: { escapeValue: false },
          }),
          charity.phone
            ? t('diary.textMessageCall', { phone: charity.phone, interpolation: { escapeValue: false } })
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      };
    });
}

/** Someone sent the text from the office phone: it leaves the list. */
export function markTexted(db: Db, appointmentId: number, clientId: number, now: Date): void {
  const changed = db.run(sql`UPDATE appointment_clients SET texted_at = ${now.toISOString()}
    WHERE appointment_id = ${appointmentId} AND client_id = ${clientId}`).changes;
  if (!changed) throw new CasebookError('NOT_FOUND', 'No such appointment for this client');
}
