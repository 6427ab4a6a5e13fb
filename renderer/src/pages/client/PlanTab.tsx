import { Accordion, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Goal, type PlansView, type SupportPlan, type Task } from '../../../../shared/domain/supportPlan';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { Section } from '../../components/Section/Section';
import { TaskList } from '../../components/TaskList/TaskList';
import { formatDate } from '../../format';
import { areaName, useNeedAreas } from '../../needAreas';
import { useCan } from '../../session';
import * as clock from '../../clock';
import { useChannel } from '../../useChannel';
import { GoalCard } from './plan/GoalCard';
import { PlanModal, EndPlanModal } from './plan/PlanModal';
import { GoalModal, ProgressModal } from './plan/GoalModal';
import { TaskModal } from './plan/TaskModal';

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
