import { Anchor, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../../shared/contract';
import { RestoreBackup } from '../RestoreBackup/RestoreBackup';

/** "Restore from a backup", for when nobody can sign in: a new PC, or records that are lost or damaged. */
export function RestoreLink({ onState }: { onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Anchor component="button" type="button" size="sm" onClick={() => setOpen(true)}>
        {t('backup.restoreInstead')}
      </Anchor>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('backup.restoreTitle')} size="lg">
        <Text size="sm" mb="md">
          {t('backup.restoreIntro')}
        </Text>
        <RestoreBackup
          mode="restore"
          onRestored={(s) => {
            setOpen(false);
            notifications.show({ color: 'green', message: t('backup.restored'), autoClose: 15_000 });
            onState(s);
          }}
        />
      </Modal>
    </>
  );
}
