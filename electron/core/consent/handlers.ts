import type { Records } from '../domain';
import { requireClient } from '../clients/queries';
import { recordAsSeen } from '../clients/record';
import type { Handlers } from '../rpc';
import { recordConsent, withdrawConsent } from './consent';

export function consentHandlers(cb: Records): Pick<Handlers, 'consent.record' | 'consent.withdraw'> {
  return {
    'consent.record': ({ clientId, consent }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        recordConsent(db, clientId, consent, s.user.id, cb.now());
        cb.audit(db, s, 'consent.recorded', { clientId });
        return recordAsSeen(cb, db, s, clientId);
      }),

    'consent.withdraw': ({ consentId, on, note }) =>
      cb.write((db, s) => {
        const { clientId } = withdrawConsent(db, consentId, on, note, s.user.id, cb.now());
        cb.audit(db, s, 'consent.withdrawn', { clientId, detail: { consentId, on } });
        return recordAsSeen(cb, db, s, clientId);
      }),
  };
}
