import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { invoke } from '../../api';
import { useGo } from '../../navigation';
import { useSession } from '../../session';
import { useChannel } from '../../useChannel';
import { AppointmentLine } from './AppointmentLine';
import { AppointmentModal } from './AppointmentModal';

/** The home screen's list of the signed-in person's appointments today, each opened in place. */
export function TodaysAppointments({ today }: { today: string }) {
  const { t } = useTranslation();
  const go = useGo();
  const me = useSession().user!;
  const { data, reload } = useChannel('diary.list', { from: today, to: today, staffId: me.id });
  const [open, setOpen] = useState<number | null>(null);
  const backSafely = async (id: number) => {
    const r = await invoke('diary.backSafely', { id });
    if (r.ok) {
      notifications.show({ color: 'green', message: t('diary.backSafelyDone') });
      reload();
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-label={t('diary.homeTitle')}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('diary.homeTitle')}</Text>
          <Button size="xs" variant="light" onClick={() => go({ name: 'diary' })}>
            {t('diary.nav')}
          </Button>
        </Group>
        {data && data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('diary.homeNone')}
          </Text>
        )}
        <SimpleGrid cols={4} spacing="xs">
          {(data ?? []).map((a) => (
            <Stack key={a.id} gap={4}>
              <AppointmentLine a={a} onOpen={() => setOpen(a.id)} />
              {a.kind === 'homeVisit' && !a.cancelled && !a.backSafelyAt && (
                <Button
                  size="xs"
                  color="green"
                  aria-label={t('diary.backSafelyName', { name: a.clients.map((c) => c.name).join(', ') })}
                  onClick={() => void backSafely(a.id)}
                >
                  {t('diary.backSafely')}
                </Button>
              )}
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
      {open !== null && <AppointmentModal id={open} onClose={() => setOpen(null)} onChanged={reload} />}
    </Paper>
  );
}
