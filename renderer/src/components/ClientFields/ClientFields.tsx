import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetailsInput } from '../../../../shared/domain/client';
import { CLIENT_LANGUAGES } from '../../../../shared/domain/languages';
import { localToday } from '../../../../shared/domain/validation';
import { languageName } from '../../format';

export type ClientFormValues = { [K in keyof ClientDetailsInput]-?: string };

export const emptyClient: ClientFormValues = {
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  phone: '',
  address: '',
  postcode: '',
  preferredLanguage: '',
};

/** The fields of a client's personal details, shared by "New client" and "Edit client". */
export function ClientFields({ form }: { form: UseFormReturnType<ClientFormValues> }) {
  const { t, i18n } = useTranslation();
  const languages = useMemo(
    () =>
      CLIENT_LANGUAGES.map((code) => ({ value: code, label: languageName(code, i18n.language) })).sort((a, b) =>
        a.label.localeCompare(b.label, i18n.language),
      ),
    [i18n.language],
  );
  return (
    <Stack>
      <SimpleGrid cols={2}>
        <TextInput label={t('clients.firstName')} required autoFocus maxLength={100} {...form.getInputProps('firstName')} />
        <TextInput label={t('clients.lastName')} required maxLength={100} {...form.getInputProps('lastName')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={t('clients.dateOfBirth')} type="date" min="1900-01-01" max={localToday()} {...form.getInputProps('dateOfBirth')} />
        <Select
          label={t('clients.preferredLanguage')}
          data={languages}
          searchable
          clearable
          nothingFoundMessage="—"
          {...form.getInputProps('preferredLanguage')}
          value={form.values.preferredLanguage || null}
          onChange={(v) => form.setFieldValue('preferredLanguage', v ?? '')}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={t('clients.phone')} type="tel" maxLength={40} {...form.getInputProps('phone')} />
        <TextInput label={t('clients.postcode')} maxLength={12} {...form.getInputProps('postcode')} />
      </SimpleGrid>
      <Textarea label={t('clients.address')} autosize minRows={3} maxLength={500} {...form.getInputProps('address')} />
    </Stack>
  );
}
