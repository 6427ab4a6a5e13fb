import { Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../../shared/contract';
import { RestoreBackup } from '../RestoreBackup/RestoreBackup';

/**
 * Restoring a backup in a window of its own: from the setup, unlock and problem screens, from
 * File > Restore, and when a backup file is double-clicked (`path` then arrives already chosen).
 */
export function RestoreModal({ opened, onClose, onState, path }: { opened: boolean; onClose: () => void; onState: (s: AppState) => void; path?: string }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('backup.restoreTitle')} size="lg">
      <Text size="sm" mb="md">
        {t('backup.restoreIntro')}
      </Text>
      <RestoreBackup
        key={path ?? 'chosen'}
        mode="restore"
        initialPath={path}
        onRestored={(s) => {
          onClose();
          notifications.show({ color: 'green', message: t('backup.restored'), autoClose: 15_000 });
          onState(s);
        }}
      />
    </Modal>
  );
}
