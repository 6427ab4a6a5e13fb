import { reachOf } from '../clients/reach';
import type { Records } from '../domain';
import { requireClient } from '../clients/queries';
import type { Handlers } from '../rpc';
import {
  clientHelpGiven,
  giveHelp,
  listHelpGiven,
  listHelpTypes,
  removeHelpGiven,
  repeatWarning,
  saveHelpType,
  helpGivenTotals,
} from './helpGiven';

type HelpGivenChannels =
  | 'helpTypes.list'
  | 'helpTypes.save'
  | 'helpGiven.forClient'
  | 'helpGiven.check'
  | 'helpGiven.give'
  | 'helpGiven.remove'
  | 'helpGiven.list'
  | 'helpGiven.totals';

export function helpGivenHandlers(cb: Records): Pick<Handlers, HelpGivenChannels> {
  return {
    'helpTypes.list': () => cb.read((db) => listHelpTypes(db)),
    'helpTypes.save': (type) =>
      cb.write((db, s) => {
        const id = saveHelpType(db, type, cb.now());
        cb.audit(db, s, 'supportTypes.changed', {
          detail: { typeId: id, change: type.id ? (type.active ? 'changed' : 'retired') : 'added' },
        });
        return listHelpTypes(db);
      }),
    'helpGiven.forClient': ({ clientId }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return clientHelpGiven(db, clientId);
      }),
    'helpGiven.check': ({ clientId, typeId, givenOn }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return repeatWarning(db, clientId, typeId, givenOn);
      }),
    'helpGiven.give': ({ clientId, helpGiven }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const { id, overridden } = giveHelp(db, clientId, helpGiven, s.user.id, cb.now());
        cb.audit(db, s, 'support.given', {
          clientId,
          detail: {
            supportId: id,
            typeId: helpGiven.typeId,
            quantity: helpGiven.quantity,
            ...(overridden ? { repeatOverridden: true } : {}),
          },
        });
        return clientHelpGiven(db, clientId);
      }),
    'helpGiven.remove': ({ id, reason }) =>
      cb.write((db, s) => {
        const clientId = removeHelpGiven(db, id);
        cb.audit(db, s, 'support.removed', { clientId, detail: { supportId: id, reason } });
        return clientHelpGiven(db, clientId);
      }),
    'helpGiven.list': (q) => cb.read((db, s) => listHelpGiven(db, q, reachOf(s))),
    'helpGiven.totals': (period) => cb.read((db) => helpGivenTotals(db, period)),
  };
}
