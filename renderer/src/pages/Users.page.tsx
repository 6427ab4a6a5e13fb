import { Badge, Button, Group, Modal, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AppState } from '../../../shared/contract';
import { ROLES, userNameSchema, type Role, type User } from '../../../shared/domain/user';
import { invoke } from '../api';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { NewPasswordFields, newPasswordPair } from '../components/NewPasswordFields/NewPasswordFields';
import { errorSentence, schemaValidator } from '../errors';
import { formatDateTime } from '../format';
import { useSubmit } from '../useSubmit';
import { useChannel } from '../useChannel';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; user: User }
  | { kind: 'password'; user: User }
  | { kind: 'deactivate'; user: User }
  | null;

function RoleChoice({ value, onChange, error }: { value: Role; onChange: (r: Role) => void; error?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('users.role')} value={value} onChange={(v) => onChange(v as Role)} error={error} required>
      <Stack gap="xs" mt="xs">
        {ROLES.map((r) => (
          <Radio key={r} value={r} label={t(`roles.${r}`)} description={t(`roles.${r}Help`)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function AddUser({ onDone }: { onDone: (u: User) => void }) {
  const { t } = useTranslation();
  const { busy, error, submit: send } = useSubmit();
  const schema = z.intersection(z.object({ name: userNameSchema }), newPasswordPair);
  const form = useForm({
    initialValues: { name: '', role: 'volunteer' as Role, password: '', repeat: '' },
    validate: schemaValidator(schema, t),
  });
  const submit = form.onSubmit(({ name, role, password }) =>
    send(() => invoke('users.create', { name, role, password }), { form, onOk: onDone }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('users.name')} required autoFocus maxLength={100} {...form.getInputProps('name')} />
        <RoleChoice value={form.values.role} onChange={(r) => form.setFieldValue('role', r)} />
        <Text size="sm" c="dimmed">
          {t('users.initialPasswordHint')}
        </Text>
        <NewPasswordFields form={form} userInputs={[form.values.name]} label={t('users.initialPassword')} />
        <FormActions error={error} busy={busy} label={t('users.add')} />
      </Stack>
    </form>
  );
}

function EditUser({ user, onDone }: { user: User; onDone: (u: User) => void }) {
  const { t } = useTranslation();
  const { busy, error, submit: send } = useSubmit();
  const form = useForm({
    initialValues: { name: user.name, role: user.role },
    validate: schemaValidator(z.object({ name: userNameSchema }), t),
  });
  const submit = form.onSubmit((values) =>
    send(() => invoke('users.update', { id: user.id, ...values }), { form, onOk: onDone }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('users.name')} required autoFocus maxLength={100} {...form.getInputProps('name')} />
        <RoleChoice value={form.values.role} onChange={(r) => form.setFieldValue('role', r)} />
        <FormActions error={error} busy={busy} />
      </Stack>
    </form>
  );
}

function ResetPassword({ user, onDone }: { user: User; onDone: (u: User) => void }) {
  const { t } = useTranslation();
  const { busy, error, submit: send } = useSubmit();
  const form = useForm({ initialValues: { password: '', repeat: '' }, validate: schemaValidator(newPasswordPair, t) });
  const submit = form.onSubmit(({ password }) =>
    send(() => invoke('users.resetPassword', { id: user.id, password }), { form, onOk: onDone }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('users.resetHint')}</Text>
        <NewPasswordFields form={form} userInputs={[user.name]} autoFocus />
        <FormActions error={error} busy={busy} />
      </Stack>
    </form>
  );
}

function Deactivate({ user, onDone, onCancel }: { user: User; onDone: (u: User) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack>
      <Text>{t('users.deactivateText')}</Text>
      <FormAlert message={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          autoFocus
          onClick={async () => {
            const r = await invoke('users.deactivate', { id: user.id });
            if (r.ok) onDone(r.value);
            else setError(errorSentence(t, r.error));
          }}
        >
          {t('users.deactivate')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Administrators add volunteers and staff, change their role, give new passwords and deactivate them. */
export function UsersPage({ onState }: { onState: (s: AppState) => void }) {
  const { t, i18n } = useTranslation();
  const list = useChannel('users.list', {});
  const users = list.data?.items ?? null;
  const error = list.error;
  const [dialog, setDialog] = useState<Dialog>(null);

  const done = (message: string) => async () => {
    setDialog(null);
    notifications.show({ color: 'green', message });
    list.reload();
    // The signed-in user's own name or role may have changed.
    const st = await invoke('app.status', {});
    if (st.ok) onState(st.value);
  };

  const title =
    dialog?.kind === 'add'
      ? t('users.addTitle')
      : dialog?.kind === 'edit'
        ? t('users.editTitle', { name: dialog.user.name })
        : dialog?.kind === 'password'
          ? t('users.resetTitle', { name: dialog.user.name })
          : dialog?.kind === 'deactivate'
            ? t('users.deactivateTitle', { name: dialog.user.name })
            : '';

  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            {t('users.title')}
          </Title>
          <Text c="dimmed">{t('users.intro')}</Text>
        </div>
        <Button onClick={() => setDialog({ kind: 'add' })}>{t('users.add')}</Button>
      </Group>
      <FormAlert message={error} />
      {users && (
        <Table striped verticalSpacing="sm" aria-label={t('users.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th>{t('users.lastLogin')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td fw={500}>{u.name}</Table.Td>
                <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Badge color={u.active ? 'green' : 'gray'} variant="light">
                      {u.active ? t('users.active') : t('users.inactive')}
                    </Badge>
                    {u.active && u.mustChangePassword && (
                      <Badge color="yellow" variant="light">
                        {t('users.mustChange')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, i18n.language) : t('users.never')}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" role="group" aria-label={t('users.actions', { name: u.name })}>
                    <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'edit', user: u })}>
                      {t('users.edit')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'password', user: u })}>
                      {t('users.resetPassword')}
                    </Button>
                    {u.active && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => setDialog({ kind: 'deactivate', user: u })}
                      >
                        {t('users.deactivate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={title} size="lg">
        {dialog?.kind === 'add' && <AddUser onDone={(u) => void done(t('users.created', { name: u.name }))()} />}
        {dialog?.kind === 'edit' && (
          <EditUser user={dialog.user} onDone={(u) => void done(t('users.saved', { name: u.name }))()} />
        )}
        {dialog?.kind === 'password' && (
          <ResetPassword user={dialog.user} onDone={(u) => void done(t('users.passwordSet', { name: u.name }))()} />
        )}
        {dialog?.kind === 'deactivate' && (
          <Deactivate
            user={dialog.user}
            onCancel={() => setDialog(null)}
            onDone={(u) => void done(t('users.deactivated', { name: u.name }))()}
          />
        )}
      </Modal>
    </Stack>
  );
}
