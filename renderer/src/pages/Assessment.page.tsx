import {
  Checkbox,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentInputSchema, SCORE_MAX, SCORE_MIN, type AssessmentInput } from '../../../shared/domain/assessment';
import type { ClientRecord } from '../../../shared/domain/clientRecord';
import { goalTransitionProblem, type GoalStatus, type PlansView } from '../../../shared/domain/supportPlan';
import { invoke } from '../api';
import { ClientHeader } from '../components/ClientHeader/ClientHeader';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import type { Route } from '../routes';
import { errorSentence, schemaValidator } from '../errors';
import { areaName, useNeedAreas } from '../needAreas';
import { useSubmit } from '../useSubmit';
import { scoreColour } from './client/AssessmentsTab';
import { GoalStatusSelect } from '../components/GoalStatus/GoalStatus';
import * as clock from '../clock';
import { DateField } from '../components/DateField/DateField';
import { useGo, useUnsavedGuard } from '../navigation';

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
  /** In a review: each goal of the active plan, its status and a note. */
  goals: Record<string, { status: string; note: string }>;
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
      .map(([areaId, a]) => ({
        areaId: Number(areaId),
        score: Number(a.score),
        notes: a.notes,
        strengths: a.strengths,
      })),
  };
}

/**
 * A needs assessment: each area scored 1 (urgent need) to 10 (no need), with notes and strengths.
 * Areas can be left unscored; at least one must be scored. A review is the same form, with the last
 * score beside each area and the goals of the active support plan to bring up to date.
 */
export function AssessmentPage({
  clientId,
  assessmentId,
  review = false,
}: {
  clientId: number;
  assessmentId?: number;
  review?: boolean;
}) {
  const go = useGo();
  const { t } = useTranslation();
  const [record, setRecord] = useState<ClientRecord | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [plans, setPlans] = useState<PlansView | null>(null);
  const { areas } = useNeedAreas();
  const { busy, error, submit } = useSubmit();
  const form = useForm<Values>({
    initialValues: { assessedOn: clock.today(), sensitive: false, summary: '', areas: {}, goals: {} },
    validate: (v) => {
      const errors = schemaValidator(assessmentInputSchema, t)(toInput(v));
      for (const g of plans?.active?.goals ?? []) {
        const change = v.goals[String(g.id)];
        const problem = change && goalTransitionProblem(g.status, change.status as GoalStatus, change.note);
        if (problem)
          errors[`goals.${g.id}.${problem === 'transitionNotAllowed' ? 'status' : 'note'}`] = t(
            `validation.${problem}`,
          );
      }
      return errors.scores ? { ...errors, areas: errors.scores } : errors;
    },
  });
  useUnsavedGuard(form.isDirty);
  const existing = record?.assessments.find((a) => a.id === assessmentId);
  const last = review ? record?.assessments.find((a) => !a.withheld) : undefined;

  useEffect(() => {
    if (review)
      void invoke('plans.get', { clientId }).then((r) => {
        if (!r.ok) return;
        setPlans(r.value);
        const goals = Object.fromEntries(
          (r.value.active?.goals ?? []).map((g) => [String(g.id), { status: g.status, note: '' }]),
        );
        form.setFieldValue('goals', goals);
        form.resetDirty({ ...form.getValues(), goals });
      });
    void invoke('clients.get', { id: clientId }).then((r) => {
      if (!r.ok) return setLoadError(errorSentence(t, r.error));
      setRecord(r.value);
      const a = r.value.assessments.find((x) => x.id === assessmentId);
      if (a) {
        // What was saved is where "unsaved" is counted from.
        const saved = {
          assessedOn: a.assessedOn,
          sensitive: a.sensitive,
          summary: a.summary ?? '',
          areas: Object.fromEntries(
            a.scores.map((s) => [
              String(s.areaId),
              { score: String(s.score), notes: s.notes ?? '', strengths: s.strengths ?? '' },
            ]),
          ),
        };
        form.setValues(saved);
        form.resetDirty({ ...form.getValues(), ...saved });
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clientId, assessmentId]);

  if (loadError) return <FormAlert message={loadError} />;
  if (!record || !areas.length) return <Loader aria-label={t('common.loading')} />;
  const back: Route = { name: 'client', id: clientId, tab: 'assessments' };
  // Retired areas are not offered, unless this assessment already scored them.
  const shown = areas.filter((a) => !a.retired || existing?.scores.some((s) => s.areaId === a.id));
  const area = (id: number): AreaValues =>
    form.values.areas[String(id)] ?? { score: NOT_SCORED, notes: '', strengths: '' };
  const setArea = (id: number, patch: Partial<AreaValues>) => {
    form.setFieldValue(`areas.${id}`, { ...area(id), ...patch });
    form.clearFieldError('areas');
  };

  const activeGoals = plans?.active?.goals ?? [];
  const goalChanges = (v: Values) =>
    activeGoals.map((g) => ({
      goalId: g.id,
      version: g.version,
      status: (v.goals[String(g.id)]?.status ?? g.status) as GoalStatus,
      note: v.goals[String(g.id)]?.note ?? '',
    }));
  const save = form.onSubmit((v) =>
    submit(
      () =>
        review
          ? invoke('reviews.record', { clientId, review: toInput(v), goals: goalChanges(v) })
          : invoke('assessments.save', {
              clientId,
              target: existing ? { id: existing.id, version: existing.version } : null,
              assessment: toInput(v),
            }),
      {
        form,
        fieldPrefix: review ? 'review.' : 'assessment.',
        // The core names a goal by its row in the list; the form by its id.
        renameFields: {
          scores: 'areas',
          ...Object.fromEntries(
            activeGoals.flatMap((g, i) => ['status', 'note'].map((f) => [`goals.${i}.${f}`, `goals.${g.id}.${f}`])),
          ),
        },
        onOk: () => {
          notifications.show({ color: 'green', message: t(review ? 'reviews.saved' : 'assessments.saved') });
          go(back);
        },
      },
    ),
  );

  return (
    <Stack maw={1000}>
      <ClientHeader
        client={record.client}
        riskFlags={record.riskFlags}
        back={back}

        subtitle={review ? t('reviews.title') : existing ? t('assessments.editTitle') : t('assessments.newTitle')}
      />
      <form onSubmit={save} noValidate>
        <Stack>
          <Paper withBorder p="lg">
            <Stack>
              <Group align="flex-end">
                <DateField
                  label={review ? t('reviews.date') : t('assessments.date')}
                  required
                  max={clock.today()}
                  w={200}
                  {...form.getInputProps('assessedOn')}
                />
                <Checkbox
                  mb={8}
                  label={t('assessments.markSensitive')}
                  description={t('assessments.sensitiveHelp')}
                  {...form.getInputProps('sensitive', { type: 'checkbox' })}
                />
              </Group>
              <Text size="sm" c="dimmed">
                {review ? t('reviews.intro') : t('assessments.scale')}
              </Text>
              {form.errors.areas && <FormAlert message={String(form.errors.areas)} />}
            </Stack>
          </Paper>
          {shown.map((a) => {
            const name = areaName(t, a);
            const v = area(a.id);
            const lastScore = last?.scores.find((s) => s.areaId === a.id)?.score;
            return (
              <Paper key={a.id} withBorder p="md" component="fieldset" aria-label={name} m={0}>
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="xs">
                      <Title order={2} size="h5">
                        {name}
                      </Title>
                      {lastScore !== undefined && (
                        <Text size="sm" c="dimmed">
                          {t('reviews.lastScore', { score: lastScore })}
                        </Text>
                      )}
                    </Group>
                    <SegmentedControl
                      aria-label={t('assessments.scoreFor', { area: name })}
                      size="xs"
                      value={v.score}
                      color={v.score ? scoreColour(Number(v.score)) : undefined}
                      onChange={(score) => setArea(a.id, { score })}
                      data={[
                        { value: NOT_SCORED, label: t('assessments.notScored') },
                        ...SCORES.map((s) => ({ value: s, label: s })),
                      ]}
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
          {review && (
            <Paper withBorder p="lg" component="section" aria-label={t('reviews.goalsTitle')}>
              <Stack>
                <Title order={2} size="h4">
                  {t('reviews.goalsTitle')}
                </Title>
                {activeGoals.length === 0 && <Text c="dimmed">{t('reviews.noPlan')}</Text>}
                {activeGoals.map((g) => (
                  <SimpleGrid key={g.id} cols={2}>
                    <GoalStatusSelect
                      label={t('reviews.goalStatus', { goal: g.description })}
                      from={g.status}
                      {...form.getInputProps(`goals.${g.id}.status`)}
                    />
                    <Textarea
                      label={t('reviews.goalNote', { goal: g.description })}
                      autosize
                      minRows={1}
                      maxLength={4000}
                      {...form.getInputProps(`goals.${g.id}.note`)}
                    />
                  </SimpleGrid>
                ))}
              </Stack>
            </Paper>
          )}
          <Paper withBorder p="lg">
            <Stack>
              <Textarea
                label={t('assessments.summary')}
                autosize
                minRows={3}
                maxLength={8000}
                {...form.getInputProps('summary')}
              />
              <FormActions error={error} busy={busy} onCancel={() => go(back)} />
            </Stack>
          </Paper>
        </Stack>
      </form>
    </Stack>
  );
}
