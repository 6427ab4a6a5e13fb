import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { Section } from '../../components/Section/Section';
import { errorSentence } from '../../errors';
import { formatDate } from '../../format';
import { useGo } from '../../navigation';
import { useChannel } from '../../useChannel';

/**
 * A programme's waiting list: who waits for it, in order (risk, urgency, time on the list), and how
 * many places are free. When one is (someone left, or the programme grew), the next person waiting
 * is offered it here; the place is held for them until they are taken in.
 */
export function WaitingList({ programmeId, members }: { programmeId: number; members: number }) {
  const { t, i18n } = useTranslation();
  const go = useGo();
  const { data, error, reload } = useChannel('incoming.forProgramme', { programmeId });
  const [problem, setProblem] = useState<string | null>(null);
  // Someone registered or taken off the list: the places free change.
  useEffect(() => reload(), [members, reload]);
  if (!data) return error ? <FormAlert message={error} /> : null;
  const waiting = data.waiting.filter((w) => w.status === 'waiting');
  const next = waiting[0];
  const canOffer = next !== undefined && (data.placesFree === null || data.placesFree > 0);
  const offer = async () => {
    setProblem(null);
    const r = await invoke('incoming.offer', { id: next!.id, version: next!.version });
    if (!r.ok) return setProblem(errorSentence(t, r.error));
    notifications.show({
      color: 'green',
      message: t('incoming.offered', { name: `${next!.firstName} ${next!.lastName}` }),
    });
    reload();
  };
  return (
    <Section title={t('incoming.programmeList')}>
      <Group>
        <Badge color={data.placesFree === 0 ? 'gray' : 'green'} variant="light">
          {data.placesFree === null
            ? t('incoming.noLimit')
            : data.placesFree === 0
              ? t('incoming.noPlacesFree')
              : t('incoming.placesFree', { count: data.placesFree })}
        </Badge>
        {canOffer && (
          <Button size="xs" onClick={() => void offer()}>
            {t('incoming.offerNext', { name: `${next.firstName} ${next.lastName}` })}
          </Button>
        )}
      </Group>
      <FormAlert message={problem} />
      {data.waiting.length === 0 ? (
        <Text c="dimmed">{t('incoming.nobodyWaiting')}</Text>
      ) : (
        <Stack gap={0}>
          <Table aria-label={t('incoming.programmeList')}>
            <Table.Tbody>
              {data.waiting.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>
                    {w.firstName} {w.lastName}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {w.atRisk && (
                        <Badge color="red" size="xs">
                          {t('incoming.atRisk')}
                        </Badge>
                      )}
                      <Badge size="xs" variant="light">
                        {t(`referrals.urgency.${w.urgency}`)}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>{t('incoming.days', { count: w.daysWaited })}</Table.Td>
                  <Table.Td>
                    {w.status === 'offered'
                      ? `${t('incoming.statuses.offered')} · ${formatDate(w.offeredOn, i18n.language)}`
                      : t('incoming.statuses.waiting')}
                  </Table.Td>
                  <Table.Td>
                    {w.status === 'offered' && (
                      <Button size="xs" variant="light" onClick={() => go({ name: 'clientNew', incomingId: w.id })}>
                        {t('incoming.takeIn')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Section>
  );
}
