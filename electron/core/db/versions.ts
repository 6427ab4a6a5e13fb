import { CasebookError } from '../../../shared/result';

/** The records that carry a version, named as the refusal names them. */
type Versioned =
  | 'agency'
  | 'appointment'
  | 'assessment'
  | 'case note'
  | 'client'
  | 'custom field'
  | 'custom form'
  | 'filled form'
  | 'document'
  | 'goal'
  | 'incoming referral'
  | 'kind of help'
  | 'letter template'
  | 'programme'
  | 'referral'
  | 'service'
  | 'session'
  | 'support plan';

/**
 * Optimistic locking, one way everywhere. Every record that two people may edit at once has a
 * `version` that each change raises; a change says which version it was made from. `unchanged` is
 * whether the record is still at that version: the version read in the same transaction equals the
 * one given, or an `UPDATE … WHERE version = ?` changed a row. If not, someone else saved first,
 * and the change is refused as CONFLICT, which the window turns into "someone else changed this;
 * your changes were not saved" and a fresh copy.
 */
export function refuseIfChanged(unchanged: boolean, what: Versioned): void {
  if (!unchanged) throw new CasebookError('CONFLICT', `Someone else changed this ${what}`);
}
