import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api';
import { formatDate } from '../../format';
import { useChannel } from '../../useChannel';

/** How often every screen asks whether a home visitor is overdue. */
const CHECK_MS = 15_000;

/**
 * The red alert on every signed-in screen while a home visitor has not checked back in by the time
 * they gave: who, where they went (the address), their phone, and the charity's steps. Anyone who
 * has reached them can say they are back safely; the visitor does so from their home screen.
 */
export function SafeReturnAlert({ visit }: { visit: number }) {
  const { t, i18n } = useTranslation();
  const { data, reload, replace } = useChannel('diary.safetyAlerts', {}, { keepWhileLoading: true });
  useEffect(() => {
    const timer = setInterval(reload, CHECK_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // A new page looks again at once (the visitor may have just checked in).
  useEffect(reload, [visit, reload]);
  if (!data || data.visits.length === 0) return null;
  const backSafely = async (id: number) => {
    const r = await invoke('diary.backSafely', { id });
    if (r.ok) replace(r.value);
  };
  return (
    <Alert color="red" variant="filled" title={t('diary.alertTitle')} role="alert" mb="md">
      <Stack gap="sm">
        {data.visits.map((v) => (
          <Stack key={v.appointmentId} gap={2}>
            <Text size="sm" fw={700}>
              {t('diary.alertLine', {
                visitors: v.visitors.map((x) => x.name).join(', '),
                clients: v.clients.map((c) => `${c.name} (${c.reference})`).join(', '),
                time: v.backBy,
                date: formatDate(v.date, i18n.language),
              })}
            </Text>
            {v.place && <Text size="sm">{t('diary.alertPlace', { place: v.place })}</Text>}
            {v.visitors.map((x) => (
              <Text size="sm" key={x.id}>
                {x.phone
                  ? t('diary.alertPhone', { name: x.name, phone: x.phone })
                  : t('diary.alertNoPhone', { name: x.name })}
              </Text>
            ))}
            <Group>
              <Button size="xs" color="red" variant="white" onClick={() => void backSafely(v.appointmentId)}>
                {t('diary.alertCheckIn')}
              </Button>
            </Group>
          </Stack>
        ))}
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            {t('diary.alertSteps')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {data.steps ?? t('diary.alertNoSteps')}
          </Text>
        </Stack>
      </Stack>
    </Alert>
  );
}
