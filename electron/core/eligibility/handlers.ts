import { localToday } from '../../../shared/clock';
import { requireClient } from '../clients/queries';
import { reachOf } from '../clients/reach';
import type { Records } from '../domain';
import type { Handlers } from '../rpc';
import { clientChecks, recordCheck, rechecksDue } from './checks';
import { listServices, saveService, setServiceActive } from './services';

type EligibilityChannels =
  | 'eligibility.services'
  | 'eligibility.saveService'
  | 'eligibility.setServiceActive'
  | 'eligibility.forClient'
  | 'eligibility.record'
  | 'eligibility.rechecksDue';

export function eligibilityHandlers(cb: Records): Pick<Handlers, EligibilityChannels> {
  const today = () => localToday(cb.now());
  return {
    'eligibility.services': ({ includeRetired }) => cb.read((db) => listServices(db, includeRetired)),
    'eligibility.saveService': (service) =>
      cb.write((db, s) => {
        const id = saveService(db, service, cb.now());
        cb.audit(db, s, service.id ? 'eligibility.serviceChanged' : 'eligibility.serviceAdded', {
          detail: { serviceId: id, criteria: service.criteria.length },
        });
        return listServices(db, true);
      }),
    'eligibility.setServiceActive': ({ id, active }) =>
      cb.write((db, s) => {
        setServiceActive(db, id, active, cb.now());
        cb.audit(db, s, 'eligibility.serviceChanged', { detail: { serviceId: id, active } });
        return listServices(db, true);
      }),
    'eligibility.forClient': ({ clientId }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return clientChecks(db, clientId, today());
      }),
    'eligibility.record': (check) =>
      cb.write((db, s) => {
        requireClient(db, check.clientId);
        const id = recordCheck(db, check, s.user.id, cb.now());
        cb.audit(db, s, 'eligibility.checked', {
          clientId: check.clientId,
          detail: { checkId: id, serviceId: check.serviceId, decision: check.decision },
        });
        return clientChecks(db, check.clientId, today());
      }),
    'eligibility.rechecksDue': () => cb.read((db, s) => rechecksDue(db, today(), reachOf(s))),
  };
}
