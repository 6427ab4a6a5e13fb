import { Anchor } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../../shared/contract';
import { RestoreModal } from '../RestoreModal/RestoreModal';

/** "Restore from a backup", for when nobody can sign in: a new PC, or records that are lost or damaged. */
export function RestoreLink({ onState }: { onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Anchor component="button" type="button" size="sm" onClick={() => setOpen(true)}>
        {t('backup.restoreInstead')}
      </Anchor>
      <RestoreModal opened={open} onClose={() => setOpen(false)} onState={onState} />
    </>
  );
}
