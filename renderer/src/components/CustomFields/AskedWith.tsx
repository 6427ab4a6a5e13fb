import { Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerInput, CustomField } from '../../../../shared/domain/customField';
import { formNameOf, type CustomForm } from '../../../../shared/domain/customForm';
import { invoke } from '../../api';
import { useChannel } from '../../useChannel';
import { answersOf, AnswerFields, checkDraft, draftFrom, type AnswerDraft } from './CustomFields';

interface Group {
  form: CustomForm;
  fields: CustomField[];
}

/**
 * The charity's forms asked with a referral: their questions, the answers being typed (those given
 * with this referral before, when it is changed), and their messages. The referral's dialog shows
 * them with `AskedWithFields` and sends `answers()` with the referral.
 */
export function useAskedWithReferral(clientId: number, referralId: number | null) {
  const { t } = useTranslation();
  const forms = useChannel('forms.list', {}).data;
  const entries = useChannel('forms.entries', referralId ? { clientId } : null).data;
  const [groups, setGroups] = useState<Group[]>([]);
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  useEffect(() => {
    const asked = (forms ?? []).filter((f) => f.askedWith === 'referral');
    if (!asked.length || (referralId && !entries)) return;
    void Promise.all(
      asked.map((form) =>
        invoke('customFields.list', { formId: form.id }).then((r) => ({ form, fields: r.ok ? r.value : [] })),
      ),
    ).then((loaded) => {
      setGroups(loaded.filter((g) => g.fields.length));
      const given = (entries ?? []).filter((e) => e.referralId === referralId).flatMap((e) => e.answers);
      setDraft(
        draftFrom(
          loaded.flatMap((g) => g.fields),
          given,
        ),
      );
    });
  }, [forms, entries, referralId]);
  const fields = groups.flatMap((g) => g.fields);
  return {
    groups,
    draft,
    errors,
    onChange: (d: AnswerDraft) => {
      setDraft(d);
      setErrors({});
    },
    setErrors,
    /** The form's own check: true when every answer fits its question. */
    check: () => {
      const wrong = checkDraft(fields, draft, t);
      setErrors(wrong);
      return Object.keys(wrong).length === 0;
    },
    answers: (): AnswerInput[] => answersOf(fields, draft),
  };
}

/** The questions of the forms asked with a referral, each form under its name. */
export function AskedWithFields({ asked }: { asked: ReturnType<typeof useAskedWithReferral> }) {
  const { i18n } = useTranslation();
  return (
    <>
      {asked.groups.map((g) => (
        <Paper key={g.form.id} withBorder p="sm" component="fieldset" aria-label={formNameOf(g.form, i18n.language)}>
          <Stack gap="xs">
            <Text fw={600}>{formNameOf(g.form, i18n.language)}</Text>
            <AnswerFields fields={g.fields} draft={asked.draft} errors={asked.errors} onChange={asked.onChange} />
          </Stack>
        </Paper>
      ))}
    </>
  );
}
