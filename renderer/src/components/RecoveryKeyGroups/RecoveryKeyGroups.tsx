import { Box, Button, Code, Group, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api';
import { errorSentence } from '../../errors';
import { usePrintable } from '../Printout/Printout';

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

/**
 * "Print recovery sheet" (best: a sheet on paper, locked away) and "Save recovery sheet (PDF)", and
 * once it is kept, how. File › Print prints it too while it is on screen.
 */
export function KeepRecoverySheet({
  during,
  kept,
  onKept,
  onError,
}: {
  during: 'setup' | 'replacing';
  /** What was done with the sheet, in words; null until it is printed or saved. */
  kept: string | null;
  onKept: (sentence: string) => void;
  onError: (sentence: string) => void;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const printing = usePrintable(
    () => invoke(during === 'setup' ? 'setup.printRecoverySheet' : 'recovery.printSheet', {}),
    () => onKept(t('setup.sheetPrinted')),
  );
  const save = async () => {
    setSaving(true);
    const r = await invoke(during === 'setup' ? 'setup.saveRecoverySheet' : 'recovery.saveSheet', {});
    setSaving(false);
    if (r.ok) onKept(t('setup.sheetSaved', { path: r.value.path }));
    else if (r.error.code !== 'CANCELLED') onError(errorSentence(t, r.error));
  };
  return (
    <>
      <Group>
        <Button loading={printing.busy} variant={kept ? 'light' : 'filled'} onClick={printing.print}>
          {t('setup.printSheet')}
        </Button>
        <Button loading={saving} variant="default" onClick={() => void save()}>
          {t('setup.saveSheet')}
        </Button>
      </Group>
      {kept && (
        <Text c="green.8" role="status">
          {kept}
        </Text>
      )}
    </>
  );
}
