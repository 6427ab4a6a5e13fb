import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { helpGivenRemoveSchema, type HelpGiven } from '../../../../shared/domain/helpGiven';
import { invoke } from '../../api';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { GiveHelpModal } from '../../components/HelpGivenForm/HelpGivenForm';
import { HelpGivenTable } from '../../components/HelpGivenTable/HelpGivenTable';
import { schemaValidator } from '../../errors';
import { formatDate } from '../../format';
import { useCan } from '../../session';
import { useSubmit } from '../../useSubmit';
import { useChannel } from '../../useChannel';
import { useGo } from '../../navigation';

/** The client's groups and practical help: programmes they are on, sessions they came to, help given. */
export function HelpGivenTab({ clientId, clientName }: { clientId: number; clientName: string }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const attended = useChannel('programmes.forClient', { clientId });
  const programmes = attended.data;
  const support = useChannel('helpGiven.forClient', { clientId });
  const { data: given, replace: setGiven } = support;
  const error = attended.error ?? support.error;
  const [recording, setRecording] = useState(false);
  const [removing, setRemoving] = useState<HelpGiven | null>(null);

  if (error) return <FormAlert message={error} />;
  if (!programmes || !given) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack>
      <Stack gap="xs" component="section" aria-label={t('helpGiven.title')}>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('helpGiven.title')}
          </Title>
          {can('helpGiven.give') && <Button onClick={() => setRecording(true)}>{t('helpGiven.record')}</Button>}
        </Group>
        {given.length === 0 ? (
          <Text c="dimmed">{t('helpGiven.none')}</Text>
        ) : (
          <HelpGivenTable
            items={given}
            label={t('helpGiven.title')}
            onRemove={can('helpGiven.remove') ? setRemoving : undefined}
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
                    <Anchor component="button" onClick={() => go({ name: 'register', id: a.sessionId })}>
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
        <GiveHelpModal
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
        <RemoveHelpGivenModal
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

function RemoveHelpGivenModal({
  item,
  onClose,
  onRemoved,
}: {
  item: HelpGiven;
  onClose: () => void;
  onRemoved: (list: HelpGiven[]) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { id: item.id, reason: '' },
    validate: schemaValidator(helpGivenRemoveSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('helpGiven.remove', v), {
      form,
      onOk: (list) => {
        notifications.show({ color: 'green', message: t('helpGiven.removed') });
        onRemoved(list);
      },
    }),
  );
  return (
    <ModalForm
      opened
      title={t('helpGiven.removeTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('helpGiven.remove')}
    >
      <Textarea
        label={t('helpGiven.removeReason')}
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
