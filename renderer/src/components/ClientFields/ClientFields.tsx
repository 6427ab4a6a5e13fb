import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  clientDetailsSchema,
  ESTIMATED_AGE_MAX,
  REFERRAL_SOURCES,
  type Client,
  type ClientDetailsInput,
} from '../../../../shared/domain/client';
import { CLIENT_LANGUAGES } from '../../../../shared/domain/languages';
import { schemaValidator } from '../../errors';
import { languageName } from '../../format';
import * as clock from '../../clock';
import { DateField } from '../DateField/DateField';
import { useChannel } from '../../useChannel';

/** What the client form holds: text as typed, an estimated age rather than a birth year. */
export interface ClientFormValues {
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string;
  estimatedAge: string | number;
  gender: string;
  genderWithheld: boolean;
  pronouns: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  referralSource: string;
  referredBy: string;
  intakeDate: string;
  caseworkerId: string;
}

export const emptyClient = (): ClientFormValues => ({
  firstName: '',
  lastName: '',
  preferredName: '',
  dateOfBirth: '',
  estimatedAge: '',
  gender: '',
  genderWithheld: false,
  pronouns: '',
  phone: '',
  email: '',
  address: '',
  postcode: '',
  preferredLanguage: '',
  interpreterNeeded: false,
  referralSource: '',
  referredBy: '',
  intakeDate: clock.today(),
  caseworkerId: '',
});

const thisYear = () => Number(clock.today().slice(0, 4));

export function clientToForm(c: Client): ClientFormValues {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    preferredName: c.preferredName ?? '',
    dateOfBirth: c.dateOfBirth ?? '',
    estimatedAge: c.estimatedBirthYear === null ? '' : thisYear() - c.estimatedBirthYear,
    gender: c.gender ?? '',
    genderWithheld: c.genderWithheld,
    pronouns: c.pronouns ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
    address: c.address ?? '',
    postcode: c.postcode ?? '',
    preferredLanguage: c.preferredLanguage ?? '',
    interpreterNeeded: c.interpreterNeeded,
    referralSource: c.referralSource ?? '',
    referredBy: c.referredBy ?? '',
    intakeDate: c.intakeDate ?? '',
    caseworkerId: c.caseworkerId === null ? '' : String(c.caseworkerId),
  };
}

/** The form's values as the contract takes them. */
export function formToDetails(v: ClientFormValues): ClientDetailsInput {
  const age = v.estimatedAge === '' ? null : Number(v.estimatedAge);
  return {
    ...v,
    estimatedBirthYear: age === null || Number.isNaN(age) ? null : thisYear() - Math.round(age),
    referralSource: (v.referralSource || null) as ClientDetailsInput['referralSource'],
    caseworkerId: v.caseworkerId ? Number(v.caseworkerId) : null,
  };
}

/** The same rules as the core, with the birth-year message shown on the age field. */
function validator(t: TFunction) {
  const check = schemaValidator(clientDetailsSchema, t);
  return (values: ClientFormValues) => {
    const errors = check(formToDetails(values));
    if (errors.estimatedBirthYear) {
      errors.estimatedAge = errors.estimatedBirthYear;
      delete errors.estimatedBirthYear;
    }
    return errors;
  };
}

export function useClientForm(initial: Partial<ClientFormValues> = {}) {
  const { t } = useTranslation();
  return useForm<ClientFormValues>({ initialValues: { ...emptyClient(), ...initial }, validate: validator(t) });
}

/** A caseworker taking someone in, or setting a task, is the likeliest person for it: their id, else ''. */
export function selfIfCaseworker(state: { user: { id: number; role: string } | null }): string {
  return state.user?.role === 'caseworker' ? String(state.user.id) : '';
}

type Form = UseFormReturnType<ClientFormValues>;

/** Names, date of birth or estimated age, gender and pronouns. */
export function PersonFields({ form, autoFocus = true }: { form: Form; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <SimpleGrid cols={3}>
        <TextInput
          label={t('clients.firstName')}
          required
          autoFocus={autoFocus}
          maxLength={100}
          {...form.getInputProps('firstName')}
        />
        <TextInput label={t('clients.lastName')} required maxLength={100} {...form.getInputProps('lastName')} />
        <TextInput
          label={t('clients.preferredName')}
          description={t('clients.preferredNameHelp')}
          maxLength={100}
          {...form.getInputProps('preferredName')}
        />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <DateField
          label={t('clients.dateOfBirth')}
          min="1900-01-01"
          max={clock.today()}
          {...form.getInputProps('dateOfBirth')}
        />
        <NumberInput
          label={t('clients.estimatedAge')}
          description={t('clients.estimatedAgeHelp')}
          min={0}
          max={ESTIMATED_AGE_MAX}
          allowDecimal={false}
          allowNegative={false}
          disabled={!!form.values.dateOfBirth}
          {...form.getInputProps('estimatedAge')}
        />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <TextInput
          label={t('clients.gender')}
          description={t('clients.genderHelp')}
          maxLength={60}
          disabled={form.values.genderWithheld}
          {...form.getInputProps('gender')}
        />
        <TextInput
          label={t('clients.pronouns')}
          description={t('clients.pronounsHelp')}
          maxLength={40}
          {...form.getInputProps('pronouns')}
        />
      </SimpleGrid>
      <Checkbox label={t('clients.genderWithheld')} {...form.getInputProps('genderWithheld', { type: 'checkbox' })} />
    </Stack>
  );
}

/** Phone, email, address, language and whether an interpreter is needed. */
export function ContactFields({ form }: { form: Form }) {
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
        <TextInput label={t('clients.phone')} type="tel" maxLength={40} {...form.getInputProps('phone')} />
        <TextInput label={t('clients.email')} type="email" maxLength={254} {...form.getInputProps('email')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Textarea
          label={t('clients.address')}
          autosize
          minRows={3}
          maxLength={500}
          {...form.getInputProps('address')}
        />
        <TextInput label={t('clients.postcode')} maxLength={12} {...form.getInputProps('postcode')} />
      </SimpleGrid>
      <Group align="flex-end">
        <Select
          label={t('clients.preferredLanguage')}
          data={languages}
          searchable
          clearable
          nothingFoundMessage="—"
          w={280}
          {...form.getInputProps('preferredLanguage')}
          value={form.values.preferredLanguage || null}
          onChange={(v) => form.setFieldValue('preferredLanguage', v ?? '')}
        />
        <Checkbox
          mb={8}
          label={t('clients.interpreterNeeded')}
          {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })}
        />
      </Group>
    </Stack>
  );
}

/** Active administrators and caseworkers, for "Caseworker" choices. */
export function useCaseworkers(): { value: string; label: string }[] {
  const list = useChannel('clients.caseworkers', {}).data;
  return useMemo(() => (list ?? []).map((u) => ({ value: String(u.id), label: u.name })), [list]);
}

/** When and how they came to the charity, and who their caseworker is. */
export function ReferralFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const caseworkers = useCaseworkers();
  return (
    <Stack>
      <SimpleGrid cols={2}>
        <DateField
          label={t('clients.intakeDate')}
          min="1900-01-01"
          max={clock.today()}
          required
          {...form.getInputProps('intakeDate')}
        />
        <Select
          label={t('clients.caseworker')}
          data={caseworkers}
          clearable
          placeholder={t('clients.noCaseworker')}
          {...form.getInputProps('caseworkerId')}
          value={form.values.caseworkerId || null}
          onChange={(v) => form.setFieldValue('caseworkerId', v ?? '')}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Select
          label={t('clients.referralSource')}
          data={REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`clients.referralSources.${s}`) }))}
          clearable
          {...form.getInputProps('referralSource')}
          value={form.values.referralSource || null}
          onChange={(v) => form.setFieldValue('referralSource', v ?? '')}
        />
        <TextInput
          label={t('clients.referredBy')}
          description={t('clients.referredByHelp')}
          maxLength={200}
          disabled={form.values.referralSource === 'self'}
          {...form.getInputProps('referredBy')}
        />
      </SimpleGrid>
    </Stack>
  );
}
