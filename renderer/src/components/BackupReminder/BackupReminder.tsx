import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../session';
import { useChannel } from '../../useChannel';

/** "Last verified backup: N days ago", amber and then red as it gets old; on the home screen. */
export function BackupReminder({ onBackUp }: { onBackUp: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const status = useChannel('backup.status', {}).data;
  if (!status) return null;
  const text =
    status.level === 'never'
      ? t('backup.lastNever')
      : status.daysSince === 0
        ? t('backup.lastToday', { location: status.last?.location ?? '' })
        : t('backup.last', { count: status.daysSince ?? 0, location: status.last?.location ?? '' });
  const action = can('backup.create') && status.level !== 'ok' && (
    <Button size="xs" variant="white" color={status.level === 'alert' ? 'red' : 'orange'} onClick={onBackUp}>
      {t('backup.goToBackup')}
    </Button>
  );
  if (status.level === 'ok')
    return (
      <Text size="sm" c="dimmed" role="status" data-backup-level="ok">
        {text}
      </Text>
    );
  return (
    <Alert
      color={status.level === 'alert' ? 'red' : 'orange'}
      variant="light"
      role="status"
      data-backup-level={status.level}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{text}</Text>
        {action}
      </Group>
    </Alert>
  );
}
