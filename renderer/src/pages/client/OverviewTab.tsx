import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_STATUSES,
  CHOSEN_CLOSURE_REASONS,
  statusChangeSchema,
  type CaseStatus,
} from '../../../../shared/domain/client';
import type { ClientRecord } from '../../../../shared/domain/clientRecord';
import { invoke } from '../../api';
import { AgeText, StatusBadge } from '../../components/ClientHeader/ClientHeader';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { Section } from '../../components/Section/Section';
import { schemaValidator } from '../../errors';
import { formatDate, languageName } from '../../format';
import { useCan, useSession } from '../../session';
import { useSubmit } from '../../useSubmit';
import { Field } from './Field';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';
import { useChannel } from '../../useChannel';
import { notifications } from '@mantine/notifications';
import type { ClientAnswer, CustomField } from '../../../../shared/domain/customField';
import {
  answerErrors,
  answersOf,
  AnswerFields,
  AnswersView,
  checkDraft,
  draftFrom,
  type AnswerDraft,
} from '../../components/CustomFields/CustomFields';

export function OverviewTab({ record, onRecord }: { record: ClientRecord; onRecord: (r: ClientRecord) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const c = record.client;
  const [changing, setChanging] = useState(false);
  const [sharing, setSharing] = useState(false);
  const { ownClientsOnly } = useSession();
  const date = (d: string | null) => formatDate(d, i18n.language);
  // What the core did not send this reader (a volunteer) is said as such, not as "Not recorded".
  const notShown = record.contactDetailsWithheld ? t('reach.notShown') : null;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Section title={t('intake.steps.person')}>
          <Field
            label={t('clients.dateOfBirth')}
            value={
              notShown ??
              (c.dateOfBirth ? (
                <>
                  {date(c.dateOfBirth)} · <AgeText client={c} />
                </>
              ) : c.estimatedBirthYear !== null ? (
                <AgeText client={c} />
              ) : null)
            }
          />
          <Field label={t('clients.gender')} value={c.genderWithheld ? t('clients.genderWithheld') : c.gender} />
          <Field label={t('clients.pronouns')} value={c.pronouns} />
        </Section>
        <Section title={t('intake.steps.contact')}>
          <Field label={t('clients.phone')} value={notShown ?? c.phone} />
          <Field label={t('clients.email')} value={notShown ?? c.email} />
          <Field label={t('clients.address')} value={notShown ?? [c.address, c.postcode].filter(Boolean).join('\n')} />
          <Field
            label={t('clients.preferredLanguage')}
            value={
              c.preferredLanguage
                ? `${languageName(c.preferredLanguage, i18n.language)}${c.interpreterNeeded ? ` · ${t('clients.interpreterNeeded')}` : ''}`
                : null
            }
          />
        </Section>
        <Section title={t('intake.steps.referral')}>
          <Field label={t('clients.intakeDate')} value={date(c.intakeDate)} />
          <Field
            label={t('clients.referralSource')}
            value={
              c.referralSource
                ? `${t(`clients.referralSources.${c.referralSource}`)}${c.referredBy ? `: ${c.referredBy}` : ''}`
                : c.referredBy
            }
          />
          <Field label={t('clients.caseworker')} value={c.caseworkerName} />
          {(ownClientsOnly || record.sharedWith.length > 0) && (
            <Group justify="space-between" align="flex-end" wrap="nowrap">
              <Field
                label={t('reach.sharedWith')}
                value={
                  record.sharedWith.length ? record.sharedWith.map((u) => u.name).join(', ') : t('reach.nobodyElse')
                }
              />
              {can('clients.share') && (
                <Button variant="subtle" size="compact-sm" onClick={() => setSharing(true)}>
                  {t('reach.share')}
                </Button>
              )}
            </Group>
          )}
        </Section>
      </SimpleGrid>
      <OurQuestions record={record} onRecord={onRecord} />
      <Section title={t('status.title')}>
        <Group justify="space-between">
          <Group gap="sm">
            <StatusBadge status={c.status} />
            <Text size="sm">
              {t('status.since', { date: date(c.statusSince) })}
              {c.closureReason ? ` · ${t(`status.reasons.${c.closureReason}`)}` : ''}
            </Text>
          </Group>
          {can('clients.setStatus') && (
            <Button variant="default" onClick={() => setChanging(true)}>
              {c.status === 'closed' ? t('status.reopen') : t('status.change')}
            </Button>
          )}
        </Group>
        <Table verticalSpacing={4} aria-label={t('status.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('status.on')}</Table.Th>
              <Table.Th>{t('status.status')}</Table.Th>
              <Table.Th>{t('status.reason')}</Table.Th>
              <Table.Th>{t('status.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {record.statusHistory.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{date(h.on)}</Table.Td>
                <Table.Td>{t(`clients.statuses.${h.status}`)}</Table.Td>
                <Table.Td>
                  {[h.reason ? t(`status.reasons.${h.reason}`) : null, h.note].filter(Boolean).join(': ')}
                </Table.Td>
                <Table.Td>{h.byName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {record.formerReferences.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('merge.formerReferences', { references: record.formerReferences.join(', ') })}
          </Text>
        )}
      </Section>
      {changing && <StatusModal record={record} onClose={() => setChanging(false)} onRecord={onRecord} />}
      {sharing && <ShareModal record={record} onClose={() => setSharing(false)} onRecord={onRecord} />}
    </Stack>
  );
}

function StatusModal({
  record,
  onClose,
  onRecord,
}: {
  record: ClientRecord;
  onClose: () => void;
  onRecord: (r: ClientRecord) => void;
}) {
  const { t } = useTranslation();
  const c = record.client;
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: {
      status: (c.status === 'closed' ? 'open' : c.status === 'open' ? 'closed' : 'open') as CaseStatus,
      on: clock.today(),
      reason: '',
      note: '',
    },
    validate: (v) => schemaValidator(statusChangeSchema, t)({ ...v, reason: v.reason || null }),
  });
  const save = form.onSubmit((v) =>
    submit(
      () =>
        invoke('clients.setStatus', {
          id: c.id,
          version: c.version,
          change: { ...v, reason: (v.reason || null) as never },
        }),
      {
        form,
        fieldPrefix: 'change.',
        onOk: (r) => {
          onRecord(r);
          onClose();
        },
      },
    ),
  );
  return (
    <ModalForm opened title={t('status.change')} onClose={onClose} onSubmit={save} busy={busy} error={error}>
      <Select
        label={t('status.newStatus')}
        data={CASE_STATUSES.filter((s) => s !== c.status).map((s) => ({ value: s, label: t(`clients.statuses.${s}`) }))}
        allowDeselect={false}
        {...form.getInputProps('status')}
      />
      <DateField label={t('status.on')} required max={clock.today()} {...form.getInputProps('on')} />
      {form.values.status === 'closed' && (
        <Select
          label={t('status.reason')}
          required
          data={CHOSEN_CLOSURE_REASONS.map((r) => ({ value: r, label: t(`status.reasons.${r}`) }))}
          {...form.getInputProps('reason')}
        />
      )}
      <Textarea label={t('status.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
    </ModalForm>
  );
}

/** Who else may see this client when the charity keeps caseworkers to their own (the caseworker needs no share). */
function ShareModal({
  record,
  onClose,
  onRecord,
}: {
  record: ClientRecord;
  onClose: () => void;
  onRecord: (r: ClientRecord) => void;
}) {
  const { t } = useTranslation();
  const c = record.client;
  const { busy, error, submit } = useSubmit();
  const people = (useChannel('tasks.assignees', {}).data ?? []).filter((u) => u.id !== c.caseworkerId);
  const form = useForm({ initialValues: { userIds: record.sharedWith.map((u) => String(u.id)) } });
  const save = form.onSubmit((v) =>
    submit(() => invoke('clients.share', { clientId: c.id, userIds: v.userIds.map(Number) }), {
      form,
      onOk: (r) => {
        onRecord(r);
        onClose();
      },
    }),
  );
  return (
    <ModalForm
      opened
      title={t('reach.shareTitle', { name: `${c.firstName} ${c.lastName}` })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
    >
      <Text size="sm">{t('reach.shareHelp')}</Text>
      <MultiSelect
        label={t('reach.sharedWith')}
        data={people.map((u) => ({ value: String(u.id), label: u.name }))}
        searchable
        clearable
        nothingFoundMessage={t('reach.nobodyFound')}
        {...form.getInputProps('userIds')}
      />
    </ModalForm>
  );
}

/** The charity's own questions on the record: the answers as asked, and a form to answer those still asked. */
function OurQuestions({ record, onRecord }: { record: ClientRecord; onRecord: (r: ClientRecord) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { data: fields } = useChannel('customFields.list', {});
  const [answering, setAnswering] = useState(false);
  if (!fields || (fields.length === 0 && record.answers.length === 0)) return null;
  const withheld = record.answers.some((a) => a.withheld);
  return (
    <Section title={t('customFields.recordTitle')}>
      <AnswersView answers={record.answers} asked={fields} />
      {can('customFields.answer') && fields.length > 0 && !withheld && (
        <Button variant="default" w="fit-content" onClick={() => setAnswering(true)}>
          {t('customFields.edit')}
        </Button>
      )}
      {answering && (
        <AnswersModal
          record={record}
          fields={fields}
          onClose={() => setAnswering(false)}
          onSaved={(answers) => {
            onRecord({ ...record, answers });
            setAnswering(false);
            notifications.show({ color: 'green', message: t('customFields.saved') });
          }}
        />
      )}
    </Section>
  );
}

function AnswersModal({
  record,
  fields,
  onClose,
  onSaved,
}: {
  record: ClientRecord;
  fields: CustomField[];
  onClose: () => void;
  onSaved: (answers: ClientAnswer[]) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const [draft, setDraft] = useState<AnswerDraft>(() => draftFrom(fields, record.answers));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const c = record.client;
  const save = (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    const wrong = checkDraft(fields, draft, t);
    if (Object.keys(wrong).length) return setErrors(wrong);
    void submit(() => invoke('customFields.answer', { clientId: c.id, answers: answersOf(fields, draft) }), {
      form: { setErrors: (fs) => setErrors(answerErrors(fs, '')) },
      fieldPrefix: 'answers.',
      onOk: onSaved,
    });
  };
  return (
    <ModalForm
      opened
      title={t('customFields.editTitle', { name: `${c.firstName} ${c.lastName}` })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      size="lg"
    >
      <AnswerFields
        fields={fields}
        draft={draft}
        errors={errors}
        onChange={(d) => {
          setDraft(d);
          setErrors({});
        }}
      />
    </ModalForm>
  );
}
