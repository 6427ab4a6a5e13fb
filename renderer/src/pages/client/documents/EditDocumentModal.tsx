import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentDetailsSchema, type ClientDocument } from '../../../../../shared/domain/document';
import { fieldIssues } from '../../../../../shared/domain/validation';
import { invoke } from '../../../api';
import { ModalForm } from '../../../components/ModalForm/ModalForm';
import { translatedFields } from '../../../errors';
import { useSubmit } from '../../../useSubmit';
import { DocumentFields, type DocumentDraft, type DraftErrors } from './DocumentFields';
import { linkOf, linkValue } from './linkOptions';

/** Changes what a document is, its title, its date and what it goes with (the file itself stays as it was). */
export function EditDocumentModal({
  clientId,
  document: doc,
  onClose,
  onSaved,
}: {
  clientId: number;
  document: ClientDocument;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const [draft, setDraft] = useState<DocumentDraft>({
    kind: doc.kind,
    title: doc.title,
    documentDate: doc.documentDate ?? '',
    link: linkValue(doc.link),
  });
  const [errors, setErrors] = useState<DraftErrors>({});
  const details = {
    kind: draft.kind || undefined,
    title: draft.title,
    documentDate: draft.documentDate || null,
    link: linkOf(draft.link),
  };
  const save = (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    const parsed = documentDetailsSchema.safeParse(details);
    if (!parsed.success) return setErrors(translatedFields(t, fieldIssues(parsed.error)) as DraftErrors);
    void submit(
      () => invoke('documents.update', { id: doc.id, version: doc.version, ...details, kind: parsed.data.kind }),
      { form: { setErrors: (f) => setErrors(f as DraftErrors) }, onOk: onSaved },
    );
  };
  return (
    <ModalForm
      opened
      title={t('documents.editTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      size="xl"
    >
      <DocumentFields
        clientId={clientId}
        draft={draft}
        errors={errors}
        onChange={(d) => {
          setDraft(d);
          setErrors({});
        }}
        autoFocus
      />
    </ModalForm>
  );
}
