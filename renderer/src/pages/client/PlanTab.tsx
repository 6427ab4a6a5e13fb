import {
  Accordion,
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
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  endPlanSchema,
  GOAL_OWNERS,
  GOAL_STATUSES,
  goalInputSchema,
  goalRules,
  goalTransitionProblem,
  isGoalOpen,
  supportPlanInputSchema,
  targetDatePassed,
  taskInputSchema,
  type Goal,
  type GoalOwner,
  type GoalStatus,
  type PlansView,
  type SupportPlan,
  type Task,
} from '../../../../shared/domain/supportPlan';
import { invoke } from '../../api';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { Section } from '../../components/Section/Section';
import { TaskList } from '../../components/TaskList/TaskList';
import { schemaValidator, translatedFields } from '../../errors';
import { formatDate } from '../../format';
import { areaName, useNeedAreas } from '../../needAreas';
import { useCan, useSession } from '../../session';
import { selfIfCaseworker } from '../../components/ClientFields/ClientFields';
import { useSubmit } from '../../useSubmit';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';
import { useChannel } from '../../useChannel';

export const GOAL_STATUS_COLOURS: Record<GoalStatus, string> = {
  notStarted: 'gray',
  inProgress: 'blue',
  achieved: 'green',
  partlyAchieved: 'teal',
  notAchieved: 'orange',
  dropped: 'dark',
};

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={GOAL_STATUS_COLOURS[status]} variant="light">
      {t(`goals.statuses.${status}`)}
    </Badge>
  );
}

/** The goals of the active plan, for linking a note or a task to one. */
export function goalOptions(view: PlansView | null): { value: string; label: string }[] {
  return (view?.active?.goals ?? []).map((g) => ({ value: String(g.id), label: g.description }));
}

type Modal =
  | { kind: 'plan'; plan: SupportPlan | null }
  | { kind: 'end'; plan: SupportPlan }
  | { kind: 'goal'; planId: number; goal: Goal | null }
  | { kind: 'progress'; goal: Goal }
  | { kind: 'task'; task: Task | null };

/** The client's support plan with its SMART goals, their progress, the client's tasks, and earlier plans. */
export function PlanTab({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { data: view, error, replace: setView } = useChannel('plans.get', { clientId });
  const [modal, setModal] = useState<Modal | null>(null);
  const { areas } = useNeedAreas();
  const date = (d: string | null) => formatDate(d, i18n.language);
  const today = clock.today();

  if (error) return <FormAlert message={error} />;
  if (!view) return <Loader aria-label={t('common.loading')} />;
  const close = () => setModal(null);
  const changed = (message: string) => (v: PlansView) => {
    setView(v);
    close();
    notifications.show({ color: 'green', message });
  };
  const active = view.active;
  const openTasks = view.tasks.filter((x) => !x.doneOn);
  const doneTasks = view.tasks.filter((x) => x.doneOn);
  const onTask = (task: Task) => setView({ ...view, tasks: view.tasks.map((x) => (x.id === task.id ? task : x)) });

  return (
    <Stack>
      {active ? (
        <Section title={t('plans.activeTitle', { date: date(active.agreedOn) })}>
          {active.summary && <Text style={{ whiteSpace: 'pre-line' }}>{active.summary}</Text>}
          <Text size="sm" c="dimmed">
            {t('plans.byName', { name: active.createdByName ?? '' })}
          </Text>
          {can('plans.update') && (
            <Group gap="xs">
              <Button onClick={() => setModal({ kind: 'goal', planId: active.id, goal: null })}>
                {t('goals.add')}
              </Button>
              <Button variant="default" onClick={() => setModal({ kind: 'plan', plan: active })}>
                {t('plans.editPlan')}
              </Button>
              <Button variant="subtle" color="red" onClick={() => setModal({ kind: 'end', plan: active })}>
                {t('plans.end')}
              </Button>
            </Group>
          )}
          {active.goals.length === 0 && <Text c="dimmed">{t('plans.noGoals')}</Text>}
          {active.goals.map((g) => (
            <GoalCard
              key={g.id}
              goal={g}
              areaLabel={
                g.areaId
                  ? areaName(
                      t,
                      areas.find((a) => a.id === g.areaId),
                    )
                  : null
              }
              today={today}
              onEdit={can('goals.save') ? () => setModal({ kind: 'goal', planId: active.id, goal: g }) : undefined}
              onProgress={can('goals.update') ? () => setModal({ kind: 'progress', goal: g }) : undefined}
            />
          ))}
        </Section>
      ) : (
        <Paper withBorder p="lg">
          <Stack>
            <Text>{t('plans.none')}</Text>
            {can('plans.agree') && (
              <Button w="fit-content" onClick={() => setModal({ kind: 'plan', plan: null })}>
                {t('plans.agree')}
              </Button>
            )}
          </Stack>
        </Paper>
      )}

      <Section title={t('tasks.title')}>
        {can('tasks.save') && (
          <Button w="fit-content" variant="light" onClick={() => setModal({ kind: 'task', task: null })}>
            {t('tasks.add')}
          </Button>
        )}
        {view.tasks.length === 0 && <Text c="dimmed">{t('tasks.none')}</Text>}
        <TaskList
          tasks={openTasks}
          today={today}
          onChanged={onTask}
          showAssignee
          onEdit={can('tasks.save') ? (task) => setModal({ kind: 'task', task }) : undefined}
        />
        {doneTasks.length > 0 && (
          <Accordion variant="contained">
            <Accordion.Item value="done">
              <Accordion.Control>{t('tasks.doneTitle', { count: doneTasks.length })}</Accordion.Control>
              <Accordion.Panel>
                <TaskList tasks={doneTasks} today={today} onChanged={onTask} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        )}
      </Section>

      {view.earlier.length > 0 && (
        <Section title={t('plans.earlier')}>
          <Accordion variant="contained">
            {view.earlier.map((p) => (
              <Accordion.Item key={p.id} value={String(p.id)}>
                <Accordion.Control>
                  {t('plans.endedTitle', { agreed: date(p.agreedOn), ended: date(p.endedOn) })}
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {p.summary && <Text style={{ whiteSpace: 'pre-line' }}>{p.summary}</Text>}
                    {p.endReason && (
                      <Text size="sm">{p.endReason === 'merged' ? t('plans.endedByMerge') : p.endReason}</Text>
                    )}
                    {p.goals.map((g) => (
                      <GoalCard
                        key={g.id}
                        goal={g}
                        areaLabel={
                          g.areaId
                            ? areaName(
                                t,
                                areas.find((a) => a.id === g.areaId),
                              )
                            : null
                        }
                        today={today}
                      />
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Section>
      )}

      {modal?.kind === 'plan' && (
        <PlanModal clientId={clientId} plan={modal.plan} onClose={close} onSaved={changed(t('plans.saved'))} />
      )}
      {modal?.kind === 'end' && <EndPlanModal plan={modal.plan} onClose={close} onSaved={changed(t('plans.ended'))} />}
      {modal?.kind === 'goal' && (
        <GoalModal planId={modal.planId} goal={modal.goal} onClose={close} onSaved={changed(t('goals.saved'))} />
      )}
      {modal?.kind === 'progress' && (
        <ProgressModal goal={modal.goal} onClose={close} onSaved={changed(t('goals.progressSaved'))} />
      )}
      {modal?.kind === 'task' && (
        <TaskModal
          clientId={clientId}
          task={modal.task}
          view={view}
          onClose={close}
          onSaved={changed(t('tasks.saved'))}
        />
      )}
    </Stack>
  );
}

function GoalCard({
  goal,
  areaLabel,
  today,
  onEdit,
  onProgress,
}: {
  goal: Goal;
  areaLabel: string | null;
  today: string;
  onEdit?: () => void;
  onProgress?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const date = (d: string | null) => formatDate(d, i18n.language);
  const late = isGoalOpen(goal.status) && targetDatePassed(goal.targetDate, today);
  const owner =
    goal.owner === 'agency' && goal.ownerDetail
      ? `${t('goals.owners.agency')}: ${goal.ownerDetail}`
      : t(`goals.owners.${goal.owner}`);
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={goal.description}
      style={{ borderLeft: `4px solid var(--mantine-color-${GOAL_STATUS_COLOURS[goal.status]}-5)` }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={700}>{goal.description}</Text>
          <GoalStatusBadge status={goal.status} />
        </Group>
        <Text size="sm">{t('goals.measureLabel', { measure: goal.measure })}</Text>
        <Group gap="xs">
          <Badge variant="outline" color={late ? 'red' : 'gray'}>
            {t('goals.target', { date: date(goal.targetDate) })}
          </Badge>
          {late && (
            <Badge color="red" variant="filled">
              {t('goals.pastTarget')}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {t('goals.ownerLabel', { owner })}
          </Text>
          {areaLabel && (
            <Badge variant="dot" color="indigo">
              {areaLabel}
            </Badge>
          )}
        </Group>
        {goal.updates.length > 0 && (
          <Stack gap={2} pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            {goal.updates.slice(0, 5).map((u) => (
              <Text key={u.id} size="sm">
                <Text span c="dimmed">
                  {date(u.on)}
                  {u.recordedByName ? `, ${u.recordedByName}` : ''}
                  {u.reviewId ? ` (${t('goals.atReview')})` : ''}:{' '}
                </Text>
                {u.status && u.fromStatus && (
                  <Text
                    span
                    fw={600}
                  >{`${t(`goals.statuses.${u.fromStatus}`)} → ${t(`goals.statuses.${u.status}`)}. `}</Text>
                )}
                {u.note}
              </Text>
            ))}
          </Stack>
        )}
        {(onProgress || onEdit) && (
          <Group gap="xs">
            {onProgress && (
              <Button
                size="xs"
                variant="light"
                onClick={onProgress}
                aria-label={`${t('goals.recordProgress')}: ${goal.description}`}
              >
                {t('goals.recordProgress')}
              </Button>
            )}
            {onEdit && (
              <Button
                size="xs"
                variant="default"
                onClick={onEdit}
                aria-label={`${t('goals.editTitle')}: ${goal.description}`}
              >
                {t('common.edit')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function PlanModal({
  clientId,
  plan,
  onClose,
  onSaved,
}: {
  clientId: number;
  plan: SupportPlan | null;
  onClose: () => void;
  onSaved: (v: PlansView) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { agreedOn: plan?.agreedOn ?? clock.today(), summary: plan?.summary ?? '' },
    validate: schemaValidator(supportPlanInputSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(
      () =>
        plan
          ? invoke('plans.update', { id: plan.id, version: plan.version, plan: v })
          : invoke('plans.agree', { clientId, plan: v }),
      {
        form,
        fieldPrefix: 'plan.',
        onOk: onSaved,
      },
    ),
  );
  return (
    <ModalForm
      opened
      title={plan ? t('plans.editTitle') : t('plans.agreeTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
    >
      <DateField
        label={t('plans.agreedOn')}
        required
        max={clock.today()}
        w={220}
        data-autofocus
        {...form.getInputProps('agreedOn')}
      />
      <Textarea
        label={t('plans.summary')}
        description={t('plans.summaryHelp')}
        autosize
        minRows={3}
        maxLength={4000}
        {...form.getInputProps('summary')}
      />
    </ModalForm>
  );
}

function EndPlanModal({
  plan,
  onClose,
  onSaved,
}: {
  plan: SupportPlan;
  onClose: () => void;
  onSaved: (v: PlansView) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { id: plan.id, version: plan.version, on: clock.today(), reason: '' },
    validate: schemaValidator(endPlanSchema, t),
  });
  const save = form.onSubmit((v) => submit(() => invoke('plans.end', v), { form, onOk: onSaved }));
  return (
    <ModalForm
      opened
      title={t('plans.endTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('plans.end')}
    >
      <Text size="sm">{t('plans.endText')}</Text>
      <DateField
        label={t('plans.endedOn')}
        required
        min={plan.agreedOn}
        max={clock.today()}
        w={220}
        {...form.getInputProps('on')}
      />
      <Textarea label={t('plans.endReason')} autosize minRows={2} maxLength={1000} {...form.getInputProps('reason')} />
    </ModalForm>
  );
}

interface GoalValues {
  description: string;
  measure: string;
  targetDate: string;
  owner: string;
  ownerDetail: string;
  areaId: string;
}
const toGoal = (v: GoalValues) => ({ ...v, owner: v.owner as GoalOwner, areaId: v.areaId ? Number(v.areaId) : null });

interface TaskValues {
  title: string;
  dueOn: string;
  assignedTo: string;
  goalId: string;
  note: string;
}
const toTask = (v: TaskValues) => ({
  ...v,
  assignedTo: v.assignedTo ? Number(v.assignedTo) : (undefined as unknown as number),
  goalId: v.goalId ? Number(v.goalId) : null,
});

/** A SMART goal: the form asks for each part, and warns (without refusing) when the target date has passed. */
function GoalModal({
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

function ProgressModal({
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

/** The statuses a goal can move to from `from` (the rules live in the shared domain). */
export function GoalStatusSelect({
  from,
  ...props
}: {
  from: GoalStatus;
  label: string;
  value?: string;
  onChange?: (v: string | null) => void;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const allowed = GOAL_STATUSES.filter(
    (s) => s === from || (from === 'inProgress' ? s !== 'notStarted' : isGoalOpen(from) || s === 'inProgress'),
  );
  return (
    <Select
      {...props}
      error={props.error as string | undefined}
      required
      allowDeselect={false}
      data={allowed.map((s) => ({ value: s, label: t(`goals.statuses.${s}`) }))}
    />
  );
}

function TaskModal({
  clientId,
  task,
  view,
  onClose,
  onSaved,
}: {
  clientId: number;
  task: Task | null;
  view: PlansView;
  onClose: () => void;
  onSaved: (v: PlansView) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const { busy, error, submit } = useSubmit();
  const [people, setPeople] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    void invoke('tasks.assignees', {}).then(
      (r) => r.ok && setPeople(r.value.map((u) => ({ value: String(u.id), label: u.name }))),
    );
  }, []);
  const form = useForm<TaskValues>({
    initialValues: task
      ? {
          title: task.title,
          dueOn: task.dueOn,
          assignedTo: String(task.assignedTo),
          goalId: task.goalId ? String(task.goalId) : '',
          note: task.note ?? '',
        }
      : { title: '', dueOn: clock.today(), assignedTo: selfIfCaseworker(session), goalId: '', note: '' },
    validate: (v) => schemaValidator(taskInputSchema, t)(toTask(v)),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('tasks.save', { clientId, id: task?.id ?? null, task: toTask(v) }), {
      form,
      fieldPrefix: 'task.',
      onOk: onSaved,
    }),
  );
  return (
    <ModalForm
      opened
      title={task ? t('tasks.editTitle') : t('tasks.addTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
    >
      <TextInput label={t('tasks.what')} required maxLength={300} data-autofocus {...form.getInputProps('title')} />
      <SimpleGrid cols={2}>
        <DateField label={t('tasks.dueOn')} required {...form.getInputProps('dueOn')} />
        <Select
          label={t('tasks.assignedTo')}
          required
          searchable
          data={people}
          {...form.getInputProps('assignedTo')}
          onChange={(v) => form.setFieldValue('assignedTo', v ?? '')}
        />
      </SimpleGrid>
      <Select
        label={t('tasks.goal')}
        data={goalOptions(view)}
        clearable
        placeholder={t('tasks.noGoal')}
        {...form.getInputProps('goalId')}
        onChange={(v) => form.setFieldValue('goalId', v ?? '')}
      />
      <Textarea label={t('tasks.note')} autosize minRows={1} maxLength={2000} {...form.getInputProps('note')} />
    </ModalForm>
  );
}
