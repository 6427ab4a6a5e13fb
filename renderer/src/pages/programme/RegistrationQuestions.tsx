import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerInput } from '../../../../shared/domain/customField';
import type { ProgrammeDetail } from '../../../../shared/domain/programme';
import type { Result } from '../../../../shared/result';
import { invoke } from '../../api';
import { AskedWithFields, useAskedWith } from '../../components/CustomFields/AskedWith';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { useSubmit } from '../../useSubmit';

/**
 * The charity's questions asked with a registration on this programme, for one person: answered as
 * they are registered (`send` registers them with the answers), or later from the programme's list
 * (given before, they can be changed).
 */
export function RegistrationQuestions({
  programmeId,
  clientId,
  name,
  send,
  action,
  onBack,
  onDone,
}: {
  programmeId: number;
  clientId: number;
  name: string;
  send: (answers: AnswerInput[]) => Promise<Result<ProgrammeDetail>>;
  /** The button's words: "Register" or "Save the answers". */
  action: string;
  onBack: () => void;
  onDone: (d: ProgrammeDetail) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const asked = useAskedWith(clientId, { kind: 'registration', programmeId });
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!asked.check()) return;
    void submit(() => send(asked.answers()), { form: asked.alongside({ setErrors: () => {} }), onOk: onDone });
  };
  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <Text size="sm">{t('programmes.questionsFor', { name })}</Text>
        <AskedWithFields asked={asked} />
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={busy}>
            {action}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The questions asked with a registration, answered or changed after it, from the programme's list. */
export function RegistrationQuestionsModal({
  detail,
  member,
  onClose,
  onDone,
}: {
  detail: ProgrammeDetail;
  member: ProgrammeDetail['members'][number];
  onClose: () => void;
  onDone: (d: ProgrammeDetail) => void;
}) {
  const { t } = useTranslation();
  const programmeId = detail.programme.id;
  return (
    <Modal opened onClose={onClose} title={t('programmes.questionsTitle', { name: member.name })} size="lg">
      <RegistrationQuestions
        programmeId={programmeId}
        clientId={member.clientId}
        name={member.name}
        action={t('programmes.saveAnswers')}
        send={(answers) => invoke('programmes.answerRegistration', { programmeId, clientId: member.clientId, answers })}
        onBack={onClose}
        onDone={onDone}
      />
    </Modal>
  );
}
