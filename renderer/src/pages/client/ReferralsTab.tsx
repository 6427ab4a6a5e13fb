import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../shared/domain/caseload';
import {
  DEFAULT_FOLLOW_UP_DAYS,
  isReferralOpen,
  REFERRAL_TRANSITIONS,
  REFERRAL_URGENCIES,
  referralInputSchema,
  referralStatusRules,
  type Referral,
  type ReferralStatus,
  type ReferralStep,
} from '../../../../shared/domain/referral';
import { invoke } from '../../api';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { AskedWithFields, useAskedWith } from '../../components/CustomFields/AskedWith';
import { errorSentence, schemaValidator, translatedFields } from '../../errors';
import { formatDate } from '../../format';
import { areaName, useNeedAreas } from '../../needAreas';
import { useCan } from '../../session';
import { useSubmit } from '../../useSubmit';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';
import { useChannel } from '../../useChannel';
import { useGo } from '../../navigation';

export const REFERRAL_STATUS_COLOURS: Record<ReferralStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'teal',
  declined: 'orange',
  completed: 'green',
  withdrawn: 'dark',
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={REFERRAL_STATUS_COLOURS[status]} variant="light">
      {t(`referrals.status.${status}`)}
    </Badge>
  );
}

/** "Follow up by 7 Dec" or, once passed, "Follow-up overdue since 7 Dec" in red. */
export function FollowUpBadge({ on, today }: { on: string | null; today: string }) {
  const { t, i18n } = useTranslation();
  if (!on) return null;
  const late = on < today;
  return (
    <Badge color={late ? 'red' : 'gray'} variant={late ? 'filled' : 'outline'}>
      {t(late ? 'referrals.followUpOverdue' : 'referrals.followUpDue', { date: formatDate(on, i18n.language) })}
    </Badge>
  );
}

type Modal =
  { kind: 'referral'; referral: Referral | null } | { kind: 'status'; referral: Referral; status: ReferralStep };

/** A client's referrals to other agencies: what was asked, where it has got to, and what came of it. */
export function ReferralsTab({ clientId }: { clientId: number }) {
  const go = useGo();
  const { t } = useTranslation();
  const can = useCan();
  const [referrals, setReferrals] = useState<Referral[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [modal, setModal] = useState<Modal | null>(null);
  const { areas } = useNeedAreas();
  const today = clock.today();

  useEffect(() => {
    void invoke('referrals.forClient', { clientId }).then((r) =>
      r.ok ? setReferrals(r.value) : setError(errorSentence(t, r.error)),
    );
  }, [clientId, t]);

  if (error) return <FormAlert message={error} />;
  if (!referrals) return <Loader aria-label={t('common.loading')} />;
  const close = () => setModal(null);
  const changed = (list: Referral[]) => {
    setReferrals(list);
    close();
    notifications.show({ color: 'green', message: t('referrals.saved') });
  };

  return (
    <Stack>
      {can('referrals.create') && (
        <Group>
          <Button onClick={() => setModal({ kind: 'referral', referral: null })}>{t('referrals.add')}</Button>
          {can('letters.keep') && (
            <Button variant="default" onClick={() => go({ name: 'clientLetter', id: clientId })}>
              {t('letters.write')}
            </Button>
          )}
        </Group>
      )}
      {referrals.length === 0 && <Text c="dimmed">{t('referrals.none')}</Text>}
      {referrals.map((r) => (
        <ReferralCard
          key={r.id}
          referral={r}
          today={today}
          areaLabel={
            r.areaId
              ? areaName(
                  t,
                  areas.find((a) => a.id === r.areaId),
                )
              : null
          }
          onEdit={
            can('referrals.update') && isReferralOpen(r.status)
              ? () => setModal({ kind: 'referral', referral: r })
              : undefined
          }
          onStatus={
            can('referrals.setStatus') ? (status) => setModal({ kind: 'status', referral: r, status }) : undefined
          }
          onLetter={
            can('letters.keep') ? () => go({ name: 'clientLetter', id: clientId, referralId: r.id }) : undefined
          }
        />
      ))}
      {modal?.kind === 'referral' && (
        <ReferralModal clientId={clientId} referral={modal.referral} onClose={close} onSaved={changed} />
      )}
      {modal?.kind === 'status' && (
        <StatusModal
          referral={modal.referral}
          status={modal.status}
          onClose={close}
          onSaved={changed}
          onConsent={() => go({ name: 'client', id: clientId, tab: 'consent' })}
        />
      )}
    </Stack>
  );
}

function ReferralCard({
  referral: r,
  today,
  areaLabel,
  onEdit,
  onStatus,
  onLetter,
}: {
  referral: Referral;
  today: string;
  areaLabel: string | null;
  onEdit?: () => void;
  onStatus?: (s: ReferralStep) => void;
  onLetter?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const date = (d: string | null) => formatDate(d, i18n.language);
  const open = isReferralOpen(r.status);
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={r.agencyName}
      style={{ borderLeft: `4px solid var(--mantine-color-${REFERRAL_STATUS_COLOURS[r.status]}-5)` }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0}>
            <Text fw={700}>{r.agencyName}</Text>
            {r.contactName && (
              <Text size="sm" c="dimmed">
                {r.contactName}
              </Text>
            )}
          </Stack>
          <Group gap={6}>
            {r.urgency !== 'routine' && (
              <Badge color={r.urgency === 'urgent' ? 'red' : 'yellow'} variant="light">
                {t(`referrals.urgency.${r.urgency}`)}
              </Badge>
            )}
            <ReferralStatusBadge status={r.status} />
          </Group>
        </Group>
        <Text style={{ whiteSpace: 'pre-line' }}>{r.reason}</Text>
        {areaLabel && <Text size="sm">{`${t('referrals.area')}: ${areaLabel}`}</Text>}
        {r.sharedInfo && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{`${t('referrals.sharedInfo')}: ${r.sharedInfo}`}</Text>
        )}
        {r.outcome && (
          <Text size="sm" fw={600} style={{ whiteSpace: 'pre-line' }}>{`${t('referrals.outcome')}: ${r.outcome}`}</Text>
        )}
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('referrals.created', { date: date(r.createdOn) })}{' '}
            {r.createdByName ? t('referrals.by', { name: r.createdByName }) : ''}
          </Text>
          {open && <FollowUpBadge on={r.followUpOn} today={today} />}
        </Group>
        {r.changes.length > 1 && (
          <Timeline bulletSize={12} lineWidth={2} mt={4} aria-label={t('referrals.history')}>
            {r.changes.map((c) => (
              <Timeline.Item
                key={c.id}
                title={t('referrals.historyLine', { status: t(`referrals.status.${c.status}`), date: date(c.on) })}
              >
                <Text size="xs" c="dimmed">
                  {c.byName ? t('referrals.by', { name: c.byName }) : ''}
                </Text>
                {c.note && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {c.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {(onStatus || onEdit || onLetter) && (
          <Group gap="xs">
            {onStatus &&
              REFERRAL_TRANSITIONS[r.status].map((s) => (
                <Button
                  key={s}
                  size="xs"
                  variant={s === 'withdrawn' ? 'subtle' : 'light'}
                  color={s === 'withdrawn' ? 'red' : undefined}
                  onClick={() => onStatus(s)}
                >
                  {t(`referrals.action.${s}`)}
                </Button>
              ))}
            {onEdit && (
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('referrals.edit')}
              </Button>
            )}
            {onLetter && r.status !== 'withdrawn' && (
              <Button size="xs" variant="default" onClick={onLetter}>
                {t('referrals.writeLetter')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

interface ReferralFormValues {
  agencyId: string;
  contactId: string;
  reason: string;
  areaId: string;
  urgency: string;
  sharedInfo: string;
  followUpOn: string;
}

const toReferral = (v: ReferralFormValues) => ({
  agencyId: v.agencyId ? Number(v.agencyId) : 0,
  contactId: v.contactId ? Number(v.contactId) : null,
  reason: v.reason,
  areaId: v.areaId ? Number(v.areaId) : null,
  urgency: v.urgency as (typeof REFERRAL_URGENCIES)[number],
  sharedInfo: v.sharedInfo,
  followUpOn: v.followUpOn,
});

function ReferralModal({
  clientId,
  referral,
  onClose,
  onSaved,
}: {
  clientId: number;
  referral: Referral | null;
  onClose: () => void;
  onSaved: (l: Referral[]) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const { areas } = useNeedAreas();
  const form = useForm<ReferralFormValues>({
    initialValues: referral
      ? {
          agencyId: String(referral.agencyId),
          contactId: referral.contactId ? String(referral.contactId) : '',
          reason: referral.reason,
          areaId: referral.areaId ? String(referral.areaId) : '',
          urgency: referral.urgency,
          sharedInfo: referral.sharedInfo ?? '',
          followUpOn: referral.followUpOn ?? '',
        }
      : { agencyId: '', contactId: '', reason: '', areaId: '', urgency: 'routine', sharedInfo: '', followUpOn: '' },
    validate: (v) => schemaValidator(referralInputSchema, t)(toReferral(v)),
  });
  const agencies = useChannel('agencies.search', { query: '' }).data;
  const agencyId = form.values.agencyId;
  const agency = useChannel('agencies.get', agencyId ? { id: Number(agencyId) } : null).data;

  const asked = useAskedWith(clientId, { kind: 'referral', referralId: referral?.id ?? null });
  const save = form.onSubmit((v) => {
    if (!asked.check()) return;
    void submit(
      () =>
        referral
          ? invoke('referrals.update', {
              id: referral.id,
              version: referral.version,
              referral: toReferral(v),
              answers: asked.answers(),
            })
          : invoke('referrals.create', { clientId, referral: toReferral(v), answers: asked.answers() }),
      {
        form: asked.alongside(form),
        fieldPrefix: 'referral.',
        onOk: onSaved,
      },
    );
  });
  const agencyOptions = (agencies ?? []).map((a) => ({ value: String(a.id), label: a.name }));
  if (referral && !agencyOptions.some((o) => o.value === String(referral.agencyId)))
    agencyOptions.push({ value: String(referral.agencyId), label: referral.agencyName });
  const areaOptions = areas
    .filter((a) => !a.retired || a.id === referral?.areaId)
    .map((a) => ({ value: String(a.id), label: areaName(t, a) }));

  return (
    <ModalForm
      opened
      title={referral ? t('referrals.edit') : t('referrals.newTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
    >
      {agencies && agencies.length === 0 && !referral && (
        <Alert color="yellow" variant="light">
          {t('referrals.noAgencies')}
        </Alert>
      )}
      <SimpleGrid cols={2}>
        <Select
          label={t('referrals.agency')}
          placeholder={t('referrals.agencyPlaceholder')}
          required
          searchable
          data-autofocus
          disabled={referral !== null && referral.status !== 'draft'}
          data={agencyOptions}
          {...form.getInputProps('agencyId')}
          onChange={(v) => {
            form.setFieldValue('agencyId', v ?? '');
            form.setFieldValue('contactId', '');
          }}
        />
        <Select
          label={t('referrals.contact')}
          clearable
          data={(agency?.contacts ?? []).map((c) => ({
            value: String(c.id),
            label: c.role ? `${c.name} (${c.role})` : c.name,
          }))}
          {...form.getInputProps('contactId')}
          onChange={(v) => form.setFieldValue('contactId', v ?? '')}
        />
      </SimpleGrid>
      {agency?.howToRefer && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          {`${t('agencies.howToRefer')}: ${agency.howToRefer}`}
        </Text>
      )}
      <Textarea
        label={t('referrals.reason')}
        required
        autosize
        minRows={3}
        maxLength={4000}
        {...form.getInputProps('reason')}
      />
      <SimpleGrid cols={3}>
        <Select
          label={t('referrals.area')}
          clearable
          data={areaOptions}
          {...form.getInputProps('areaId')}
          onChange={(v) => form.setFieldValue('areaId', v ?? '')}
        />
        <Select
          label={t('referrals.urgencyLabel')}
          required
          allowDeselect={false}
          data={REFERRAL_URGENCIES.map((u) => ({ value: u, label: t(`referrals.urgency.${u}`) }))}
          {...form.getInputProps('urgency')}
          onChange={(v) => form.setFieldValue('urgency', v ?? 'routine')}
        />
        <DateField
          label={t('referrals.followUpOn')}
          description={t('referrals.followUpHint')}
          {...form.getInputProps('followUpOn')}
        />
      </SimpleGrid>
      <Textarea
        label={t('referrals.sharedInfo')}
        description={t('referrals.sharedInfoHint')}
        autosize
        minRows={2}
        maxLength={4000}
        {...form.getInputProps('sharedInfo')}
      />
      <AskedWithFields asked={asked} />
    </ModalForm>
  );
}

function StatusModal({
  referral,
  status,
  onClose,
  onSaved,
  onConsent,
}: {
  referral: Referral;
  status: ReferralStep;
  onClose: () => void;
  onSaved: (l: Referral[]) => void;
  onConsent: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; consent: boolean } | null>(null);
  const today = clock.today();
  const open = isReferralOpen(status);
  const form = useForm({
    initialValues: {
      on: today,
      note: '',
      outcome: '',
      followUpOn: status === 'sent' ? addDays(today, DEFAULT_FOLLOW_UP_DAYS) : (referral.followUpOn ?? ''),
    },
    validate: (v) =>
      translatedFields(
        t,
        referralStatusRules({
          status,
          on: v.on,
          note: v.note || null,
          outcome: v.outcome || null,
          followUpOn: open ? v.followUpOn || null : null,
        }),
      ),
  });
  const save = form.onSubmit(async (v) => {
    setBusy(true);
    setError(null);
    const r = await invoke('referrals.setStatus', {
      id: referral.id,
      version: referral.version,
      status,
      on: v.on,
      note: v.note,
      outcome: v.outcome,
      followUpOn: open ? v.followUpOn : null,
    });
    setBusy(false);
    if (r.ok) return onSaved(r.value);
    form.setErrors(translatedFields(t, r.error.fields));
    setError({ text: errorSentence(t, r.error), consent: r.error.code === 'CONSENT_REQUIRED' });
  });
  const needsReason = status === 'declined' || status === 'withdrawn';
  return (
    <ModalForm
      opened
      title={`${t(`referrals.action.${status}`)}: ${referral.agencyName}`}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error?.consent ? null : (error?.text ?? null)}
      label={t(`referrals.action.${status}`)}
    >
      {error?.consent && (
        <Alert color="red" variant="light" role="alert">
          <Stack gap="xs">
            <Text size="sm">{error.text}</Text>
            <Button size="xs" variant="white" color="red" w="fit-content" onClick={onConsent}>
              {t('referrals.openConsent')}
            </Button>
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={2}>
        <DateField label={t('referrals.statusOn')} required max={today} {...form.getInputProps('on')} />
        {open && (
          <DateField
            label={t('referrals.followUpOn')}
            description={t('referrals.followUpHint')}
            {...form.getInputProps('followUpOn')}
          />
        )}
      </SimpleGrid>
      {status === 'completed' && (
        <Textarea
          label={t('referrals.outcome')}
          description={t('referrals.outcomeHint')}
          required
          autosize
          minRows={2}
          maxLength={4000}
          {...form.getInputProps('outcome')}
        />
      )}
      <Textarea
        label={needsReason ? t('referrals.noteRequired') : t('referrals.note')}
        required={needsReason}
        autosize
        minRows={2}
        maxLength={4000}
        {...form.getInputProps('note')}
      />
    </ModalForm>
  );
}
