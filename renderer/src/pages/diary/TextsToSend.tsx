import { Button, CopyButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../../shared/domain/languages';
import { invoke } from '../../api';
import { useChannel } from '../../useChannel';

/**
 * The home screen's "texts to send today": reminders of tomorrow's appointments for clients who
 * agreed to texts, each in the client's language, to send from the office phone and tick off.
 */
export function TextsToSend() {
  const { t, i18n } = useTranslation();
  const { data, replace } = useChannel('diary.textsToSend', {});
  if (!data || data.length === 0) return null;
  const sent = async (appointmentId: number, clientId: number) => {
    const r = await invoke('diary.markTexted', { appointmentId, clientId });
    if (r.ok) replace(r.value);
  };
  return (
    <Paper withBorder p="md" component="section" aria-label={t('diary.textsTitle')}>
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('diary.textsTitle')}</Text>
          <Text size="xs" c="dimmed">
            {t('diary.textsIntro')}
          </Text>
        </div>
        {data.map((x) => (
          <Paper key={`${x.appointmentId}-${x.clientId}`} withBorder p="sm" component="article" aria-label={x.name}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {x.name} · {x.phone}
                  {x.language !== i18n.language ? ` · ${languageName(x.language, i18n.language)}` : ''}
                </Text>
                <Text size="sm" lang={x.language}>
                  {x.message}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <CopyButton value={x.message}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="default" onClick={copy}>
                      {copied ? t('diary.copied') : t('diary.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button
                  size="xs"
                  color="green"
                  aria-label={t('diary.textSentName', { name: x.name })}
                  onClick={() => void sent(x.appointmentId, x.clientId)}
                >
                  {t('diary.textSent')}
                </Button>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
