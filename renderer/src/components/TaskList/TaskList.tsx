import { Anchor, Badge, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../shared/domain/supportPlan';
import { invoke } from '../../api';
import { errorSentence } from '../../errors';
import { formatDate } from '../../format';
import { FormAlert } from '../FormAlert/FormAlert';
import { useGo } from '../../navigation';

/** How a task's date reads today: overdue (red), due today (orange) or just its date. */
export function DueBadge({ dueOn, today }: { dueOn: string; today: string }) {
  const { t, i18n } = useTranslation();
  const date = formatDate(dueOn, i18n.language);
  if (dueOn < today)
    return (
      <Badge color="red" variant="light">
        {t('home.overdueSince', { date })}
      </Badge>
    );
  if (dueOn === today)
    return (
      <Badge color="orange" variant="light">
        {t('home.dueToday')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="light">
      {t('home.dueOn', { date })}
    </Badge>
  );
}

/**
 * Tasks with a tick box each. Ticking saves at once (one action, one save) and reports the changed
 * task; a refusal (someone else's task) shows as a sentence and the box goes back.
 */
export function TaskList({
  tasks,
  today,
  onChanged,
  showClient,
  showAssignee,
  onEdit,
}: {
  tasks: Task[];
  today: string;
  onChanged: (task: Task) => void;
  showClient?: boolean;
  showAssignee?: boolean;
  /** Shown as an Edit button on tasks not yet done. */
  onEdit?: (task: Task) => void;
}) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const toggle = async (task: Task, done: boolean) => {
    setBusy(task.id);
    setError(null);
    const r = await invoke('tasks.setDone', { id: task.id, done });
    setBusy(null);
    if (r.ok) onChanged(r.value);
    else setError(errorSentence(t, r.error));
  };

  return (
    <Stack gap="xs">
      {error && <FormAlert message={error} />}
      {tasks.map((task) => (
        <Group key={task.id} gap="sm" wrap="nowrap" align="flex-start">
          <Checkbox
            mt={2}
            aria-label={t('tasks.markDone', { title: task.title })}
            checked={task.doneOn !== null}
            disabled={busy === task.id}
            onChange={(e) => void toggle(task, e.currentTarget.checked)}
          />
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text td={task.doneOn ? 'line-through' : undefined} c={task.doneOn ? 'dimmed' : undefined} fw={500}>
                {task.title}
              </Text>
              {!task.doneOn && <DueBadge dueOn={task.dueOn} today={today} />}
            </Group>
            <Group gap="xs" wrap="wrap">
              {showClient && (
                <Anchor
                  component="button"
                  size="sm"
                  onClick={() => go({ name: 'client', id: task.clientId, tab: 'plan' })}
                >
                  {task.clientName} ({task.clientReference})
                </Anchor>
              )}
              {showAssignee && !task.doneOn && (
                <Text size="sm" c="dimmed">
                  {t('tasks.assignedTo')}: {task.assignedToName}
                </Text>
              )}
              {task.doneOn && (
                <Text size="sm" c="dimmed">
                  {t('tasks.doneOn', { date: formatDate(task.doneOn, i18n.language), name: task.doneByName ?? '' })}
                </Text>
              )}
              {onEdit && !task.doneOn && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => onEdit(task)}
                  aria-label={`${t('tasks.editTitle')}: ${task.title}`}
                >
                  {t('common.edit')}
                </Button>
              )}
              {task.note && (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                  {task.note}
                </Text>
              )}
            </Group>
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
