import type { Casebook } from '../casebook';
import { writePreferences } from '../preferences/preferences';
import type { Handlers } from '../rpc';

export function appHandlers(cb: Casebook): Pick<Handlers, 'app.status' | 'app.setLanguage'> {
  return {
    'app.status': () => cb.status(),
    'app.setLanguage': ({ language }) => {
      writePreferences(cb.paths.preferences, { language });
      return cb.status();
    },
  };
}
