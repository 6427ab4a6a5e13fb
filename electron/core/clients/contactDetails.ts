import type { ClientRecord } from '../../../shared/domain/clientRecord';
import type { ClientSummary } from '../../../shared/domain/client';
import { CasebookError } from '../../../shared/result';
import type { SignedIn } from '../domain';

/**
 * What a volunteer sees of a client, unless the charity lets volunteers see contact details: the
 * name, reference, status, risk flags and groups, enough to run a drop-in or a group. Not the date
 * of birth, phone, email, address, household or key contacts, nor the safety plan (it holds phone
 * numbers). Enforced here in the core, whatever the screens show.
 */
export function contactDetailsWithheld(s: Pick<SignedIn, 'user' | 'volunteersSeeContactDetails'>): boolean {
  return s.user.role === 'volunteer' && !s.volunteersSeeContactDetails;
}

const HIDDEN = { dateOfBirth: null, estimatedBirthYear: null, phone: null, postcode: null } as const;

/** A list row without the contact details this reader may not see. */
export function summaryFor<T extends ClientSummary>(
  s: Pick<SignedIn, 'user' | 'volunteersSeeContactDetails'>,
  c: T,
): T {
  return contactDetailsWithheld(s) ? { ...c, ...HIDDEN } : c;
}

/** A client's record without the contact details this reader may not see (and saying so). */
export function recordFor(s: Pick<SignedIn, 'user' | 'volunteersSeeContactDetails'>, r: ClientRecord): ClientRecord {
  if (!contactDetailsWithheld(s)) return r;
  return {
    ...r,
    client: { ...r.client, ...HIDDEN, email: null, address: null, referredBy: null },
    household: [],
    contacts: [],
    contactDetailsWithheld: true,
  };
}

/** Refuses what only holds contact details (a safety plan's phone numbers), in words. */
export function requireContactDetails(s: Pick<SignedIn, 'user' | 'volunteersSeeContactDetails'>): void {
  if (contactDetailsWithheld(s))
    throw new CasebookError('CONTACT_DETAILS_WITHHELD', 'Volunteers do not see contact details at this charity');
}
