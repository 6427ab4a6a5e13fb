import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Select,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { LetterContent } from '../../../shared/domain/letter';
import { LetterSheet } from '../components/LetterSheet/LetterSheet';
import { usePrintable } from '../components/Printout/Printout';
import { useCharityLogo } from '../useCharityLogo';
import { useTranslation } from 'react-i18next';
import {
  INCOMING_SOURCES,
  incomingInputSchema,
  type Incoming,
  type IncomingInput,
} from '../../../shared/domain/incoming';
import { CLIENT_LANGUAGES } from '../../../shared/domain/languages';
import { REFERRAL_URGENCIES } from '../../../shared/domain/referral';
import type { Result } from '../../../shared/result';
import { invoke } from '../api';
import * as clock from '../clock';
import { DateField } from '../components/DateField/DateField';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { ModalForm } from '../components/ModalForm/ModalForm';
import { errorSentence, schemaValidator } from '../errors';
import { formatDate, languageName } from '../format';
import { useGo, usePageState } from '../navigation';
import { useChannel } from '../useChannel';
import { useSubmit } from '../useSubmit';
import { Field } from './client/Field';

type Show = 'open' | 'waiting' | 'closed';

/**
 * Referrals in: people referred to the charity (by a GP, the council, a school, or themselves)
 * before anyone has time to take them on. The coordinator logs each, then takes them in, declines,
 * or puts them on the waiting list, which is ordered by risk, urgency and time on the list.
 */
export function IncomingPage() {
  const { t } = useTranslation();
  const [show, setShow] = usePageState<Show>('show', 'open');
  const { data, error, reload } = useChannel('incoming.list', { show });
  const [logging, setLogging] = useState(false);
  const [open, setOpen] = useState<Incoming | null>(null);
  const due = data?.items.filter((i) => i.stillNeedDue).length ?? 0;
  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t('incoming.title')}
          </Title>
          <Text c="dimmed">{t('incoming.intro')}</Text>
        </Stack>
        <Button onClick={() => setLogging(true)}>{t('incoming.log')}</Button>
      </Group>
      <SegmentedControl
        w="fit-content"
        value={show}
        onChange={(v) => setShow(v as Show)}
        data={(['open', 'waiting', 'closed'] as const).map((v) => ({ value: v, label: t(`incoming.show.${v}`) }))}
      />
      {due > 0 && (
        <Alert color="yellow">{t('incoming.stillNeedDueCount', { count: due, days: data!.stillNeedDays })}</Alert>
      )}
      <FormAlert message={error} />
      {!data ? (
        <Loader aria-label={t('common.loading')} />
      ) : data.items.length === 0 ? (
        <Text c="dimmed">{t(`incoming.none.${show}`)}</Text>
      ) : (
        <IncomingTable items={data.items} onOpen={setOpen} />
      )}
      {logging && (
        <IncomingForm
          onClose={() => setLogging(false)}
          onSaved={(r) => {
            setLogging(false);
            reload();
            setOpen(r);
            notifications.show({ color: 'green', message: t('incoming.logged') });
          }}
        />
      )}
      {open && (
        <IncomingModal
          referral={open}
          onClose={() => setOpen(null)}
          onChanged={(r) => {
            reload();
            setOpen(r);
          }}
        />
      )}
    </Stack>
  );
}

/** The list, in the waiting list's order; each row opens the referral. */
export function IncomingTable({ items, onOpen }: { items: Incoming[]; onOpen: (r: Incoming) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped highlightOnHover aria-label={t('incoming.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('incoming.person')}</Table.Th>
          <Table.Th>{t('incoming.receivedOn')}</Table.Th>
          <Table.Th>{t('incoming.from')}</Table.Th>
          <Table.Th>{t('incoming.waitingFor')}</Table.Th>
          <Table.Th>{t('incoming.waited')}</Table.Th>
          <Table.Th>{t('incoming.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(r)}>
            <Table.Td>
              <Button
                variant="subtle"
                size="compact-sm"
                px={0}
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(r);
                }}
              >
                {r.firstName} {r.lastName}
              </Button>
              <Group gap={4}>
                {r.atRisk && (
                  <Badge color="red" size="xs">
                    {t('incoming.atRisk')}
                  </Badge>
                )}
                {r.urgency !== 'routine' && (
                  <Badge color={r.urgency === 'urgent' ? 'orange' : 'yellow'} size="xs" variant="light">
                    {t(`referrals.urgency.${r.urgency}`)}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>{formatDate(r.receivedOn, i18n.language)}</Table.Td>
            <Table.Td>
              {t(`incoming.sources.${r.source}`)}
              {r.referrerName ? `: ${r.referrerName}` : ''}
            </Table.Td>
            <Table.Td>{r.status === 'new' ? '' : (r.programmeName ?? t('incoming.ourSupport'))}</Table.Td>
            <Table.Td>{t('incoming.days', { count: r.daysWaited })}</Table.Td>
            <Table.Td miw={150}>
              <Group gap={4}>
                <StatusBadge referral={r} />
                {r.stillNeedDue && (
                  <Badge color="yellow" variant="outline">
                    {t('incoming.stillNeedDue')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const STATUS_COLOURS = {
  new: 'blue',
  waiting: 'grape',
  offered: 'teal',
  accepted: 'green',
  declined: 'gray',
  withdrawn: 'gray',
} as const;

function StatusBadge({ referral: r }: { referral: Incoming }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[r.status]} variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`incoming.statuses.${r.status}`)}
    </Badge>
  );
}

interface Draft {
  receivedOn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  postcode: string;
  preferredLanguage: string;
  reason: string;
  source: string;
  referrerName: string;
  referrerContact: string;
  urgency: string;
  atRisk: boolean;
  riskNote: string;
  consentToHold: boolean;
}

const toInput = (d: Draft): IncomingInput =>
  ({
    ...d,
    source: d.source || undefined,
    urgency: d.urgency || undefined,
    preferredLanguage: d.preferredLanguage || null,
    consentToHold: d.consentToHold || undefined,
  }) as IncomingInput;

/** Logging a referral in (or correcting one): the minimum to hold until someone can take them on. */
function IncomingForm({
  referral,
  onClose,
  onSaved,
}: {
  referral?: Incoming;
  onClose: () => void;
  onSaved: (r: Incoming) => void;
}) {
  const { t, i18n } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const r = referral;
  const form = useForm<Draft>({
    initialValues: {
      receivedOn: r?.receivedOn ?? clock.today(),
      firstName: r?.firstName ?? '',
      lastName: r?.lastName ?? '',
      dateOfBirth: r?.dateOfBirth ?? '',
      phone: r?.phone ?? '',
      email: r?.email ?? '',
      postcode: r?.postcode ?? '',
      preferredLanguage: r?.preferredLanguage ?? '',
      reason: r?.reason ?? '',
      source: r?.source ?? '',
      referrerName: r?.referrerName ?? '',
      referrerContact: r?.referrerContact ?? '',
      urgency: r?.urgency ?? 'routine',
      atRisk: r?.atRisk ?? false,
      riskNote: r?.riskNote ?? '',
      consentToHold: r !== undefined,
    },
    validate: (v) => schemaValidator(incomingInputSchema, t)(toInput(v)),
  });
  const save = form.onSubmit((v) =>
    submit(
      () =>
        r
          ? invoke('incoming.change', { id: r.id, version: r.version, referral: toInput(v) })
          : invoke('incoming.log', toInput(v)),
      { form, fieldPrefix: r ? 'referral.' : '', onOk: onSaved },
    ),
  );
  return (
    <ModalForm
      opened
      title={t(r ? 'incoming.changeTitle' : 'incoming.logTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('clients.firstName')} required data-autofocus {...form.getInputProps('firstName')} />
        <TextInput label={t('clients.lastName')} required {...form.getInputProps('lastName')} />
        <DateField label={t('incoming.receivedOn')} required {...form.getInputProps('receivedOn')} />
        <DateField label={t('clients.dateOfBirth')} {...form.getInputProps('dateOfBirth')} />
        <TextInput label={t('clients.phone')} {...form.getInputProps('phone')} />
        <TextInput label={t('clients.email')} {...form.getInputProps('email')} />
        <TextInput label={t('clients.postcode')} {...form.getInputProps('postcode')} />
        <Select
          label={t('clients.preferredLanguage')}
          clearable
          searchable
          data={CLIENT_LANGUAGES.map((c) => ({ value: c, label: languageName(c, i18n.language) }))}
          {...form.getInputProps('preferredLanguage')}
        />
      </SimpleGrid>
      <Textarea label={t('incoming.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('incoming.source')}
          required
          data={INCOMING_SOURCES.map((s) => ({ value: s, label: t(`incoming.sources.${s}`) }))}
          {...form.getInputProps('source')}
        />
        <TextInput
          label={t('incoming.referrerName')}
          description={t('incoming.referrerNameHint')}
          {...form.getInputProps('referrerName')}
        />
        <Select
          label={t('referrals.urgencyLabel')}
          required
          allowDeselect={false}
          data={REFERRAL_URGENCIES.map((u) => ({ value: u, label: t(`referrals.urgency.${u}`) }))}
          {...form.getInputProps('urgency')}
        />
      </SimpleGrid>
      <Textarea
        label={t('incoming.referrerContact')}
        description={t('incoming.referrerContactHint')}
        autosize
        minRows={2}
        {...form.getInputProps('referrerContact')}
      />
      <Checkbox label={t('incoming.atRiskCheck')} {...form.getInputProps('atRisk', { type: 'checkbox' })} />
      {form.values.atRisk && (
        <Textarea label={t('incoming.riskNote')} required autosize {...form.getInputProps('riskNote')} />
      )}
      <Checkbox
        label={t('incoming.consentToHold')}
        description={t('incoming.consentToHoldHint')}
        {...form.getInputProps('consentToHold', { type: 'checkbox' })}
      />
    </ModalForm>
  );
}

/** One referral: what it says, and what can be done with it now. */
function IncomingModal({
  referral: r,
  onClose,
  onChanged,
}: {
  referral: Incoming;
  onClose: () => void;
  onChanged: (r: Incoming) => void;
}) {
  const { t, i18n } = useTranslation();
  const go = useGo();
  const [doing, setDoing] = useState<'change' | 'waitlist' | 'decline' | 'stillNeed' | 'reply' | null>(null);
  const [logo] = useCharityLogo();
  const [saving, setSaving] = useState(false);
  // File › Print prints the letter to the referrer while it is shown.
  const printing = usePrintable(r.reply ? () => invoke('incoming.replyPrint', { id: r.id }) : null);
  const saveReply = async () => {
    setSaving(true);
    setError(null);
    const res = await invoke('incoming.replySavePdf', { id: r.id });
    setSaving(false);
    if (res.ok) notifications.show({ color: 'green', message: t('letters.saved', { path: res.value.path }) });
    else if (res.error.code !== 'CANCELLED') setError(errorSentence(t, res.error));
  };
  const [error, setError] = useState<string | null>(null);
  const act = async (call: Promise<Result<Incoming>>, said: string) => {
    setError(null);
    const res = await call;
    if (!res.ok) return setError(errorSentence(t, res.error));
    setDoing(null);
    notifications.show({ color: 'green', message: said });
    onChanged(res.value);
  };
  const isOpen = r.status === 'new' || r.status === 'waiting' || r.status === 'offered';
  const name = `${r.firstName} ${r.lastName}`;
  if (doing === 'change')
    return <IncomingForm referral={r} onClose={() => setDoing(null)} onSaved={(x) => void onChanged(x)} />;
  if (doing === 'waitlist')
    return (
      <WaitlistModal
        referral={r}
        onClose={() => setDoing(null)}
        onSaved={(x) => {
          setDoing(null);
          notifications.show({ color: 'green', message: t('incoming.waitlisted', { name }) });
          onChanged(x);
        }}
      />
    );
  if (doing === 'decline' || doing === 'stillNeed')
    return (
      <ReasonModal
        referral={r}
        kind={doing}
        onClose={() => setDoing(null)}
        onSaved={(x) => {
          // Declined: the letter back to the referrer is written next.
          setDoing(x.status === 'declined' ? 'reply' : null);
          onChanged(x);
        }}
      />
    );
  if (doing === 'reply')
    return (
      <ReplyModal
        referral={r}
        onClose={() => setDoing(null)}
        onSaved={(x) => {
          setDoing(null);
          notifications.show({ color: 'green', message: t('incoming.replyKept') });
          onChanged(x);
        }}
      />
    );
  return (
    <Modal opened title={name} onClose={onClose} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <FormAlert message={error} />
        <Group gap="xs">
          <StatusBadge referral={r} />
          {r.atRisk && <Badge color="red">{t('incoming.atRisk')}</Badge>}
          <Badge variant="light">{t(`referrals.urgency.${r.urgency}`)}</Badge>
          <Text size="sm" c="dimmed">
            {t('incoming.waitedSentence', { count: r.daysWaited, on: formatDate(r.receivedOn, i18n.language) })}
          </Text>
        </Group>
        {r.stillNeedDue && <Alert color="yellow">{t('incoming.stillNeedPrompt', { name })}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('incoming.reason')} value={r.reason} />
          {r.atRisk && <Field label={t('incoming.riskNote')} value={r.riskNote} />}
          <Field
            label={t('incoming.from')}
            value={`${t(`incoming.sources.${r.source}`)}${r.referrerName ? `: ${r.referrerName}` : ''}`}
          />
          <Field label={t('incoming.referrerContact')} value={r.referrerContact} />
          <Field
            label={t('clients.dateOfBirth')}
            value={r.dateOfBirth ? formatDate(r.dateOfBirth, i18n.language) : null}
          />
          <Field label={t('clients.phone')} value={r.phone} />
          <Field label={t('clients.email')} value={r.email} />
          <Field label={t('clients.postcode')} value={r.postcode} />
          {r.status !== 'new' && (
            <Field label={t('incoming.waitingFor')} value={r.programmeName ?? t('incoming.ourSupport')} />
          )}
          {r.offeredOn && <Field label={t('incoming.offeredOn')} value={formatDate(r.offeredOn, i18n.language)} />}
          {r.checkedOn && <Field label={t('incoming.checkedOn')} value={formatDate(r.checkedOn, i18n.language)} />}
          {r.decidedOn && (
            <Field
              label={t('incoming.decidedOn')}
              value={`${formatDate(r.decidedOn, i18n.language)}${r.decidedByName ? ` · ${r.decidedByName}` : ''}`}
            />
          )}
          {r.declineReason && <Field label={t('incoming.declineReason')} value={r.declineReason} />}
        </SimpleGrid>
        {r.status === 'declined' && (
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h5">
                {t('incoming.replyTitle')}
              </Title>
              <Group gap="xs">
                {r.reply && (
                  <>
                    <Button size="xs" onClick={() => void saveReply()} loading={saving}>
                      {t('letters.savePdf')}
                    </Button>
                    <Button size="xs" variant="default" onClick={printing.print} loading={printing.busy}>
                      {t('letters.print')}
                    </Button>
                  </>
                )}
                <Button size="xs" variant={r.reply ? 'subtle' : 'light'} onClick={() => setDoing('reply')}>
                  {t(r.reply ? 'incoming.replyAgain' : 'incoming.replyWrite')}
                </Button>
              </Group>
            </Group>
            {r.reply ? (
              <LetterSheet content={r.reply} logo={logo} label={t('incoming.replyTitle')} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('incoming.replyNone')}
              </Text>
            )}
          </Stack>
        )}
        {r.clientId !== null && (
          <Button variant="light" w="fit-content" onClick={() => go({ name: 'client', id: r.clientId! })}>
            {t('incoming.openClient', { reference: r.clientReference ?? '' })}
          </Button>
        )}
        {isOpen && (
          <Group>
            <Button onClick={() => go({ name: 'clientNew', incomingId: r.id })}>{t('incoming.takeIn')}</Button>
            {r.status === 'waiting' && (
              <Button
                variant="light"
                onClick={() =>
                  void act(invoke('incoming.offer', { id: r.id, version: r.version }), t('incoming.offered', { name }))
                }
              >
                {t(r.programmeName ? 'incoming.offerPlace' : 'incoming.offerStart')}
              </Button>
            )}
            <Button variant="light" onClick={() => setDoing('waitlist')}>
              {t(r.status === 'new' ? 'incoming.putOnList' : 'incoming.moveList')}
            </Button>
            {(r.status === 'waiting' || r.status === 'offered') && (
              <Button variant="default" onClick={() => setDoing('stillNeed')}>
                {t('incoming.askStillNeed')}
              </Button>
            )}
            <Button variant="default" onClick={() => setDoing('change')}>
              {t('incoming.change')}
            </Button>
            <Button variant="default" color="red" onClick={() => setDoing('decline')}>
              {t('incoming.decline')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

/** The waiting list for the charity's support, or for a programme still running. */
function WaitlistModal({
  referral: r,
  onClose,
  onSaved,
}: {
  referral: Incoming;
  onClose: () => void;
  onSaved: (r: Incoming) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const programmes = useChannel('programmes.list', { show: 'current' }).data ?? [];
  const [programmeId, setProgrammeId] = useState<string>(r.programmeId ? String(r.programmeId) : '');
  return (
    <ModalForm
      opened
      title={t('incoming.waitlistTitle', { name: `${r.firstName} ${r.lastName}` })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        void submit(
          () =>
            invoke('incoming.waitlist', {
              id: r.id,
              version: r.version,
              programmeId: programmeId ? Number(programmeId) : null,
            }),
          { onOk: onSaved },
        );
      }}
      busy={busy}
      error={error}
    >
      <Select
        label={t('incoming.waitingFor')}
        allowDeselect={false}
        data={[
          { value: '', label: t('incoming.ourSupport') },
          ...programmes.map((p) => ({ value: String(p.id), label: p.name })),
        ]}
        value={programmeId}
        onChange={(v) => setProgrammeId(v ?? '')}
      />
      <Text size="sm" c="dimmed">
        {t('incoming.waitlistHint')}
      </Text>
    </ModalForm>
  );
}

/** Declining (with the reason, for the referrer), or the "still need us?" contact's answer. */
function ReasonModal({
  referral: r,
  kind,
  onClose,
  onSaved,
}: {
  referral: Incoming;
  kind: 'decline' | 'stillNeed';
  onClose: () => void;
  onSaved: (r: Incoming) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const [text, setText] = useState('');
  const [stillNeeds, setStillNeeds] = useState<'yes' | 'no'>('yes');
  const [fields, setFields] = useState<Record<string, string>>({});
  const name = `${r.firstName} ${r.lastName}`;
  const send = () =>
    kind === 'decline'
      ? invoke('incoming.decline', { id: r.id, version: r.version, reason: text })
      : invoke('incoming.stillNeed', { id: r.id, version: r.version, stillNeeds: stillNeeds === 'yes', note: text });
  const said =
    kind === 'decline'
      ? t('incoming.declined', { name })
      : t(stillNeeds === 'yes' ? 'incoming.stillWaiting' : 'incoming.withdrawn', { name });
  return (
    <ModalForm
      opened
      title={t(kind === 'decline' ? 'incoming.declineTitle' : 'incoming.stillNeedTitle', { name })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        void submit(send, {
          form: { setErrors: setFields },
          onOk: (x) => {
            notifications.show({ color: 'green', message: said });
            onSaved(x);
          },
        });
      }}
      busy={busy}
      error={error}
      color={kind === 'decline' ? 'red' : undefined}
    >
      {kind === 'stillNeed' && (
        <SegmentedControl
          w="fit-content"
          value={stillNeeds}
          onChange={(v) => setStillNeeds(v as 'yes' | 'no')}
          data={[
            { value: 'yes', label: t('incoming.stillNeedsYes') },
            { value: 'no', label: t('incoming.stillNeedsNo') },
          ]}
        />
      )}
      <Textarea
        label={t(kind === 'decline' ? 'incoming.declineReason' : 'incoming.stillNeedNote')}
        required={kind === 'decline'}
        autosize
        minRows={3}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={fields['reason'] ?? fields['note']}
      />
    </ModalForm>
  );
}

/**
 * The letter back to whoever referred a person in, when the referral is declined: from a template of
 * the charity's (in the language chosen with it), filled from the referral, reworded if need be, and
 * kept with the referral to save as a PDF or print.
 */
function ReplyModal({
  referral: r,
  onClose,
  onSaved,
}: {
  referral: Incoming;
  onClose: () => void;
  onSaved: (r: Incoming) => void;
}) {
  const { t, i18n } = useTranslation();
  const { busy, error, setError, submit } = useSubmit();
  const templates = (useChannel('templates.list', { includeArchived: false }).data ?? []).filter(
    (x) => x.kind === 'referralReply',
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const [letter, setLetter] = useState<LetterContent | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  // The template in the referral's language is the first offered.
  const preferred =
    templates.find((x) => x.language === (r.preferredLanguage ?? i18n.language)) ??
    templates.find((x) => x.language === i18n.language) ??
    templates[0];
  const templateId = chosen ?? (preferred ? String(preferred.id) : null);
  useEffect(() => {
    if (!templateId) return;
    void invoke('incoming.replyPreview', { id: r.id, templateId: Number(templateId) }).then((res) => {
      if (!res.ok) return setError(errorSentence(t, res.error));
      setLetter(res.value);
      setSubject(res.value.subject);
      setBody(res.value.body);
    });
  }, [templateId, r.id, t, setError]);
  const name = `${r.firstName} ${r.lastName}`;
  return (
    <ModalForm
      opened
      title={t('incoming.replyWriteTitle', { name })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        if (!templateId) return setFields({ templateId: t('validation.required') });
        void submit(
          () => invoke('incoming.replyKeep', { id: r.id, templateId: Number(templateId), edits: { subject, body } }),
          { form: { setErrors: setFields }, fieldPrefix: 'edits.', onOk: onSaved },
        );
      }}
      busy={busy}
      error={error}
      size="xl"
      label={t('incoming.replyKeep')}
    >
      <Select
        label={t('letters.template')}
        required
        data={templates.map((x) => ({
          value: String(x.id),
          label: `${x.name} (${languageName(x.language, i18n.language)})`,
        }))}
        value={templateId}
        onChange={setChosen}
        error={fields['templateId']}
        w={480}
      />
      {letter && (
        <>
          <Field label={t('incoming.replyTo')} value={letter.recipient.join(', ') || null} />
          {letter.recipient.length === 0 && <Alert color="yellow">{t('incoming.replyNoRecipient')}</Alert>}
          {letter.addressShortened && <Alert color="yellow">{t('letters.addressShortened')}</Alert>}
          <TextInput
            label={t('letters.subject')}
            required
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={fields['subject']}
            maxLength={300}
          />
          <Textarea
            label={t('letters.body')}
            required
            autosize
            minRows={8}
            maxRows={20}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fields['body']}
          />
        </>
      )}
    </ModalForm>
  );
}
