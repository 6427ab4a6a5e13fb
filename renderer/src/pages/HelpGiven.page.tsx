import { Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpGiven, HelpGivenTotals } from '../../../shared/domain/helpGiven';
import { invoke } from '../api';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { Section } from '../components/Section/Section';
import { HelpGivenTable } from '../components/HelpGivenTable/HelpGivenTable';
import { errorSentence, translatedFields } from '../errors';
import { formatNumber } from '../format';
import { CountChart } from '../components/CountChart/CountChart';
import { typeName, useMoney, useHelpTypes } from '../helpGiven';
import * as clock from '../clock';
import { DateField } from '../components/DateField/DateField';
import { useGo } from '../navigation';

const PAGE = 100;

/** Help given across all clients in a period: totals by kind (times, items, value, people) and every record. */
export function HelpGivenPage() {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const { money } = useMoney(i18n.language);
  const { types } = useHelpTypes();
  const [from, setFrom] = useState(`${clock.today().slice(0, 7)}-01`);
  const [to, setTo] = useState(clock.today());
  const [typeId, setTypeId] = useState<string | null>(null);
  const [totals, setTotals] = useState<HelpGivenTotals | null>(null);
  const [items, setItems] = useState<HelpGiven[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const load = useCallback(
    async (offset: number) => {
      setError(null);
      const [tot, list] = await Promise.all([
        offset === 0 ? invoke('helpGiven.totals', { from, to }) : Promise.resolve(null),
        invoke('helpGiven.list', { from, to, typeId: typeId ? Number(typeId) : null, limit: PAGE, offset }),
      ]);
      for (const r of [tot, list]) {
        if (r && !r.ok) {
          setFields(translatedFields(t, r.error.fields));
          return setError(errorSentence(t, r.error));
        }
      }
      setFields({});
      if (tot?.ok) setTotals(tot.value);
      if (list.ok) {
        setItems((prev) => (offset === 0 ? list.value.items : [...prev, ...list.value.items]));
        setTotal(list.value.total);
      }
    },
    [from, to, typeId, t],
  );
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- state is set only when the answers arrive
    void load(0);
    // Only on opening: later the user presses Show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Stack maw={1100}>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('helpGiven.title')}
        </Title>
        <Text c="dimmed">{t('helpGiven.intro')}</Text>
      </Stack>
      <Group align="flex-end">
        <DateField label={t('programmes.from')} value={from} onChange={(v) => setFrom(v)} error={fields['from']} />
        <DateField label={t('programmes.to')} value={to} onChange={(v) => setTo(v)} error={fields['to']} />
        <Select
          label={t('helpGiven.type')}
          placeholder={t('helpGiven.allPeople')}
          clearable
          data={types.map((x) => ({ value: String(x.id), label: typeName(t, x) }))}
          value={typeId}
          onChange={setTypeId}
        />
        <Button variant="light" onClick={() => void load(0)}>
          {t('programmes.show')}
        </Button>
      </Group>
      <FormAlert message={error} />
      {!totals ? (
        <Loader aria-label={t('common.loading')} />
      ) : totals.byType.length === 0 ? (
        <Text c="dimmed">{t('helpGiven.noneInPeriod')}</Text>
      ) : (
        <Section title={t('helpGiven.totalsTitle')}>
          <Group align="flex-start" grow wrap="nowrap">
            <Table striped aria-label={t('helpGiven.totalsTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('helpGiven.help')}</Table.Th>
                  <Table.Th ta="right">{t('helpGiven.times')}</Table.Th>
                  <Table.Th ta="right">{t('helpGiven.items')}</Table.Th>
                  <Table.Th ta="right">{t('helpGiven.valueTotal')}</Table.Th>
                  <Table.Th ta="right">{t('helpGiven.people')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {totals.byType.map((b) => (
                  <Table.Tr key={b.typeId}>
                    <Table.Td>{typeName(t, { builtinKey: b.typeKey, name: b.typeName })}</Table.Td>
                    <Table.Td ta="right">{n(b.times)}</Table.Td>
                    <Table.Td ta="right">{n(b.quantity)}</Table.Td>
                    <Table.Td ta="right">{money(b.value)}</Table.Td>
                    <Table.Td ta="right">{n(b.people)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>{t('helpGiven.allPeople')}</Table.Td>
                  <Table.Td ta="right">{n(totals.times)}</Table.Td>
                  <Table.Td />
                  <Table.Td ta="right">{money(totals.value)}</Table.Td>
                  <Table.Td ta="right">{n(totals.people)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <CountChart
              h={Math.max(160, totals.byType.length * 40)}
              orientation="vertical"
              dataKey="name"
              data={totals.byType.map((b) => ({
                name: typeName(t, { builtinKey: b.typeKey, name: b.typeName }),
                items: b.quantity,
              }))}
              series={[{ name: 'items', label: t('helpGiven.items'), color: 'indigo.6' }]}
              yAxisProps={{ width: 130 }}
              aria-label={t('helpGiven.items')}
            />
          </Group>
        </Section>
      )}
      {items.length > 0 && (
        <Section title={t('helpGiven.listTitle')}>
          <HelpGivenTable
            items={items}
            label={t('helpGiven.listTitle')}
            showClient
            onClient={(id) => go({ name: 'client', id, tab: 'helpGiven' })}
          />
          {items.length < total && (
            <Group>
              <Button variant="default" onClick={() => void load(items.length)}>
                {t('helpGiven.more')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('helpGiven.shown', { shown: n(items.length), total: n(total) })}
              </Text>
            </Group>
          )}
        </Section>
      )}
    </Stack>
  );
}
