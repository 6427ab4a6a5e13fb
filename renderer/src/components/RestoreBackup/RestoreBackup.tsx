import { Alert, Anchor, Button, Group, Modal, PasswordInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../../shared/contract';
import type { BackupSummary } from '../../../../shared/domain/backup';
import { invoke } from '../../api';
import { errorSentence } from '../../errors';
import { clientsAndUsers, formatBytes, formatDateTime } from '../../format';
import { FormAlert } from '../FormAlert/FormAlert';
import { JobProgress } from '../JobProgress/JobProgress';
import { useCountdown } from '../../useCountdown';
import { useJob } from '../../useJob';

type Credentials = { name: string; password: string } | { recoveryKey: string } | null;

/**
 * Choose a backup file, open it (with a name and password or the recovery key from the backup when
 * nobody is signed in), see what it holds, and, for `mode="restore"`, restore it after a warning.
 */
export function RestoreBackup({
  mode,
  onRestored,
  initialPath,
}: {
  mode: 'check' | 'restore';
  onRestored?: (s: AppState) => void;
  initialPath?: string;
}) {
  const { t, i18n } = useTranslation();
  const [path, setPath] = useState<string | null>(initialPath ?? null);
  const [needCredentials, setNeedCredentials] = useState(false);
  const [useKey, setUseKey] = useState(false);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Checking a backup reads and verifies all of it (and restoring then switches over): long jobs.
  const job = useJob();
  const busy = choosing || job.running;
  // After a wrong password the next try waits (the same growing waits as signing in).
  const [wait, startWait] = useCountdown();

  const credentials = (): Credentials => (!needCredentials ? null : useKey ? { recoveryKey } : { name, password });

  const open = async (file: string, creds: Credentials) => {
    setError(null);
    const r = await job.run('backup.inspect', { path: file, credentials: creds });
    if (r.ok) return setSummary(r.value);
    if (r.error.code === 'CANCELLED') return;
    if (r.error.code === 'BAD_INPUT' && r.error.fields?.['credentials']) {
      setNeedCredentials(true);
      return;
    }
    if (r.error.retryAfterMs) startWait(r.error.retryAfterMs);
    setError(errorSentence(t, r.error));
  };

  // A backup file double-clicked in the file manager arrives already chosen.
  useEffect(() => {
    // The inspection runs as a job, shown busy at once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (initialPath) void open(initialPath, null);
    // Only for the file it was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialPath]);

  const choose = async () => {
    setSummary(null);
    setError(null);
    setChoosing(true);
    const r = await invoke('backup.chooseFile', {});
    setChoosing(false);
    if (!r.ok) return r.error.code !== 'CANCELLED' && setError(errorSentence(t, r.error));
    setPath(r.value.path);
    if (!needCredentials) await open(r.value.path, null);
  };

  const restore = async () => {
    if (!path) return;
    const r = await job.run('backup.restore', { path, credentials: credentials() });
    setConfirming(false);
    if (r.ok) onRestored?.(r.value);
    else if (r.error.code === 'CANCELLED') setError(t('backup.restoreStopped'));
    else {
      if (r.error.retryAfterMs) startWait(r.error.retryAfterMs);
      setError(errorSentence(t, r.error));
    }
  };

  return (
    <Stack>
      <Group>
        <Button variant="default" onClick={choose} loading={busy && !path}>
          {t('backup.chooseFile')}
        </Button>
      </Group>
      {path && (
        <Text size="sm">
          {t('backup.fileLabel')}:{' '}
          <Text span ff="monospace">
            {path}
          </Text>
        </Text>
      )}
      {path && needCredentials && !summary && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void open(path, credentials());
          }}
        >
          <Stack maw={460}>
            <Text size="sm">{t('backup.credentialsIntro')}</Text>
            {useKey ? (
              <Textarea
                label={t('unlock.recoveryKey')}
                value={recoveryKey}
                onChange={(e) => setRecoveryKey(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={200}
              />
            ) : (
              <>
                <TextInput
                  label={t('unlock.name')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  maxLength={100}
                />
                <PasswordInput
                  label={t('unlock.password')}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  maxLength={1024}
                />
              </>
            )}
            <Group justify="space-between">
              <Anchor component="button" type="button" size="sm" onClick={() => setUseKey(!useKey)}>
                {useKey ? t('backup.usePassword') : t('backup.useRecoveryKey')}
              </Anchor>
              <Button type="submit" loading={busy} disabled={wait > 0}>
                {t('backup.open')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {!confirming && <JobProgress job={job} label={t('backup.checking')} />}
      <FormAlert message={error && wait > 0 ? `${error} ${t('unlock.waitSeconds', { count: wait })}` : error} />
      {summary && (
        <Alert color="green" role="status" title={t('backup.checkOk')}>
          <Text size="sm">
            {t('backup.madeOn', {
              date: formatDateTime(summary.createdAt, i18n.language),
              name: summary.createdBy,
              charity: summary.charityName,
            })}
          </Text>
          <Text size="sm">
            {t('backup.contents', {
              what: clientsAndUsers(t, summary.counts),
              size: formatBytes(summary.bytes, i18n.language),
            })}
          </Text>
          {summary.recordsHere && !summary.sameRecords && (
            <Text size="sm" fw={600}>
              {t('backup.otherRecords')}
            </Text>
          )}
        </Alert>
      )}
      {summary && mode === 'restore' && (
        <Group>
          <Button color="red" onClick={() => setConfirming(true)}>
            {t('backup.restoreConfirm')}
          </Button>
        </Group>
      )}
      <Modal
        opened={confirming}
        onClose={() => !job.running && setConfirming(false)}
        title={t('backup.restoreTitle')}
        withCloseButton={!job.running}
      >
        {summary && (
          <Stack>
            <Alert color={summary.recordsHere ? 'orange' : 'blue'}>
              {t(summary.recordsHere ? 'backup.restoreWarning' : 'backup.restoreOnNewPc', {
                date: formatDateTime(summary.createdAt, i18n.language),
              })}
            </Alert>
            <JobProgress job={job} label={t('backup.restoreConfirm')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)} disabled={job.running}>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={restore} loading={busy}>
                {t('backup.restoreConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
