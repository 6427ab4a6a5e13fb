import { Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../../shared/contract';
import { invoke } from '../../api';
import { RestoreBackup } from '../RestoreBackup/RestoreBackup';

/**
 * Restoring a backup in a window of its own: from the setup, unlock and problem screens, from
 * File > Restore, and when a backup file is double-clicked (`path` then arrives already chosen).
 */
export function RestoreModal({
  opened,
  onClose,
  onState,
  path,
}: {
  opened: boolean;
  onClose: () => void;
  onState: (s: AppState) => void;
  path?: string;
}) {
  const { t } = useTranslation();
  // On a computer with no records yet, nothing is replaced: the words say so.
  const [newPc, setNewPc] = useState(false);
  useEffect(() => {
    if (opened) void invoke('app.status', {}).then((r) => r.ok && setNewPc(r.value.state === 'needsSetup'));
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('backup.restoreTitle')} size="lg">
      <Text size="sm" mb="md">
        {t(newPc ? 'backup.restoreIntroNewPc' : 'backup.restoreIntro')}
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
