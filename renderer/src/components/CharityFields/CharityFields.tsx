import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CharityInput } from '../../../../shared/domain/charity';
import { CURRENCIES } from '../../../../shared/domain/helpGiven';

export const emptyCharity: CharityInput = {
  name: '',
  address: '',
  charityNumber: '',
  phone: '',
  email: '',
  currency: 'GBP',
};

/** The charity's own details (printed on letters), at setup and in Settings. */
export function CharityFields({
  form,
  autoFocus = false,
}: {
  form: UseFormReturnType<CharityInput>;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <TextInput
        label={t('setup.charityName')}
        required
        autoFocus={autoFocus}
        maxLength={200}
        {...form.getInputProps('name')}
      />
      <Textarea
        label={t('setup.charityAddress')}
        autosize
        minRows={3}
        maxLength={500}
        {...form.getInputProps('address')}
      />
      <SimpleGrid cols={2}>
        <TextInput label={t('setup.charityNumber')} maxLength={40} {...form.getInputProps('charityNumber')} />
        <TextInput label={t('setup.charityPhone')} type="tel" maxLength={40} {...form.getInputProps('phone')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={t('setup.charityEmail')} type="email" maxLength={254} {...form.getInputProps('email')} />
        <Select
          label={t('helpGiven.currency')}
          data={CURRENCIES.map((c) => ({ value: c, label: t(`helpGiven.currencies.${c}`) }))}
          allowDeselect={false}
          {...form.getInputProps('currency')}
        />
      </SimpleGrid>
    </Stack>
  );
}
