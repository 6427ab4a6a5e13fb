import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../shared/contract';
import { invoke } from '../api';
import { FormActions } from '../components/FormActions/FormActions';
import { NewPasswordFields, newPasswordPair } from '../components/NewPasswordFields/NewPasswordFields';
import { schemaValidator } from '../errors';
import { useSubmit } from '../useSubmit';

/** After unlocking with the recovery key: the person chooses a new password before anything else. */
export function NewPasswordPage({ state, onState }: { state: AppState; onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  const { busy, error, submit: send } = useSubmit();
  const form = useForm({ initialValues: { password: '', repeat: '' }, validate: schemaValidator(newPasswordPair, t) });
  const submit = form.onSubmit(({ password }) =>
    send(() => invoke('signIn.setNewPassword', { newPassword: password }), {
      form,
      renameFields: { newPassword: 'password' },
      onOk: onState,
    }),
  );
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={460}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('newPassword.title')}
            </Title>
            <Text>
              {t(state.unlockedWithRecoveryKey ? 'newPassword.intro' : 'newPassword.firstLoginIntro', {
                name: state.user?.name ?? '',
              })}
            </Text>
            <NewPasswordFields form={form} userInputs={[state.user?.name ?? '']} autoFocus />
            <FormActions error={error} busy={busy} label={t('newPassword.submit')} />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
