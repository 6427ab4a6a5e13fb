import { Alert, Center, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../shared/contract';

/** The data folder is in a state Casebook will not touch: say what is wrong and that nothing was changed. */
export function ProblemPage({ problem, dataDir }: { problem: AppState['problem']; dataDir: string }) {
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
