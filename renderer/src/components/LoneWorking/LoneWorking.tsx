import { Button, Group, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { myDiaryDetailsSchema } from '../../../../shared/domain/appointment';
import { invoke } from '../../api';
import { schemaValidator } from '../../errors';
import { useChannel } from '../../useChannel';
import { useSubmit } from '../../useSubmit';
import { FormAlert } from '../FormAlert/FormAlert';

/** Settings › Lone working: the charity's steps when a home visitor is not back (administrators). */
export function LoneWorkingSteps() {
  const { t } = useTranslation();
  const { data } = useChannel('diary.safetyAlerts', {});
  const { busy, error, submit } = useSubmit();
  const form = useForm({ initialValues: { steps: '' } });
  useEffect(() => {
    if (data && !form.isDirty()) form.initialize({ steps: data.steps ?? '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);
  const save = form.onSubmit((v) =>
    submit(() => invoke('diary.setLoneWorkingSteps', { steps: v.steps }), {
      form,
      onOk: (r) => {
        form.initialize({ steps: r.steps ?? '' });
        notifications.show({ color: 'green', message: t('diary.loneWorkingSaved') });
      },
    }),
  );
  return (
    <form onSubmit={save} noValidate>
      <Stack gap="xs">
        <Text size="sm">{t('diary.loneWorkingIntro')}</Text>
        <Textarea
          label={t('diary.loneWorkingSteps')}
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('steps')}
        />
        <FormAlert message={error} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Settings › My diary: the signed-in person's phone (for the alert) and how early they are reminded. */
export function MyDiaryDetails() {
  const { t } = useTranslation();
  const { data } = useChannel('diary.myDetails', {});
  const { busy, error, submit } = useSubmit();
  const form = useForm<{ phone: string; reminderMinutes: number | string }>({
    initialValues: { phone: '', reminderMinutes: 15 },
    validate: (v) => schemaValidator(myDiaryDetailsSchema, t)({ ...v, reminderMinutes: Number(v.reminderMinutes) }),
  });
  useEffect(() => {
    if (data && !form.isDirty()) form.initialize({ phone: data.phone ?? '', reminderMinutes: data.reminderMinutes });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);
  const save = form.onSubmit((v) =>
    submit(() => invoke('diary.setMyDetails', { phone: v.phone, reminderMinutes: Number(v.reminderMinutes) }), {
      form,
      onOk: (r) => {
        form.initialize({ phone: r.phone ?? '', reminderMinutes: r.reminderMinutes });
        notifications.show({ color: 'green', message: t('diary.reminderSaved') });
      },
    }),
  );
  return (
    <form onSubmit={save} noValidate>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label={t('diary.myPhone')}
            description={t('diary.myPhoneHint')}
            maxLength={40}
            {...form.getInputProps('phone')}
          />
          <NumberInput
            label={t('diary.reminderMinutes')}
            description={t('diary.reminderMinutesHint')}
            min={0}
            max={240}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('reminderMinutes')}
          />
        </Group>
        <FormAlert message={error} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
