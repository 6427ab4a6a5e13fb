import type { Records } from '../domain';
import { requireServiceToRequire } from '../eligibility/services';
import type { Handlers } from '../rpc';
import { addAgency, readAgency, searchAgencies, setAgencyActive, updateAgency } from './agencies';

export function agencyHandlers(
  cb: Records,
): Pick<Handlers, 'agencies.search' | 'agencies.get' | 'agencies.save' | 'agencies.setActive'> {
  return {
    'agencies.search': ({ query, includeArchived }) => cb.read((db) => searchAgencies(db, query, includeArchived)),
    'agencies.get': ({ id }) => cb.read((db) => readAgency(db, id)),
    'agencies.save': ({ target, agency }) =>
      cb.write((db, s) => {
        requireServiceToRequire(db, agency.requiresServiceId, 'agency.requiresServiceId');
        let id: number;
        if (target) {
          updateAgency(db, target.id, target.version, agency, cb.now());
          id = target.id;
        } else id = addAgency(db, agency, s.user.id, cb.now());
        cb.audit(db, s, target ? 'agency.changed' : 'agency.added', { detail: { agencyId: id } });
        return readAgency(db, id);
      }),
    'agencies.setActive': ({ id, active }) =>
      cb.write((db, s) => {
        setAgencyActive(db, id, active, cb.now());
        cb.audit(db, s, active ? 'agency.restored' : 'agency.archived', { detail: { agencyId: id } });
        return readAgency(db, id);
      }),
  };
}
