import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One labelled value on a record page; "Not recorded" when empty. */
export function Field({ label, value }: { label: string; value: ReactNode }) {
  const { t } = useTranslation();
  const empty = value === null || value === undefined || value === '' || value === false;
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text
        component="div"
        style={{ whiteSpace: 'pre-line' }}
        c={empty ? 'dimmed' : undefined}
        fs={empty ? 'italic' : undefined}
      >
        {empty ? t('common.notRecorded') : value}
      </Text>
    </div>
  );
}
