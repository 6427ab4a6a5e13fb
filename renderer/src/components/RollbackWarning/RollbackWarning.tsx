import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../../shared/contract';
import { invoke } from '../../api';
import { errorSentence } from '../../errors';
import { FormAlert } from '../FormAlert/FormAlert';

/**
 * Shown on every screen when the records look older than they should (an earlier copy of the
 * records file or the key file was put back outside Casebook), until an administrator confirms
 * they are the records to keep. Everyone else is told to tell the coordinator.
 */
export function RollbackWarning({ state, onState }: { state: AppState; onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!state.rollback) return null;
  const admin = state.user?.role === 'admin';
  const accept = async () => {
    setBusy(true);
    const r = await invoke('signIn.acceptRecordsAsTheyAre', {});
    setBusy(false);
    if (r.ok) onState(r.value);
    else setError(errorSentence(t, r.error));
  };
  return (
    <Alert color="red" title={t('rollback.title')} role="alert" mb="md">
      <Stack gap="xs">
        <Text size="sm">{t(`rollback.${state.rollback}`)}</Text>
        <Text size="sm">{admin ? t('rollback.adminAdvice') : t('rollback.tellCoordinator')}</Text>
        {admin && (
          <Group>
            <Button color="red" variant="light" size="xs" loading={busy} onClick={() => void accept()}>
              {t('rollback.accept')}
            </Button>
          </Group>
        )}
        <FormAlert message={error} />
      </Stack>
    </Alert>
  );
}
