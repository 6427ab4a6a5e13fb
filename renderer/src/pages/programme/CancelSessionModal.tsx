import { Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { sessionCancelSchema, type ProgrammeDetail, type ProgrammeSession } from '../../../../shared/domain/programme';
import { invoke } from '../../api';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { schemaValidator } from '../../errors';
import { formatDate } from '../../format';
import { useSubmit } from '../../useSubmit';

export function CancelSessionModal({
  session: s,
  onClose,
  onDone,
}: {
  session: ProgrammeSession;
  onClose: () => void;
  onDone: (d: ProgrammeDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { id: s.id, version: s.version, cancelled: true, reason: '' },
    validate: schemaValidator(sessionCancelSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('sessions.setCancelled', v), {
      form,
      onOk: (d) => {
        notifications.show({ color: 'green', message: t('sessions.saved') });
        onDone(d);
      },
    }),
  );
  return (
    <ModalForm
      opened
      title={t('sessions.cancelTitle', { date: formatDate(s.heldOn, i18n.language) })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('sessions.cancel')}
    >
      <Textarea
        label={t('sessions.cancelReason')}
        required
        autosize
        minRows={2}
        maxLength={500}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </ModalForm>
  );
}
