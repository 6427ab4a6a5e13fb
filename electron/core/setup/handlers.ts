import { randomInt } from 'node:crypto';
import type { Charity } from '../../../shared/domain/charity';
import { CasebookError } from '../../../shared/result';
import { DEFAULT_IDLE_MINUTES, type Casebook } from '../casebook';
import { openDatabase } from '../db/database';
import type { Handlers } from '../rpc';
import { writeFileAtomic } from '../storage/files';
import { createTranslator } from '../../../shared/i18n';
import { RECOVERY_GROUPS } from '../../../shared/domain/recoveryKey';
import { generateRecoveryKey } from '../vault/vault';
import { createCharityData, FIRST_ADMIN_ID } from './createCharityData';
import { renderRecoverySheet } from './recoverySheet';

/** What setup holds in memory until it is finished: nothing reaches the disk before that. */
export interface SetupDraft {
  charity: Charity;
  admin: { name: string; password: string };
  recoveryGroups: string[];
  confirmGroup: number;
  sheetPath: string | null;
}

function requireFreshFolder(cb: Casebook): void {
  const state = cb.status().state;
  if (state !== 'needsSetup') throw new CasebookError('ALREADY_SET_UP', 'Casebook is already set up here');
}

function requireDraft(cb: Casebook): SetupDraft {
  if (!cb.setupDraft) throw new CasebookError('NOT_SET_UP', 'Setup has not been started');
  return cb.setupDraft;
}

export function setupHandlers(cb: Casebook): Pick<Handlers, 'setup.prepare' | 'setup.saveRecoverySheet' | 'setup.finish'> {
  return {
    'setup.prepare': ({ charity, admin }) => {
      requireFreshFolder(cb);
      const recoveryGroups = generateRecoveryKey();
      cb.setupDraft = { charity, admin, recoveryGroups, confirmGroup: randomInt(1, RECOVERY_GROUPS + 1), sheetPath: null };
      return { groups: recoveryGroups, confirmGroup: cb.setupDraft.confirmGroup };
    },

    'setup.saveRecoverySheet': async () => {
      const draft = requireDraft(cb);
      const language = cb.language();
      const t = createTranslator(language).t;
      const path = await cb.platform.chooseSavePath({
        title: t('setup.saveSheet'),
        defaultName: `${t('recoverySheet.fileName')} - ${draft.charity.name.replace(/[\\/:*?"<>|]/g, '')}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (!path) throw new CasebookError('CANCELLED', 'No place was chosen');
      const pdf = await renderRecoverySheet(cb.resourcesDir, {
        language,
        charityName: draft.charity.name,
        adminName: draft.admin.name,
        groups: draft.recoveryGroups,
        createdOn: cb.now(),
      });
      writeFileAtomic(path, pdf);
      draft.sheetPath = path;
      return { path };
    },

    'setup.finish': async ({ confirmation }) => {
      const draft = requireDraft(cb);
      requireFreshFolder(cb);
      if (!draft.sheetPath) throw new CasebookError('BAD_INPUT', 'The recovery sheet was not saved', { fields: { confirmation: 'recoverySheetNotSaved' } });
      const typed = confirmation.replace(/\D/g, '');
      if (typed !== draft.recoveryGroups[draft.confirmGroup - 1])
        throw new CasebookError('BAD_INPUT', 'The recovery group does not match', { fields: { confirmation: 'recoveryGroupMismatch' } });

      const dbKey = await createCharityData(
        cb.paths,
        { charity: draft.charity, admin: draft.admin, recoveryGroups: draft.recoveryGroups, idleMinutes: DEFAULT_IDLE_MINUTES },
        cb.kdf,
        cb.now(),
      );
      const db = openDatabase(cb.paths.database, dbKey);
      cb.setupDraft = null;
      cb.startSession({ db, dbKey, user: { id: FIRST_ADMIN_ID, name: draft.admin.name, role: 'admin' }, mustChangePassword: false, idleMinutes: DEFAULT_IDLE_MINUTES });
      return cb.status();
    },
  };
}
