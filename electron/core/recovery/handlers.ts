import { CasebookError } from '../../../shared/result';
import type { Casebook } from '../casebook';
import { getCharity } from '../charity/queries';
import type { Handlers } from '../rpc';
import { replaceRecoverySlot } from '../vault/vault';
import { checkRecoveryConfirmation, newRecoveryDraft, printRecoverySheet, saveRecoverySheet } from './recoveryDraft';

/** An administrator replaces the recovery key: the old sheet stops working once the new one is confirmed. */
export function recoveryHandlers(
  cb: Casebook,
): Pick<Handlers, 'recovery.prepare' | 'recovery.saveSheet' | 'recovery.printSheet' | 'recovery.confirm'> {
  const draft = () => {
    if (!cb.recoveryDraft) throw new CasebookError('NOT_FOUND', 'No new recovery key is being prepared');
    return cb.recoveryDraft;
  };
  return {
    'recovery.prepare': () => {
      cb.recoveryDraft = newRecoveryDraft();
      return { groups: cb.recoveryDraft.groups, confirmGroup: cb.recoveryDraft.confirmGroup };
    },
    'recovery.saveSheet': async () => {
      const s = cb.requireSignedIn();
      const charityName = cb.read((db) => getCharity(db).name);
      return { path: await saveRecoverySheet(cb, draft(), { charityName, adminName: s.user.name }) };
    },
    'recovery.printSheet': () => {
      const s = cb.requireSignedIn();
      const charityName = cb.read((db) => getCharity(db).name);
      return printRecoverySheet(cb, draft(), { charityName, adminName: s.user.name });
    },
    'recovery.confirm': async ({ confirmation }) => {
      const s = cb.requireSignedIn();
      const d = draft();
      checkRecoveryConfirmation(d, confirmation);
      await replaceRecoverySlot(cb.paths.keySlots, s.dbKey, d.groups, cb.kdf, cb.now());
      cb.recoveryDraft = null;
      cb.write((db) => cb.audit(db, s, 'recovery.keyReplaced'));
      return { replacedAt: cb.now().toISOString() };
    },
  };
}
