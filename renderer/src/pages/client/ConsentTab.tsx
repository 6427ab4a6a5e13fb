import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withdrawConsentSchema, type Consent, type ConsentState } from '../../../../shared/domain/consent';
import type { ClientRecord } from '../../../../shared/domain/clientRecord';
import { invoke } from '../../api';
import { ConsentFields, consentToInput, useConsentForm } from '../../components/ConsentFields/ConsentFields';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { schemaValidator } from '../../errors';
import { formatDate } from '../../format';
import { useCan } from '../../session';
import { useSubmit } from '../../useSubmit';
import { Field } from './Field';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';

/** The consent in force: the newest record, whatever its state (a withdrawn newest record means no consent). */
export const currentConsent = (consents: Consent[]): Consent | undefined => consents[0];

const STATE_COLOURS: Record<ConsentState, string> = { active: 'green', expired: 'orange', withdrawn: 'red' };

function ConsentCard({ consent, current }: { consent: Consent; current: boolean }) {
  const { t, i18n } = useTranslation();
  const date = (d: string | null) => formatDate(d, i18n.language);
  const contact = (['Phone', 'Letter', 'Text', 'Email'] as const)
    .filter((k) => consent[`contact${k}`])
    .map((k) => t(`consent.contact.${k.toLowerCase() as Lowercase<typeof k>}`));
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={current ? t('consent.current') : t('consent.givenOnDate', { date: date(consent.givenOn) })}
    >
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} size="h5">
            {current ? t('consent.current') : t('consent.givenOnDate', { date: date(consent.givenOn) })}
          </Title>
          <Badge color={STATE_COLOURS[consent.state]}>{t(`consent.states.${consent.state}`)}</Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Field label={t('consent.storeData')} value={consent.storeData ? t('common.yes') : t('common.no')} />
          <Field
            label={t('consent.shareScope')}
            value={
              consent.shareScope === 'named'
                ? `${t('consent.scopes.named')}: ${consent.shareAgencies.join(', ')}`
                : t(`consent.scopes.${consent.shareScope}`)
            }
          />
          <Field label={t('consent.contactBy')} value={contact.length ? contact.join(', ') : t('consent.noContact')} />
          <Field
            label={t('consent.givenOn')}
            value={`${date(consent.givenOn)} · ${t(`consent.methods.${consent.method}`)}`}
          />
          <Field
            label={t('consent.expiresOn')}
            value={consent.expiresOn ? date(consent.expiresOn) : t('consent.noExpiry')}
          />
          <Field label={t('consent.recordedBy')} value={consent.recordedByName} />
        </SimpleGrid>
        {consent.note && <Field label={t('consent.note')} value={consent.note} />}
        {consent.withdrawnOn && (
          <Alert color="red" variant="light" title={t('consent.withdrawnOn', { date: date(consent.withdrawnOn) })}>
            {[
              consent.withdrawalNote,
              consent.withdrawnByName ? t('consent.recordedByName', { name: consent.withdrawnByName }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

export function ConsentTab({ record, onRecord }: { record: ClientRecord; onRecord: (r: ClientRecord) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const current = currentConsent(record.consents);

  return (
    <Stack>
      {!current && <Alert color="orange">{t('consent.none')}</Alert>}
      {current && current.state !== 'active' && (
        <Alert color="orange">{t(`consent.notInForce.${current.state}`)}</Alert>
      )}
      {can('consent.record') && (
        <Group>
          <Button onClick={() => setRecording(true)}>{current ? t('consent.recordNew') : t('consent.record')}</Button>
          {current?.state === 'active' && (
            <Button variant="default" color="red" onClick={() => setWithdrawing(true)}>
              {t('consent.withdraw')}
            </Button>
          )}
        </Group>
      )}
      {record.consents.map((c, i) => (
        <ConsentCard key={c.id} consent={c} current={i === 0} />
      ))}
      {recording && (
        <RecordConsentModal clientId={record.client.id} onClose={() => setRecording(false)} onRecord={onRecord} />
      )}
      {withdrawing && current && (
        <WithdrawModal consentId={current.id} onClose={() => setWithdrawing(false)} onRecord={onRecord} />
      )}
    </Stack>
  );
}

function RecordConsentModal({
  clientId,
  onClose,
  onRecord,
}: {
  clientId: number;
  onClose: () => void;
  onRecord: (r: ClientRecord) => void;
}) {
  const { t } = useTranslation();
  const form = useConsentForm();
  const { busy, error, submit } = useSubmit();
  const save = form.onSubmit((v) =>
    submit(() => invoke('consent.record', { clientId, consent: consentToInput(v) }), {
      form,
      fieldPrefix: 'consent.',
      onOk: (r) => {
        onRecord(r);
        onClose();
      },
    }),
  );
  return (
    <ModalForm opened title={t('consent.record')} onClose={onClose} onSubmit={save} busy={busy} error={error} size="xl">
      <ConsentFields form={form} />
    </ModalForm>
  );
}

function WithdrawModal({
  consentId,
  onClose,
  onRecord,
}: {
  consentId: number;
  onClose: () => void;
  onRecord: (r: ClientRecord) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { consentId, on: clock.today(), note: '' },
    validate: schemaValidator(withdrawConsentSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('consent.withdraw', v), {
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
      title={t('consent.withdraw')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('consent.withdraw')}
    >
      <Text size="sm">{t('consent.withdrawIntro')}</Text>
      <DateField label={t('consent.withdrawnOnLabel')} required max={clock.today()} {...form.getInputProps('on')} />
      <Textarea
        label={t('consent.withdrawalNote')}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('note')}
      />
    </ModalForm>
  );
}
