import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../useJob';
import { ProgressBar } from '../ProgressBar/ProgressBar';
import { numberFormat } from '../../format';

/**
 * A long job's progress as a person sees it: a bar, the stage in words with how much is done
 * ("Checking the copy… 63%"), and Stop while stopping is still safe.
 */
export function JobProgress({ job, label }: { job: Job; label: string }) {
  const { t, i18n } = useTranslation();
  const p = job.progress;
  if (!job.running || !p) return null;
  const percent = numberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(p.fraction);
  const words = t('jobs.progress', { stage: t(`jobs.stages.${p.stage}`), percent });
  return (
    <Stack gap={4}>
      <ProgressBar value={p.fraction * 100} animated label={label} words={words} />
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" role="status">
          {words}
        </Text>
        {p.cancellable && (
          <Button size="xs" variant="default" onClick={job.cancel}>
            {t('jobs.stop')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
