import { Box, Button, Code, Group, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api';
import { errorSentence } from '../../errors';

/** The 8 numbered groups of a recovery key, large and easy to copy by hand. */
export function RecoveryKeyGroups({ groups }: { groups: string[] }) {
  const { t } = useTranslation();
  return (
    <Box component="ol" aria-label={t('recoverySheet.keyHeading')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      <SimpleGrid cols={4} spacing="sm">
        {groups.map((g, i) => (
          <li key={i}>
            <Text size="xs" c="dimmed">
              {t('setup.groupLabel', { n: i + 1 })}
            </Text>
            <Code fz="xl" style={{ letterSpacing: 2 }}>
              {g}
            </Code>
          </li>
        ))}
      </SimpleGrid>
    </Box>
  );
}

/** "Save recovery sheet (PDF)" and, once saved, where it went. */
export function SaveRecoverySheet({
  channel,
  sheetPath,
  onSaved,
  onError,
}: {
  channel: 'setup.saveRecoverySheet' | 'recovery.saveSheet';
  sheetPath: string | null;
  onSaved: (path: string) => void;
  onError: (sentence: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Group>
        <Button
          loading={busy}
          variant={sheetPath ? 'light' : 'filled'}
          onClick={async () => {
            setBusy(true);
            const r = await invoke(channel, {});
            setBusy(false);
            if (r.ok) onSaved(r.value.path);
            else if (r.error.code !== 'CANCELLED') onError(errorSentence(t, r.error));
          }}
        >
          {t('setup.saveSheet')}
        </Button>
      </Group>
      {sheetPath && (
        <Text c="green.8" role="status">
          {t('setup.sheetSaved', { path: sheetPath })}
        </Text>
      )}
    </>
  );
}
