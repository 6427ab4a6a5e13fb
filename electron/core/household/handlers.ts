import type { Records } from '../domain';
import { requireClient } from '../clients/queries';
import { recordAsSeen } from '../clients/record';
import type { Handlers } from '../rpc';
import { removeHouseholdMember, removeKeyContact, saveHouseholdMember, saveKeyContact } from './household';

export function householdHandlers(
  cb: Records,
): Pick<Handlers, 'household.save' | 'household.remove' | 'household.saveContact' | 'household.removeContact'> {
  return {
    'household.save': ({ clientId, id, member }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const memberId = saveHouseholdMember(db, clientId, id ?? null, member, s.user.id, cb.now());
        cb.audit(db, s, 'household.changed', { clientId, detail: { memberId, change: id ? 'changed' : 'added' } });
        return recordAsSeen(cb, db, s, clientId);
      }),
    'household.remove': ({ id }) =>
      cb.write((db, s) => {
        const { clientId } = removeHouseholdMember(db, id);
        cb.audit(db, s, 'household.changed', { clientId, detail: { memberId: id, change: 'removed' } });
        return recordAsSeen(cb, db, s, clientId);
      }),
    'household.saveContact': ({ clientId, id, contact }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const contactId = saveKeyContact(db, clientId, id ?? null, contact, s.user.id, cb.now());
        cb.audit(db, s, 'contact.changed', { clientId, detail: { contactId, change: id ? 'changed' : 'added' } });
        return recordAsSeen(cb, db, s, clientId);
      }),
    'household.removeContact': ({ id }) =>
      cb.write((db, s) => {
        const { clientId } = removeKeyContact(db, id);
        cb.audit(db, s, 'contact.changed', { clientId, detail: { contactId: id, change: 'removed' } });
        return recordAsSeen(cb, db, s, clientId);
      }),
  };
}
