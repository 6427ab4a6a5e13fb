import { Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../shared/domain/clientRecord';
import { invoke } from '../api';
import { ClientHeader } from '../components/ClientHeader/ClientHeader';
import {
  clientToForm,
  ContactFields,
  formToDetails,
  PersonFields,
  ReferralFields,
  useClientForm,
} from '../components/ClientFields/ClientFields';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { Section } from '../components/Section/Section';
import type { Route } from '../routes';
import { errorSentence } from '../errors';
import { useSubmit } from '../useSubmit';
import { useGo, useUnsavedGuard } from '../navigation';

/** "Edit client": their details in three parts. Saving is one transaction; a clash with someone else's edit is refused. */
export function ClientEditPage({ id }: { id: number }) {
  const go = useGo();
  const { t } = useTranslation();
  const [record, setRecord] = useState<ClientRecord | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, submit: send } = useSubmit();
  const form = useClientForm();
  useUnsavedGuard(form.isDirty);

  useEffect(() => {
    void invoke('clients.get', { id }).then((r) => {
      if (!r.ok) return setLoadError(errorSentence(t, r.error));
      setRecord(r.value);
      form.setValues(clientToForm(r.value.client));
      form.resetDirty(clientToForm(r.value.client));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  if (loadError) return <FormAlert message={loadError} />;
  if (!record) return <Loader aria-label={t('common.loading')} />;
  const { client } = record;
  const back: Route = { name: 'client', id };

  const submit = form.onSubmit((values) =>
    send(() => invoke('clients.update', { id, version: client.version, details: formToDetails(values) }), {
      form,
      fieldPrefix: 'details.',
      renameFields: { estimatedBirthYear: 'estimatedAge' },
      onOk: (c) => {
        notifications.show({ color: 'green', message: t('clients.updated', { name: `${c.firstName} ${c.lastName}` }) });
        go(back);
      },
    }),
  );

  return (
    <Stack maw={960}>
      <ClientHeader
        client={client}
        riskFlags={record.riskFlags}
        back={back}

        subtitle={t('clients.editTitle')}
      />
      <form onSubmit={submit} noValidate>
        <Stack>
          <Section title={t('intake.steps.person')}>
            <PersonFields form={form} />
          </Section>
          <Section title={t('intake.steps.contact')}>
            <ContactFields form={form} />
          </Section>
          <Section title={t('intake.steps.referral')}>
            <ReferralFields form={form} />
          </Section>
          <FormActions error={error} busy={busy} onCancel={() => go(back)} />
        </Stack>
      </form>
    </Stack>
  );
}
