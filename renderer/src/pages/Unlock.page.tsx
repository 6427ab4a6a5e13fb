import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../shared/contract';
import { parseRecoveryKey } from '../../../shared/domain/recoveryKey';
import type { AppError } from '../../../shared/result';
import { invoke } from '../api';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { LanguageSwitch } from '../components/LanguageSwitch/LanguageSwitch';
import { RestoreLink } from '../components/RestoreLink/RestoreLink';
import { errorSentence, translatedFields } from '../errors';
import { useCountdown } from '../useCountdown';

export function UnlockPage({ state, onState }: { state: AppState; onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [wait, startWait] = useCountdown();
  const form = useForm({ initialValues: { name: '', password: '', recoveryKey: '' } });

  const fail = (e: AppError) => {
    setError(e);
    if (e.retryAfterMs) startWait(e.retryAfterMs);
    if (e.fields) form.setErrors(translatedFields(t, e.fields));
  };

  const submit = form.onSubmit(async ({ name, password, recoveryKey }) => {
    setError(null);
    const errors: Record<string, string> = {};
    if (!name.trim()) errors['name'] = t('validation.required');
    if (mode === 'password' && !password) errors['password'] = t('validation.required');
    if (mode === 'recovery') {
      const parsed = parseRecoveryKey(recoveryKey);
      if (!parsed.ok)
        errors['recoveryKey'] =
          parsed.reason === 'length'
            ? t('validation.recoveryKeyLength')
            : t('validation.recoveryKeyGroup', { group: parsed.group });
    }
    if (Object.keys(errors).length) {
      form.setErrors(errors);
      return;
    }
    setBusy(true);
    const r =
      mode === 'password'
        ? await invoke('signIn.unlock', { name, password })
        : await invoke('signIn.unlockWithRecoveryKey', { name, recoveryKey });
    setBusy(false);
    if (r.ok) {
      form.setFieldValue('password', '');
      form.setFieldValue('recoveryKey', '');
      onState(r.value);
    } else {
      form.setFieldValue('password', '');
      fail(r.error);
    }
  });

  const message = error && error.code !== 'BAD_INPUT' ? errorSentence(t, error) : null;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={460}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} size="h2">
                  {mode === 'password' ? t('unlock.title') : t('unlock.recoveryTitle')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('app.tagline')}
                </Text>
              </div>
              <LanguageSwitch value={state.language} onState={onState} />
            </Group>
            {state.lockReason === 'idle' && (
              <Alert color="blue" variant="light">
                {t('unlock.lockedIdle')}
              </Alert>
            )}
            {state.lockReason === 'restarted' && (
              <Alert color="orange" variant="light" role="alert">
                {t('unlock.lockedRestarted')}
              </Alert>
            )}
            <Text>{mode === 'password' ? t('unlock.intro') : t('unlock.recoveryIntro')}</Text>
            <TextInput
              label={t('unlock.name')}
              autoComplete="username"
              autoFocus
              required
              {...form.getInputProps('name')}
            />
            {mode === 'password' ? (
              <PasswordInput
                label={t('unlock.password')}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
            ) : (
              <Textarea
                label={t('unlock.recoveryKey')}
                autoComplete="off"
                spellCheck={false}
                autosize
                minRows={2}
                maxLength={200}
                styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
                required
                {...form.getInputProps('recoveryKey')}
              />
            )}
            <div aria-live="assertive">
              <FormAlert
                message={message && wait > 0 ? `${message} ${t('unlock.waitSeconds', { count: wait })}` : message}
              />
            </div>
            <Button type="submit" loading={busy} disabled={wait > 0} fullWidth>
              {busy ? t('unlock.checking') : mode === 'password' ? t('unlock.submit') : t('unlock.recoverySubmit')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setMode(mode === 'password' ? 'recovery' : 'password');
                setError(null);
                form.clearErrors();
              }}
            >
              {mode === 'password' ? t('unlock.forgot') : t('unlock.backToPassword')}
            </Anchor>
            <Center>
              <RestoreLink onState={onState} />
            </Center>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
