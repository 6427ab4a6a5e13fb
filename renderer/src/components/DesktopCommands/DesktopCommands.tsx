import { Anchor, Button, Code, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { About, AppState } from '../../../../shared/contract';
import type { DesktopCommand } from '../../../../shared/desktop';
import { invoke } from '../../api';
import { currentPrintAction, useDesktopCommands } from '../../desktop';
import { errorSentence } from '../../errors';
import { formatBytes, formatDateTime } from '../../format';
import { FormAlert } from '../FormAlert/FormAlert';
import { RestoreModal } from '../RestoreModal/RestoreModal';
import { useChannel } from '../../useChannel';
import { useGo } from '../../navigation';

/** The guide's sections, in the order a new volunteer meets them. */
const GUIDE = [
  'start',
  'signIn',
  'clients',
  'record',
  'plans',
  'notes',
  'referrals',
  'groups',
  'reports',
  'privacy',
  'backup',
  'help',
] as const;

type Open = { kind: 'about' } | { kind: 'dataFolder' } | { kind: 'guide' } | { kind: 'restore'; path?: string } | null;

/**
 * What the application menu and the file manager ask for (File: back up, restore, print; Help: the
 * user guide, where the data is, about; a double-clicked backup file), answered for whoever is at
 * the screen: someone not signed in, a volunteer or an administrator. Also told when the core had to
 * be started again, so the unlock screen shows at once.
 */
export function DesktopCommands({ state, onState }: { state: AppState | null; onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  const go = useGo();
  const [open, setOpen] = useState<Open>(null);
  const unlocked = state?.state === 'unlocked';
  const admin = unlocked && state.user?.role === 'admin';

  const handle = useCallback(
    (command: DesktopCommand) => {
      const say = (message: string) => notifications.show({ color: 'orange', message, autoClose: 8_000 });
      if (command.kind === 'coreRestarted') {
        // The core is locked again: the unlock screen says it restarted and that nothing saved was lost.
        setOpen(null);
        void invoke('app.status', {}).then((r) => r.ok && onState(r.value));
        return;
      }
      if (command.kind === 'openBackup') {
        if (unlocked && !admin) return say(t('desktop.adminOnlyRestore'));
        return setOpen({ kind: 'restore', path: command.path });
      }
      switch (command.action) {
        case 'about':
        case 'dataFolder':
        case 'guide':
          return setOpen({ kind: command.action });
        case 'restore':
          if (unlocked && !admin) return say(t('desktop.adminOnlyRestore'));
          return setOpen({ kind: 'restore' });
        case 'backup':
          if (!unlocked) return say(t('desktop.signInFirst'));
          if (!admin) return say(t('desktop.adminOnlyBackup'));
          setOpen(null);
          return go({ name: 'backup' });
        case 'print': {
          const print = currentPrintAction();
          return print ? print() : say(t('desktop.nothingToPrint'));
        }
      }
    },
    [unlocked, admin, go, onState, t],
  );
  useDesktopCommands(handle);

  const close = () => setOpen(null);
  return (
    <>
      <Modal opened={open?.kind === 'about'} onClose={close} title={t('desktop.aboutTitle')} size="lg">
        {open?.kind === 'about' && <AboutCasebook />}
      </Modal>
      <Modal opened={open?.kind === 'dataFolder'} onClose={close} title={t('desktop.dataTitle')} size="lg">
        {open?.kind === 'dataFolder' && <WhereMyDataIs />}
      </Modal>
      <Modal opened={open?.kind === 'guide'} onClose={close} title={t('guide.title')} size="xl">
        <UserGuide />
      </Modal>
      <RestoreModal
        opened={open?.kind === 'restore'}
        onClose={close}
        onState={onState}
        path={open?.kind === 'restore' ? open.path : undefined}
      />
    </>
  );
}

function useAbout(): [About | null, string | null] {
  const { data, error } = useChannel('app.about', {});
  return [data, error];
}

function OpenFolder({ folder, label }: { folder: 'data' | 'logs'; label: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const openIt = async () => {
    setError(null);
    const r = await invoke('app.openFolder', { folder });
    if (r.ok) notifications.show({ color: 'green', message: t('desktop.folderOpened') });
    else setError(errorSentence(t, r.error));
  };
  return (
    <Stack gap={4}>
      <Group>
        <Button variant="default" size="xs" onClick={openIt}>
          {label}
        </Button>
      </Group>
      <FormAlert message={error} />
    </Stack>
  );
}

function AboutCasebook() {
  const { t } = useTranslation();
  const [about, error] = useAbout();
  if (error) return <FormAlert message={error} />;
  if (!about) return null;
  return (
    <Stack>
      <Stack gap={2}>
        <Title order={2} size="h3">
          {t('desktop.version', { version: about.version })}
        </Title>
        {about.runtime && (
          <Text size="xs" c="dimmed">
            {about.runtime}
          </Text>
        )}
      </Stack>
      <Text size="sm">{t('desktop.what')}</Text>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('desktop.dataFolder')}
        </Text>
        <Code block>{about.dataDir}</Code>
        <OpenFolder folder="data" label={t('desktop.openFolder')} />
      </Stack>
      {about.logDir && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('desktop.logFolder')}
          </Text>
          <Code block>{about.logDir}</Code>
          <Text size="xs" c="dimmed">
            {t('desktop.logNote')}
          </Text>
          <OpenFolder folder="logs" label={t('desktop.openLogFolder')} />
        </Stack>
      )}
    </Stack>
  );
}

function WhereMyDataIs() {
  const { t, i18n } = useTranslation();
  const [about, error] = useAbout();
  if (error) return <FormAlert message={error} />;
  if (!about) return null;
  const describe: Record<string, string> = {
    'casebook.db': t('desktop.fileDatabase'),
    'keyslots.json': t('desktop.fileKeys'),
  };
  return (
    <Stack>
      <Text size="sm">{t('desktop.dataIntro')}</Text>
      <Code block>{about.dataDir}</Code>
      <OpenFolder folder="data" label={t('desktop.openFolder')} />
      {about.files.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('desktop.files')}
          </Text>
          <List size="sm">
            {about.files.map((f) => (
              <List.Item key={f.name}>
                <Code>{f.name}</Code> — {describe[f.name] ?? ''} ({formatBytes(f.bytes, i18n.language)})
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Text size="sm">{t('desktop.encrypted')}</Text>
      <Text size="sm">
        {about.lastBackup
          ? t('desktop.lastBackup', {
              date: formatDateTime(about.lastBackup.at, i18n.language),
              location: about.lastBackup.location,
            })
          : about.signedIn
            ? t('desktop.noBackup')
            : t('desktop.backupWhenSignedIn')}
      </Text>
      <Text size="sm">{t('desktop.moving')}</Text>
    </Stack>
  );
}

function UserGuide() {
  const { t } = useTranslation();
  return (
    <Stack>
      <nav aria-label={t('guide.contents')}>
        <Text size="sm" fw={600}>
          {t('guide.contents')}
        </Text>
        <List size="sm" type="ordered">
          {GUIDE.map((key) => (
            <List.Item key={key}>
              <Anchor
                href={`#guide-${key}`}
                size="sm"
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(`guide-${key}`)?.scrollIntoView();
                }}
              >
                {t(`guide.${key}.title`)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </nav>
      {GUIDE.map((key) => (
        <section key={key} id={`guide-${key}`} aria-labelledby={`guide-${key}-title`}>
          <Title order={3} size="h4" id={`guide-${key}-title`}>
            {t(`guide.${key}.title`)}
          </Title>
          <Text size="sm">{t(`guide.${key}.body`)}</Text>
        </section>
      ))}
    </Stack>
  );
}
