import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  endPlanSchema,
  supportPlanInputSchema,
  type PlansView,
  type SupportPlan,
} from '../../../../../shared/domain/supportPlan';
import { invoke } from '../../../api';
import { ModalForm } from '../../../components/ModalForm/ModalForm';
import { schemaValidator } from '../../../errors';
import { useSubmit } from '../../../useSubmit';
import * as clock from '../../../clock';
import { DateField } from '../../../components/DateField/DateField';

export function PlanModal({
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

export function EndPlanModal({
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
