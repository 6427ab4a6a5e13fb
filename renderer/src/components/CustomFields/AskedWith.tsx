import { Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerInput, CustomField } from '../../../../shared/domain/customField';
import {
  entryGoesWith,
  formNameOf,
  isAskedWith,
  type AskedWith,
  type CustomForm,
} from '../../../../shared/domain/customForm';
import { invoke } from '../../api';
import { useCan } from '../../session';
import { useChannel } from '../../useChannel';
import { answerErrors, answersOf, AnswerFields, checkDraft, draftFrom, type AnswerDraft } from './CustomFields';

interface Group {
  form: CustomForm;
  fields: CustomField[];
}

/**
 * The charity's forms asked with a referral, a registration on a programme or a case note of a
 * kind (`with`; null while there is nothing to ask with, such as no client chosen yet): their
 * questions, the answers being typed (those given with it before, when it is changed), and their
 * messages. The dialog shows them with `AskedWithFields` and sends `answers()` with what it saves.
 * Someone who may not read sensitive answers is not asked the sensitive questions.
 */
export function useAskedWith(clientId: number | null, w: AskedWith | null) {
  const { t } = useTranslation();
  const can = useCan();
  const mayReadSensitive = can('customFields.answer');
  const forms = useChannel('forms.list', {}).data;
  const before = w && (w.kind === 'registration' || (w.kind === 'referral' ? w.referralId : w.caseNoteId));
  const entries = useChannel('forms.entries', clientId && before ? { clientId } : null).data;
  const [loaded, setLoaded] = useState<Group[]>([]);
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [touched, setTouched] = useState(false);
  const key = JSON.stringify(w);
  useEffect(() => {
    const asked = w ? (forms ?? []).filter((f) => isAskedWith(f, w)) : [];
    if (!asked.length) return;
    if (before && clientId && !entries) return;
    void Promise.all(
      asked.map((form) =>
        invoke('customFields.list', { formId: form.id }).then((r) => ({
          form,
          fields: r.ok ? r.value.filter((f) => mayReadSensitive || !f.sensitive) : [],
        })),
      ),
    ).then((loaded) => {
      setLoaded(loaded.filter((g) => g.fields.length));
      const given = (entries ?? []).filter((e) => entryGoesWith(e, w!)).flatMap((e) => e.answers);
      // What was typed under questions still asked stays (a note's type of contact may change).
      setDraft((typed) => ({
        ...draftFrom(
          loaded.flatMap((g) => g.fields),
          given,
        ),
        ...typed,
      }));
    });
    // `key` stands for `w`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [forms, entries, key, mayReadSensitive]);
  // Only the forms asked with it now (a note's type of contact may have changed since they were loaded).
  const groups = loaded.filter((g) => w && isAskedWith(g.form, w));
  const fields = groups.flatMap((g) => g.fields);
  return {
    groups,
    draft,
    errors,
    onChange: (d: AnswerDraft) => {
      setDraft(d);
      setErrors({});
      setTouched(true);
    },
    /** Something was typed or chosen (for a page's unsaved-changes guard). */
    touched,
    setErrors,
    /** The form's own check: true when every answer fits its question. */
    check: () => {
      const wrong = checkDraft(fields, draft, t);
      setErrors(wrong);
      return Object.keys(wrong).length === 0;
    },
    answers: (): AnswerInput[] => answersOf(fields, draft),
    /** Puts the core's messages on the dialog's own form, and those about answers on the questions. */
    alongside: (form: { setErrors(errors: Record<string, string>): void }) => ({
      setErrors: (fs: Record<string, string>) => {
        form.setErrors(fs);
        setErrors(answerErrors(fs));
      },
    }),
  };
}

/** The questions of the forms asked with something, each form under its name. */
export function AskedWithFields({ asked }: { asked: ReturnType<typeof useAskedWith> }) {
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
