import { Alert, Button, Center, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../shared/contract';
import { RestoreLink } from '../components/RestoreLink/RestoreLink';

/** Problems the person can put right outside Casebook (a drive to reconnect, space to free), then try again. */
const FIXABLE: AppState['problem'][] = ['NOT_WRITABLE', 'DISK_FULL'];

/** The data folder is in a state Casebook will not touch: say what is wrong and that nothing was changed. */
export function ProblemPage({
  problem,
  dataDir,
  onState,
  onRetry,
}: {
  problem: AppState['problem'];
  dataDir: string;
  onState?: (s: AppState) => void;
  onRetry?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(0);
  const fixable = FIXABLE.includes(problem);
  const retry = async () => {
    setBusy(true);
    await onRetry?.();
    setBusy(false);
    setTried((n) => n + 1);
  };
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={560}>
        <Stack>
          <Title order={1} size="h2">
            {t('problem.title')}
          </Title>
          <Alert color="red" role="alert">
            {problem ? t(`problem.${problem}`) : t('errors.network')}
          </Alert>
          {fixable && onRetry && (
            <Group>
              <Button onClick={retry} loading={busy}>
                {t('problem.retry')}
              </Button>
              {tried > 0 && !busy && (
                <Text size="sm" c="dimmed" role="status">
                  {t('problem.stillThere')}
                </Text>
              )}
            </Group>
          )}
          {onState && !fixable && <RestoreLink onState={onState} />}
          {dataDir && (
            <Text size="sm">
              {t('problem.folder', { dir: '' })}
              <Code>{dataDir}</Code>
            </Text>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
