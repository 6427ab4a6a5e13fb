import { Alert, Button, Group, Loader, Paper, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/domain/client';
import type { ClientRecord } from '../../../shared/domain/clientRecord';
import { invoke } from '../api';
import { ClientHeader } from '../components/ClientHeader/ClientHeader';
import { useDuplicates } from '../components/DuplicateCheck/DuplicateCheck';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { errorSentence } from '../errors';
import { formatDate, languageName } from '../format';
import { useChannel } from '../useChannel';
import { useGo } from '../navigation';

/** Rows of the side-by-side comparison. */
function comparison(t: TFunction, lang: string, r: ClientRecord): [string, string][] {
  const c = r.client;
  return [
    [t('clients.reference'), c.reference],
    [t('clients.name'), `${c.firstName} ${c.lastName}`],
    [t('clients.preferredName'), c.preferredName ?? ''],
    [t('clients.dateOfBirth'), formatDate(c.dateOfBirth, lang)],
    [t('clients.phone'), c.phone ?? ''],
    [t('clients.email'), c.email ?? ''],
    [t('clients.address'), [c.address, c.postcode].filter(Boolean).join(', ')],
    [t('clients.preferredLanguage'), languageName(c.preferredLanguage, lang)],
    [t('clients.intakeDate'), formatDate(c.intakeDate, lang)],
    [t('clients.caseworker'), c.caseworkerName ?? ''],
    [
      t('merge.related'),
      t('merge.relatedCounts', {
        consents: r.consents.length,
        household: r.household.length + r.contacts.length,
        assessments: r.assessments.length,
        flags: r.riskFlags.length,
      }),
    ],
  ];
}

/**
 * Merging two records of the same person (administrators only): pick the other record, compare,
 * choose which to keep. Everything attached to the other record moves; nothing is lost.
 */
export function MergePage({ id }: { id: number }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const [current, setCurrent] = useState<ClientRecord | null>(null);
  const [other, setOther] = useState<ClientRecord | null>(null);
  const [keep, setKeep] = useState<string>('');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const searched = useChannel('clients.search', debounced.trim() ? { query: debounced, limit: 10 } : null, {
    keepWhileLoading: true,
  }).data;
  const found = (searched?.items ?? []).filter((x) => x.id !== id);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const c = current?.client;
  const { matches } = useDuplicates({
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    dateOfBirth: c?.dateOfBirth,
    phone: c?.phone,
    excludeId: id,
  });

  useEffect(() => {
    void invoke('clients.get', { id }).then((r) => (r.ok ? setCurrent(r.value) : setError(errorSentence(t, r.error))));
  }, [id, t]);

  const choose = (otherId: number) => {
    setError(null);
    void invoke('clients.get', { id: otherId }).then((r) => {
      if (!r.ok) return setError(errorSentence(t, r.error));
      setOther(r.value);
      // The older record (lower number) is kept unless the user says otherwise: its reference is on older letters.
      setKeep(String(Math.min(id, otherId)));
    });
  };

  if (!current || !c) return error ? <FormAlert message={error} /> : <Loader aria-label={t('common.loading')} />;
  const candidates: ClientSummary[] = query.trim() ? found : matches.map((m) => m.client);

  const merge = () => {
    if (!other) return;
    const keepId = Number(keep);
    const mergeId = keepId === id ? other.client.id : id;
    const kept = keepId === id ? current : other;
    const gone = keepId === id ? other : current;
    const mergeNow = async () => {
      setBusy(true);
      const r = await invoke('clients.merge', { keepId, mergeId });
      setBusy(false);
      if (!r.ok) return setError(errorSentence(t, r.error));
      const moved = Object.values(r.value.moved).reduce((a, b) => a + b, 0);
      notifications.show({
        color: 'green',
        message: t('merge.done', { gone: gone.client.reference, kept: r.value.client.reference, count: moved }),
      });
      go({ name: 'client', id: keepId });
    };
    modals.openConfirmModal({
      title: t('merge.confirmTitle'),
      children: (
        <Text size="sm">
          {t('merge.confirmText', {
            gone: gone.client.reference,
            kept: kept.client.reference,
            name: `${kept.client.firstName} ${kept.client.lastName}`,
          })}
        </Text>
      ),
      labels: { confirm: t('merge.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void mergeNow(),
    });
  };

  return (
    <Stack maw={1100}>
      <ClientHeader
        client={c}
        riskFlags={current.riskFlags}
        back={{ name: 'client', id }}

        subtitle={t('merge.title')}
      />
      <Text size="sm">{t('merge.intro')}</Text>
      {!other && (
        <Paper withBorder p="lg">
          <Stack>
            <TextInput
              label={t('merge.findOther')}
              placeholder={t('clients.searchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              type="search"
              autoFocus
            />
            {!query.trim() && matches.length > 0 && <Text size="sm">{t('merge.suggested')}</Text>}
            {candidates.map((x) => (
              <Group key={x.id} justify="space-between">
                <Text>
                  {x.firstName} {x.lastName} · {x.reference}
                  {x.dateOfBirth ? ` · ${formatDate(x.dateOfBirth, i18n.language)}` : ''}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => choose(x.id)}
                  aria-label={t('merge.chooseName', { name: `${x.firstName} ${x.lastName}`, reference: x.reference })}
                >
                  {t('merge.choose')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      {other && (
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} size="h4">
              {t('merge.compare')}
            </Title>
            <Radio.Group value={keep} onChange={setKeep} label={t('merge.whichToKeep')}>
              <Table mt="sm" aria-label={t('merge.compare')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    {[current, other].map((r) => (
                      <Table.Th key={r.client.id}>
                        <Radio value={String(r.client.id)} label={t('merge.keep', { reference: r.client.reference })} />
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {comparison(t, i18n.language, current).map(([label, a], i) => {
                    const b = comparison(t, i18n.language, other)[i]![1];
                    return (
                      <Table.Tr key={label}>
                        <Table.Td c="dimmed">{label}</Table.Td>
                        <Table.Td fw={a !== b ? 600 : undefined}>{a}</Table.Td>
                        <Table.Td fw={a !== b ? 600 : undefined}>{b}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Radio.Group>
            <Alert color="yellow">{t('merge.whatHappens')}</Alert>
            <FormAlert message={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOther(null)}>
                {t('merge.chooseAnother')}
              </Button>
              <Button color="red" onClick={merge} loading={busy}>
                {t('merge.confirm')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
