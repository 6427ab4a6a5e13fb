import { Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/domain/appointment';
import * as clock from '../../clock';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { Section } from '../../components/Section/Section';
import { formatDate } from '../../format';
import { useChannel } from '../../useChannel';
import { AppointmentModal, OutcomeBadge, withWhom } from '../diary/AppointmentModal';
import { BookAppointmentModal } from '../diary/BookAppointmentModal';

/** A client's appointments: those booked, and those past with whether they came; missed ones counted. */
export function AppointmentsTab({ clientId, clientName }: { clientId: number; clientName: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useChannel('diary.forClient', { clientId });
  const [booking, setBooking] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  if (error) return <FormAlert message={error} />;
  if (!data) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm">{t('diary.counts', { attended: data.attended, missed: data.missed })}</Text>
          {data.missed > 0 && (
            <Badge color="red" variant="light">
              {t('diary.outcomes.missed')}: {data.missed}
            </Badge>
          )}
        </Group>
        <Button onClick={() => setBooking(true)}>{t('diary.book')}</Button>
      </Group>
      <Section title={t('diary.upcoming')}>
        <AppointmentTable list={data.upcoming} clientId={clientId} empty={t('diary.noneUpcoming')} onOpen={setOpen} />
      </Section>
      <Section title={t('diary.past')}>
        <AppointmentTable list={data.past} clientId={clientId} empty={t('diary.nonePast')} onOpen={setOpen} />
      </Section>
      {booking && (
        <BookAppointmentModal
          client={{ id: clientId, name: clientName }}
          date={clock.today()}
          onClose={() => setBooking(false)}
          onDone={() => {
            setBooking(false);
            reload();
          }}
        />
      )}
      {open !== null && <AppointmentModal id={open} onClose={() => setOpen(null)} onChanged={reload} />}
    </Stack>
  );
}

function AppointmentTable({
  list,
  clientId,
  empty,
  onOpen,
}: {
  list: Appointment[];
  clientId: number;
  empty: string;
  onOpen: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  if (!list.length)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('diary.date')}</Table.Th>
          <Table.Th>{t('diary.kind')}</Table.Th>
          <Table.Th>{t('diary.with')}</Table.Th>
          <Table.Th>{t('diary.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Button size="compact-sm" variant="subtle" onClick={() => onOpen(a.id)}>
                {formatDate(a.date, i18n.language)}, {a.startsAt}–{a.endsAt}
              </Button>
            </Table.Td>
            <Table.Td>{t(`diary.kinds.${a.kind}`)}</Table.Td>
            <Table.Td>{withWhom(a)}</Table.Td>
            <Table.Td>
              <OutcomeBadge a={a} clientId={clientId} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
