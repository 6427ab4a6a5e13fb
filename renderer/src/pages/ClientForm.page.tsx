import { Anchor, Loader, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clientDetailsSchema, type Client } from '../../../shared/domain/client';
import { invoke } from '../api';
import { ClientFields, emptyClient, type ClientFormValues } from '../components/ClientFields/ClientFields';
import { FormActions } from '../components/FormActions/FormActions';
import type { Route } from '../components/Workspace/Workspace';
import { errorSentence, schemaValidator } from '../errors';
import { useSubmit } from '../useSubmit';

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
  const { busy, error, setError, submit: send } = useSubmit();
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

  const submit = form.onSubmit((values) =>
    send(() => (existing ? invoke('clients.update', { id: existing.id, version: existing.version, details: values }) : invoke('clients.create', values)), {
      form,
      fieldPrefix: existing ? 'details.' : '',
      onOk: (client) => {
        const name = `${client.firstName} ${client.lastName}`;
        notifications.show({ color: 'green', message: existing ? t('clients.updated', { name }) : t('clients.created', { name, reference: client.reference }) });
        go({ name: 'client', id: client.id });
      },
    }),
  );

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
            <FormActions error={error} busy={busy} onCancel={() => go(existing ? { name: 'client', id: existing.id } : { name: 'clients' })} />
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
