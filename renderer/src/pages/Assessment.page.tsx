import { Checkbox, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentInputSchema, SCORE_MAX, SCORE_MIN, type AssessmentInput } from '../../../shared/domain/assessment';
import type { ClientRecord } from '../../../shared/domain/clientRecord';
import { localToday } from '../../../shared/domain/validation';
import { invoke } from '../api';
import { ClientHeader } from '../components/ClientHeader/ClientHeader';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import type { Route } from '../components/Workspace/Workspace';
import { errorSentence, schemaValidator } from '../errors';
import { areaName, useNeedAreas } from '../needAreas';
import { useSubmit } from '../useSubmit';
import { scoreColour } from './client/AssessmentsTab';

interface AreaValues {
  score: string;
  notes: string;
  strengths: string;
}
interface Values {
  assessedOn: string;
  sensitive: boolean;
  summary: string;
  areas: Record<string, AreaValues>;
}

const NOT_SCORED = '';
const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));

function toInput(v: Values): AssessmentInput {
  return {
    assessedOn: v.assessedOn,
    sensitive: v.sensitive,
    summary: v.summary,
    scores: Object.entries(v.areas)
      .filter(([, a]) => a.score !== NOT_SCORED)
      .map(([areaId, a]) => ({ areaId: Number(areaId), score: Number(a.score), notes: a.notes, strengths: a.strengths })),
  };
}

/**
 * A needs assessment: each area scored 1 (urgent need) to 10 (no need), with notes and strengths.
 * Areas can be left unscored; at least one must be scored.
 */
export function AssessmentPage({ clientId, assessmentId, go }: { clientId: number; assessmentId?: number; go: (r: Route) => void }) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<ClientRecord | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { areas } = useNeedAreas();
  const { busy, error, submit } = useSubmit();
  const form = useForm<Values>({
    initialValues: { assessedOn: localToday(), sensitive: false, summary: '', areas: {} },
    validate: (v) => {
      const errors = schemaValidator(assessmentInputSchema, t)(toInput(v));
      return errors.scores ? { ...errors, areas: errors.scores } : errors;
    },
  });
  const existing = record?.assessments.find((a) => a.id === assessmentId);

  useEffect(() => {
    void invoke('clients.get', { id: clientId }).then((r) => {
      if (!r.ok) return setLoadError(errorSentence(t, r.error));
      setRecord(r.value);
      const a = r.value.assessments.find((x) => x.id === assessmentId);
      if (a)
        form.setValues({
          assessedOn: a.assessedOn,
          sensitive: a.sensitive,
          summary: a.summary ?? '',
          areas: Object.fromEntries(a.scores.map((s) => [String(s.areaId), { score: String(s.score), notes: s.notes ?? '', strengths: s.strengths ?? '' }])),
        });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clientId, assessmentId]);

  if (loadError) return <FormAlert message={loadError} />;
  if (!record || !areas.length) return <Loader aria-label={t('common.loading')} />;
  const back: Route = { name: 'client', id: clientId, tab: 'assessments' };
  // Retired areas are not offered, unless this assessment already scored them.
  const shown = areas.filter((a) => !a.retired || existing?.scores.some((s) => s.areaId === a.id));
  const area = (id: number): AreaValues => form.values.areas[String(id)] ?? { score: NOT_SCORED, notes: '', strengths: '' };
  const setArea = (id: number, patch: Partial<AreaValues>) => {
    form.setFieldValue(`areas.${id}`, { ...area(id), ...patch });
    form.clearFieldError('areas');
  };

  const save = form.onSubmit((v) =>
    submit(
      () =>
        invoke('assessments.save', {
          clientId,
          target: existing ? { id: existing.id, version: existing.version } : null,
          assessment: toInput(v),
        }),
      {
        form,
        fieldPrefix: 'assessment.',
        renameFields: { scores: 'areas' },
        onOk: () => {
          notifications.show({ color: 'green', message: t('assessments.saved') });
          go(back);
        },
      },
    ),
  );

  return (
    <Stack maw={1000}>
      <ClientHeader client={record.client} riskFlags={record.riskFlags} back={back} go={go} subtitle={existing ? t('assessments.editTitle') : t('assessments.newTitle')} />
      <form onSubmit={save} noValidate>
        <Stack>
          <Paper withBorder p="lg">
            <Stack>
              <Group align="flex-end">
                <TextInput label={t('assessments.date')} type="date" required max={localToday()} w={200} {...form.getInputProps('assessedOn')} />
                <Checkbox mb={8} label={t('assessments.markSensitive')} description={t('assessments.sensitiveHelp')} {...form.getInputProps('sensitive', { type: 'checkbox' })} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('assessments.scale')}
              </Text>
              {form.errors.areas && <FormAlert message={String(form.errors.areas)} />}
            </Stack>
          </Paper>
          {shown.map((a) => {
            const name = areaName(t, a);
            const v = area(a.id);
            return (
              <Paper key={a.id} withBorder p="md" component="fieldset" aria-label={name} m={0}>
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap">
                    <Title order={2} size="h5">
                      {name}
                    </Title>
                    <SegmentedControl
                      aria-label={t('assessments.scoreFor', { area: name })}
                      size="xs"
                      value={v.score}
                      color={v.score ? scoreColour(Number(v.score)) : undefined}
                      onChange={(score) => setArea(a.id, { score })}
                      data={[{ value: NOT_SCORED, label: t('assessments.notScored') }, ...SCORES.map((s) => ({ value: s, label: s }))]}
                    />
                  </Group>
                  {v.score !== NOT_SCORED && (
                    <SimpleGrid cols={2}>
                      <Textarea
                        label={t('assessments.notesFor', { area: name })}
                        autosize
                        minRows={1}
                        maxLength={4000}
                        value={v.notes}
                        onChange={(e) => setArea(a.id, { notes: e.currentTarget.value })}
                      />
                      <Textarea
                        label={t('assessments.strengthsFor', { area: name })}
                        autosize
                        minRows={1}
                        maxLength={4000}
                        value={v.strengths}
                        onChange={(e) => setArea(a.id, { strengths: e.currentTarget.value })}
                      />
                    </SimpleGrid>
                  )}
                </Stack>
              </Paper>
            );
          })}
          <Paper withBorder p="lg">
            <Stack>
              <Textarea label={t('assessments.summary')} autosize minRows={3} maxLength={8000} {...form.getInputProps('summary')} />
              <FormActions error={error} busy={busy} onCancel={() => go(back)} />
            </Stack>
          </Paper>
        </Stack>
      </form>
    </Stack>
  );
}
