import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supportRemoveSchema, type SupportGiven } from '../../../../shared/domain/support';
import { invoke } from '../../api';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { SupportModal } from '../../components/SupportForm/SupportForm';
import { SupportTable } from '../../components/SupportTable/SupportTable';
import { schemaValidator } from '../../errors';
import { formatDate } from '../../format';
import { useCan } from '../../session';
import { useSubmit } from '../../useSubmit';
import { useChannel } from '../../useChannel';
import { useGo } from '../../navigation';

/** The client's groups and practical help: programmes they are on, sessions they came to, help given. */
export function SupportTab({ clientId, clientName }: { clientId: number; clientName: string }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const attended = useChannel('programmes.forClient', { clientId });
  const programmes = attended.data;
  const support = useChannel('support.forClient', { clientId });
  const { data: given, replace: setGiven } = support;
  const error = attended.error ?? support.error;
  const [recording, setRecording] = useState(false);
  const [removing, setRemoving] = useState<SupportGiven | null>(null);

  if (error) return <FormAlert message={error} />;
  if (!programmes || !given) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack>
      <Stack gap="xs" component="section" aria-label={t('support.title')}>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('support.title')}
          </Title>
          {can('support.give') && <Button onClick={() => setRecording(true)}>{t('support.record')}</Button>}
        </Group>
        {given.length === 0 ? (
          <Text c="dimmed">{t('support.none')}</Text>
        ) : (
          <SupportTable
            items={given}
            label={t('support.title')}
            onRemove={can('support.remove') ? setRemoving : undefined}
          />
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-label={t('programmes.clientRegistered')}>
        <Title order={2} size="h4">
          {t('programmes.clientRegistered')}
        </Title>
        {programmes.registered.length === 0 && programmes.attended.length === 0 && (
          <Text c="dimmed">{t('programmes.clientNone')}</Text>
        )}
        <Group gap="xs">
          {programmes.registered.map((p) => (
            <Button
              key={p.programmeId}
              variant="light"
              size="xs"
              onClick={() => go({ name: 'programme', id: p.programmeId })}
              aria-label={t('programmes.openProgramme', { name: p.name })}
            >
              {p.name} · {t(`programmes.kinds.${p.kind}`)} · {formatDate(p.registeredOn, i18n.language)}
            </Button>
          ))}
        </Group>
      </Stack>
      {programmes.attended.length > 0 && (
        <Stack gap="xs" component="section" aria-label={t('programmes.clientAttended')}>
          <Title order={2} size="h4">
            {t('programmes.clientAttended')}
          </Title>
          <Table striped aria-label={t('programmes.clientAttended')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessions.date')}</Table.Th>
                <Table.Th>{t('sessions.time')}</Table.Th>
                <Table.Th>{t('programmes.programme')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {programmes.attended.map((a) => (
                <Table.Tr key={a.sessionId}>
                  <Table.Td>{formatDate(a.heldOn, i18n.language)}</Table.Td>
                  <Table.Td>{a.startsAt}</Table.Td>
                  <Table.Td>
                    <Anchor component="button" onClick={() => go({ name: 'session', id: a.sessionId })}>
                      {a.programmeName}
                    </Anchor>
                    {a.walkIn && (
                      <Badge ml="xs" size="sm" variant="outline" color="gray">
                        {t('programmes.walkIn')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {recording && (
        <SupportModal
          clientId={clientId}
          clientName={clientName}
          onClose={() => setRecording(false)}
          onSaved={(list) => {
            setGiven(list);
            setRecording(false);
          }}
        />
      )}
      {removing && (
        <RemoveSupportModal
          item={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(list) => {
            setGiven(list);
            setRemoving(null);
          }}
        />
      )}
    </Stack>
  );
}

function RemoveSupportModal({
  item,
  onClose,
  onRemoved,
}: {
  item: SupportGiven;
  onClose: () => void;
  onRemoved: (list: SupportGiven[]) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { id: item.id, reason: '' },
    validate: schemaValidator(supportRemoveSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('support.remove', v), {
      form,
      onOk: (list) => {
        notifications.show({ color: 'green', message: t('support.removed') });
        onRemoved(list);
      },
    }),
  );
  return (
    <ModalForm
      opened
      title={t('support.removeTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('support.remove')}
    >
      <Textarea
        label={t('support.removeReason')}
        required
        autosize
        minRows={2}
        maxLength={500}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </ModalForm>
  );
}
