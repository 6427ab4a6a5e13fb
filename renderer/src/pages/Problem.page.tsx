import { Alert, Center, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../shared/contract';
import { RestoreLink } from '../components/RestoreLink/RestoreLink';

/** The data folder is in a state Casebook will not touch: say what is wrong and that nothing was changed. */
export function ProblemPage({ problem, dataDir, onState }: { problem: AppState['problem']; dataDir: string; onState?: (s: AppState) => void }) {
  const { t } = useTranslation();
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
          {onState && problem !== 'NOT_WRITABLE' && <RestoreLink onState={onState} />}
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
