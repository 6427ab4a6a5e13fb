import { Anchor, Button, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clientDetailsSchema, type Client } from '../../../shared/domain/client';
import { invoke } from '../api';
import { ClientFields, emptyClient, type ClientFormValues } from '../components/ClientFields/ClientFields';
import { FormAlert } from '../components/FormAlert/FormAlert';
import type { Route } from '../components/Workspace/Workspace';
import { errorSentence, schemaValidator, translatedFields } from '../errors';

const toForm = (c: Client): ClientFormValues => ({
  firstName: c.firstName,
  lastName: c.lastName,
  dateOfBirth: c.dateOfBirth ?? '',
  phone: c.phone ?? '',
  address: c.address ?? '',
  postcode: c.postcode ?? '',
  preferredLanguage: c.preferredLanguage ?? '',
});

/** "New client" (no id) or "Edit client". Saving is one transaction; nothing is kept only in this form. */
export function ClientFormPage({ id, go }: { id?: number; go: (r: Route) => void }) {
  const { t } = useTranslation();
  const [existing, setExisting] = useState<Client | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<ClientFormValues>({ initialValues: emptyClient, validate: schemaValidator(clientDetailsSchema, t) });

  useEffect(() => {
    if (id === undefined) return;
    void invoke('clients.get', { id }).then((r) => {
      if (r.ok) {
        setExisting(r.value);
        form.setValues(toForm(r.value));
        form.resetDirty(toForm(r.value));
      } else setError(errorSentence(t, r.error));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setBusy(true);
    const r = existing
      ? await invoke('clients.update', { id: existing.id, version: existing.version, details: values })
      : await invoke('clients.create', values);
    setBusy(false);
    if (!r.ok) {
      form.setErrors(translatedFields(t, r.error.fields, existing ? 'details.' : ''));
      setError(errorSentence(t, r.error));
      return;
    }
    const name = `${r.value.firstName} ${r.value.lastName}`;
    notifications.show({ color: 'green', message: existing ? t('clients.updated', { name }) : t('clients.created', { name, reference: r.value.reference }) });
    go({ name: 'client', id: r.value.id });
  });

  if (id !== undefined && !existing && !error) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack maw={820}>
      <Anchor component="button" type="button" size="sm" onClick={() => go(existing ? { name: 'client', id: existing.id } : { name: 'clients' })} w="fit-content">
        ← {existing ? `${existing.firstName} ${existing.lastName}` : t('clients.backToList')}
      </Anchor>
      <Title order={1} size="h2">
        {existing ? t('clients.editTitle') : t('clients.newTitle')}
      </Title>
      <Paper withBorder p="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <ClientFields form={form} />
            <FormAlert message={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => go(existing ? { name: 'client', id: existing.id } : { name: 'clients' })}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
