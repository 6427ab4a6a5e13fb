import { Alert, Badge, Button, Group, NumberInput, Radio, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../shared/contract';
import { backupSettingsSchema, type BackupSettings, type DriveInfo } from '../../../shared/domain/backup';
import { invoke } from '../api';
import { BackupReminder } from '../components/BackupReminder/BackupReminder';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { JobProgress } from '../components/JobProgress/JobProgress';
import { RestoreBackup } from '../components/RestoreBackup/RestoreBackup';
import { errorSentence, schemaValidator } from '../errors';
import { clientsAndUsers, formatBytes } from '../format';
import { useJob } from '../useJob';
import { useSubmit } from '../useSubmit';
import { Section } from '../components/Section/Section';
import { FullExport } from '../components/FullExport/FullExport';
import { useChannel } from '../useChannel';

function BackUpNow({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [drives, setDrives] = useState<DriveInfo[] | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const job = useJob();
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const lookForDrives = useCallback(async () => {
    const r = await invoke('backup.drives', {});
    if (!r.ok) return setError(errorSentence(t, r.error));
    setDrives(r.value.drives);
    setTarget((current) => current ?? r.value.drives.find((d) => d.removable)?.path ?? null);
  }, [t]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- state is set only when the answer arrives
    void lookForDrives();
  }, [lookForDrives]);

  const run = async () => {
    if (!target) return;
    setError(null);
    setResult(null);
    const r = await job.run('backup.create', { targetDir: target });
    if (!r.ok) {
      if (r.error.code === 'CANCELLED') return setResult(t('backup.stopped'));
      return setError(errorSentence(t, r.error));
    }
    setResult(
      [
        t('backup.done', { what: clientsAndUsers(t, r.value.counts), location: r.value.location }),
        r.value.removedOld ? t('backup.removedOld', { count: r.value.removedOld }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    onDone();
  };

  return (
    <Stack>
      <Text size="sm">{t('backup.whereIntro')}</Text>
      {drives && drives.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('backup.noDrives')}
        </Text>
      )}
      {drives && drives.length > 0 && (
        <Radio.Group value={target} onChange={setTarget} label={t('backup.whereTitle')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {drives.map((d) => (
              <Radio.Card key={d.path} value={d.path} p="sm" radius="md" withBorder>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <div>
                    <Group gap={6}>
                      <Text fw={600}>{d.label}</Text>
                      {d.removable && (
                        <Badge size="xs" variant="light">
                          {t('backup.removable')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('backup.free', {
                        free: formatBytes(d.freeBytes, i18n.language),
                        total: formatBytes(d.totalBytes, i18n.language),
                      })}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
      )}
      <Group>
        <Button variant="default" size="xs" onClick={() => void lookForDrives()}>
          {t('backup.lookAgain')}
        </Button>
        <Button
          variant="default"
          size="xs"
          onClick={async () => {
            const r = await invoke('backup.chooseFolder', {});
            if (r.ok) setTarget(r.value.path);
            else if (r.error.code !== 'CANCELLED') setError(errorSentence(t, r.error));
          }}
        >
          {t('backup.chooseFolder')}
        </Button>
      </Group>
      {target && (
        <Text size="sm">
          {t('backup.saveTo', { path: '' })}
          <Text span ff="monospace">
            {target}
          </Text>
        </Text>
      )}
      <Group>
        <Button onClick={run} disabled={!target} loading={job.running}>
          {t('backup.backupNow')}
        </Button>
      </Group>
      <JobProgress job={job} label={t('backup.backupNow')} />
      {result && (
        <Alert color="green" role="status">
          {result}
        </Alert>
      )}
      <FormAlert message={error} />
    </Stack>
  );
}

function ReminderSettings({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const { busy, error, submit: send } = useSubmit();
  const form = useForm<BackupSettings>({
    initialValues: { keep: 10, warnDays: 7, alertDays: 14, onExit: false },
    validate: schemaValidator(backupSettingsSchema, t),
  });
  useEffect(() => {
    void invoke('backup.status', {}).then((r) => {
      if (r.ok) {
        form.setValues(r.value.settings);
        form.resetDirty(r.value.settings);
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const submit = form.onSubmit((values) =>
    send(() => invoke('backup.updateSettings', values), {
      form,
      onOk: () => {
        notifications.show({ color: 'green', message: t('common.saved') });
        onSaved();
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('backup.keep')}
            min={1}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('keep')}
          />
          <NumberInput
            label={t('backup.warnDays')}
            min={1}
            max={365}
            allowDecimal={false}
            {...form.getInputProps('warnDays')}
          />
          <NumberInput
            label={t('backup.alertDays')}
            min={1}
            max={365}
            allowDecimal={false}
            {...form.getInputProps('alertDays')}
          />
        </SimpleGrid>
        <Switch label={t('backup.onExit')} {...form.getInputProps('onExit', { type: 'checkbox' })} />
        <FormActions error={error} busy={busy} align="flex-start" />
      </Stack>
    </form>
  );
}

/** How much of every backup is documents on file: a charity with many scans needs a bigger stick. */
function DocumentsInBackups() {
  const { t, i18n } = useTranslation();
  const documents = useChannel('backup.status', {}).data?.documents;
  if (!documents?.count) return null;
  return (
    <Text size="sm" c="dimmed">
      {t('backup.documentsAdd', { count: documents.count, size: formatBytes(documents.bytes, i18n.language) })}
    </Text>
  );
}

/** Administrators back up to a USB stick, check a backup, and restore one. */
export function BackupPage({ onState }: { onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  const [reminderKey, setReminderKey] = useState(0);
  const refresh = () => setReminderKey((k) => k + 1);
  return (
    <Stack maw={900}>
      <div>
        <Title order={1} size="h2">
          {t('backup.title')}
        </Title>
        <Text c="dimmed">{t('backup.intro')}</Text>
      </div>
      <BackupReminder key={reminderKey} onBackUp={() => undefined} />
      <Section title={t('backup.backupNow')}>
        <BackUpNow onDone={refresh} />
        <DocumentsInBackups key={reminderKey} />
      </Section>
      <Section title={t('backup.checkTitle')}>
        <Text size="sm">{t('backup.checkIntro')}</Text>
        <RestoreBackup mode="check" />
      </Section>
      <Section title={t('backup.restoreTitle')}>
        <Text size="sm">{t('backup.restoreIntro')}</Text>
        <RestoreBackup
          mode="restore"
          onRestored={(s) => {
            notifications.show({ color: 'green', message: t('backup.restored'), autoClose: 15_000 });
            onState(s);
          }}
        />
      </Section>
      <Section title={t('backup.settingsTitle')}>
        <ReminderSettings onSaved={refresh} />
      </Section>
      <Section title={t('fullExport.title')}>
        <FullExport />
      </Section>
    </Stack>
  );
}
