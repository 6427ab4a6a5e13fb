import { Anchor, Badge, Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { formatDate } from '../format';
import { useCan } from '../session';
import { PeriodFigures } from './programme/ProgrammeFigures';
import { useChannel } from '../useChannel';
import { useGo, usePageState } from '../navigation';
import { programmeDates } from './programme/programmeDates';

/** The charity's programmes: running and planned first, with their next session and how full they are. */
export function ProgrammesPage() {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [show, setShow] = usePageState<'current' | 'ended' | 'all'>('show', 'current');
  const { data: items, error } = useChannel('programmes.list', { show });

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t('programmes.title')}
          </Title>
          <Text c="dimmed">{t('programmes.intro')}</Text>
        </Stack>
        {can('programmes.save') && <Button onClick={() => go({ name: 'programmeEdit' })}>{t('programmes.add')}</Button>}
      </Group>
      <SegmentedControl
        w="fit-content"
        aria-label={t('programmes.show')}
        value={show}
        onChange={(v) => setShow(v as typeof show)}
        data={(['current', 'ended', 'all'] as const).map((v) => ({ value: v, label: t(`programmes.shows.${v}`) }))}
      />
      <FormAlert message={error} />
      {!items ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('programmes.none')}</Text>
      ) : (
        <Table striped highlightOnHover aria-label={t('programmes.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programmes.name')}</Table.Th>
              <Table.Th>{t('programmes.kind')}</Table.Th>
              <Table.Th>{t('programmes.dates')}</Table.Th>
              <Table.Th>{t('programmes.nextSession')}</Table.Th>
              <Table.Th>{t('programmes.registered')}</Table.Th>
              <Table.Th>{t('programmes.sessionsHeld')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component="button" onClick={() => go({ name: 'programme', id: p.id })}>
                    {p.name}
                  </Anchor>
                  {p.venue && (
                    <Text size="xs" c="dimmed">
                      {p.venue}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`programmes.kinds.${p.kind}`)}</Table.Td>
                <Table.Td>{programmeDates(t, p, i18n.language)}</Table.Td>
                <Table.Td>
                  {p.nextSessionOn ? (
                    `${formatDate(p.nextSessionOn, i18n.language)}, ${p.nextSessionAt}`
                  ) : (
                    <Text span c="dimmed">
                      {t('programmes.noNextSession')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {p.capacity ? `${p.registered} / ${p.capacity}` : p.registered}{' '}
                  {p.capacity !== null && p.registered >= p.capacity && (
                    <Badge size="sm" color="orange" variant="light">
                      {t('programmes.full')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.sessionsHeld}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can('programmes.figures') && <PeriodFigures />}
    </Stack>
  );
}
