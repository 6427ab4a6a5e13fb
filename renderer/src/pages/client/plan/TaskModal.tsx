import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskInputSchema, type PlansView, type Task } from '../../../../../shared/domain/supportPlan';
import { invoke } from '../../../api';
import { ModalForm } from '../../../components/ModalForm/ModalForm';
import { schemaValidator } from '../../../errors';
import { useSession } from '../../../session';
import { selfIfCaseworker } from '../../../components/ClientFields/ClientFields';
import { useSubmit } from '../../../useSubmit';
import * as clock from '../../../clock';
import { DateField } from '../../../components/DateField/DateField';
import { goalOptions } from '../../../goals';

export interface TaskValues {
  title: string;
  dueOn: string;
  assignedTo: string;
  goalId: string;
  note: string;
}

export const toTask = (v: TaskValues) => ({
  ...v,
  assignedTo: v.assignedTo ? Number(v.assignedTo) : (undefined as unknown as number),
  goalId: v.goalId ? Number(v.goalId) : null,
});

export function TaskModal({
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
