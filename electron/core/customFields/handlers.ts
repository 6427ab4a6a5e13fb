import { requireClient } from '../clients/queries';
import { mayReadSensitive } from '../clients/record';
import type { Records } from '../domain';
import type { Handlers } from '../rpc';
import { readAnswers, saveAnswers } from './answers';
import { listFields, moveField, saveField, setFieldActive } from './fields';

type CustomFieldChannels =
  'customFields.list' | 'customFields.save' | 'customFields.setActive' | 'customFields.move' | 'customFields.answer';

export function customFieldHandlers(cb: Records): Pick<Handlers, CustomFieldChannels> {
  return {
    'customFields.list': ({ includeRetired }) => cb.read((db) => listFields(db, includeRetired)),
    'customFields.save': (field) =>
      cb.write((db, s) => {
        const id = saveField(db, field, s.user.id, cb.now());
        cb.audit(db, s, field.id ? 'customField.changed' : 'customField.added', { detail: { fieldId: id } });
        return listFields(db, true);
      }),
    'customFields.setActive': ({ id, active }) =>
      cb.write((db, s) => {
        setFieldActive(db, id, active, cb.now());
        cb.audit(db, s, 'customField.changed', { detail: { fieldId: id, active } });
        return listFields(db, true);
      }),
    'customFields.move': ({ id, by }) =>
      cb.write((db, s) => {
        moveField(db, id, by);
        cb.audit(db, s, 'customField.changed', { detail: { fieldId: id, moved: by } });
        return listFields(db, true);
      }),
    'customFields.answer': ({ clientId, answers }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const changed = saveAnswers(db, clientId, answers, 'record', s.user.id, cb.now());
        if (changed.length) cb.audit(db, s, 'client.answered', { clientId, detail: { fields: changed } });
        return readAnswers(db, clientId, mayReadSensitive(s.user.role));
      }),
  };
}
