import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../shared/domain/client';
import { invoke } from '../api';
import type { Route } from '../components/Workspace/Workspace';
import { errorSentence } from '../errors';
import { formatDate, languageName } from '../format';
import { useCan } from '../session';

function Field({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-line' }} c={value ? undefined : 'dimmed'} fs={value ? undefined : 'italic'}>
        {value || t('common.notRecorded')}
      </Text>
    </div>
  );
}

export function ClientDetailPage({ id, go }: { id: number; go: (r: Route) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [client, setClient] = useState<Client | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void invoke('clients.get', { id }).then((r) => (r.ok ? setClient(r.value) : setError(errorSentence(t, r.error))));
  }, [id, t]);

  return (
    <Stack maw={820}>
      <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'clients' })} w="fit-content">
        ← {t('clients.backToList')}
      </Anchor>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!client && !error && <Loader aria-label={t('common.loading')} />}
      {client && (
        <>
          <Group justify="space-between">
            <Group gap="sm">
              <Title order={1} size="h2">
                {client.firstName} {client.lastName}
              </Title>
              <Badge variant="light" size="lg" aria-label={t('clients.reference')}>
                {client.reference}
              </Badge>
            </Group>
            {can('clients.update') && (
              <Button variant="default" onClick={() => go({ name: 'clientEdit', id: client.id })}>
                {t('common.edit')}
              </Button>
            )}
          </Group>
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="md">
              {t('clients.details')}
            </Title>
            <SimpleGrid cols={2} spacing="lg">
              <Field label={t('clients.dateOfBirth')} value={formatDate(client.dateOfBirth, i18n.language)} />
              <Field label={t('clients.preferredLanguage')} value={languageName(client.preferredLanguage, i18n.language)} />
              <Field label={t('clients.phone')} value={client.phone} />
              <Field label={t('clients.postcode')} value={client.postcode} />
              <Field label={t('clients.address')} value={client.address} />
            </SimpleGrid>
          </Paper>
        </>
      )}
    </Stack>
  );
}
