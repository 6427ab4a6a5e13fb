import { Alert, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../../shared/domain/clientRecord';
import type { CustomField } from '../../../../shared/domain/customField';
import {
  filledWithWords,
  formNameOf,
  isScored,
  scoreWords,
  scoreOf,
  type Band,
  type CustomForm,
  type FormEntry,
} from '../../../../shared/domain/customForm';
import { UI_LANGUAGES } from '../../../../shared/domain/languages';
import { invoke } from '../../api';
import { today } from '../../clock';
import {
  answerErrors,
  answersOf,
  AnswerFields,
  AnswersView,
  checkDraft,
  draftFrom,
  type AnswerDraft,
} from '../../components/CustomFields/CustomFields';
import { DateField } from '../../components/DateField/DateField';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { errorSentence } from '../../errors';
import { formatDate } from '../../format';
import { areaName, useNeedAreas } from '../../needAreas';
import { useCan } from '../../session';
import { useChannel } from '../../useChannel';
import { useSubmit } from '../../useSubmit';

/** "12 points · Moderate", in the reader's language. */
function useScoreText() {
  const { t, i18n } = useTranslation();
  return (score: number, band: Band | null) => scoreWords(t, score, band, i18n.language);
}

/**
 * The charity's own forms filled in for this client, newest first, each with its answers under the
 * questions as they were asked and, on a scored form, its total and band; and a way to fill one in.
 */
export function FormsTab({ record, onRecord }: { record: ClientRecord; onRecord: (r: ClientRecord) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const clientId = record.client.id;
  const entries = useChannel('forms.entries', { clientId });
  const forms = useChannel('forms.list', { includeRetired: true });
  const { areas } = useNeedAreas();
  const scoreText = useScoreText();
  const [filling, setFilling] = useState<FormEntry | 'new' | null>(null);
  // Forms asked with a referral, a registration or a note are filled in with it, not here.
  const active = (forms.data ?? []).filter((f) => f.active && f.askedWith === null);
  if (entries.error || forms.error) return <FormAlert message={entries.error ?? forms.error} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('forms.tabTitle')}
        </Title>
        {can('forms.fill') && (
          <Button onClick={() => setFilling('new')} disabled={active.length === 0}>
            {t('forms.fill')}
          </Button>
        )}
      </Group>
      {forms.data && active.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('forms.noForms')}
        </Text>
      )}
      {entries.data?.length === 0 && <Text c="dimmed">{t('forms.noneFilled')}</Text>}
      {entries.data?.map((e) => {
        const title = t('forms.entryTitle', {
          name: formNameOf({ name: e.formName, namePl: e.formNamePl }, i18n.language),
          date: formatDate(e.filledOn, i18n.language),
        });
        const form = forms.data?.find((f) => f.id === e.formId);
        const filledWith = filledWithWords(t, e, (d) => formatDate(d, i18n.language));
        return (
          <Paper key={e.id} withBorder p="md" component="article" aria-label={title}>
            <Stack gap="sm">
              <Group justify="space-between">
                <Group gap="sm">
                  <Title order={3} size="h5">
                    {title}
                  </Title>
                  {e.score !== null && (
                    <Badge variant="light" color="pink" size="lg" tt="none">
                      {scoreText(e.score, e.band)}
                    </Badge>
                  )}
                  <Text size="sm" c="dimmed">
                    {e.filledByName}
                  </Text>
                </Group>
                {can('forms.fill') && form && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setFilling(e)}
                    aria-label={`${t('common.edit')}: ${title}`}
                  >
                    {t('common.edit')}
                  </Button>
                )}
              </Group>
              {e.areaId !== null && e.band?.outcome != null && (
                <Text size="sm">
                  {t('forms.scoredArea', {
                    area: areaName(
                      t,
                      areas.find((a) => a.id === e.areaId),
                    ),
                    score: e.band.outcome,
                  })}
                </Text>
              )}
              {filledWith && <Text size="sm">{t('forms.filledWithSentence', { what: filledWith })}</Text>}
              <AnswersView answers={e.answers} />
            </Stack>
          </Paper>
        );
      })}
      {filling && forms.data && (
        <FillFormModal
          clientId={clientId}
          forms={filling === 'new' ? active : forms.data.filter((f) => f.id === filling.formId)}
          entry={filling === 'new' ? null : filling}
          language={
            (UI_LANGUAGES as readonly string[]).includes(record.client.preferredLanguage ?? '')
              ? record.client.preferredLanguage!
              : i18n.language
          }
          onClose={() => setFilling(null)}
          onSaved={(saved) => {
            onRecord(saved);
            setFilling(null);
            entries.reload();
            forms.reload();
            notifications.show({ color: 'green', message: t('forms.saved') });
          }}
        />
      )}
    </Stack>
  );
}

/**
 * Filling a form in (or changing one filled before): the form, the day, and its questions, shown in
 * the client's language when it is one the charity words its forms in, with the total so far.
 */
function FillFormModal({
  clientId,
  forms,
  entry,
  language: clientLanguage,
  onClose,
  onSaved,
}: {
  clientId: number;
  forms: CustomForm[];
  entry: FormEntry | null;
  language: string;
  onClose: () => void;
  onSaved: (record: ClientRecord) => void;
}) {
  const { t, i18n } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const scoreText = useScoreText();
  const [formId, setFormId] = useState<string | null>(
    entry ? String(entry.formId) : forms.length === 1 ? String(forms[0]!.id) : null,
  );
  const [filledOn, setFilledOn] = useState(entry?.filledOn ?? today());
  const [language, setLanguage] = useState(clientLanguage);
  const [fields, setFields] = useState<CustomField[] | null>(null);
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = forms.find((f) => String(f.id) === formId) ?? null;
  useEffect(() => {
    if (!formId) return;
    void invoke('customFields.list', { includeRetired: false, formId: Number(formId) }).then((r) => {
      if (!r.ok) return setErrors({ form: errorSentence(t, r.error) });
      setFields(r.value);
      setDraft(entry ? draftFrom(r.value, entry.answers) : {});
    });
  }, [formId, entry, t]);
  const total = useMemo(
    () =>
      form?.scored && fields
        ? scoreOf(
            fields,
            answersOf(fields, draft).filter((a) => a.value !== null),
            form.bands,
          )
        : null,
    [form, fields, draft],
  );
  const shownFields = useMemo(
    () => (form?.scored ? fields?.map((f) => (isScored(f) ? { ...f, required: true } : f)) : fields) ?? [],
    [form, fields],
  );
  const about = form?.about ? formNameOf({ name: form.about, namePl: form.aboutPl }, language) : null;
  const save = (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    if (!form) return setErrors({ form: t('validation.required') });
    const wrong = checkDraft(shownFields, draft, t);
    if (Object.keys(wrong).length) return setErrors(Object.fromEntries(Object.entries(wrong)));
    void submit(
      () =>
        invoke('forms.fill', {
          clientId,
          formId: form.id,
          entry: entry ? { id: entry.id, version: entry.version } : null,
          filledOn,
          answers: answersOf(shownFields, draft),
        }),
      {
        form: {
          setErrors: (fs) =>
            setErrors({
              ...answerErrors(fs, 'answers.'),
              ...(fs['filledOn'] ? { filledOn: fs['filledOn'] } : {}),
              ...(fs['formId'] ? { form: fs['formId'] } : {}),
            }),
        },
        onOk: (r) => onSaved(r.record),
      },
    );
  };
  const answerErrorsById = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => /^\d+$/.test(k))
      .map(([k, v]) => [Number(k), v]),
  );
  return (
    <ModalForm
      opened
      title={t(entry ? 'forms.changeTitle' : 'forms.fillTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      size="xl"
      label={t('forms.save')}
    >
      <Group align="flex-start">
        <Select
          label={t('forms.whichForm')}
          required
          data-autofocus
          data={forms.map((f) => ({ value: String(f.id), label: formNameOf(f, i18n.language) }))}
          value={formId}
          onChange={(v) => {
            setFields(null);
            setFormId(v);
            setErrors({});
          }}
          disabled={entry !== null}
          error={errors['form']}
          w={360}
        />
        <DateField
          label={t('forms.filledOn')}
          required
          value={filledOn}
          onChange={(v) => {
            setFilledOn(v);
            setErrors({});
          }}
          // Filled in with a note or a registration, it is dated with it.
          disabled={entry !== null && (entry.caseNoteId !== null || entry.programmeId !== null)}
          error={errors['filledOn']}
          w={200}
        />
      </Group>
      {form && (
        <>
          <Group gap="sm">
            <Text size="sm" fw={500} id="form-language">
              {t('forms.shownIn')}
            </Text>
            <SegmentedControl
              aria-labelledby="form-language"
              value={language}
              data={UI_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              onChange={setLanguage}
            />
          </Group>
          {about && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {about}
            </Text>
          )}
          {fields && fields.length === 0 && <Alert color="yellow">{t('forms.noQuestions')}</Alert>}
          {fields && (
            <AnswerFields
              fields={shownFields}
              draft={draft}
              errors={answerErrorsById}
              language={language}
              onChange={(d) => {
                setDraft(d);
                setErrors({});
              }}
            />
          )}
          {total && (
            <Paper withBorder p="sm" bg="var(--mantine-color-pink-light)" role="status" aria-label={t('forms.total')}>
              <Text fw={600}>{`${t('forms.total')}: ${scoreText(total.score, total.band)}`}</Text>
            </Paper>
          )}
        </>
      )}
    </ModalForm>
  );
}
