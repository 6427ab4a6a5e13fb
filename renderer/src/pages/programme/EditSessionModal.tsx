import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { sessionInputSchema, type ProgrammeDetail, type ProgrammeSession } from '../../../../shared/domain/programme';
import { invoke } from '../../api';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { schemaValidator } from '../../errors';
import { useSubmit } from '../../useSubmit';
import { DateField } from '../../components/DateField/DateField';
import { TimeField } from '../../components/DateField/TimeField';

export function EditSessionModal({
  session: s,
  onClose,
  onDone,
}: {
  session: ProgrammeSession;
  onClose: () => void;
  onDone: (d: ProgrammeDetail) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: {
      heldOn: s.heldOn,
      startsAt: s.startsAt,
      endsAt: s.endsAt ?? '',
      venue: s.venue ?? '',
      facilitator: s.facilitator ?? '',
      note: s.note ?? '',
    },
    validate: schemaValidator(sessionInputSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('sessions.update', { id: s.id, version: s.version, session: v }), {
      form,
      fieldPrefix: 'session.',
      onOk: (d) => {
        notifications.show({ color: 'green', message: t('sessions.saved') });
        onDone(d);
      },
    }),
  );
  return (
    <ModalForm opened title={t('sessions.editTitle')} onClose={onClose} onSubmit={save} busy={busy} error={error}>
      <SimpleGrid cols={3}>
        <DateField label={t('sessions.date')} required data-autofocus {...form.getInputProps('heldOn')} />
        <TimeField label={t('sessions.startsAt')} required {...form.getInputProps('startsAt')} />
        <TimeField label={t('sessions.endsAt')} {...form.getInputProps('endsAt')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={t('programmes.venue')} maxLength={300} {...form.getInputProps('venue')} />
        <TextInput label={t('sessions.facilitator')} maxLength={200} {...form.getInputProps('facilitator')} />
      </SimpleGrid>
      <Textarea label={t('sessions.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
    </ModalForm>
  );
}
