import { requireClient } from '../clients/queries';
import { mayReadSensitive, readerOf, recordAsSeen } from '../clients/record';
import type { Records } from '../domain';
import type { Handlers } from '../rpc';
import { readAnswers, saveAnswers } from './answers';
import { listFields, moveField, requireField, saveField, setFieldActive } from './fields';
import { fillForm, listEntries, listForms, requireForm, saveForm, setFormActive } from './forms';

type CustomFieldChannels =
  | 'customFields.list'
  | 'customFields.save'
  | 'customFields.setActive'
  | 'customFields.move'
  | 'customFields.answer'
  | 'forms.list'
  | 'forms.save'
  | 'forms.setActive'
  | 'forms.entries'
  | 'forms.fill';

export function customFieldHandlers(cb: Records): Pick<Handlers, CustomFieldChannels> {
  return {
    'customFields.list': ({ includeRetired, formId }) =>
      cb.read((db) => {
        if (formId) requireForm(db, formId);
        return listFields(db, includeRetired, formId ?? null);
      }),
    'customFields.save': (field) =>
      cb.write((db, s) => {
        if (field.formId) requireForm(db, field.formId);
        const id = saveField(db, field, s.user.id, cb.now());
        cb.audit(db, s, field.id ? 'customField.changed' : 'customField.added', {
          detail: { fieldId: id, formId: field.formId ?? null },
        });
        return listFields(db, true, field.formId ?? null);
      }),
    'customFields.setActive': ({ id, active }) =>
      cb.write((db, s) => {
        setFieldActive(db, id, active, cb.now());
        cb.audit(db, s, 'customField.changed', { detail: { fieldId: id, active } });
        return listFields(db, true, requireField(db, id).formId);
      }),
    'customFields.move': ({ id, by }) =>
      cb.write((db, s) => {
        moveField(db, id, by);
        cb.audit(db, s, 'customField.changed', { detail: { fieldId: id, moved: by } });
        return listFields(db, true, requireField(db, id).formId);
      }),
    'customFields.answer': ({ clientId, answers }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const changed = saveAnswers(db, clientId, answers, 'record', s.user.id, cb.now());
        if (changed.length) cb.audit(db, s, 'client.answered', { clientId, detail: { fields: changed } });
        return readAnswers(db, clientId, mayReadSensitive(s.user.role));
      }),
    'forms.list': ({ includeRetired }) => cb.read((db) => listForms(db, includeRetired)),
    'forms.save': (form) =>
      cb.write((db, s) => {
        const id = saveForm(db, form, cb.now());
        cb.audit(db, s, form.id ? 'customForm.changed' : 'customForm.added', { detail: { formId: id } });
        return listForms(db, true);
      }),
    'forms.setActive': ({ id, active }) =>
      cb.write((db, s) => {
        setFormActive(db, id, active, cb.now());
        cb.audit(db, s, 'customForm.changed', { detail: { formId: id, active } });
        return listForms(db, true);
      }),
    'forms.entries': ({ clientId }) =>
      cb.read((db, s) => {
        requireClient(db, clientId);
        return listEntries(db, clientId, readerOf(s));
      }),
    'forms.fill': (input) =>
      cb.write((db, s) => {
        requireClient(db, input.clientId);
        const id = fillForm(db, input, s.user.id, cb.now());
        // Which form and entry, never the answers.
        cb.audit(db, s, input.entry ? 'form.changed' : 'form.filled', {
          clientId: input.clientId,
          detail: { formId: input.formId, entryId: id },
        });
        return {
          entry: listEntries(db, input.clientId, readerOf(s), id)[0]!,
          // A scored form may have scored a need area: the record's assessments as they are now.
          record: recordAsSeen(cb, db, s, input.clientId),
        };
      }),
  };
}
