import type { Charity } from '../../../shared/domain/charity';
import { CasebookError } from '../../../shared/result';
import type { Casebook } from '../casebook';
import { DEFAULT_IDLE_MINUTES } from '../settings/settings';
import { openDatabase } from '../db/database';
import {
  checkRecoveryConfirmation,
  newRecoveryDraft,
  printRecoverySheet,
  saveRecoverySheet,
  type RecoveryDraft,
} from '../recovery/recoveryDraft';
import type { Handlers } from '../rpc';
import { createCharityData, FIRST_ADMIN_ID } from './createCharityData';

/** What setup holds in memory until it is finished: nothing reaches the disk before that. */
export interface SetupDraft {
  charity: Charity;
  admin: { name: string; password: string };
  recovery: RecoveryDraft;
}

function requireFreshFolder(cb: Casebook): void {
  const state = cb.status().state;
  if (state !== 'needsSetup') throw new CasebookError('ALREADY_SET_UP', 'Casebook is already set up here');
}

function requireDraft(cb: Casebook): SetupDraft {
  if (!cb.setupDraft) throw new CasebookError('NOT_SET_UP', 'Setup has not been started');
  return cb.setupDraft;
}

export function setupHandlers(
  cb: Casebook,
): Pick<Handlers, 'setup.prepare' | 'setup.saveRecoverySheet' | 'setup.printRecoverySheet' | 'setup.finish'> {
  return {
    'setup.prepare': ({ charity, admin }) => {
      requireFreshFolder(cb);
      cb.setupDraft = { charity, admin, recovery: newRecoveryDraft() };
      return { groups: cb.setupDraft.recovery.groups, confirmGroup: cb.setupDraft.recovery.confirmGroup };
    },

    'setup.saveRecoverySheet': async () => {
      const draft = requireDraft(cb);
      const path = await saveRecoverySheet(cb, draft.recovery, {
        charityName: draft.charity.name,
        adminName: draft.admin.name,
      });
      return { path };
    },

    'setup.printRecoverySheet': () => {
      const draft = requireDraft(cb);
      return printRecoverySheet(cb, draft.recovery, { charityName: draft.charity.name, adminName: draft.admin.name });
    },

    'setup.finish': async ({ confirmation }) => {
      const draft = requireDraft(cb);
      requireFreshFolder(cb);
      checkRecoveryConfirmation(draft.recovery, confirmation);
      const dbKey = await createCharityData(
        cb.paths,
        {
          charity: draft.charity,
          admin: draft.admin,
          recoveryGroups: draft.recovery.groups,
          idleMinutes: DEFAULT_IDLE_MINUTES,
        },
        cb.kdf,
        cb.now(),
      );
      const db = openDatabase(cb.paths.database, dbKey);
      cb.setupDraft = null;
      cb.startSignedIn({
        db,
        dbKey,
        user: { id: FIRST_ADMIN_ID, name: draft.admin.name, role: 'admin' },
        mustChangePassword: false,
        idleMinutes: DEFAULT_IDLE_MINUTES,
        ownClientsOnly: false,
        volunteersSeeContactDetails: false,
      });
      return cb.status();
    },
  };
}
