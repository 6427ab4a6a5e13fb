import { randomInt } from 'node:crypto';
import { RECOVERY_GROUPS } from '../../../shared/domain/recoveryKey';
import { createTranslator } from '../../../shared/i18n';
import { CasebookError } from '../../../shared/result';
import type { Casebook } from '../casebook';
import type { Printout } from '../../../shared/domain/printout';
import { askWhereToSavePdf, safeFileName, writeFileAtomic } from '../storage/files';
import { generateRecoveryKey } from '../vault/vault';
import { renderRecoverySheet } from './recoverySheet';

/**
 * A recovery key on its way to being used: shown on screen, saved or printed as a sheet, then
 * confirmed by typing one group back. Nothing is written to the key slots until it is confirmed.
 */
export interface RecoveryDraft {
  groups: string[];
  confirmGroup: number;
  /** Whether the sheet has been saved or printed at least once. */
  sheetKept: boolean;
}

export function newRecoveryDraft(): RecoveryDraft {
  return { groups: generateRecoveryKey(), confirmGroup: randomInt(1, RECOVERY_GROUPS + 1), sheetKept: false };
}

interface SheetPeople {
  charityName: string;
  adminName: string;
}

function sheetPdf(cb: Casebook, draft: RecoveryDraft, people: SheetPeople) {
  const language = cb.language();
  const t = createTranslator(language).t;
  return {
    pdf: renderRecoverySheet(cb.resourcesDir, { language, ...people, groups: draft.groups, createdOn: cb.now() }),
    fileName: safeFileName(`${t('recoverySheet.fileName')} - ${people.charityName}`),
    title: t('setup.saveSheet'),
  };
}

/** Asks where to save the sheet and writes the PDF there; CANCELLED if the person cancels. */
export async function saveRecoverySheet(cb: Casebook, draft: RecoveryDraft, people: SheetPeople): Promise<string> {
  const sheet = sheetPdf(cb, draft, people);
  const path = await askWhereToSavePdf(cb.platform, sheet.title, sheet.fileName);
  writeFileAtomic(path, await sheet.pdf);
  draft.sheetKept = true;
  return path;
}

/** The sheet for the print dialog: once it is printed, the key counts as kept. */
export async function printRecoverySheet(cb: Casebook, draft: RecoveryDraft, people: SheetPeople): Promise<Printout> {
  const sheet = sheetPdf(cb, draft, people);
  return cb.printouts.prepare(await sheet.pdf, sheet.fileName, () => {
    draft.sheetKept = true;
  });
}

/** The sheet must have been saved or printed, and the asked-for group typed back correctly. */
export function checkRecoveryConfirmation(draft: RecoveryDraft, confirmation: string): void {
  if (!draft.sheetKept)
    throw new CasebookError('BAD_INPUT', 'The recovery sheet was neither saved nor printed', {
      fields: { confirmation: 'recoverySheetNotSaved' },
    });
  if (confirmation.replace(/\D/g, '') !== draft.groups[draft.confirmGroup - 1])
    throw new CasebookError('BAD_INPUT', 'The recovery group does not match', {
      fields: { confirmation: 'recoveryGroupMismatch' },
    });
}
