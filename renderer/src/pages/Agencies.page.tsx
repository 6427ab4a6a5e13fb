import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { Section } from '../components/Section/Section';
import { errorSentence } from '../errors';
import { useCan } from '../session';
import { ReferralTable } from './Referrals.page';
import * as clock from '../clock';
import { useChannel } from '../useChannel';
import { useGo, usePageState } from '../navigation';

/** The directory of partner agencies: search, add, open one. */
export function AgenciesPage() {
  const go = useGo();
  const { t } = useTranslation();
  const can = useCan();
  const [query, setQuery] = usePageState('query', '');
  const [includeArchived, setIncludeArchived] = usePageState('includeArchived', false);
  const [debounced] = useDebouncedValue(query, 150);
  const { data: items, error } = useChannel('agencies.search', { query: debounced, includeArchived });

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t('agencies.title')}
          </Title>
          <Text c="dimmed">{t('agencies.intro')}</Text>
        </Stack>
        {can('agencies.save') && <Button onClick={() => go({ name: 'agencyEdit' })}>{t('agencies.add')}</Button>}
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('agencies.search')}
          placeholder={t('agencies.searchPlaceholder')}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={360}
        />
        <Switch
          label={t('agencies.includeArchived')}
          checked={includeArchived}
          onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <FormAlert message={error} />
      {!items ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{query ? t('agencies.noMatch', { query }) : t('agencies.none')}</Text>
      ) : (
        <Table striped highlightOnHover aria-label={t('agencies.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agencies.name')}</Table.Th>
              <Table.Th>{t('agencies.services')}</Table.Th>
              <Table.Th>{t('agencies.phone')}</Table.Th>
              <Table.Th>{t('agencies.routes')}</Table.Th>
              <Table.Th>{t('agencies.openReferrals')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component="button" onClick={() => go({ name: 'agency', id: a.id })}>
                    {a.name}
                  </Anchor>{' '}
                  {!a.active && (
                    <Badge color="gray" variant="light">
                      {t('agencies.archived')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{a.services}</Table.Td>
                <Table.Td>{a.phone}</Table.Td>
                <Table.Td>{a.referralRoutes.map((r) => t(`agencies.route.${r}`)).join(', ')}</Table.Td>
                <Table.Td>{a.openReferrals}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** One agency: how to reach them, how they take referrals, who to ask for, and the referrals made to them. */
export function AgencyPage({ id }: { id: number }) {
  const go = useGo();
  const { t } = useTranslation();
  const can = useCan();
  const loaded = useChannel('agencies.get', { id });
  const { data: agency, replace: setAgency } = loaded;
  const referrals =
    useChannel('referrals.list', can('referrals.list') ? { show: 'all', agencyId: id } : null).data?.items ?? null;
  const [error, setError] = useState<string | null>(null);
  if (loaded.error && !agency) return <FormAlert message={loaded.error} />;
  if (!agency) return <Loader aria-label={t('common.loading')} />;

  const setActive = (active: boolean) => {
    const run = async () => {
      const r = await invoke('agencies.setActive', { id, active });
      if (r.ok) {
        setAgency(r.value);
        notifications.show({ color: 'green', message: t('agencies.saved') });
      } else setError(errorSentence(t, r.error));
    };
    if (active) return void run();
    modals.openConfirmModal({
      title: t('agencies.archive'),
      children: <Text size="sm">{t('agencies.archiveConfirm', { name: agency.name })}</Text>,
      labels: { confirm: t('agencies.archive'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void run(),
    });
  };
  const line = (label: string, value: string | null) =>
    value && (
      <div>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text style={{ whiteSpace: 'pre-line' }}>{value}</Text>
      </div>
    );

  return (
    <Stack maw={1100}>
      <Anchor component="button" onClick={() => go({ name: 'agencies' })} w="fit-content">
        ← {t('agencies.back')}
      </Anchor>
      <Group justify="space-between">
        <Group>
          <Title order={1} size="h2">
            {agency.name}
          </Title>
          {!agency.active && <Badge color="gray">{t('agencies.archived')}</Badge>}
        </Group>
        {can('agencies.save') && (
          <Group>
            <Button variant="default" onClick={() => go({ name: 'agencyEdit', id })}>
              {t('agencies.edit')}
            </Button>
            <Button
              variant="subtle"
              color={agency.active ? 'red' : undefined}
              onClick={() => setActive(!agency.active)}
            >
              {agency.active ? t('agencies.archive') : t('agencies.restore')}
            </Button>
          </Group>
        )}
      </Group>
      {!agency.active && <Text c="dimmed">{t('agencies.archivedNote')}</Text>}
      <FormAlert message={error} />
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap="sm">
            {line(t('agencies.services'), agency.services)}
            {line(t('agencies.address'), agency.address)}
            {line(t('agencies.phone'), agency.phone)}
            {line(t('agencies.email'), agency.email)}
            {line(t('agencies.website'), agency.website)}
          </Stack>
          <Stack gap="sm">
            {line(t('agencies.routes'), agency.referralRoutes.map((r) => t(`agencies.route.${r}`)).join(', ') || null)}
            {line(t('agencies.howToRefer'), agency.howToRefer)}
            {line(t('agencies.notes'), agency.notes)}
          </Stack>
        </SimpleGrid>
      </Paper>
      <Section title={t('agencies.contacts')}>
        {agency.contacts.length === 0 ? (
          <Text c="dimmed">{t('agencies.noContacts')}</Text>
        ) : (
          <Table aria-label={t('agencies.contacts')}>
            <Table.Tbody>
              {agency.contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fw={600}>{c.name}</Table.Td>
                  <Table.Td>{c.role}</Table.Td>
                  <Table.Td>{c.phone}</Table.Td>
                  <Table.Td>{c.email}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {referrals && (
        <Section title={t('agencies.referrals')}>
          {referrals.length === 0 ? (
            <Text c="dimmed">{t('agencies.noReferrals')}</Text>
          ) : (
            <ReferralTable items={referrals} today={clock.today()} hideAgency />
          )}
        </Section>
      )}
    </Stack>
  );
}
