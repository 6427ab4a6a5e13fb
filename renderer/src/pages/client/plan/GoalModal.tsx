import { Alert, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  GOAL_OWNERS,
  goalInputSchema,
  goalRules,
  goalTransitionProblem,
  targetDatePassed,
  type Goal,
  type GoalOwner,
  type GoalStatus,
  type PlansView,
} from '../../../../../shared/domain/supportPlan';
import { invoke } from '../../../api';
import { ModalForm } from '../../../components/ModalForm/ModalForm';
import { schemaValidator, translatedFields } from '../../../errors';
import { areaName, useNeedAreas } from '../../../needAreas';
import { useSubmit } from '../../../useSubmit';
import * as clock from '../../../clock';
import { DateField } from '../../../components/DateField/DateField';
import { GoalStatusSelect } from '../../../components/GoalStatus/GoalStatus';

export interface GoalValues {
  description: string;
  measure: string;
  targetDate: string;
  owner: string;
  ownerDetail: string;
  areaId: string;
}

export const toGoal = (v: GoalValues) => ({
  ...v,
  owner: v.owner as GoalOwner,
  areaId: v.areaId ? Number(v.areaId) : null,
});

/** A SMART goal: the form asks for each part, and warns (without refusing) when the target date has passed. */
export function GoalModal({
  planId,
  goal,
  onClose,
  onSaved,
}: {
  planId: number;
  goal: Goal | null;
  onClose: () => void;
  onSaved: (v: PlansView) => void;
}) {
  const { t } = useTranslation();
  const { areas } = useNeedAreas();
  const { busy, error, submit } = useSubmit();
  const form = useForm<GoalValues>({
    initialValues: {
      description: goal?.description ?? '',
      measure: goal?.measure ?? '',
      targetDate: goal?.targetDate ?? '',
      owner: goal?.owner ?? 'client',
      ownerDetail: goal?.ownerDetail ?? '',
      areaId: goal?.areaId ? String(goal.areaId) : '',
    },
    validate: (v) => ({ ...translatedFields(t, goalRules(v)), ...schemaValidator(goalInputSchema, t)(toGoal(v)) }),
  });
  const save = form.onSubmit((v) =>
    submit(
      () =>
        invoke('goals.save', { planId, target: goal ? { id: goal.id, version: goal.version } : null, goal: toGoal(v) }),
      { form, fieldPrefix: 'goal.', onOk: onSaved },
    ),
  );
  const passed = targetDatePassed(form.values.targetDate, clock.today());
  const areaChoices = areas
    .filter((a) => !a.retired || a.id === goal?.areaId)
    .map((a) => ({ value: String(a.id), label: areaName(t, a) }));
  return (
    <ModalForm
      opened
      title={goal ? t('goals.editTitle') : t('goals.addTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
    >
      <Text size="sm" c="dimmed">
        {t('goals.smartIntro')}
      </Text>
      <Textarea
        label={t('goals.description')}
        description={t('goals.descriptionHelp')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
        {...form.getInputProps('description')}
      />
      <Textarea
        label={t('goals.measure')}
        description={t('goals.measureHelp')}
        required
        autosize
        minRows={1}
        maxLength={1000}
        {...form.getInputProps('measure')}
      />
      <SimpleGrid cols={2}>
        <DateField label={t('goals.targetDate')} required {...form.getInputProps('targetDate')} />
        <Select
          label={t('goals.area')}
          data={areaChoices}
          clearable
          placeholder={t('goals.noArea')}
          {...form.getInputProps('areaId')}
          onChange={(v) => form.setFieldValue('areaId', v ?? '')}
        />
      </SimpleGrid>
      {passed && (
        <Alert color="orange" variant="light" role="status">
          {t('goals.targetPassed')}
        </Alert>
      )}
      <SimpleGrid cols={2}>
        <Select
          label={t('goals.owner')}
          required
          allowDeselect={false}
          data={GOAL_OWNERS.map((o) => ({ value: o, label: t(`goals.owners.${o}`) }))}
          {...form.getInputProps('owner')}
        />
        {form.values.owner === 'agency' && (
          <TextInput label={t('goals.ownerDetail')} required maxLength={200} {...form.getInputProps('ownerDetail')} />
        )}
      </SimpleGrid>
    </ModalForm>
  );
}

export function ProgressModal({
  goal,
  onClose,
  onSaved,
}: {
  goal: Goal;
  onClose: () => void;
  onSaved: (v: PlansView) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { on: clock.today(), status: goal.status as string, note: '' },
    validate: (v) => {
      const problem =
        v.status === goal.status && !v.note.trim()
          ? 'required'
          : goalTransitionProblem(goal.status, v.status as GoalStatus, v.note);
      return problem ? translatedFields(t, { [problem === 'transitionNotAllowed' ? 'status' : 'note']: problem }) : {};
    },
  });
  const save = form.onSubmit((v) =>
    submit(
      () =>
        invoke('goals.update', {
          goalId: goal.id,
          version: goal.version,
          on: v.on,
          status: v.status as GoalStatus,
          note: v.note,
        }),
      { form, onOk: onSaved },
    ),
  );
  return (
    <ModalForm
      opened
      title={t('goals.progressTitle', { goal: goal.description })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
    >
      <SimpleGrid cols={2}>
        <DateField label={t('goals.progressOn')} required max={clock.today()} {...form.getInputProps('on')} />
        <GoalStatusSelect label={t('goals.status')} from={goal.status} {...form.getInputProps('status')} />
      </SimpleGrid>
      <Textarea
        label={t('goals.progressNote')}
        description={t('goals.progressNoteHelp')}
        autosize
        minRows={3}
        maxLength={4000}
        data-autofocus
        {...form.getInputProps('note')}
      />
    </ModalForm>
  );
}
