import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorSentence } from '../../errors';
import { formatNumber } from '../../format';
import { useJob } from '../../useJob';
import { FormAlert } from '../FormAlert/FormAlert';
import { JobProgress } from '../JobProgress/JobProgress';

/**
 * For administrators: every record, as a workbook and JSON with a data dictionary, to take to another
 * system or keep as an archive. Says plainly, before the button, that the files are not encrypted.
 */
export function FullExport() {
  const { t, i18n } = useTranslation();
  const job = useJob();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setDone(null);
    setError(null);
    const r = await job.run('fullExport.everything', {});
    if (r.ok) {
      const done = t('fullExport.done', {
        rows: formatNumber(r.value.rows, i18n.language),
        tables: r.value.tables,
        path: r.value.xlsxPath,
      });
      return setDone(r.value.workbookHasRows ? done : `${done} ${t('fullExport.jsonOnly')}`);
    }
    if (r.error.code !== 'CANCELLED') setError(errorSentence(t, r.error));
  };
  return (
    <Stack>
      <Text size="sm">{t('fullExport.intro')}</Text>
      <Alert color="orange" variant="light" title={t('fullExport.notEncrypted')}>
        {t('fullExport.warning')}
      </Alert>
      <Group>
        <Button variant="default" onClick={run} loading={job.running}>
          {t('fullExport.start')}
        </Button>
      </Group>
      <JobProgress job={job} label={t('fullExport.start')} />
      <FormAlert message={error} />
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
    </Stack>
  );
}
