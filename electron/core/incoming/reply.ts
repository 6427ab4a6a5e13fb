import { eq } from 'drizzle-orm';
import { letterDate, type LetterContent, type MergeValues } from '../../../shared/domain/letter';
import { CasebookError } from '../../../shared/result';
import { getCharity } from '../charity/queries';
import type { Db, ReadDb } from '../db/database';
import { incomingReferrals } from '../db/schema';
import { requireTemplate } from '../letters/templates';
import { charityMergeValues, letterFrom, lines, writerNameOf } from '../letters/letters';
import { readIncoming } from './incoming';

/**
 * The letter back to whoever referred someone in, when the referral was declined: a template of the
 * kind 'referralReply' filled from the referral. It goes to the referrer (their name, then how to
 * reach them), or to the person themselves when they referred themselves. Only a declined referral
 * is replied to this way: one taken in is the client's business, with the client's letters.
 */
export function composeReply(
  db: ReadDb,
  id: number,
  templateId: number,
  writerId: number,
  today: string,
): LetterContent {
  const r = readIncoming(db, id, today);
  if (r.status !== 'declined')
    throw new CasebookError('BAD_INPUT', 'Only a declined referral is answered this way', {
      fields: { templateId: 'replyNotDeclined' },
    });
  const template = requireTemplate(db, templateId);
  if (template.kind !== 'referralReply')
    throw new CasebookError('BAD_INPUT', 'Not a reply template', { fields: { templateId: 'invalid' } });
  if (!template.active)
    throw new CasebookError('BAD_INPUT', 'That template is archived', { fields: { templateId: 'templateArchived' } });
  const charity = getCharity(db);
  const writerName = writerNameOf(db, writerId);
  const language = template.language;
  const name = `${r.firstName} ${r.lastName}`.trim();
  const self = r.source === 'self';
  const values: MergeValues = {
    ...charityMergeValues(charity, writerName),
    'letter.date': letterDate(today, language),
    'letter.text': null,
    'referralIn.name': name,
    'referralIn.receivedOn': letterDate(r.receivedOn, language),
    'referralIn.referrer': self ? name : r.referrerName,
    'referralIn.reason': r.reason,
    'referralIn.declineReason': r.declineReason,
  };
  return letterFrom(template, values, {
    charity,
    // The referrer's name and how to reach them (the agency's, when it is in the directory); or the person.
    recipient: self ? lines(name, r.postcode) : lines(r.referrerName, r.agencyName, r.referrerContact),
    date: today,
    reference: `IN${r.id}`,
    signatureName: writerName,
  });
}

/** Keeps the reply with the referral, as it was sent (reworded, perhaps, before it was). */
export function keepReply(db: Db, id: number, content: LetterContent, writerId: number, now: Date): void {
  db.update(incomingReferrals)
    .set({ reply: content, replyWrittenBy: writerId, replyWrittenAt: now.toISOString() })
    .where(eq(incomingReferrals.id, id))
    .run();
}

/** The reply kept with a referral. */
export function readReply(db: ReadDb, id: number): LetterContent {
  const row = db
    .select({ reply: incomingReferrals.reply })
    .from(incomingReferrals)
    .where(eq(incomingReferrals.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such referral');
  if (!row.reply) throw new CasebookError('NOT_FOUND', 'No reply written');
  return row.reply;
}
