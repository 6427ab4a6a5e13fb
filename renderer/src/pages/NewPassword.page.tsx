import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AppState } from '../../../shared/contract';
import { newPassword, PASSWORD_MIN_LENGTH } from '../../../shared/domain/validation';
import { invoke } from '../api';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { PasswordStrength } from '../components/PasswordStrength/PasswordStrength';
import { errorSentence, schemaValidator, translatedFields } from '../errors';

const schema = z.object({ newPassword: newPassword(), repeat: z.string() }).refine((v) => v.newPassword === v.repeat, { path: ['repeat'], error: 'passwordsDiffer' });

/** After unlocking with the recovery key: the person chooses a new password before anything else. */
export function NewPasswordPage({ state, onState }: { state: AppState; onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { newPassword: '', repeat: '' }, validate: schemaValidator(schema, t) });
  const submit = form.onSubmit(async ({ newPassword }) => {
    setBusy(true);
    const r = await invoke('session.setNewPassword', { newPassword });
    setBusy(false);
    if (r.ok) onState(r.value);
    else {
      form.setErrors(translatedFields(t, r.error.fields));
      setError(errorSentence(t, r.error));
    }
  });
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={460}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('newPassword.title')}
            </Title>
            <Text>{t('newPassword.intro', { name: state.user?.name })}</Text>
            <PasswordInput
              label={t('setup.password')}
              description={t('setup.passwordHint', { count: PASSWORD_MIN_LENGTH })}
              autoComplete="new-password"
              autoFocus
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordStrength password={form.values.newPassword} userInputs={[state.user?.name ?? '']} />
            <PasswordInput label={t('setup.passwordRepeat')} autoComplete="new-password" required {...form.getInputProps('repeat')} />
            <FormAlert message={error} />
            <Button type="submit" loading={busy}>
              {t('newPassword.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
