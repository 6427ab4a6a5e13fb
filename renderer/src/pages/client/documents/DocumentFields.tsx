import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  DOCUMENT_KINDS,
  documentDetailsSchema,
  withoutEnding,
  type DocumentDetailsInput,
  type DocumentKind,
} from '../../../../../shared/domain/document';
import { schemaValidator } from '../../../errors';
import { DateField } from '../../../components/DateField/DateField';
import * as clock from '../../../clock';
import { linkOf, useLinkOptions } from './linkOptions';

/** What a person says about a document, as typed: the same fields when it is added and when it is changed. */
export interface DocumentDraft {
  kind: DocumentKind | '';
  title: string;
  documentDate: string;
  /** "caseNote:12", or '' for nothing in particular. */
  link: string;
}

export type DraftErrors = Partial<Record<keyof DocumentDraft, string>>;

/** A new file's draft: its title from its name, the rest to fill in. */
export const draftFor = (fileName: string): DocumentDraft => ({
  kind: '',
  title: withoutEnding(fileName).slice(0, 200),
  documentDate: '',
  link: '',
});

/**
 * The draft as the core takes it, checked by the same rules first: the details to send, or the
 * fields' messages in the person's language.
 */
export function detailsOf(
  t: TFunction,
  d: DocumentDraft,
): { details: DocumentDetailsInput; errors: null } | { details: null; errors: DraftErrors } {
  const input = {
    kind: d.kind || undefined,
    title: d.title,
    documentDate: d.documentDate || null,
    link: linkOf(d.link),
  };
  const wrong = schemaValidator(documentDetailsSchema, t)(input);
  return Object.keys(wrong).length
    ? { details: null, errors: wrong as DraftErrors }
    : { details: { ...input, kind: d.kind as DocumentKind }, errors: null };
}

export function DocumentFields({
  clientId,
  draft,
  errors,
  onChange,
  autoFocus,
}: {
  clientId: number;
  draft: DocumentDraft;
  errors: DraftErrors;
  onChange: (draft: DocumentDraft) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const links = useLinkOptions(clientId);
  const set = <K extends keyof DocumentDraft>(key: K, value: DocumentDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t('documents.kind')}
        required
        data-autofocus={autoFocus || undefined}
        data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
        value={draft.kind || null}
        onChange={(v) => set('kind', (v ?? '') as DocumentKind | '')}
        error={errors.kind}
      />
      <TextInput
        label={t('documents.title')}
        required
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errors.title}
        maxLength={200}
      />
      <DateField
        label={t('documents.documentDate')}
        value={draft.documentDate}
        onChange={(v) => set('documentDate', v)}
        max={clock.today()}
        error={errors.documentDate}
      />
      <Select
        label={t('documents.link')}
        placeholder={t('documents.noLink')}
        data={links}
        value={draft.link || null}
        onChange={(v) => set('link', v ?? '')}
        clearable
        searchable
        error={errors.link}
      />
    </SimpleGrid>
  );
}
