import type { Casebook } from '../casebook';
import type { Handlers } from '../rpc';
import { setSetting, SETTING } from './settings';

export function settingsHandlers(
  cb: Casebook,
): Pick<Handlers, 'settings.update' | 'settings.setOwnClientsOnly' | 'settings.setVolunteersSeeContactDetails'> {
  /** A rule about who sees what: saved, recorded, and in force for this session at once. */
  const setRule = (rule: 'ownClientsOnly' | 'volunteersSeeContactDetails', on: boolean) => {
    cb.write((db, s) => {
      setSetting(db, SETTING[rule], on ? '1' : '0');
      cb.audit(db, s, 'settings.changed', { detail: { fields: [rule], [rule]: on } });
      s[rule] = on;
    });
    return cb.status();
  };
  return {
    'settings.update': ({ idleMinutes }) => {
      cb.write((db, s) => {
        setSetting(db, SETTING.idleMinutes, String(idleMinutes));
        cb.audit(db, s, 'settings.changed', { detail: { fields: ['idleMinutes'], idleMinutes } });
        s.idleMinutes = idleMinutes;
      });
      return cb.status();
    },

    'settings.setOwnClientsOnly': ({ ownClientsOnly }) => setRule('ownClientsOnly', ownClientsOnly),
    'settings.setVolunteersSeeContactDetails': ({ volunteersSeeContactDetails }) =>
      setRule('volunteersSeeContactDetails', volunteersSeeContactDetails),
  };
}
