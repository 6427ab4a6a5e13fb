import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProgrammeDetail } from '../../../../shared/domain/programme';
import type { ClientSummary } from '../../../../shared/domain/client';
import { invoke } from '../../api';
import { ClientFinder } from '../../components/ClientFinder/ClientFinder';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { errorSentence } from '../../errors';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';

/** Finding a client and putting them on the list; a full programme asks before going over. */
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
  const p = detail.programme;
  const register = async (c: ClientSummary, overCapacity = false) => {
    setError(null);
    const name = `${c.firstName} ${c.lastName}`;
    const r = await invoke('programmes.register', { programmeId: p.id, clientId: c.id, registeredOn, overCapacity });
    if (r.ok) {
      onDone(r.value);
      notifications.show({ color: 'green', message: t('programmes.registeredSaved', { name }) });
      return;
    }
    if (r.error.fields?.overCapacity === 'programmeFull')
      return modals.openConfirmModal({
        title: t('programmes.fullTitle'),
        children: <Text size="sm">{t('programmes.fullConfirm', { capacity: p.capacity ?? '', name })}</Text>,
        labels: { confirm: t('programmes.registerAnyway'), cancel: t('common.cancel') },
        onConfirm: () => void register(c, true),
      });
    setError(errorSentence(t, r.error));
  };
  return (
    <Modal opened onClose={onClose} title={t('programmes.registerTitle', { programme: p.name })} size="lg">
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
          onChoose={(c) => void register(c)}
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
