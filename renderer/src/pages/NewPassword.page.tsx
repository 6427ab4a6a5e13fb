import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../shared/contract';
import { invoke } from '../api';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { NewPasswordFields, newPasswordPair } from '../components/NewPasswordFields/NewPasswordFields';
import { errorSentence, schemaValidator, translatedFields } from '../errors';


/** After unlocking with the recovery key: the person chooses a new password before anything else. */
export function NewPasswordPage({ state, onState }: { state: AppState; onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { password: '', repeat: '' }, validate: schemaValidator(newPasswordPair, t) });
  const submit = form.onSubmit(async ({ password }) => {
    setBusy(true);
    const r = await invoke('session.setNewPassword', { newPassword: password });
    setBusy(false);
    if (r.ok) onState(r.value);
    else {
      form.setErrors({ password: translatedFields(t, r.error.fields)['newPassword'] });
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
            <NewPasswordFields form={form} userInputs={[state.user?.name ?? '']} autoFocus />
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
