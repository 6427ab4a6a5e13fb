import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { RequiredService } from '../components/RequiredService/RequiredService';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyInputSchema, REFERRAL_ROUTES, type Agency, type ReferralRoute } from '../../../shared/domain/agency';
import { invoke } from '../api';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { errorSentence, schemaValidator } from '../errors';
import { useSubmit } from '../useSubmit';
import { useGo, useUnsavedGuard } from '../navigation';

interface ContactRow {
  id: number | null;
  name: string;
  role: string;
  phone: string;
  email: string;
}
interface AgencyForm {
  name: string;
  services: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  referralRoutes: ReferralRoute[];
  howToRefer: string;
  notes: string;
  contacts: ContactRow[];
  /** The service whose current eligibility decision sending a referral needs: an id, or '' for none. */
  requiresServiceId: string;
}

const toInput = (v: AgencyForm) => ({
  ...v,
  requiresServiceId: v.requiresServiceId ? Number(v.requiresServiceId) : null,
});

const blank: AgencyForm = {
  name: '',
  services: '',
  address: '',
  phone: '',
  email: '',
  website: '',
  referralRoutes: [],
  howToRefer: '',
  notes: '',
  contacts: [],
  requiresServiceId: '',
};
const fromAgency = (a: Agency): AgencyForm => ({
  name: a.name,
  services: a.services ?? '',
  address: a.address ?? '',
  phone: a.phone ?? '',
  email: a.email ?? '',
  website: a.website ?? '',
  referralRoutes: a.referralRoutes,
  howToRefer: a.howToRefer ?? '',
  notes: a.notes ?? '',
  contacts: a.contacts.map((c) => ({
    id: c.id,
    name: c.name,
    role: c.role ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
  })),
  requiresServiceId: a.requiresServiceId ? String(a.requiresServiceId) : '',
});

/** Adding an agency to the directory, or changing one, with its named contacts. */
export function AgencyEditPage({ id }: { id?: number }) {
  const go = useGo();
  const { t } = useTranslation();
  const [agency, setAgency] = useState<Agency | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit();
  const form = useForm<AgencyForm>({
    initialValues: blank,
    validate: (v) => schemaValidator(agencyInputSchema, t)(toInput(v)),
  });
  useUnsavedGuard(form.isDirty);
  useEffect(() => {
    if (!id) return;
    void invoke('agencies.get', { id }).then((r) => {
      if (!r.ok) return setLoadError(errorSentence(t, r.error));
      setAgency(r.value);
      form.initialize(fromAgency(r.value));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  if (loadError) return <FormAlert message={loadError} />;
  if (id && !agency) return <Loader aria-label={t('common.loading')} />;

  const save = form.onSubmit((v) =>
    submit(
      () =>
        invoke('agencies.save', {
          target: agency ? { id: agency.id, version: agency.version } : null,
          agency: toInput(v),
        }),
      {
        form,
        fieldPrefix: 'agency.',
        onOk: (a) => {
          notifications.show({ color: 'green', message: t('agencies.saved') });
          go({ name: 'agency', id: a.id });
        },
      },
    ),
  );
  const back = () => go(agency ? { name: 'agency', id: agency.id } : { name: 'agencies' });

  return (
    <Stack maw={900}>
      <Anchor component="button" onClick={back} w="fit-content">
        ← {t('common.back')}
      </Anchor>
      <Title order={1} size="h2">
        {agency ? t('agencies.editTitle', { name: agency.name }) : t('agencies.newTitle')}
      </Title>
      <form onSubmit={save} noValidate>
        <Stack>
          <Paper withBorder p="lg">
            <Stack>
              <TextInput
                label={t('agencies.name')}
                required
                maxLength={200}
                data-autofocus
                autoFocus
                {...form.getInputProps('name')}
              />
              <Textarea
                label={t('agencies.services')}
                description={t('agencies.servicesHint')}
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('services')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Textarea
                  label={t('agencies.address')}
                  autosize
                  minRows={3}
                  maxLength={500}
                  {...form.getInputProps('address')}
                />
                <Stack gap="xs">
                  <TextInput label={t('agencies.phone')} type="tel" maxLength={40} {...form.getInputProps('phone')} />
                  <TextInput
                    label={t('agencies.email')}
                    type="email"
                    maxLength={254}
                    {...form.getInputProps('email')}
                  />
                  <TextInput label={t('agencies.website')} maxLength={300} {...form.getInputProps('website')} />
                </Stack>
              </SimpleGrid>
              <Checkbox.Group label={t('agencies.routes')} {...form.getInputProps('referralRoutes')}>
                <Group mt={6}>
                  {REFERRAL_ROUTES.map((r) => (
                    <Checkbox key={r} value={r} label={t(`agencies.route.${r}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Textarea
                label={t('agencies.howToRefer')}
                description={t('agencies.howToReferHint')}
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('howToRefer')}
              />
              <RequiredService
                description={t('eligibility.requiredForAgency')}
                value={form.values.requiresServiceId}
                onChange={(v) => form.setFieldValue('requiresServiceId', v)}
                error={form.errors['requiresServiceId']}
              />
              <Textarea
                label={t('agencies.notes')}
                autosize
                minRows={2}
                maxLength={4000}
                {...form.getInputProps('notes')}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="lg" component="fieldset" aria-label={t('agencies.contacts')}>
            <Stack>
              <Text fw={700}>{t('agencies.contacts')}</Text>
              {form.values.contacts.length === 0 && <Text c="dimmed">{t('agencies.noContacts')}</Text>}
              {form.values.contacts.map((c, i) => (
                <Group key={c.id ?? `new-${i}`} align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('agencies.contactName')}
                    required
                    maxLength={120}
                    style={{ flex: 2 }}
                    {...form.getInputProps(`contacts.${i}.name`)}
                  />
                  <TextInput
                    label={t('agencies.contactRole')}
                    maxLength={120}
                    style={{ flex: 2 }}
                    {...form.getInputProps(`contacts.${i}.role`)}
                  />
                  <TextInput
                    label={t('agencies.contactPhone')}
                    type="tel"
                    maxLength={40}
                    style={{ flex: 1.5 }}
                    {...form.getInputProps(`contacts.${i}.phone`)}
                  />
                  <TextInput
                    label={t('agencies.contactEmail')}
                    type="email"
                    maxLength={254}
                    style={{ flex: 2 }}
                    {...form.getInputProps(`contacts.${i}.email`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('agencies.removeContact', { name: c.name || i + 1 })}
                    onClick={() => form.removeListItem('contacts', i)}
                  >
                    ✕
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="light"
                w="fit-content"
                onClick={() => form.insertListItem('contacts', { id: null, name: '', role: '', phone: '', email: '' })}
              >
                {t('agencies.addContact')}
              </Button>
            </Stack>
          </Paper>
          <FormActions error={error} busy={busy} onCancel={back} />
        </Stack>
      </form>
    </Stack>
  );
}
