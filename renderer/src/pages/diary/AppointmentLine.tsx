import { Paper, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/domain/appointment';
import { OutcomeBadge } from './AppointmentModal';

/** Who the appointment is for, as the diary names them: a client of another caseworker is only "busy". */
export function clientsOf(a: Appointment, t: (k: 'diary.busy') => string): string {
  const names = a.clients.map((c) => c.name);
  return names.length ? names.join(', ') : t('diary.busy');
}

/** One appointment in the diary: its time, kind and clients; opens it. */
export function AppointmentLine({ a, onOpen }: { a: Appointment; onOpen: () => void }) {
  const { t } = useTranslation();
  const summary = `${a.startsAt}–${a.endsAt} ${t(`diary.kinds.${a.kind}`)}: ${clientsOf(a, t)}`;
  return (
    <UnstyledButton onClick={onOpen} aria-label={summary} w="100%">
      <Paper withBorder p={6} bg={a.cancelled ? 'gray.1' : a.kind === 'homeVisit' ? 'orange.0' : 'indigo.0'}>
        <Text size="xs" fw={700} td={a.cancelled ? 'line-through' : undefined}>
          {a.startsAt}–{a.endsAt}
        </Text>
        <Text size="sm" lineClamp={2}>
          {clientsOf(a, t)}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {t(`diary.kinds.${a.kind}`)}
          {a.room ? ` · ${a.room}` : ''}
        </Text>
        {/* Small, so the longest word ("Nieobecność") fits a day's column. */}
        <OutcomeBadge a={a} size="xs" />
      </Paper>
    </UnstyledButton>
  );
}
