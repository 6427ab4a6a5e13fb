import { Checkbox, Group, Input, Radio, SimpleGrid, Stack, TagsInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_METHODS,
  consentInputSchema,
  consentRules,
  SHARE_SCOPES,
  type ConsentInput,
} from '../../../../shared/domain/consent';
import { schemaValidator, translatedFields } from '../../errors';
import * as clock from '../../clock';
import { DateField } from '../DateField/DateField';

export interface ConsentFormValues {
  storeData: boolean;
  shareScope: (typeof SHARE_SCOPES)[number];
  shareAgencies: string[];
  contactPhone: boolean;
  contactLetter: boolean;
  contactText: boolean;
  contactEmail: boolean;
  givenOn: string;
  method: (typeof CONSENT_METHODS)[number] | '';
  expiresOn: string;
  note: string;
}

export const emptyConsent = (): ConsentFormValues => ({
  storeData: true,
  shareScope: 'none',
  shareAgencies: [],
  contactPhone: false,
  contactLetter: false,
  contactText: false,
  contactEmail: false,
  givenOn: clock.today(),
  method: '',
  expiresOn: '',
  note: '',
});

export const consentToInput = (v: ConsentFormValues): ConsentInput => ({
  ...v,
  method: v.method as ConsentInput['method'],
});

export function useConsentForm() {
  const { t } = useTranslation();
  const check = schemaValidator(consentInputSchema, t);
  return useForm<ConsentFormValues>({
    initialValues: emptyConsent(),
    validate: (v) => ({
      ...translatedFields(t, consentRules({ ...v, expiresOn: v.expiresOn || null })),
      ...check(consentToInput(v)),
    }),
  });
}

/** What the client agreed to, when and how: the same fields at intake and when consent is recorded again. */
export function ConsentFields({ form }: { form: UseFormReturnType<ConsentFormValues> }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Checkbox
        label={t('consent.storeData')}
        description={t('consent.storeDataHelp')}
        {...form.getInputProps('storeData', { type: 'checkbox' })}
      />
      <Radio.Group label={t('consent.shareScope')} {...form.getInputProps('shareScope')}>
        <Stack gap={6} mt={6}>
          {SHARE_SCOPES.map((s) => (
            <Radio key={s} value={s} label={t(`consent.scopes.${s}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {form.values.shareScope === 'named' && (
        <TagsInput
          label={t('consent.shareAgencies')}
          description={t('consent.shareAgenciesHelp')}
          required
          maxTags={30}
          splitChars={[',', ';']}
          {...form.getInputProps('shareAgencies')}
        />
      )}
      <Input.Wrapper
        label={t('consent.contactBy')}
        component="fieldset"
        styles={{ root: { border: 0, padding: 0, margin: 0 } }}
      >
        <Group mt={6}>
          <Checkbox label={t('consent.contact.phone')} {...form.getInputProps('contactPhone', { type: 'checkbox' })} />
          <Checkbox
            label={t('consent.contact.letter')}
            {...form.getInputProps('contactLetter', { type: 'checkbox' })}
          />
          <Checkbox label={t('consent.contact.text')} {...form.getInputProps('contactText', { type: 'checkbox' })} />
          <Checkbox label={t('consent.contact.email')} {...form.getInputProps('contactEmail', { type: 'checkbox' })} />
        </Group>
      </Input.Wrapper>
      <SimpleGrid cols={3}>
        <DateField
          label={t('consent.givenOn')}
          required
          min="1900-01-01"
          max={clock.today()}
          {...form.getInputProps('givenOn')}
        />
        <Radio.Group label={t('consent.method')} required {...form.getInputProps('method')}>
          <Group mt={8}>
            {CONSENT_METHODS.map((m) => (
              <Radio key={m} value={m} label={t(`consent.methods.${m}`)} />
            ))}
          </Group>
        </Radio.Group>
        <DateField
          label={t('consent.expiresOn')}
          description={t('consent.expiresOnHelp')}
          {...form.getInputProps('expiresOn')}
        />
      </SimpleGrid>
      <Textarea label={t('consent.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
    </Stack>
  );
}
