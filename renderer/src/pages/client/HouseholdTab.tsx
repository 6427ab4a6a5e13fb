import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../../shared/domain/clientRecord';
import {
  householdMemberInputSchema,
  KEY_CONTACT_ROLES,
  keyContactInputSchema,
  keyContactRules,
  RELATIONSHIPS,
  relationshipWords,
  type Relationship,
  type HouseholdMember,
  type KeyContact,
} from '../../../../shared/domain/household';
import { invoke } from '../../api';
import { AgeText } from '../../components/ClientHeader/ClientHeader';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { Section } from '../../components/Section/Section';
import { errorSentence, schemaValidator, translatedFields } from '../../errors';
import { formatDate } from '../../format';
import { useCan } from '../../session';
import { useSubmit } from '../../useSubmit';
import { notifications } from '@mantine/notifications';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';

type Editing<T> = { item: T | null } | null;

/** Asks before removing, then gives back the fresh record. */
function useRemove(onRecord: (r: ClientRecord) => void) {
  const { t } = useTranslation();
  return (what: string, call: () => ReturnType<typeof invoke<'household.remove'>>) =>
    modals.openConfirmModal({
      title: t('common.removeTitle', { what }),
      children: <Text size="sm">{t('common.removeText', { what })}</Text>,
      labels: { confirm: t('common.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call().then((r) =>
          r.ok ? onRecord(r.value) : notifications.show({ color: 'red', message: errorSentence(t, r.error) }),
        ),
    });
}

export function HouseholdTab({ record, onRecord }: { record: ClientRecord; onRecord: (r: ClientRecord) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [member, setMember] = useState<Editing<HouseholdMember>>(null);
  const [contact, setContact] = useState<Editing<KeyContact>>(null);
  const remove = useRemove(onRecord);
  const editable = can('household.save');

  return (
    <Stack>
      <Section title={t('household.title')}>
        {record.household.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('household.none')}
          </Text>
        ) : (
          <Table aria-label={t('household.title')} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('household.name')}</Table.Th>
                <Table.Th>{t('household.relationship')}</Table.Th>
                <Table.Th>{t('clients.dateOfBirth')}</Table.Th>
                <Table.Th>{t('household.livesWithClient')}</Table.Th>
                <Table.Th>{t('household.note')}</Table.Th>
                {editable && <Table.Th aria-label={t('common.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.household.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td fw={500}>{m.name}</Table.Td>
                  <Table.Td>{relationshipWords(t, m)}</Table.Td>
                  <Table.Td>
                    {m.dateOfBirth ? (
                      <>
                        {formatDate(m.dateOfBirth, i18n.language)} ·{' '}
                        <AgeText client={{ dateOfBirth: m.dateOfBirth, estimatedBirthYear: null }} />
                      </>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{m.livesWithClient ? t('common.yes') : t('common.no')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{m.note}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setMember({ item: m })}
                          aria-label={t('common.editName', { name: m.name })}
                        >
                          {t('common.edit')}
                        </Button>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('common.removeName', { name: m.name })}
                          onClick={() => remove(m.name, () => invoke('household.remove', { id: m.id }))}
                        >
                          ✕
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && (
          <Button variant="light" w="fit-content" onClick={() => setMember({ item: null })}>
            {t('household.add')}
          </Button>
        )}
      </Section>

      <Section title={t('contacts.title')}>
        {record.contacts.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('contacts.none')}
          </Text>
        ) : (
          <Table aria-label={t('contacts.title')} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contacts.role')}</Table.Th>
                <Table.Th>{t('contacts.name')}</Table.Th>
                <Table.Th>{t('contacts.organisation')}</Table.Th>
                <Table.Th>{t('clients.phone')}</Table.Th>
                <Table.Th>{t('clients.email')}</Table.Th>
                {editable && <Table.Th aria-label={t('common.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.contacts.map((c) => {
                const label = c.name ?? c.organisation ?? '';
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {c.role === 'other' && c.roleDetail ? c.roleDetail : t(`contacts.roles.${c.role}`)}
                    </Table.Td>
                    <Table.Td fw={500}>{c.name}</Table.Td>
                    <Table.Td>{c.organisation}</Table.Td>
                    <Table.Td>{c.phone}</Table.Td>
                    <Table.Td>{c.email}</Table.Td>
                    {editable && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => setContact({ item: c })}
                            aria-label={t('common.editName', { name: label })}
                          >
                            {t('common.edit')}
                          </Button>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('common.removeName', { name: label })}
                            onClick={() => remove(label, () => invoke('household.removeContact', { id: c.id }))}
                          >
                            ✕
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {editable && (
          <Button variant="light" w="fit-content" onClick={() => setContact({ item: null })}>
            {t('contacts.add')}
          </Button>
        )}
      </Section>
      {member && (
        <MemberModal
          clientId={record.client.id}
          member={member.item}
          onClose={() => setMember(null)}
          onRecord={onRecord}
        />
      )}
      {contact && (
        <ContactModal
          clientId={record.client.id}
          contact={contact.item}
          onClose={() => setContact(null)}
          onRecord={onRecord}
        />
      )}
    </Stack>
  );
}

function MemberModal({
  clientId,
  member,
  onClose,
  onRecord,
}: {
  clientId: number;
  member: HouseholdMember | null;
  onClose: () => void;
  onRecord: (r: ClientRecord) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: {
      name: member?.name ?? '',
      relationship: member?.relationship ?? '',
      relationshipDetail: member?.relationshipDetail ?? '',
      dateOfBirth: member?.dateOfBirth ?? '',
      livesWithClient: member?.livesWithClient ?? true,
      note: member?.note ?? '',
    },
    validate: (v) =>
      schemaValidator(householdMemberInputSchema, t)({ ...v, relationship: v.relationship || undefined }),
  });
  const save = form.onSubmit((v) =>
    submit(
      () =>
        invoke('household.save', {
          clientId,
          id: member?.id ?? null,
          member: { ...v, relationship: v.relationship as Relationship },
        }),
      {
        form,
        fieldPrefix: 'member.',
        onOk: (r) => {
          onRecord(r);
          onClose();
        },
      },
    ),
  );
  return (
    <ModalForm
      opened
      title={member ? t('household.edit') : t('household.add')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
    >
      <SimpleGrid cols={2}>
        <TextInput
          label={t('household.name')}
          required
          data-autofocus
          maxLength={100}
          {...form.getInputProps('name')}
        />
        <Select
          label={t('household.relationship')}
          required
          data={RELATIONSHIPS.map((r) => ({ value: r, label: t(`household.relationships.${r}`) }))}
          {...form.getInputProps('relationship')}
        />
      </SimpleGrid>
      {form.values.relationship === 'other' && (
        <TextInput
          label={t('household.relationshipDetail')}
          required
          maxLength={60}
          {...form.getInputProps('relationshipDetail')}
        />
      )}
      <SimpleGrid cols={2}>
        <DateField
          label={t('clients.dateOfBirth')}
          min="1900-01-01"
          max={clock.today()}
          {...form.getInputProps('dateOfBirth')}
        />
        <Checkbox
          mt={28}
          label={t('household.livesWithClient')}
          {...form.getInputProps('livesWithClient', { type: 'checkbox' })}
        />
      </SimpleGrid>
      <Textarea label={t('household.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
    </ModalForm>
  );
}

function ContactModal({
  clientId,
  contact,
  onClose,
  onRecord,
}: {
  clientId: number;
  contact: KeyContact | null;
  onClose: () => void;
  onRecord: (r: ClientRecord) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: {
      role: contact?.role ?? '',
      roleDetail: contact?.roleDetail ?? '',
      name: contact?.name ?? '',
      organisation: contact?.organisation ?? '',
      phone: contact?.phone ?? '',
      email: contact?.email ?? '',
      note: contact?.note ?? '',
    },
    validate: (v) => ({
      ...translatedFields(t, keyContactRules(v)),
      ...schemaValidator(keyContactInputSchema, t)({ ...v, role: v.role || undefined }),
    }),
  });
  const save = form.onSubmit((v) =>
    submit(
      () =>
        invoke('household.saveContact', {
          clientId,
          id: contact?.id ?? null,
          contact: { ...v, role: v.role as KeyContact['role'] },
        }),
      {
        form,
        fieldPrefix: 'contact.',
        onOk: (r) => {
          onRecord(r);
          onClose();
        },
      },
    ),
  );
  return (
    <ModalForm
      opened
      title={contact ? t('contacts.edit') : t('contacts.add')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
    >
      <SimpleGrid cols={2}>
        <Select
          label={t('contacts.role')}
          required
          data-autofocus
          data={KEY_CONTACT_ROLES.map((r) => ({ value: r, label: t(`contacts.roles.${r}`) }))}
          {...form.getInputProps('role')}
        />
        {form.values.role === 'other' && (
          <TextInput label={t('contacts.roleDetail')} maxLength={100} {...form.getInputProps('roleDetail')} />
        )}
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={t('contacts.name')} maxLength={100} {...form.getInputProps('name')} />
        <TextInput label={t('contacts.organisation')} maxLength={200} {...form.getInputProps('organisation')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={t('clients.phone')} type="tel" maxLength={40} {...form.getInputProps('phone')} />
        <TextInput label={t('clients.email')} type="email" maxLength={254} {...form.getInputProps('email')} />
      </SimpleGrid>
      <Textarea label={t('contacts.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
    </ModalForm>
  );
}
