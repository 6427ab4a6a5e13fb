import {
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mondayOf, type Appointment } from '../../../shared/domain/appointment';
import { addDays } from '../../../shared/domain/caseload';
import { sessionDay } from '../../../shared/domain/programme';
import * as clock from '../clock';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { dateTimeFormat, formatDate } from '../format';
import { useChannel } from '../useChannel';
import { notifications } from '@mantine/notifications';
import { invoke } from '../api';
import { usePrintable } from '../components/Printout/Printout';
import { errorSentence } from '../errors';
import { AppointmentModal, OutcomeBadge, withWhom } from './diary/AppointmentModal';
import { AppointmentLine, clientsOf } from './diary/AppointmentLine';
import { BookAppointmentModal } from './diary/BookAppointmentModal';

type View = 'day' | 'week';

/**
 * The diary: everyone's appointments, or one person's, a day or a week at a time. Appointments are
 * booked here (or from a client's page), opened to record who came, and their letters made.
 */
export function DiaryPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [view, setView] = useState<View>('week');
  const [day, setDay] = useState(clock.today());
  const [staffId, setStaffId] = useState<string>('');
  const [booking, setBooking] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const people = useChannel('tasks.assignees', {}).data ?? [];
  const from = view === 'day' ? day : mondayOf(day);
  const to = view === 'day' ? day : addDays(from, 6);
  const { data, error, reload } = useChannel(
    'diary.list',
    { from, to, staffId: staffId ? Number(staffId) : null, includeCancelled: true },
    { keepWhileLoading: true },
  );
  const step = view === 'day' ? 1 : 7;
  const sheet = { date: day, staffId: staffId ? Number(staffId) : null };
  // File › Print prints the day sheet too, while the day is shown.
  const printing = usePrintable(view === 'day' ? () => invoke('diary.daySheetPrint', sheet) : null);
  const [saving, setSaving] = useState(false);
  const [sheetError, setSheetError] = useState<string | null>(null);
  const savePdf = async () => {
    setSaving(true);
    setSheetError(null);
    const r = await invoke('diary.daySheetPdf', sheet);
    setSaving(false);
    if (r.ok) notifications.show({ color: 'green', message: t('diary.daySheetSaved', { path: r.value.path }) });
    else if (r.error.code !== 'CANCELLED') setSheetError(errorSentence(t, r.error));
  };
  const days = Array.from({ length: view === 'day' ? 1 : 7 }, (_, i) => addDays(from, i));
  const on = (d: string) => (data ?? []).filter((a) => a.date === d);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('diary.title')}
        </Title>
        <Button onClick={() => setBooking(true)}>{t('diary.book')}</Button>
      </Group>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <SegmentedControl
            aria-label={t('diary.view')}
            value={view}
            onChange={(v) => setView(v as View)}
            data={[
              { value: 'day', label: t('diary.day') },
              { value: 'week', label: t('diary.week') },
            ]}
          />
          <Select
            label={t('diary.whose')}
            w={240}
            data={[
              { value: '', label: t('diary.everyone') },
              ...people.map((p) => ({ value: String(p.id), label: p.name })),
            ]}
            value={staffId}
            allowDeselect={false}
            onChange={(v) => setStaffId(v ?? '')}
          />
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={() => setDay(addDays(day, -step))}>
            {view === 'day' ? t('diary.previousDay') : t('diary.previousWeek')}
          </Button>
          <Button variant="default" onClick={() => setDay(clock.today())}>
            {t('diary.today')}
          </Button>
          <Button variant="default" onClick={() => setDay(addDays(day, step))}>
            {view === 'day' ? t('diary.nextDay') : t('diary.nextWeek')}
          </Button>
        </Group>
      </Group>
      <Group justify="space-between">
        <Title order={2} size="h4" aria-live="polite">
          {view === 'day' ? sessionDay(day, lang) : t('diary.weekOf', { date: formatDate(from, lang) })}
        </Title>
        {view === 'day' && (
          <Group gap="xs">
            <Button variant="default" onClick={printing.print} loading={printing.busy}>
              {t('diary.daySheet')}
            </Button>
            <Button variant="default" onClick={() => void savePdf()} loading={saving}>
              {t('diary.daySheetSave')}
            </Button>
          </Group>
        )}
      </Group>
      <FormAlert message={sheetError} />
      {error && <FormAlert message={error} />}
      {!data && !error && <Loader aria-label={t('common.loading')} />}
      {data && view === 'day' && <DayTable date={day} appointments={on(day)} onOpen={setOpen} />}
      {data && view === 'week' && (
        <SimpleGrid cols={7} spacing="xs">
          {days.map((d) => (
            <Paper
              key={d}
              withBorder
              p="xs"
              component="section"
              aria-label={sessionDay(d, lang)}
              bg={d === clock.today() ? 'yellow.0' : undefined}
              mih={200}
            >
              <Stack gap={6}>
                <UnstyledButton
                  onClick={() => {
                    setDay(d);
                    setView('day');
                  }}
                >
                  <Text size="sm" fw={700}>
                    {dateTimeFormat(lang, {
                      weekday: 'short',
                      day: 'numeric',
                      month: 'short',
                      timeZone: 'UTC',
                    }).format(new Date(`${d}T00:00:00Z`))}
                  </Text>
                </UnstyledButton>
                {on(d).map((a) => (
                  <AppointmentLine key={a.id} a={a} onOpen={() => setOpen(a.id)} />
                ))}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {booking && (
        <BookAppointmentModal
          date={day}
          onClose={() => setBooking(false)}
          onDone={(d) => {
            setBooking(false);
            setDay(d);
            reload();
          }}
        />
      )}
      {open !== null && <AppointmentModal id={open} onClose={() => setOpen(null)} onChanged={reload} />}
    </Stack>
  );
}

/** A day's appointments as a table: time, kind, clients, with whom, where, what became of it. */
export function DayTable({
  date,
  appointments,
  onOpen,
}: {
  date: string;
  appointments: Appointment[];
  onOpen: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  if (!appointments.length)
    return (
      <Text c="dimmed" size="sm">
        {t('diary.nothingBooked')}
      </Text>
    );
  return (
    <Table aria-label={t('diary.dayTable', { date: formatDate(date, i18n.language) })} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('diary.time')}</Table.Th>
          <Table.Th>{t('diary.kind')}</Table.Th>
          <Table.Th>{t('diary.client')}</Table.Th>
          <Table.Th>{t('diary.with')}</Table.Th>
          <Table.Th>{t('diary.place')}</Table.Th>
          <Table.Th>{t('diary.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {appointments.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => onOpen(a.id)}
                aria-label={`${a.startsAt}–${a.endsAt} ${t(`diary.kinds.${a.kind}`)}: ${clientsOf(a, t)}`}
              >
                {a.startsAt}–{a.endsAt}
              </Button>
            </Table.Td>
            <Table.Td>{t(`diary.kinds.${a.kind}`)}</Table.Td>
            <Table.Td>{clientsOf(a, t)}</Table.Td>
            <Table.Td>{withWhom(a)}</Table.Td>
            <Table.Td>{[a.room, a.place].filter(Boolean).join(' · ')}</Table.Td>
            <Table.Td>
              {a.cancelled || a.clients.some((c) => c.outcome !== 'booked') ? (
                <OutcomeBadge a={a} />
              ) : (
                <Badge variant="light" color="indigo">
                  {t('diary.outcomes.booked')}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
