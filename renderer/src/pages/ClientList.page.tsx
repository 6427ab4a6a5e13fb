import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/domain/client';
import { invoke } from '../api';
import { BackupReminder } from '../components/BackupReminder/BackupReminder';
import type { Route } from '../components/Workspace/Workspace';
import { errorSentence } from '../errors';
import { formatDate } from '../format';
import { useCan } from '../session';

const PAGE = 100;

export function ClientListPage({ initialQuery, go }: { initialQuery: string; go: (r: Route) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [query, setQuery] = useState(initialQuery);
  const [debounced] = useDebouncedValue(query, 120);
  const [result, setResult] = useState<{ items: ClientSummary[]; total: number; query: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void invoke('clients.search', { query: debounced, limit: PAGE }).then((r) => {
      if (!current) return;
      if (r.ok) {
        setResult({ ...r.value, query: debounced });
        setError(null);
      } else setError(errorSentence(t, r.error));
    });
    return () => {
      current = false;
    };
  }, [debounced, t]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('clients.title')}
        </Title>
        {can('clients.create') && <Button onClick={() => go({ name: 'clientNew' })}>{t('clients.add')}</Button>}
      </Group>
      <BackupReminder onBackUp={() => go({ name: 'backup' })} />
      <TextInput
        label={t('clients.search')}
        placeholder={t('clients.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        type="search"
        autoFocus
        maxLength={200}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {result && (
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {result.total === 0
            ? result.query.trim()
              ? t('clients.noMatch', { query: result.query.trim() })
              : t('clients.empty')
            : t('clients.count', { count: result.total })}
        </Text>
      )}
      {result && result.items.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('clients.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clients.name')}</Table.Th>
              <Table.Th>{t('clients.reference')}</Table.Th>
              <Table.Th>{t('clients.dateOfBirth')}</Table.Th>
              <Table.Th>{t('clients.phone')}</Table.Th>
              <Table.Th>{t('clients.postcode')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.items.map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => go({ name: 'client', id: c.id })}>
                <Table.Td>
                  <Anchor component="button" type="button" fw={500} onClick={(e) => (e.stopPropagation(), go({ name: 'client', id: c.id }))}>
                    {c.lastName}, {c.firstName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.reference}</Table.Td>
                <Table.Td>{formatDate(c.dateOfBirth, i18n.language)}</Table.Td>
                <Table.Td>{c.phone}</Table.Td>
                <Table.Td>{c.postcode}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result && result.total > result.items.length && (
        <Text size="sm" c="dimmed">
          {t('clients.showingFirst', { shown: result.items.length })}
        </Text>
      )}
    </Stack>
  );
}
