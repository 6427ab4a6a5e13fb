import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  Loader,
  Menu,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_SESSIONS_AT_ONCE,
  programmeEnded,
  sessionCancelSchema,
  sessionDates,
  sessionInputSchema,
  sessionPatternRules,
  SESSION_REPEATS,
  WEEKDAYS,
  weekdayOf,
  type ProgrammeDetail,
  type ProgrammeSession,
  type SessionRepeat,
} from '../../../shared/domain/programme';
import type { ClientSummary } from '../../../shared/domain/client';
import { localeOf } from '../../../shared/domain/languages';
import { isIsoDate } from '../../../shared/domain/validation';
import type { Result } from '../../../shared/result';
import { invoke } from '../api';
import { ClientFinder } from '../components/ClientFinder/ClientFinder';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { ModalForm } from '../components/ModalForm/ModalForm';
import { Section } from '../components/Section/Section';
import { errorSentence, schemaValidator, translatedFields } from '../errors';
import { formatDate } from '../format';
import { useCan } from '../session';
import { useSubmit } from '../useSubmit';
import { AttendanceFiguresGrid, PeriodFigures } from './ProgrammeFigures';
import * as clock from '../clock';
import { DateField } from '../components/DateField/DateField';
import { TimeField } from '../components/DateField/TimeField';
import { useChannel } from '../useChannel';
import { useGo, usePageState } from '../navigation';

/** "From 1 Oct 2026" or "1 Oct 2026 – 31 Dec 2026". */
export function programmeDates(t: TFunction, p: { startsOn: string; endsOn: string | null }, lang: string): string {
  return p.endsOn
    ? `${formatDate(p.startsOn, lang)} – ${formatDate(p.endsOn, lang)}`
    : t('programmes.fromDate', { date: formatDate(p.startsOn, lang) });
}

/** The charity's programmes: running and planned first, with their next session and how full they are. */
export function ProgrammesPage() {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [show, setShow] = usePageState<'current' | 'ended' | 'all'>('show', 'current');
  const { data: items, error } = useChannel('programmes.list', { show });

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t('programmes.title')}
          </Title>
          <Text c="dimmed">{t('programmes.intro')}</Text>
        </Stack>
        {can('programmes.save') && <Button onClick={() => go({ name: 'programmeEdit' })}>{t('programmes.add')}</Button>}
      </Group>
      <SegmentedControl
        w="fit-content"
        aria-label={t('programmes.show')}
        value={show}
        onChange={(v) => setShow(v as typeof show)}
        data={(['current', 'ended', 'all'] as const).map((v) => ({ value: v, label: t(`programmes.shows.${v}`) }))}
      />
      <FormAlert message={error} />
      {!items ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('programmes.none')}</Text>
      ) : (
        <Table striped highlightOnHover aria-label={t('programmes.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programmes.name')}</Table.Th>
              <Table.Th>{t('programmes.kind')}</Table.Th>
              <Table.Th>{t('programmes.dates')}</Table.Th>
              <Table.Th>{t('programmes.nextSession')}</Table.Th>
              <Table.Th>{t('programmes.registered')}</Table.Th>
              <Table.Th>{t('programmes.sessionsHeld')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component="button" onClick={() => go({ name: 'programme', id: p.id })}>
                    {p.name}
                  </Anchor>
                  {p.venue && (
                    <Text size="xs" c="dimmed">
                      {p.venue}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`programmes.kinds.${p.kind}`)}</Table.Td>
                <Table.Td>{programmeDates(t, p, i18n.language)}</Table.Td>
                <Table.Td>
                  {p.nextSessionOn ? (
                    `${formatDate(p.nextSessionOn, i18n.language)}, ${p.nextSessionAt}`
                  ) : (
                    <Text span c="dimmed">
                      {t('programmes.noNextSession')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {p.capacity ? `${p.registered} / ${p.capacity}` : p.registered}{' '}
                  {p.capacity !== null && p.registered >= p.capacity && (
                    <Badge size="sm" color="orange" variant="light">
                      {t('programmes.full')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.sessionsHeld}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can('programmes.figures') && <PeriodFigures />}
    </Stack>
  );
}

type ModalState =
  | { kind: 'add' }
  | { kind: 'edit'; session: ProgrammeSession }
  | { kind: 'cancel'; session: ProgrammeSession }
  | { kind: 'register' };

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
                          onClick={() => go({ name: 'session', id: s.id })}
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
                {can('programmes.unregister') && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.clientId}>
                  <Table.Td>
                    <Anchor component="button" onClick={() => go({ name: 'client', id: m.clientId, tab: 'support' })}>
                      {m.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.reference}</Table.Td>
                  <Table.Td>{formatDate(m.registeredOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    {t('programmes.attendedOf', { attended: m.attended, held: figures.sessionsHeld })}
                  </Table.Td>
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

      {modal?.kind === 'add' && <AddSessionsModal detail={detail} onClose={() => setModal(null)} onDone={changed} />}
      {modal?.kind === 'edit' && (
        <EditSessionModal session={modal.session} onClose={() => setModal(null)} onDone={changed} />
      )}
      {modal?.kind === 'cancel' && (
        <CancelSessionModal session={modal.session} onClose={() => setModal(null)} onDone={changed} />
      )}
      {modal?.kind === 'register' && (
        <RegisterModal detail={detail} onClose={() => setModal(null)} onDone={setDetail} />
      )}
    </Stack>
  );
}

interface PatternForm {
  firstOn: string;
  startsAt: string;
  endsAt: string;
  repeat: SessionRepeat;
  weekdays: string[];
  until: string;
  count: number | string;
  venue: string;
  facilitator: string;
}

/** Weekday names in the interface language, Monday first: from the calendar, not from the catalog. */
function weekdayNames(lang: string): string[] {
  const f = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return WEEKDAYS.map((d) => f.format(new Date(Date.UTC(2024, 0, d))));
}

function AddSessionsModal({
  detail,
  onClose,
  onDone,
}: {
  detail: ProgrammeDetail;
  onClose: () => void;
  onDone: (d: ProgrammeDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const p = detail.programme;
  const first = p.startsOn > clock.today() ? p.startsOn : clock.today();
  const form = useForm<PatternForm>({
    initialValues: {
      firstOn: first,
      startsAt: '18:00',
      endsAt: '',
      repeat: 'weekly',
      weekdays: [],
      until: p.endsOn ?? '',
      count: '',
      venue: '',
      facilitator: '',
    },
    validate: (v) => {
      const rules = sessionPatternRules({
        ...v,
        endsAt: v.endsAt || null,
        until: v.until || null,
        count: v.count === '' ? null : Number(v.count),
      });
      const fields = translatedFields(t, rules);
      if (!isIsoDate(v.firstOn)) fields['firstOn'] = t('validation.invalidDate');
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.startsAt)) fields['startsAt'] = t('validation.invalidTime');
      return fields;
    },
  });
  const v = form.values;
  const pattern = useMemo(
    () => ({
      firstOn: v.firstOn,
      repeat: v.repeat,
      weekdays: v.weekdays.map(Number),
      until: v.until || null,
      count: v.count === '' ? null : Number(v.count),
    }),
    [v.firstOn, v.repeat, v.weekdays, v.until, v.count],
  );
  const dates = useMemo(
    () =>
      isIsoDate(pattern.firstOn) && (pattern.repeat === 'once' || pattern.until || pattern.count)
        ? sessionDates(pattern, p.endsOn)
        : null,
    [pattern, p.endsOn],
  );
  const names = weekdayNames(i18n.language);
  const save = form.onSubmit((x) =>
    submit(
      () =>
        invoke('sessions.add', {
          programmeId: p.id,
          pattern: {
            ...x,
            weekdays: x.weekdays.map(Number),
            endsAt: x.endsAt || null,
            until: x.until || null,
            count: x.count === '' ? null : Number(x.count),
          },
        }),
      {
        form,
        fieldPrefix: 'pattern.',
        onOk: (r) => {
          notifications.show({
            color: 'green',
            message: [
              t('sessions.added', { count: r.added }),
              r.skipped ? t('sessions.skipped', { count: r.skipped }) : '',
            ].join(' '),
          });
          onDone(r.detail);
        },
      },
    ),
  );
  const list = (ds: string[]) => ds.map((d) => formatDate(d, i18n.language));
  return (
    <ModalForm opened title={t('sessions.addTitle')} onClose={onClose} onSubmit={save} busy={busy} error={error}>
      <SimpleGrid cols={3}>
        <DateField
          label={t('sessions.firstOn')}
          required
          min={p.startsOn}
          max={p.endsOn ?? undefined}
          data-autofocus
          {...form.getInputProps('firstOn')}
        />
        <TimeField label={t('sessions.startsAt')} required {...form.getInputProps('startsAt')} />
        <TimeField label={t('sessions.endsAt')} {...form.getInputProps('endsAt')} />
      </SimpleGrid>
      <Select
        label={t('sessions.repeat')}
        data={SESSION_REPEATS.map((r) => ({ value: r, label: t(`sessions.repeats.${r}`) }))}
        allowDeselect={false}
        {...form.getInputProps('repeat')}
      />
      {v.repeat !== 'once' && (
        <>
          {/* No day chosen means the first date's day, so changing the first date moves the run with it. */}
          <Chip.Group
            multiple
            value={v.weekdays.length ? v.weekdays : isIsoDate(v.firstOn) ? [String(weekdayOf(v.firstOn))] : []}
            onChange={(d) => form.setFieldValue('weekdays', d)}
          >
            <Group gap={6} role="group" aria-label={t('sessions.weekdays')}>
              <Text size="sm" fw={500}>
                {t('sessions.weekdays')}
              </Text>
              {WEEKDAYS.map((d) => (
                <Chip key={d} value={String(d)} size="sm">
                  {names[d - 1]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <SimpleGrid cols={2}>
            <DateField
              label={t('sessions.until')}
              description={t('sessions.untilHint')}
              min={v.firstOn}
              max={p.endsOn ?? undefined}
              {...form.getInputProps('until')}
            />
            <NumberInput
              label={t('sessions.count')}
              min={1}
              max={MAX_SESSIONS_AT_ONCE}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('count')}
            />
          </SimpleGrid>
        </>
      )}
      <SimpleGrid cols={2}>
        <TextInput
          label={t('programmes.venue')}
          description={t('sessions.venueHint')}
          maxLength={300}
          {...form.getInputProps('venue')}
        />
        <TextInput
          label={t('sessions.facilitator')}
          description={t('sessions.facilitatorHint')}
          maxLength={200}
          {...form.getInputProps('facilitator')}
        />
      </SimpleGrid>
      {dates && (
        <Text size="sm" c={dates.length === 0 || dates.length > MAX_SESSIONS_AT_ONCE ? 'red' : undefined} role="status">
          {dates.length === 0
            ? t('sessions.previewNone')
            : dates.length > MAX_SESSIONS_AT_ONCE
              ? t('validation.tooManySessions')
              : t('sessions.preview', {
                  count: dates.length,
                  dates:
                    dates.length <= 6
                      ? list(dates).join(', ')
                      : t('sessions.previewMore', {
                          list: list(dates.slice(0, 4)).join(', '),
                          last: list(dates.slice(-1))[0] ?? '',
                        }),
                })}
        </Text>
      )}
    </ModalForm>
  );
}

function EditSessionModal({
  session: s,
  onClose,
  onDone,
}: {
  session: ProgrammeSession;
  onClose: () => void;
  onDone: (d: ProgrammeDetail) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: {
      heldOn: s.heldOn,
      startsAt: s.startsAt,
      endsAt: s.endsAt ?? '',
      venue: s.venue ?? '',
      facilitator: s.facilitator ?? '',
      note: s.note ?? '',
    },
    validate: schemaValidator(sessionInputSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('sessions.update', { id: s.id, version: s.version, session: v }), {
      form,
      fieldPrefix: 'session.',
      onOk: (d) => {
        notifications.show({ color: 'green', message: t('sessions.saved') });
        onDone(d);
      },
    }),
  );
  return (
    <ModalForm opened title={t('sessions.editTitle')} onClose={onClose} onSubmit={save} busy={busy} error={error}>
      <SimpleGrid cols={3}>
        <DateField label={t('sessions.date')} required data-autofocus {...form.getInputProps('heldOn')} />
        <TimeField label={t('sessions.startsAt')} required {...form.getInputProps('startsAt')} />
        <TimeField label={t('sessions.endsAt')} {...form.getInputProps('endsAt')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={t('programmes.venue')} maxLength={300} {...form.getInputProps('venue')} />
        <TextInput label={t('sessions.facilitator')} maxLength={200} {...form.getInputProps('facilitator')} />
      </SimpleGrid>
      <Textarea label={t('sessions.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
    </ModalForm>
  );
}

function CancelSessionModal({
  session: s,
  onClose,
  onDone,
}: {
  session: ProgrammeSession;
  onClose: () => void;
  onDone: (d: ProgrammeDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { id: s.id, version: s.version, cancelled: true, reason: '' },
    validate: schemaValidator(sessionCancelSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('sessions.setCancelled', v), {
      form,
      onOk: (d) => {
        notifications.show({ color: 'green', message: t('sessions.saved') });
        onDone(d);
      },
    }),
  );
  return (
    <ModalForm
      opened
      title={t('sessions.cancelTitle', { date: formatDate(s.heldOn, i18n.language) })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('sessions.cancel')}
    >
      <Textarea
        label={t('sessions.cancelReason')}
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

/** Finding a client and putting them on the list; a full programme asks before going over. */
function RegisterModal({
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
