import type { Records } from '../domain';
import { requireClient } from '../clients/queries';
import { recordAsSeen } from '../clients/record';
import type { Handlers } from '../rpc';
import { raiseRiskFlag, removeRiskFlag } from './riskFlags';

export function riskFlagHandlers(cb: Records): Pick<Handlers, 'riskFlags.raise' | 'riskFlags.remove'> {
  return {
    'riskFlags.raise': (flag) =>
      cb.write((db, s) => {
        requireClient(db, flag.clientId);
        const id = raiseRiskFlag(db, flag, s.user.id, cb.now());
        cb.audit(db, s, 'riskFlag.raised', { clientId: flag.clientId, detail: { flagId: id, kind: flag.kind } });
        return recordAsSeen(cb, db, s, flag.clientId);
      }),
    'riskFlags.remove': ({ id, on, note }) =>
      cb.write((db, s) => {
        const { clientId, kind } = removeRiskFlag(db, id, on, note, s.user.id, cb.now());
        cb.audit(db, s, 'riskFlag.removed', { clientId, detail: { flagId: id, kind } });
        return recordAsSeen(cb, db, s, clientId);
      }),
  };
}
