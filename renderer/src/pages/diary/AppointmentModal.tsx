import { Anchor, Badge, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, AppointmentOutcome } from '../../../../shared/domain/appointment';
import { invoke } from '../../api';
import * as clock from '../../clock';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { formatDate, formatDateTime } from '../../format';
import { useGo } from '../../navigation';
import { useCan } from '../../session';
import { useChannel } from '../../useChannel';
import { useSubmit } from '../../useSubmit';
import { BookAppointmentModal } from './BookAppointmentModal';

const OUTCOME_COLOUR: Record<AppointmentOutcome, string> = { booked: 'gray', attended: 'green', missed: 'red' };

export function OutcomeBadge({ a, clientId, size }: { a: Appointment; clientId?: number; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  if (a.cancelled)
    return (
      <Badge color="gray" size={size}>
        {t('diary.cancelled')}
      </Badge>
    );
  const outcomes = a.clients.filter((c) => clientId === undefined || c.clientId === clientId).map((c) => c.outcome);
  const shown = outcomes.includes('missed') ? 'missed' : outcomes.includes('attended') ? 'attended' : 'booked';
  if (shown === 'booked') return null;
  return (
    <Badge color={OUTCOME_COLOUR[shown]} size={size}>
      {t(`diary.outcomes.${shown}`)}
    </Badge>
  );
}

/** Who it is with: people from the charity, and the agency with its contact. */
export function withWhom(a: Appointment): string {
  const agency = a.agencyName ? [a.agencyContact ? `${a.agencyName} (${a.agencyContact})` : a.agencyName] : [];
  return [...a.staff.map((s) => s.name), ...agency].join(', ');
}

/**
 * One appointment: when, where, with whom, and for each client whether they came. From here the
 * note is written ("Attended" opens it filled in), a no-show is recorded, the letter is made from
 * the appointment itself, and it is changed or cancelled.
 */
export function AppointmentModal({
  id,
  onClose,
  onChanged,
}: {
  id: number;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const go = useGo();
  const can = useCan();
  const { data: a, error, replace, reload } = useChannel('diary.get', { id });
  const [changing, setChanging] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const { busy, error: actionError, submit } = useSubmit();
  const today = clock.today();

  if (changing && a)
    return (
      <BookAppointmentModal
        appointment={a}
        date={a.date}
        onClose={() => setChanging(false)}
        onDone={() => {
          setChanging(false);
          onChanged();
          onClose();
        }}
      />
    );
  if (cancelling && a)
    return (
      <CancelModal
        a={a}
        onClose={() => setCancelling(false)}
        onDone={(x) => {
          replace(x);
          setCancelling(false);
          onChanged();
        }}
      />
    );

  const outcome = (clientId: number, o: AppointmentOutcome) =>
    submit(() => invoke('diary.setOutcome', { id, clientId, outcome: o }), {
      onOk: (x) => {
        replace(x);
        onChanged();
      },
    });

  const title = a
    ? `${t(`diary.kinds.${a.kind}`)}, ${formatDate(a.date, i18n.language)}, ${a.startsAt}–${a.endsAt}`
    : t('common.loading');
  const past = a ? a.date <= today : false;
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      {error && <FormAlert message={error} />}
      {!a && !error && <Loader aria-label={t('common.loading')} />}
      {a && (
        <Stack>
          <Group gap="xs">
            <OutcomeBadge a={a} />
            {a.seriesId !== null && <Badge variant="outline">{t('diary.partOfRun')}</Badge>}
          </Group>
          {a.cancelled && a.cancelReason && (
            <Text size="sm">{t('diary.cancelledBecause', { reason: a.cancelReason })}</Text>
          )}
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              {withWhom(a) && (
                <Table.Tr>
                  <Table.Th w={180}>{t('diary.with')}</Table.Th>
                  <Table.Td>{withWhom(a)}</Table.Td>
                </Table.Tr>
              )}
              {a.place && (
                <Table.Tr>
                  <Table.Th>{t('diary.place')}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{a.place}</Table.Td>
                </Table.Tr>
              )}
              {a.room && (
                <Table.Tr>
                  <Table.Th>{t('diary.room')}</Table.Th>
                  <Table.Td>{a.room}</Table.Td>
                </Table.Tr>
              )}
              {a.backBy && (
                <Table.Tr>
                  <Table.Th>{t('diary.backBy')}</Table.Th>
                  <Table.Td>
                    {a.backSafelyAt
                      ? t('diary.backSafelyAt', {
                          time: formatDateTime(a.backSafelyAt, i18n.language),
                          name: a.backSafelyByName ?? '',
                        })
                      : t('diary.expectedBack', { time: a.backBy })}
                  </Table.Td>
                </Table.Tr>
              )}
              {a.note && (
                <Table.Tr>
                  <Table.Th>{t('diary.note')}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{a.note}</Table.Td>
                </Table.Tr>
              )}
              {a.bookedByName && (
                <Table.Tr>
                  <Table.Th>{t('diary.bookedBy')}</Table.Th>
                  <Table.Td>{a.bookedByName}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Table aria-label={t('diary.clients')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('diary.client')}</Table.Th>
                <Table.Th>{t('diary.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.clients.map((c) => (
                <Table.Tr key={c.clientId}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      onClick={() => go({ name: 'client', id: c.clientId, tab: 'appointments' })}
                    >
                      {c.name} ({c.reference})
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`diary.outcomes.${c.outcome}`)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {!a.cancelled && past && c.outcome === 'booked' && (
                        <>
                          <Button
                            size="xs"
                            color="green"
                            aria-label={t('diary.attendedName', { name: c.name })}
                            onClick={() => go({ name: 'clientNote', id: c.clientId, appointmentId: a.id })}
                          >
                            {t('diary.attended')}
                          </Button>
                          <Button
                            size="xs"
                            color="red"
                            variant="light"
                            loading={busy}
                            aria-label={t('diary.missedName', { name: c.name })}
                            onClick={() => outcome(c.clientId, 'missed')}
                          >
                            {t('diary.missed')}
                          </Button>
                        </>
                      )}
                      {c.noteId !== null && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => go({ name: 'clientNote', id: c.clientId, noteId: c.noteId! })}
                        >
                          {t('diary.openNote')}
                        </Button>
                      )}
                      {!a.cancelled && c.outcome !== 'booked' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={t('diary.notYetKnownName', { name: c.name })}
                          onClick={() => outcome(c.clientId, 'booked')}
                        >
                          {t('diary.notYetKnown')}
                        </Button>
                      )}
                      {!a.cancelled && a.date >= today && can('letters.keep') && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('diary.writeLetterName', { name: c.name })}
                          onClick={() => go({ name: 'clientLetter', id: c.clientId, appointmentId: a.id })}
                        >
                          {t('diary.writeLetter')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {a.hiddenClients > 0 && (
            <Text size="sm" c="dimmed">
              {t('diary.hiddenClients', { count: a.hiddenClients })}
            </Text>
          )}
          {actionError && <FormAlert message={actionError} />}
          {!a.cancelled && a.hiddenClients === 0 && (
            <Group justify="flex-end">
              {a.kind === 'homeVisit' && !a.backSafelyAt && a.date <= today && (
                <Button
                  color="green"
                  onClick={() =>
                    submit(() => invoke('diary.backSafely', { id: a.id }), {
                      onOk: () => {
                        notifications.show({ color: 'green', message: t('diary.backSafelyDone') });
                        reload();
                        onChanged();
                      },
                    })
                  }
                >
                  {t('diary.backSafely')}
                </Button>
              )}
              <Button variant="default" onClick={() => setChanging(true)}>
                {t('diary.change')}
              </Button>
              <Button color="red" variant="light" onClick={() => setCancelling(true)}>
                {t('diary.cancel')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}

function CancelModal({
  a,
  onClose,
  onDone,
}: {
  a: Appointment;
  onClose: () => void;
  onDone: (a: Appointment) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const [reason, setReason] = useState('');
  const [laterToo, setLaterToo] = useState(false);
  return (
    <ModalForm
      opened
      title={t('diary.cancelTitle')}
      onClose={onClose}
      busy={busy}
      error={error}
      color="red"
      label={t('diary.cancel')}
      onSubmit={(e) => {
        e?.preventDefault();
        void submit(() => invoke('diary.cancel', { id: a.id, version: a.version, reason: reason || null, laterToo }), {
          onOk: (x) => {
            notifications.show({ color: 'green', message: t('diary.cancelDone') });
            onDone(x);
          },
        });
      }}
    >
      <Textarea
        label={t('diary.cancelReason')}
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        data-autofocus
      />
      {a.laterInSeries > 0 && (
        <Checkbox
          label={t('diary.laterToo', { count: a.laterInSeries })}
          checked={laterToo}
          onChange={(e) => setLaterToo(e.currentTarget.checked)}
        />
      )}
    </ModalForm>
  );
}
