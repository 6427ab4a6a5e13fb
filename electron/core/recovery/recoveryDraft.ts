import { randomInt } from 'node:crypto';
import { RECOVERY_GROUPS } from '../../../shared/domain/recoveryKey';
import { createTranslator } from '../../../shared/i18n';
import { CasebookError } from '../../../shared/result';
import type { Casebook } from '../casebook';
import { askWhereToSave, safeFileName, writeFileAtomic } from '../storage/files';
import { generateRecoveryKey } from '../vault/vault';
import { renderRecoverySheet } from './recoverySheet';

/**
 * A recovery key on its way to being used: shown on screen, saved as a sheet, then confirmed by
 * typing one group back. Nothing is written to the key slots until it is confirmed.
 */
export interface RecoveryDraft {
  groups: string[];
  confirmGroup: number;
  sheetPath: string | null;
}

export function newRecoveryDraft(): RecoveryDraft {
  return { groups: generateRecoveryKey(), confirmGroup: randomInt(1, RECOVERY_GROUPS + 1), sheetPath: null };
}

/** Asks where to save the sheet and writes the PDF there; CANCELLED if the person cancels. */
export async function saveRecoverySheet(cb: Casebook, draft: RecoveryDraft, people: { charityName: string; adminName: string }): Promise<string> {
  const language = cb.language();
  const t = createTranslator(language).t;
  const path = await askWhereToSave(cb.platform, {
    title: t('setup.saveSheet'),
    defaultName: `${safeFileName(`${t('recoverySheet.fileName')} - ${people.charityName}`)}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  const pdf = await renderRecoverySheet(cb.resourcesDir, { language, ...people, groups: draft.groups, createdOn: cb.now() });
  writeFileAtomic(path, pdf);
  draft.sheetPath = path;
  return path;
}

/** The sheet must have been saved and the asked-for group typed back correctly. */
export function checkRecoveryConfirmation(draft: RecoveryDraft, confirmation: string): void {
  if (!draft.sheetPath) throw new CasebookError('BAD_INPUT', 'The recovery sheet was not saved', { fields: { confirmation: 'recoverySheetNotSaved' } });
  if (confirmation.replace(/\D/g, '') !== draft.groups[draft.confirmGroup - 1])
    throw new CasebookError('BAD_INPUT', 'The recovery group does not match', { fields: { confirmation: 'recoveryGroupMismatch' } });
}
