import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDocument } from '../../../../../shared/domain/document';
import { invoke } from '../../../api';
import { ModalForm } from '../../../components/ModalForm/ModalForm';
import { useSubmit } from '../../../useSubmit';
import { detailsOf, DocumentFields, type DocumentDraft, type DraftErrors } from './DocumentFields';
import { linkValue } from './linkOptions';

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
  const save = (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    const { details, errors: wrong } = detailsOf(t, draft);
    if (!details) return setErrors(wrong);
    void submit(() => invoke('documents.update', { id: doc.id, version: doc.version, ...details }), {
      form: { setErrors: (f) => setErrors(f as DraftErrors) },
      onOk: onSaved,
    });
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
