import { alias } from 'drizzle-orm/sqlite-core';
import { desc, eq } from 'drizzle-orm';
import { needAreaName } from '../../../shared/domain/assessment';
import {
  letterDate,
  mergeText,
  tidyLetterBody,
  type Letter,
  type LetterContent,
  type Letterhead,
  type LetterKind,
  type MergeValues,
} from '../../../shared/domain/letter';
import type { Charity } from '../../../shared/domain/charity';
import type { Client } from '../../../shared/domain/client';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/domain/languages';
import { createTranslator } from '../../../shared/i18n';
import { CasebookError } from '../../../shared/result';
import { getCharity } from '../charity/queries';
import { requireClient } from '../clients/queries';
import { requireSharingConsent } from '../consent/consent';
import type { Db, ReadDb } from '../db/database';
import { agencies, agencyContacts, letters, needAreas, referrals, users } from '../db/schema';
import { requireTemplate } from './templates';
import { appointmentForLetter } from '../diary/appointments';

const writer = alias(users, 'writer');

export interface LetterRequestValues {
  clientId: number;
  templateId: number;
  referralId: number | null;
  text: string | null;
  appointment: { date: string; time: string; place: string; with: string | null } | null;
  /** An appointment in the diary: its date, time, place and people fill the letter (never typed twice). */
  appointmentId?: number | null;
}

const translators = new Map<UiLanguage, ReturnType<typeof createTranslator>['t']>();
/** The words Casebook itself prints on a letter, in the letter's language (English when it has no catalog). */
export function letterTranslator(language: string): ReturnType<typeof createTranslator>['t'] {
  const lang: UiLanguage = (UI_LANGUAGES as readonly string[]).includes(language) ? (language as UiLanguage) : 'en';
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = createTranslator(lang).t));
  return t;
}

/** The charity's details at the head of a letter. */
export const letterheadOf = (charity: Charity): Letterhead => ({
  name: charity.name,
  address: charity.address,
  charityNumber: charity.charityNumber,
  phone: charity.phone,
  email: charity.email,
});

/** Address lines from parts that may each hold several lines: trimmed, the empty ones left out. */
export const lines = (...parts: (string | null | undefined)[]) =>
  parts
    .flatMap((p) => (p ?? '').split(/\r?\n/))
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * A postal address in the letter's language: a British postcode on a line of its own at the end; a
 * Polish one before the town ("90-001 Łódź"), the last line of the address, unless it is already there.
 */
export function postalLines(address: string | null, postcode: string | null, language: string): string[] {
  const body = lines(address);
  const code = postcode?.trim();
  if (!code || body.some((l) => l.includes(code))) return body;
  if (language === 'pl' && body.length) return [...body.slice(0, -1), `${code} ${body[body.length - 1]}`];
  return [...body, code];
}

/**
 * The fields every kind of letter (and the safety plan page) can use: the charity, the client and the
 * person writing, with dates written out in the letter's language.
 */
export function recordMergeValues(charity: Charity, client: Client, writerName: string, language: string): MergeValues {
  return {
    ...charityMergeValues(charity, writerName),
    'client.name': `${client.firstName} ${client.lastName}`,
    'client.firstName': client.firstName,
    'client.lastName': client.lastName,
    'client.reference': client.reference,
    'client.dateOfBirth': client.dateOfBirth ? letterDate(client.dateOfBirth, language) : null,
    'client.address': postalLines(client.address, client.postcode, language).join('\n'),
    'client.phone': client.phone,
  };
}

/** The merge fields of every letter, whoever it is to: the charity's details and the writer's name. */
export function charityMergeValues(charity: Charity, writerName: string): MergeValues {
  return {
    'charity.name': charity.name,
    'charity.address': charity.address,
    'charity.number': charity.charityNumber,
    'charity.phone': charity.phone,
    'charity.email': charity.email,
    'caseworker.name': writerName,
  };
}

/** The name a letter is signed with: its writer's. */
export const writerNameOf = (db: ReadDb, writerId: number): string =>
  db.select({ name: users.name }).from(users).where(eq(users.id, writerId)).get()?.name ?? '';

/**
 * A letter from a template and its merge values: the subject and body filled in (with the reference
 * as a merge field too), under the charity's letterhead, to the recipient's address lines, signed by
 * the writer; the fields left empty and the text dropped with them are listed for the writer to see.
 */
export function letterFrom(
  template: { kind: LetterKind; language: string; subject: string; body: string },
  values: MergeValues,
  l: { charity: Charity; recipient: string[]; date: string; reference: string; signatureName: string },
): LetterContent {
  values['letter.reference'] = l.reference;
  const subject = mergeText(template.subject, values);
  const body = mergeText(template.body, values);
  return {
    kind: template.kind,
    language: template.language,
    letterhead: letterheadOf(l.charity),
    recipient: l.recipient,
    date: l.date,
    reference: l.reference,
    subject: subject.text.replace(/\s+/g, ' ').trim(),
    body: tidyLetterBody(body.text),
    signatureName: l.signatureName,
    emptyFields: [...new Set([...subject.empty, ...body.empty])],
    droppedText: [...subject.dropped, ...body.dropped],
  };
}

/**
 * Fills a template for one client: every merge field from the records as they are today, the address
 * block for the envelope window, the reference and the signature. The same request on the same day
 * gives the same letter, word for word.
 */
export function composeLetter(
  db: ReadDb,
  req: LetterRequestValues,
  writerId: number,
  today: string,
): { content: LetterContent; templateName: string } {
  const template = requireTemplate(db, req.templateId);
  if (!template.active)
    throw new CasebookError('BAD_INPUT', 'That template is archived', { fields: { templateId: 'templateArchived' } });
  if (template.kind === 'safetyPlan')
    throw new CasebookError('BAD_INPUT', 'The safety plan page is printed from the Safety plan tab', {
      fields: { templateId: 'invalid' },
    });
  const client = requireClient(db, req.clientId);
  const charity = getCharity(db);
  const writerName = writerNameOf(db, writerId);
  const language = template.language;
  const t = letterTranslator(language);
  const date = (iso: string | null) => (iso ? letterDate(iso, language) : null);
  const clientName = `${client.firstName} ${client.lastName}`;
  const values: MergeValues = {
    ...recordMergeValues(charity, client, writerName, language),
    'letter.date': date(today),
    'letter.text': req.text,
  };
  let recipient = [clientName, ...postalLines(client.address, client.postcode, language)];
  let reference = client.reference;

  // Any referral named must be this client's (a letter of another kind may still be kept with one).
  if (req.referralId !== null) {
    const owner = db
      .select({ clientId: referrals.clientId })
      .from(referrals)
      .where(eq(referrals.id, req.referralId))
      .get();
    if (!owner || owner.clientId !== req.clientId)
      throw new CasebookError('BAD_INPUT', 'That referral is not this client’s', { fields: { referralId: 'invalid' } });
  }
  if (template.kind === 'referral') {
    if (req.referralId === null)
      throw new CasebookError('BAD_INPUT', 'A referral letter needs its referral', {
        fields: { referralId: 'required' },
      });
    const r = db
      .select({
        clientId: referrals.clientId,
        reason: referrals.reason,
        urgency: referrals.urgency,
        sharedInfo: referrals.sharedInfo,
        createdOn: referrals.createdOn,
        sentOn: referrals.sentOn,
        followUpOn: referrals.followUpOn,
        areaBuiltin: needAreas.builtinKey,
        areaName: needAreas.name,
        areaId: needAreas.id,
        agencyName: agencies.name,
        agencyAddress: agencies.address,
        agencyPhone: agencies.phone,
        agencyEmail: agencies.email,
        contactName: agencyContacts.name,
        contactRole: agencyContacts.role,
      })
      .from(referrals)
      .innerJoin(agencies, eq(agencies.id, referrals.agencyId))
      .leftJoin(agencyContacts, eq(agencyContacts.id, referrals.contactId))
      .leftJoin(needAreas, eq(needAreas.id, referrals.areaId))
      .where(eq(referrals.id, req.referralId))
      .get();
    if (!r || r.clientId !== req.clientId)
      throw new CasebookError('BAD_INPUT', 'That referral is not this client’s', { fields: { referralId: 'invalid' } });
    // A referral letter shares the client's details with the agency: the same gate as sending.
    requireSharingConsent(db, req.clientId, r.agencyName, today);
    Object.assign(values, {
      'agency.name': r.agencyName,
      'agency.contact': r.contactName,
      'agency.address': r.agencyAddress,
      'agency.phone': r.agencyPhone,
      'agency.email': r.agencyEmail,
      'referral.reason': r.reason,
      'referral.needArea': r.areaId ? needAreaName(t, { builtinKey: r.areaBuiltin, name: r.areaName }) : null,
      'referral.urgency': t(`referrals.urgency.${r.urgency}`),
      'referral.sharedInfo': r.sharedInfo,
      'referral.date': date(r.sentOn ?? r.createdOn),
      'referral.followUpOn': date(r.followUpOn),
    } satisfies MergeValues);
    recipient = lines(
      r.contactName ? (r.contactRole ? `${r.contactName}, ${r.contactRole}` : r.contactName) : null,
      r.agencyName,
      r.agencyAddress,
    );
    reference = `${client.reference}/R${req.referralId}`;
  }
  if (template.kind === 'appointment') {
    const a = req.appointmentId
      ? appointmentForLetter(db, req.appointmentId, req.clientId, {
          charityAddress: charity.address,
          kindName: (k) => t(`diary.kinds.${k}`),
        })
      : req.appointment;
    if (!a)
      throw new CasebookError('BAD_INPUT', 'An appointment letter needs the appointment', {
        fields: { 'appointment.date': 'required' },
      });
    Object.assign(values, {
      'appointment.date': date(a.date),
      'appointment.time': a.time,
      'appointment.place': a.place,
      'appointment.with': a.with,
    } satisfies MergeValues);
  }

  return {
    templateName: template.name,
    content: letterFrom(template, values, { charity, recipient, date: today, reference, signatureName: writerName }),
  };
}

/** Keeps a letter with the client: who wrote it, when, from which template, and every word of it. */
export function keepLetter(
  db: Db,
  req: LetterRequestValues,
  content: LetterContent,
  templateName: string,
  writerId: number,
  now: Date,
): number {
  return db
    .insert(letters)
    .values({
      clientId: req.clientId,
      templateId: req.templateId,
      templateName,
      kind: content.kind,
      language: content.language,
      referralId: req.referralId,
      letterDate: content.date,
      content,
      writtenBy: writerId,
      writtenAt: now.toISOString(),
    })
    .returning({ id: letters.id })
    .get().id;
}

const letterColumns = {
  id: letters.id,
  clientId: letters.clientId,
  templateId: letters.templateId,
  templateName: letters.templateName,
  kind: letters.kind,
  language: letters.language,
  referralId: letters.referralId,
  content: letters.content,
  writtenByName: writer.name,
  writtenAt: letters.writtenAt,
};

export function listClientLetters(db: ReadDb, clientId: number): Letter[] {
  return db
    .select(letterColumns)
    .from(letters)
    .leftJoin(writer, eq(writer.id, letters.writtenBy))
    .where(eq(letters.clientId, clientId))
    .orderBy(desc(letters.writtenAt), desc(letters.id))
    .all();
}

export function readLetter(db: ReadDb, id: number): Letter {
  const row = db
    .select(letterColumns)
    .from(letters)
    .leftJoin(writer, eq(writer.id, letters.writtenBy))
    .where(eq(letters.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such letter');
  return row;
}
