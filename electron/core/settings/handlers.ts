import type { Casebook } from '../casebook';
import type { Handlers } from '../rpc';
import { setSetting, SETTING } from './settings';

export function settingsHandlers(cb: Casebook): Pick<Handlers, 'settings.update' | 'settings.setOwnClientsOnly'> {
  return {
    'settings.update': ({ idleMinutes }) => {
      cb.write((db, s) => {
        setSetting(db, SETTING.idleMinutes, String(idleMinutes));
        cb.audit(db, s, 'settings.changed', { detail: { fields: ['idleMinutes'], idleMinutes } });
        s.idleMinutes = idleMinutes;
      });
      return cb.status();
    },

    'settings.setOwnClientsOnly': ({ ownClientsOnly }) => {
      cb.write((db, s) => {
        setSetting(db, SETTING.ownClientsOnly, ownClientsOnly ? '1' : '0');
        cb.audit(db, s, 'settings.changed', { detail: { fields: ['ownClientsOnly'], ownClientsOnly } });
        s.ownClientsOnly = ownClientsOnly;
      });
      return cb.status();
    },
  };
}
