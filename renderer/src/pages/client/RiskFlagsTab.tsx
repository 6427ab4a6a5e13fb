import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../../shared/domain/clientRecord';
import {
  raiseRiskFlagSchema,
  removeRiskFlagSchema,
  RISK_FLAG_KINDS,
  type RiskFlag,
} from '../../../../shared/domain/riskFlag';
import { invoke } from '../../api';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { schemaValidator } from '../../errors';
import { formatDate } from '../../format';
import { useCan } from '../../session';
import { useSubmit } from '../../useSubmit';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';

export function RiskFlagsTab({ record, onRecord }: { record: ClientRecord; onRecord: (r: ClientRecord) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [raising, setRaising] = useState(false);
  const [removing, setRemoving] = useState<RiskFlag | null>(null);
  const date = (d: string | null) => formatDate(d, i18n.language);
  const active = record.riskFlags.filter((f) => !f.removedOn);
  const removed = record.riskFlags.filter((f) => f.removedOn);

  return (
    <Stack>
      {can('riskFlags.raise') && (
        <Button color="red" variant="light" w="fit-content" onClick={() => setRaising(true)}>
          {t('riskFlags.raise')}
        </Button>
      )}
      {active.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('riskFlags.none')}
        </Text>
      )}
      {active.map((f) => (
        <Paper
          key={f.id}
          withBorder
          p="md"
          style={{ borderLeft: '4px solid var(--mantine-color-red-7)' }}
          component="article"
          aria-label={t(`riskFlags.kinds.${f.kind}`)}
        >
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Text fw={700}>{t(`riskFlags.kinds.${f.kind}`)}</Text>
              {f.note && <Text style={{ whiteSpace: 'pre-line' }}>{f.note}</Text>}
              <Text size="sm" c="dimmed">
                {t('riskFlags.raisedBy', { date: date(f.raisedOn), name: f.raisedByName ?? '' })}
              </Text>
            </Stack>
            {can('riskFlags.remove') && (
              <Button
                variant="default"
                size="xs"
                onClick={() => setRemoving(f)}
                aria-label={t('riskFlags.removeName', { kind: t(`riskFlags.kinds.${f.kind}`) })}
              >
                {t('riskFlags.remove')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
      {removed.length > 0 && (
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('riskFlags.removedTitle')}
          </Text>
          {removed.map((f) => (
            <Paper key={f.id} withBorder p="sm" bg="var(--mantine-color-gray-0)">
              <Group gap="xs">
                <Badge color="gray" variant="light">
                  {t(`riskFlags.kinds.${f.kind}`)}
                </Badge>
                <Text size="sm">{f.note}</Text>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                {t('riskFlags.raisedBy', { date: date(f.raisedOn), name: f.raisedByName ?? '' })} ·{' '}
                {t('riskFlags.removedBy', { date: date(f.removedOn), name: f.removedByName ?? '' })}
                {f.removalNote ? `: ${f.removalNote}` : ''}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {raising && <RaiseModal clientId={record.client.id} onClose={() => setRaising(false)} onRecord={onRecord} />}
      {removing && <RemoveModal flag={removing} onClose={() => setRemoving(null)} onRecord={onRecord} />}
    </Stack>
  );
}

function RaiseModal({
  clientId,
  onClose,
  onRecord,
}: {
  clientId: number;
  onClose: () => void;
  onRecord: (r: ClientRecord) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { clientId, kind: '', note: '', raisedOn: clock.today() },
    validate: (v) => schemaValidator(raiseRiskFlagSchema, t)({ ...v, kind: v.kind || undefined }),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('riskFlags.raise', { ...v, kind: v.kind as RiskFlag['kind'] }), {
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
      title={t('riskFlags.raise')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('riskFlags.raiseButton')}
    >
      <Select
        label={t('riskFlags.kind')}
        required
        data-autofocus
        data={RISK_FLAG_KINDS.map((k) => ({ value: k, label: t(`riskFlags.kinds.${k}`) }))}
        {...form.getInputProps('kind')}
      />
      <Textarea
        label={t('riskFlags.note')}
        description={t('riskFlags.noteHelp')}
        autosize
        minRows={2}
        maxLength={1000}
        {...form.getInputProps('note')}
      />
      <DateField label={t('riskFlags.raisedOn')} required max={clock.today()} {...form.getInputProps('raisedOn')} />
    </ModalForm>
  );
}

function RemoveModal({
  flag,
  onClose,
  onRecord,
}: {
  flag: RiskFlag;
  onClose: () => void;
  onRecord: (r: ClientRecord) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { id: flag.id, on: clock.today(), note: '' },
    validate: schemaValidator(removeRiskFlagSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('riskFlags.remove', v), {
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
      title={t('riskFlags.removeName', { kind: t(`riskFlags.kinds.${flag.kind}`) })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('riskFlags.remove')}
    >
      <Text size="sm">{t('riskFlags.removeIntro')}</Text>
      <DateField label={t('riskFlags.removedOn')} required max={clock.today()} {...form.getInputProps('on')} />
      <Textarea
        label={t('riskFlags.removalNote')}
        autosize
        minRows={2}
        maxLength={1000}
        {...form.getInputProps('note')}
      />
    </ModalForm>
  );
}
