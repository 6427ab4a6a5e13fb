import type { Casebook } from '../casebook';
import type { Handlers } from '../rpc';
import { setSetting, SETTING } from './settings';

export function settingsHandlers(cb: Casebook): Pick<Handlers, 'settings.update'> {
  return {
    'settings.update': ({ idleMinutes }) => {
      cb.write((db, s) => {
        setSetting(db, SETTING.idleMinutes, String(idleMinutes));
        cb.audit(db, s, 'settings.changed', { detail: { fields: ['idleMinutes'], idleMinutes } });
        s.idleMinutes = idleMinutes;
      });
      return cb.status();
    },
  };
}
