import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CasebookError } from '../../../shared/result';
import { backupStatus } from '../backup/handlers';
import type { Casebook } from '../casebook';
import { writePreferences } from '../preferences/preferences';
import type { Handlers } from '../rpc';

export function appHandlers(
  cb: Casebook,
): Pick<Handlers, 'app.status' | 'app.setLanguage' | 'app.about' | 'app.openFolder'> {
  return {
    'app.status': () => cb.status(),
    'app.setLanguage': ({ language }) => {
      writePreferences(cb.paths.preferences, { language });
      return cb.status();
    },

    'app.about': () => {
      const files = [cb.paths.database, cb.paths.keySlots]
        .filter((f) => existsSync(f))
        .map((f) => ({ name: basename(f), bytes: statSync(f).size }));
      const signedIn = cb.status().state === 'unlocked';
      const last = signedIn ? cb.read((db) => backupStatus(db, cb.now()).last) : null;
      return {
        ...cb.about,
        dataDir: cb.paths.dir,
        files,
        signedIn,
        lastBackup: last ? { at: last.at, location: last.location } : null,
      };
    },

    'app.openFolder': async ({ folder }) => {
      const path = folder === 'data' ? cb.paths.dir : cb.about.logDir;
      if (!path || !existsSync(path)) throw new CasebookError('NOT_FOUND', `The ${folder} folder is not there`);
      await cb.platform.openFolder(path);
      return {};
    },
  };
}
