import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProgrammeDetail } from '../../../../shared/domain/programme';
import type { AnswerInput } from '../../../../shared/domain/customField';
import { RegistrationQuestions } from './RegistrationQuestions';
import type { ClientSummary } from '../../../../shared/domain/client';
import { invoke } from '../../api';
import { ClientFinder } from '../../components/ClientFinder/ClientFinder';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { errorSentence } from '../../errors';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';

/**
 * Finding a client and putting them on the list; a full programme asks before going over. When the
 * charity asks questions with each registration on this programme, choosing the person leads to
 * them, and they are registered with their answers.
 */
export function RegisterModal({
  detail,
  onClose,
  onDone,
}: {
  detail: ProgrammeDetail;
  onClose: () => void;
  onDone: (d: ProgrammeDetail) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [registeredOn, setRegisteredOn] = useState(clock.today());
  const [asking, setAsking] = useState<{ client: ClientSummary; overCapacity: boolean } | null>(null);
  const p = detail.programme;
  const nameOf = (c: ClientSummary) => `${c.firstName} ${c.lastName}`;
  const send = (c: ClientSummary, answers: AnswerInput[], overCapacity = false) =>
    invoke('programmes.register', { programmeId: p.id, clientId: c.id, registeredOn, overCapacity, answers });
  const registered = (c: ClientSummary, d: ProgrammeDetail) => {
    setAsking(null);
    onDone(d);
    notifications.show({ color: 'green', message: t('programmes.registeredSaved', { name: nameOf(c) }) });
  };
  const confirmFull = (c: ClientSummary, onConfirm: () => void) =>
    modals.openConfirmModal({
      title: t('programmes.fullTitle'),
      children: <Text size="sm">{t('programmes.fullConfirm', { capacity: p.capacity ?? '', name: nameOf(c) })}</Text>,
      labels: { confirm: t('programmes.registerAnyway'), cancel: t('common.cancel') },
      onConfirm,
    });
  const register = async (c: ClientSummary, overCapacity = false) => {
    setError(null);
    const r = await send(c, [], overCapacity);
    if (r.ok) return registered(c, r.value);
    if (r.error.fields?.overCapacity === 'programmeFull') return confirmFull(c, () => void register(c, true));
    setError(errorSentence(t, r.error));
  };
  // With questions to ask, a full programme asks first, then the questions.
  const choose = (c: ClientSummary) => {
    if (detail.formsAsked === 0) return void register(c);
    if (p.capacity !== null && detail.members.length >= p.capacity)
      return confirmFull(c, () => setAsking({ client: c, overCapacity: true }));
    setAsking({ client: c, overCapacity: false });
  };
  const title = t('programmes.registerTitle', { programme: p.name });
  if (asking)
    return (
      <Modal opened onClose={onClose} title={title} size="lg">
        <RegistrationQuestions
          programmeId={p.id}
          clientId={asking.client.id}
          name={nameOf(asking.client)}
          action={t('programmes.registerClient')}
          send={(answers) => send(asking.client, answers, asking.overCapacity)}
          onBack={() => setAsking(null)}
          onDone={(d) => registered(asking.client, d)}
        />
      </Modal>
    );
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack>
        <DateField
          label={t('programmes.registeredOn')}
          max={clock.today()}
          value={registeredOn}
          onChange={(v) => setRegisteredOn(v)}
          w={200}
        />
        <ClientFinder
          label={t('programmes.findClient')}
          hint={t('programmes.findClientHint')}
          autoFocus
          exclude={detail.members.map((m) => m.clientId)}
          action={{
            text: t('programmes.registerClient'),
            name: (c) => `${t('programmes.registerClient')}: ${c.firstName} ${c.lastName}`,
          }}
          onChoose={choose}
        />
        <Text size="sm" c="dimmed">
          {p.capacity
            ? t('programmes.capacityOf', { registered: detail.members.length, capacity: p.capacity })
            : t('programmes.noLimit', { registered: detail.members.length })}
        </Text>
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
