import { Alert, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codedKey, type MessageKey } from '../../../shared/i18n/keys';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../shared/domain/audit';
import type { User } from '../../../shared/domain/user';
import { invoke } from '../api';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { errorSentence } from '../errors';
import { formatDateTime } from '../format';
import { DateField } from '../components/DateField/DateField';
import { useChannel } from '../useChannel';
import { usePageState } from '../navigation';

const PAGE = 100;
const NO_USERS: User[] = [];

/** Field names as the person knows them from the forms. */
const FIELD_LABELS: Record<string, MessageKey> = {
  firstName: 'clients.firstName',
  lastName: 'clients.lastName',
  dateOfBirth: 'clients.dateOfBirth',
  phone: 'clients.phone',
  address: 'clients.address',
  postcode: 'clients.postcode',
  preferredLanguage: 'clients.preferredLanguage',
  name: 'users.name',
  role: 'users.role',
  charityNumber: 'setup.charityNumber',
  idleMinutes: 'settings.idleTitle',
};

function describe(e: AuditEntry, t: TFunction, users: Map<number, string>): string {
  const d = e.detail ?? {};
  const parts: string[] = [];
  if (typeof d['name'] === 'string' && e.userId === null) parts.push(t('audit.someone', { name: d['name'] }));
  if (typeof d['userId'] === 'number' && d['userId'] !== e.userId)
    parts.push(users.get(d['userId']) ?? `#${d['userId']}`);
  if (Array.isArray(d['fields']) && d['fields'].length)
    parts.push(d['fields'].map((f) => (FIELD_LABELS[String(f)] ? t(FIELD_LABELS[String(f)]!) : String(f))).join(', '));
  if (typeof d['role'] === 'string') parts.push(t(codedKey('roles', d['role'])));
  if (typeof d['idleMinutes'] === 'number') parts.push(t('settings.idleText', { count: d['idleMinutes'] }));
  if (typeof d['rows'] === 'number') parts.push(t('audit.count', { count: d['rows'] }));
  if (typeof d['lines'] === 'number') parts.push(String(d['lines']));
  return parts.join(' · ');
}

/** Administrators see who did what and when, filter it, check it is intact, and export it. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const users = useChannel('users.list', {}).data?.items ?? NO_USERS;
  const [userId, setUserId] = usePageState<string | null>('userId', null);
  const [action, setAction] = usePageState<string | null>('action', null);
  const [client, setClient] = usePageState('client', '');
  const [from, setFrom] = usePageState('from', '');
  const [to, setTo] = usePageState('to', '');
  const [debouncedClient] = useDebouncedValue(client, 250);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const userNames = useMemo(() => new Map(users.map((u) => [u.id, u.name])), [users]);

  const filters = useMemo(
    () => ({
      userId: userId ? Number(userId) : null,
      action: (action as AuditAction | null) ?? null,
      client: debouncedClient.trim() || null,
      from: from || null,
      to: to || null,
    }),
    [userId, action, debouncedClient, from, to],
  );

  const load = async (offset: number) => {
    const r = await invoke('audit.list', { ...filters, limit: PAGE, offset });
    if (!r.ok) return setError(errorSentence(t, r.error));
    setError(null);
    setItems((prev) => (offset === 0 ? r.value.items : [...prev, ...r.value.items]));
    setTotal(r.value.total);
  };
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- state is set only when the answer arrives
    void load(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters]);

  const actions = useMemo(
    () =>
      AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) })).sort((a, b) =>
        a.label.localeCompare(b.label, i18n.language),
      ),
    [t, i18n.language],
  );

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('audit.title')}
          </Title>
          <Text c="dimmed">{t('audit.intro')}</Text>
        </div>
        <Group>
          <Button
            variant="default"
            onClick={async () => {
              const r = await invoke('audit.verify', {});
              if (!r.ok) return setError(errorSentence(t, r.error));
              setMessage(
                r.value.ok
                  ? { ok: true, text: t('audit.verifyOk', { count: r.value.checked }) }
                  : { ok: false, text: t('audit.verifyBad', { id: r.value.firstBadId ?? '' }) },
              );
            }}
          >
            {t('audit.verify')}
          </Button>
          <Button
            onClick={async () => {
              const r = await invoke('audit.exportCsv', filters);
              if (r.ok)
                setMessage({ ok: true, text: t('audit.exported', { count: r.value.rows, path: r.value.path }) });
              else if (r.error.code !== 'CANCELLED') setError(errorSentence(t, r.error));
            }}
          >
            {t('audit.export')}
          </Button>
        </Group>
      </Group>
      {message && (
        <Alert
          color={message.ok ? 'green' : 'red'}
          role={message.ok ? 'status' : 'alert'}
          withCloseButton
          onClose={() => setMessage(null)}
        >
          {message.text}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Select
          label={t('audit.filterUser')}
          placeholder={t('audit.anyone')}
          data={users.map((u) => ({ value: String(u.id), label: u.name }))}
          value={userId}
          onChange={setUserId}
          clearable
          searchable
        />
        <Select
          label={t('audit.filterAction')}
          placeholder={t('audit.anything')}
          data={actions}
          value={action}
          onChange={setAction}
          clearable
          searchable
        />
        <TextInput
          label={t('audit.filterClient')}
          placeholder="CB-00001"
          value={client}
          onChange={(e) => setClient(e.currentTarget.value)}
          maxLength={20}
        />
        <DateField label={t('audit.filterFrom')} value={from} onChange={(v) => setFrom(v)} />
        <DateField label={t('audit.filterTo')} value={to} onChange={(v) => setTo(v)} />
      </SimpleGrid>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {total === 0 ? t('audit.none') : t('audit.count', { count: total })}
        </Text>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            setUserId(null);
            setAction(null);
            setClient('');
            setFrom('');
            setTo('');
          }}
        >
          {t('audit.clear')}
        </Button>
      </Group>
      <FormAlert message={error} />
      {items.length > 0 && (
        <Table striped verticalSpacing="xs" aria-label={t('audit.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.when')}</Table.Th>
              <Table.Th>{t('audit.user')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.client')}</Table.Th>
              <Table.Th>{t('audit.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, i18n.language)}</Table.Td>
                <Table.Td>{e.userName ?? '—'}</Table.Td>
                <Table.Td>{t(`audit.actions.${e.action}`)}</Table.Td>
                <Table.Td>{e.clientReference ?? ''}</Table.Td>
                <Table.Td>{describe(e, t, userNames)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {items.length < total && (
        <Group justify="center">
          <Button variant="default" onClick={() => void load(items.length)}>
            {t('audit.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
