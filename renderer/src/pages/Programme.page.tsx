import { ActionIcon, Anchor, Badge, Button, Group, Loader, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeEnded, type ProgrammeDetail, type ProgrammeSession } from '../../../shared/domain/programme';
import type { Result } from '../../../shared/result';
import { invoke } from '../api';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { Section } from '../components/Section/Section';
import { WaitingList } from './programme/WaitingList';
import { errorSentence } from '../errors';
import { formatDate } from '../format';
import { useCan } from '../session';
import { AttendanceFiguresGrid } from './programme/ProgrammeFigures';
import * as clock from '../clock';
import { useGo } from '../navigation';
import { AddSessionsModal } from './programme/AddSessionsModal';
import { EditSessionModal } from './programme/EditSessionModal';
import { CancelSessionModal } from './programme/CancelSessionModal';
import { RegistrationQuestionsModal } from './programme/RegistrationQuestions';
import { RegisterModal } from './programme/RegisterModal';
import { programmeDates } from './programme/programmeDates';

type ModalState =
  | { kind: 'add' }
  | { kind: 'edit'; session: ProgrammeSession }
  | { kind: 'cancel'; session: ProgrammeSession }
  | { kind: 'register' }
  | { kind: 'questions'; member: ProgrammeDetail['members'][number] };

/** One programme: what it is, its sessions (each with its register), who is on the list, and attendance so far. */
export function ProgrammePage({ id }: { id: number }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [detail, setDetail] = useState<ProgrammeDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [modal, setModal] = useState<ModalState | null>(null);
  const today = clock.today();
  useEffect(() => {
    void invoke('programmes.get', { id }).then((r) =>
      r.ok ? setDetail(r.value) : setError(errorSentence(t, r.error)),
    );
  }, [id, t]);
  if (!detail) return error ? <FormAlert message={error} /> : <Loader aria-label={t('common.loading')} />;
  const { programme: p, sessions, members, figures } = detail;
  const ended = programmeEnded(p, today);
  const changed = (d: ProgrammeDetail) => {
    setDetail(d);
    setModal(null);
  };
  const run = async (call: () => Promise<Result<ProgrammeDetail>>, message: string) => {
    setError(null);
    const r = await call();
    if (!r.ok) return setError(errorSentence(t, r.error));
    setDetail(r.value);
    notifications.show({ color: 'green', message });
  };
  const remove = (s: ProgrammeSession) =>
    modals.openConfirmModal({
      title: t('sessions.remove'),
      children: <Text size="sm">{t('sessions.removeConfirm', { date: formatDate(s.heldOn, i18n.language) })}</Text>,
      labels: { confirm: t('sessions.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void run(() => invoke('sessions.remove', { id: s.id }), t('sessions.saved')),
    });
  const unregister = (m: ProgrammeDetail['members'][number]) =>
    modals.openConfirmModal({
      title: t('programmes.unregister'),
      children: <Text size="sm">{t('programmes.unregisterConfirm', { name: m.name, programme: p.name })}</Text>,
      labels: { confirm: t('programmes.unregister'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void run(
          () => invoke('programmes.unregister', { programmeId: p.id, clientId: m.clientId }),
          t('programmes.saved'),
        ),
    });

  return (
    <Stack maw={1100}>
      <Anchor component="button" onClick={() => go({ name: 'programmes' })} w="fit-content">
        ← {t('programmes.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={1} size="h2">
              {p.name}
            </Title>
            <Badge variant="light">{t(`programmes.kinds.${p.kind}`)}</Badge>
            {ended && (
              <Badge color="gray" variant="filled">
                {t('programmes.ended')}
              </Badge>
            )}
          </Group>
          <Text>{programmeDates(t, p, i18n.language)}</Text>
          {p.venue && <Text c="dimmed">{p.venue}</Text>}
          {p.facilitators.length > 0 && (
            <Text c="dimmed">
              {t('programmes.facilitators')}: {p.facilitators.join(', ')}
            </Text>
          )}
          <Text size="sm">
            {p.capacity
              ? t('programmes.capacityOf', { registered: p.registered, capacity: p.capacity })
              : t('programmes.noLimit', { registered: p.registered })}
          </Text>
          {p.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} maw={700}>
              {p.description}
            </Text>
          )}
        </Stack>
        {can('programmes.save') && (
          <Button variant="default" onClick={() => go({ name: 'programmeEdit', id: p.id })}>
            {t('programmes.edit')}
          </Button>
        )}
      </Group>
      <FormAlert message={error} />

      <Section title={t('programmes.figuresTitle')}>
        <AttendanceFiguresGrid figures={figures} />
      </Section>

      <Section
        title={t('programmes.sessionsTitle')}
        action={
          can('sessions.add') &&
          !ended && <Button onClick={() => setModal({ kind: 'add' })}>{t('sessions.add')}</Button>
        }
      >
        {sessions.length === 0 ? (
          <Text c="dimmed">{t('programmes.noSessions')}</Text>
        ) : (
          <Table striped aria-label={t('programmes.sessionsTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessions.date')}</Table.Th>
                <Table.Th>{t('sessions.time')}</Table.Th>
                <Table.Th>{t('programmes.venue')}</Table.Th>
                <Table.Th>{t('sessions.facilitator')}</Table.Th>
                <Table.Th>{t('sessions.came')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((s) => (
                <Table.Tr
                  key={s.id}
                  style={s.heldOn === today ? { background: 'var(--mantine-color-yellow-0)' } : undefined}
                >
                  <Table.Td>
                    <Text span td={s.cancelled ? 'line-through' : undefined}>
                      {formatDate(s.heldOn, i18n.language)}
                    </Text>
                    {s.cancelled && (
                      <Badge ml="xs" size="sm" color="red" variant="light" title={s.cancelReason ?? ''}>
                        {t('sessions.cancelled')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{s.endsAt ? `${s.startsAt}–${s.endsAt}` : s.startsAt}</Table.Td>
                  <Table.Td>{s.venue}</Table.Td>
                  <Table.Td>{s.facilitator}</Table.Td>
                  <Table.Td>
                    {s.heldOn <= today && !s.cancelled
                      ? s.headcount
                        ? t('sessions.cameCount', { present: s.present, headcount: s.headcount })
                        : s.present
                      : ''}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {!s.cancelled && (
                        <Button
                          size="xs"
                          variant={s.heldOn === today ? 'filled' : 'light'}
                          onClick={() => go({ name: 'register', id: s.id })}
                          aria-label={`${t('sessions.open')}: ${formatDate(s.heldOn, i18n.language)}`}
                        >
                          {t('sessions.open')}
                        </Button>
                      )}
                      {can('sessions.update') && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              aria-label={`${t('common.actions')}: ${formatDate(s.heldOn, i18n.language)}`}
                            >
                              ⋯
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setModal({ kind: 'edit', session: s })}>
                              {t('sessions.edit')}
                            </Menu.Item>
                            {s.cancelled ? (
                              <Menu.Item
                                onClick={() =>
                                  void run(
                                    () =>
                                      invoke('sessions.setCancelled', {
                                        id: s.id,
                                        version: s.version,
                                        cancelled: false,
                                      }),
                                    t('sessions.saved'),
                                  )
                                }
                              >
                                {t('sessions.reinstate')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item onClick={() => setModal({ kind: 'cancel', session: s })}>
                                {t('sessions.cancel')}
                              </Menu.Item>
                            )}
                            <Menu.Item color="red" onClick={() => remove(s)}>
                              {t('sessions.remove')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section
        title={t('programmes.membersTitle')}
        action={
          can('programmes.register') &&
          !ended && <Button onClick={() => setModal({ kind: 'register' })}>{t('programmes.registerClient')}</Button>
        }
      >
        {members.length === 0 ? (
          <Text c="dimmed">{t('programmes.noMembers')}</Text>
        ) : (
          <Table striped aria-label={t('programmes.membersTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes.name')}</Table.Th>
                <Table.Th>{t('clients.reference')}</Table.Th>
                <Table.Th>{t('programmes.registeredOn')}</Table.Th>
                <Table.Th>{t('programmes.attended')}</Table.Th>
                {detail.formsAsked > 0 && <Table.Th>{t('programmes.questions')}</Table.Th>}
                {can('programmes.unregister') && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.clientId}>
                  <Table.Td>
                    <Anchor component="button" onClick={() => go({ name: 'client', id: m.clientId, tab: 'helpGiven' })}>
                      {m.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.reference}</Table.Td>
                  <Table.Td>{formatDate(m.registeredOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    {t('programmes.attendedOf', { attended: m.attended, held: figures.sessionsHeld })}
                  </Table.Td>
                  {detail.formsAsked > 0 && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {m.formsFilled < detail.formsAsked && (
                          <Badge color="orange" variant="light">
                            {t('programmes.questionsToAnswer')}
                          </Badge>
                        )}
                        {can('programmes.answerRegistration') && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setModal({ kind: 'questions', member: m })}
                            aria-label={`${t('programmes.questions')}: ${m.name}`}
                          >
                            {t('programmes.questions')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                  {can('programmes.unregister') && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => unregister(m)}
                        aria-label={`${t('programmes.unregister')}: ${m.name}`}
                      >
                        {t('programmes.unregister')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      {can('incoming.forProgramme') && <WaitingList programmeId={p.id} members={members.length} />}

      {modal?.kind === 'add' && <AddSessionsModal detail={detail} onClose={() => setModal(null)} onDone={changed} />}
      {modal?.kind === 'edit' && (
        <EditSessionModal session={modal.session} onClose={() => setModal(null)} onDone={changed} />
      )}
      {modal?.kind === 'cancel' && (
        <CancelSessionModal session={modal.session} onClose={() => setModal(null)} onDone={changed} />
      )}
      {modal?.kind === 'questions' && (
        <RegistrationQuestionsModal
          detail={detail}
          member={modal.member}
          onClose={() => setModal(null)}
          onDone={(d) => {
            changed(d);
            notifications.show({ color: 'green', message: t('programmes.answersSaved') });
          }}
        />
      )}
      {modal?.kind === 'register' && (
        <RegisterModal detail={detail} onClose={() => setModal(null)} onDone={setDetail} />
      )}
    </Stack>
  );
}
