import {
  ActionIcon,
  Button,
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
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../shared/domain/clientRecord';
import { addDays } from '../../../shared/domain/caseload';
import { safetyPlanInputSchema, safetyPlanRules } from '../../../shared/domain/safetyPlan';
import { invoke } from '../api';
import { ClientHeader } from '../components/ClientHeader/ClientHeader';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import type { Route } from '../routes';
import { errorSentence, schemaValidator, translatedFields } from '../errors';
import { useSubmit } from '../useSubmit';
import * as clock from '../clock';
import { DateField } from '../components/DateField/DateField';
import { useGo, useUnsavedGuard } from '../navigation';

const MAX_CONTACTS = 12;
const blankContact = () => ({ name: '', role: '', phone: '' });

/** Writing or changing a safety plan with the client. Each save is a new version; the old ones stay. */
export function SafetyPlanPage({ clientId }: { clientId: number }) {
  const go = useGo();
  const { t } = useTranslation();
  const [record, setRecord] = useState<ClientRecord | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: {
      warningSigns: '',
      copingSteps: '',
      keepingSafe: '',
      contacts: [blankContact()],
      agreedOn: clock.today(),
      reviewOn: addDays(clock.today(), 14),
    },
    validate: (v) => ({ ...translatedFields(t, safetyPlanRules(v)), ...schemaValidator(safetyPlanInputSchema, t)(v) }),
  });
  useUnsavedGuard(form.isDirty);

  useEffect(() => {
    void Promise.all([invoke('clients.get', { id: clientId }), invoke('safetyPlans.get', { clientId })]).then(
      ([r, p]) => {
        if (!r.ok) return setLoadError(errorSentence(t, r.error));
        setRecord(r.value);
        if (p.ok && p.value) {
          const x = p.value;
          form.initialize({
            warningSigns: x.warningSigns,
            copingSteps: x.copingSteps,
            keepingSafe: x.keepingSafe ?? '',
            contacts: x.contacts.map((c) => ({ name: c.name, role: c.role ?? '', phone: c.phone ?? '' })),
            agreedOn: clock.today(),
            reviewOn: x.reviewOn > clock.today() ? x.reviewOn : addDays(clock.today(), 14),
          });
        }
        setLoaded(true);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clientId]);

  if (loadError) return <FormAlert message={loadError} />;
  if (!record || !loaded) return <Loader aria-label={t('common.loading')} />;
  const back: Route = { name: 'client', id: clientId, tab: 'safety' };
  const save = form.onSubmit((v) =>
    submit(() => invoke('safetyPlans.save', { clientId, plan: v }), {
      form,
      fieldPrefix: 'plan.',
      onOk: () => {
        notifications.show({ color: 'green', message: t('safetyPlan.saved') });
        go(back);
      },
    }),
  );

  return (
    <Stack maw={900}>
      <ClientHeader
        client={record.client}
        riskFlags={record.riskFlags}
        back={back}

        subtitle={t('safetyPlan.title')}
      />
      <Paper withBorder p="lg">
        <form onSubmit={save} noValidate>
          <Stack>
            <Textarea
              label={t('safetyPlan.warningSigns')}
              description={t('safetyPlan.warningSignsHelp')}
              required
              autosize
              minRows={3}
              maxLength={4000}
              data-autofocus
              {...form.getInputProps('warningSigns')}
            />
            <Textarea
              label={t('safetyPlan.copingSteps')}
              description={t('safetyPlan.copingStepsHelp')}
              required
              autosize
              minRows={3}
              maxLength={4000}
              {...form.getInputProps('copingSteps')}
            />
            <Textarea
              label={t('safetyPlan.keepingSafe')}
              autosize
              minRows={2}
              maxLength={4000}
              {...form.getInputProps('keepingSafe')}
            />
            <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Title order={2} size="h5" component="legend">
                {t('safetyPlan.contacts')}
              </Title>
              {form.errors.contacts && (
                <Text c="red" size="sm" role="alert">
                  {form.errors.contacts}
                </Text>
              )}
              {form.values.contacts.map((_, i) => (
                <Group
                  key={i}
                  align="flex-end"
                  wrap="nowrap"
                  role="group"
                  aria-label={t('safetyPlan.contactN', { n: i + 1 })}
                >
                  <TextInput
                    style={{ flex: 2 }}
                    label={t('safetyPlan.contactName')}
                    required
                    maxLength={120}
                    {...form.getInputProps(`contacts.${i}.name`)}
                  />
                  <TextInput
                    style={{ flex: 2 }}
                    label={t('safetyPlan.contactRole')}
                    maxLength={120}
                    {...form.getInputProps(`contacts.${i}.role`)}
                  />
                  <TextInput
                    style={{ flex: 1.5 }}
                    label={t('safetyPlan.contactPhone')}
                    maxLength={40}
                    {...form.getInputProps(`contacts.${i}.phone`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('safetyPlan.removeContact', { n: i + 1 })}
                    onClick={() => form.removeListItem('contacts', i)}
                  >
                    ✕
                  </ActionIcon>
                </Group>
              ))}
              {form.values.contacts.length < MAX_CONTACTS && (
                <Button variant="light" w="fit-content" onClick={() => form.insertListItem('contacts', blankContact())}>
                  {t('safetyPlan.addContact')}
                </Button>
              )}
            </Stack>
            <SimpleGrid cols={3}>
              <DateField
                label={t('safetyPlan.agreedOn')}
                required
                max={clock.today()}
                {...form.getInputProps('agreedOn')}
              />
              <DateField label={t('safetyPlan.reviewOn')} required {...form.getInputProps('reviewOn')} />
            </SimpleGrid>
            <FormActions error={error} busy={busy} onCancel={() => go(back)} />
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
