import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { clients } from '../db/schema';
import { writeTokens } from '../clients/queries';

/**
 * Removes a client and everything that hangs off them. Every table about a client references it
 * with ON DELETE CASCADE, so they all go; the database deletes securely (secure_delete), so the words
 * do not linger in free pages. The audit trail keeps only the bare events.
 */
export function eraseClientRows(db: Db, clientId: number): boolean {
  return db.delete(clients).where(eq(clients.id, clientId)).run().changes > 0;
}

/**
 * Keeps a client as a number in the figures and removes who they are: name, contact details, date
 * of birth (the year stays, for age groups), and every free text written about them (notes, plans,
 * letters, household, contacts, safety plan, tasks), answers to the charity's questions that
 * identify them or are free text, and their documents on file, unless an administrator keeps those. Dates, kinds, scores, statuses, help given and
 * attendance stay, so reports count the same before and after.
 */
export function anonymiseClientRows(
  db: Db,
  clientId: number,
  now: Date,
  opts: { keepDocuments: boolean } = { keepDocuments: false },
): boolean {
  const c = clientId;
  const changed = db.run(sql`
    UPDATE clients SET first_name = 'Anonymised', last_name = reference, sort_name = 'anonymised ' || lower(reference), preferred_name = NULL,
      estimated_birth_year = coalesce(CAST(substr(date_of_birth, 1, 4) AS INTEGER), estimated_birth_year), date_of_birth = NULL,
      phone = NULL, email = NULL, address = NULL, postcode = NULL, pronouns = NULL, referred_by = NULL,
      updated_at = ${now.toISOString()}, version = version + 1
    WHERE id = ${c}`).changes;
  if (!changed) return false;
  const statements = [
    sql`UPDATE case_notes SET body = '', present = NULL WHERE client_id = ${c}`,
    sql`DELETE FROM case_note_versions WHERE client_id = ${c}`,
    sql`UPDATE assessments SET summary = NULL WHERE client_id = ${c}`,
    sql`UPDATE assessment_scores SET notes = NULL, strengths = NULL WHERE assessment_id IN (SELECT id FROM assessments WHERE client_id = ${c})`,
    sql`UPDATE support_plans SET summary = NULL, end_reason = NULL WHERE client_id = ${c}`,
    sql`UPDATE goals SET description = '', measure = '', owner_detail = NULL WHERE client_id = ${c}`,
    sql`UPDATE goal_updates SET note = NULL WHERE client_id = ${c}`,
    sql`DELETE FROM tasks WHERE client_id = ${c}`,
    sql`DELETE FROM household_members WHERE client_id = ${c}`,
    sql`DELETE FROM key_contacts WHERE client_id = ${c}`,
    sql`DELETE FROM safety_plans WHERE client_id = ${c}`,
    sql`DELETE FROM letters WHERE client_id = ${c}`,
    sql`UPDATE consents SET note = NULL, withdrawal_note = NULL WHERE client_id = ${c}`,
    sql`UPDATE risk_flags SET note = NULL, removal_note = NULL WHERE client_id = ${c}`,
    sql`UPDATE client_status_changes SET note = NULL WHERE client_id = ${c}`,
    sql`UPDATE referrals SET reason = '', shared_info = NULL, outcome = NULL WHERE client_id = ${c}`,
    sql`UPDATE referral_changes SET note = NULL WHERE client_id = ${c}`,
    sql`UPDATE support_given SET note = NULL, override_reason = NULL WHERE client_id = ${c}`,
    sql`UPDATE subject_access_requests SET note = NULL WHERE client_id = ${c}`,
    sql`UPDATE eligibility_checks SET note = NULL WHERE client_id = ${c}`,
    sql`UPDATE eligibility_answers SET evidence = NULL WHERE check_id IN (SELECT id FROM eligibility_checks WHERE client_id = ${c})`,
    // Their address may be where a visit was; a note on an appointment is free text about them.
    sql`UPDATE appointments SET place = NULL, note = NULL, agency_contact = NULL WHERE id IN (SELECT appointment_id FROM appointment_clients WHERE client_id = ${c})`,
    // The referral they came in by names them, and says why in someone's words.
    sql`UPDATE incoming_referrals SET first_name = 'Anonymised', last_name = '', date_of_birth = NULL, phone = NULL, email = NULL, postcode = NULL,
      reason = '', referrer_name = NULL, referrer_contact = NULL, risk_note = NULL, decline_reason = NULL, reply = NULL WHERE client_id = ${c}`,
    // A signposting contact they came back from names them.
    sql`UPDATE signposting SET name = NULL, phone = NULL, note = NULL WHERE client_id = ${c}`,
    // Answers to the charity's questions that identify them, and any free text (which may name anyone).
    sql`DELETE FROM client_answers WHERE client_id = ${c} AND field_id IN (SELECT id FROM custom_fields WHERE identifying = 1 OR type = 'text')`,
    sql`DELETE FROM form_answers WHERE entry_id IN (SELECT id FROM form_entries WHERE client_id = ${c})
      AND field_id IN (SELECT id FROM custom_fields WHERE identifying = 1 OR type = 'text')`,
    // Where files about them were saved: a path may hold their name.
    sql`DELETE FROM saved_files WHERE client_id = ${c}`,
    // A copy of ID or a letter names them; kept only when an administrator said why (the bytes
    // go with the last document that holds them: migration 20).
    ...(opts.keepDocuments ? [] : [sql`DELETE FROM documents WHERE client_id = ${c}`]),
  ];
  for (const s of statements) db.run(s);
  writeTokens(db, c);
  return true;
}
