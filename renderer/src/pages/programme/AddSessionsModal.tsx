import { SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { sessionPatternRules, type ProgrammeDetail } from '../../../../shared/domain/programme';
import { isIsoDate } from '../../../../shared/domain/validation';
import { invoke } from '../../api';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { translatedFields } from '../../errors';
import { useSubmit } from '../../useSubmit';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';
import { TimeField } from '../../components/DateField/TimeField';
import { RepeatFields, runOf, type RepeatValues } from '../../components/RepeatFields/RepeatFields';

interface PatternForm extends RepeatValues {
  firstOn: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  facilitator: string;
}

export function AddSessionsModal({
  detail,
  onClose,
  onDone,
}: {
  detail: ProgrammeDetail;
  onClose: () => void;
  onDone: (d: ProgrammeDetail) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const p = detail.programme;
  const first = p.startsOn > clock.today() ? p.startsOn : clock.today();
  const form = useForm<PatternForm>({
    initialValues: {
      firstOn: first,
      startsAt: '18:00',
      endsAt: '',
      repeat: 'weekly',
      weekdays: [],
      until: p.endsOn ?? '',
      count: '',
      venue: '',
      facilitator: '',
    },
    validate: (v) => {
      const rules = sessionPatternRules({
        ...v,
        endsAt: v.endsAt || null,
        until: v.until || null,
        count: v.count === '' ? null : Number(v.count),
      });
      const fields = translatedFields(t, rules);
      if (!isIsoDate(v.firstOn)) fields['firstOn'] = t('validation.invalidDate');
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.startsAt)) fields['startsAt'] = t('validation.invalidTime');
      return fields;
    },
  });
  const save = form.onSubmit((x) =>
    submit(
      () =>
        invoke('sessions.add', {
          programmeId: p.id,
          pattern: {
            ...x,
            ...runOf(x),
            endsAt: x.endsAt || null,
          },
        }),
      {
        form,
        fieldPrefix: 'pattern.',
        onOk: (r) => {
          notifications.show({
            color: 'green',
            message: [
              t('sessions.added', { count: r.added }),
              r.skipped ? t('sessions.skipped', { count: r.skipped }) : '',
            ].join(' '),
          });
          onDone(r.detail);
        },
      },
    ),
  );
  return (
    <ModalForm opened title={t('sessions.addTitle')} onClose={onClose} onSubmit={save} busy={busy} error={error}>
      <SimpleGrid cols={3}>
        <DateField
          label={t('sessions.firstOn')}
          required
          min={p.startsOn}
          max={p.endsOn ?? undefined}
          data-autofocus
          {...form.getInputProps('firstOn')}
        />
        <TimeField label={t('sessions.startsAt')} required {...form.getInputProps('startsAt')} />
        <TimeField label={t('sessions.endsAt')} {...form.getInputProps('endsAt')} />
      </SimpleGrid>
      <RepeatFields form={form} firstOn={form.values.firstOn} lastOn={p.endsOn} words="sessions" />
      <SimpleGrid cols={2}>
        <TextInput
          label={t('programmes.venue')}
          description={t('sessions.venueHint')}
          maxLength={300}
          {...form.getInputProps('venue')}
        />
        <TextInput
          label={t('sessions.facilitator')}
          description={t('sessions.facilitatorHint')}
          maxLength={200}
          {...form.getInputProps('facilitator')}
        />
      </SimpleGrid>
    </ModalForm>
  );
}
