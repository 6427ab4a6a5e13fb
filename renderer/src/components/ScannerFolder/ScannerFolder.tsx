import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api';
import { errorSentence } from '../../errors';
import { useChannel } from '../../useChannel';

/** Settings › Scanner inbox: the folder the office scanner saves into, chosen in the system's dialog. */
export function ScannerFolder() {
  const { t } = useTranslation();
  const { data: inbox, replace } = useChannel('documents.inbox', {});
  const set = async (choose: boolean) => {
    const r = await invoke('documents.setScannerFolder', { choose });
    if (r.ok) {
      replace(r.value);
      notifications.show({ color: 'green', message: t('inbox.folderSaved') });
    } else if (r.error.code !== 'CANCELLED') notifications.show({ color: 'red', message: errorSentence(t, r.error) });
  };
  return (
    <Stack>
      <Text size="sm">{t('inbox.settingsIntro')}</Text>
      {inbox?.folder ? (
        <Text size="sm">
          {t('inbox.folder')}
          <Code>{inbox.folder}</Code>
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('inbox.noFolderSet')}
        </Text>
      )}
      <Group>
        <Button variant="light" onClick={() => void set(true)}>
          {t('inbox.chooseFolderButton')}
        </Button>
        {inbox?.folder && (
          <Button variant="default" onClick={() => void set(false)}>
            {t('inbox.stopUsing')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
