import { Badge, Checkbox, Group, NumberInput, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  answerText,
  checkAnswer,
  helpOf,
  labelOf,
  TEXT_ANSWER_MAX,
  type AnswerInput,
  type AnswerValue,
  type ClientAnswer,
  type CustomField,
  type CustomFieldType,
  type FieldWording,
} from '../../../../shared/domain/customField';
import { codedKey } from '../../../../shared/i18n/keys';
import { DateField } from '../DateField/DateField';
import { formatDate, formatNumber } from '../../format';
import { Field } from '../../pages/client/Field';

/** Answers being typed, by field id; a number box's text stays as typed until it is a number. */
export type AnswerDraft = Record<number, AnswerValue | undefined>;

/** A list longer than this is a drop-down; a shorter one shows every choice at once. */
const RADIOS_UP_TO = 6;

/** The draft from what is on the record: only answers given under a field still asked, and still fitting it. */
export function draftFrom(fields: CustomField[], answers: ClientAnswer[]): AnswerDraft {
  const draft: AnswerDraft = {};
  for (const a of answers) {
    const f = fields.find((x) => x.id === a.fieldId);
    if (!f || a.withheld) continue;
    const fits = checkAnswer({ ...f, required: false }, a.value);
    if (fits.ok) draft[f.id] = fits.value;
  }
  return draft;
}

/** What the core is sent: every field shown, blank ones as null (which clears an answer). */
export const answersOf = (fields: CustomField[], draft: AnswerDraft): AnswerInput[] =>
  fields.map((f) => ({ fieldId: f.id, value: draft[f.id] ?? null }));

/** The form's own check before sending, the same as the core's: errors by field id, in words. */
export function checkDraft(fields: CustomField[], draft: AnswerDraft, t: TFunction): Record<number, string> {
  const errors: Record<number, string> = {};
  for (const f of fields) {
    const r = checkAnswer(f, draft[f.id]);
    if (!r.ok) errors[f.id] = t(codedKey('validation', r.error));
  }
  return errors;
}

/** The core's field errors (`answers.<id>`) for these inputs, by field id. */
export function answerErrors(fields: Record<string, string>, prefix = 'answers.'): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [k, v] of Object.entries(fields)) if (k.startsWith(prefix)) out[Number(k.slice(prefix.length))] = v;
  return out;
}

/** An answer as words in the reader's language, with the choices as they were offered when it was given. */
export function useAnswerText() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (type: CustomFieldType, asked: Pick<FieldWording, 'choices'>, value: AnswerValue) =>
    answerText(type, asked, value, {
      yes: t('common.yes'),
      no: t('common.no'),
      language,
      date: (iso) => formatDate(iso, language),
      number: (n) => formatNumber(n, language),
    });
}

/** One of the charity's questions, as the input its type needs, labelled and explained in the reader's language. */
export function AnswerField({
  field,
  value,
  error,
  onChange,
  language,
}: {
  field: CustomField;
  value: AnswerValue | undefined;
  error?: string | undefined;
  onChange: (value: AnswerValue) => void;
  /** The language the question is shown in (a form shown to the client in theirs); the reader's if none. */
  language?: string | undefined;
}) {
  const { i18n } = useTranslation();
  const lang = language ?? i18n.language;
  const t = i18n.getFixedT(lang);
  const label = labelOf(field, lang);
  const common = {
    label,
    description: helpOf(field, lang) ?? (field.sensitive ? t('customFields.sensitiveHint') : undefined),
    required: field.required,
    error,
  };
  const choices = field.choices.map((c) => ({ value: c.key, label: labelOf(c, lang) }));
  switch (field.type) {
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={1}
          maxLength={TEXT_ANSWER_MAX}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          w={240}
          decimalSeparator={lang === 'pl' ? ',' : '.'}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v.replace(',', '.')))}
        />
      );
    case 'date':
      return (
        <DateField
          {...common}
          w={240}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v === '' ? null : v)}
        />
      );
    case 'yesNo':
      return (
        <Radio.Group
          {...common}
          value={value === true ? 'yes' : value === false ? 'no' : null}
          onChange={(v) => onChange(v === 'yes')}
        >
          <Group mt={6}>
            <Radio value="yes" label={t('common.yes')} />
            <Radio value="no" label={t('common.no')} />
          </Group>
        </Radio.Group>
      );
    case 'oneOf':
      return choices.length > RADIOS_UP_TO ? (
        <Select
          {...common}
          data={choices}
          clearable
          searchable
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          maw={420}
        />
      ) : (
        <Radio.Group {...common} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)}>
          <Group mt={6}>
            {choices.map((c) => (
              <Radio key={c.value} value={c.value} label={c.label} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'severalOf':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v)}>
          <Group mt={6}>
            {choices.map((c) => (
              <Checkbox key={c.value} value={c.value} label={c.label} />
            ))}
          </Group>
        </Checkbox.Group>
      );
  }
}

/** The charity's questions as a form: each with its input and its message. */
export function AnswerFields({
  fields,
  draft,
  errors,
  onChange,
  language,
}: {
  fields: CustomField[];
  draft: AnswerDraft;
  errors: Record<number, string>;
  onChange: (draft: AnswerDraft) => void;
  language?: string | undefined;
}) {
  return (
    <Stack>
      {fields.map((f) => (
        <AnswerField
          key={f.id}
          language={language}
          field={f}
          value={draft[f.id]}
          error={errors[f.id]}
          onChange={(v) => onChange({ ...draft, [f.id]: v })}
        />
      ))}
    </Stack>
  );
}

/**
 * A record's answers, each under the question as it was asked; withheld and retired ones said so;
 * then the questions still asked and not yet answered, as "Not recorded".
 */
export function AnswersView({ answers, asked = [] }: { answers: ClientAnswer[]; asked?: CustomField[] }) {
  const { t, i18n } = useTranslation();
  const words = useAnswerText();
  return (
    <Stack gap="sm">
      {answers.map((a) => (
        <Group key={a.fieldId} justify="space-between" align="flex-start" wrap="nowrap">
          <Field
            label={labelOf(a.asked, i18n.language)}
            value={a.withheld ? t('customFields.withheld') : words(a.type, a.asked, a.value)}
          />
          <Group gap={4}>
            {a.sensitive && (
              <Badge size="xs" color="grape" variant="light">
                {t('customFields.sensitive')}
              </Badge>
            )}
            {(a.reworded || a.retired) && (
              <Badge size="xs" color="gray" variant="light" title={t('customFields.askedAsHint')}>
                {t(a.retired ? 'customFields.noLongerAsked' : 'customFields.askedAs')}
              </Badge>
            )}
          </Group>
        </Group>
      ))}
      {asked
        .filter((f) => !answers.some((a) => a.fieldId === f.id))
        .map((f) => (
          <Field key={f.id} label={labelOf(f, i18n.language)} value={null} />
        ))}
      {answers.length === 0 && asked.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('customFields.noAnswers')}
        </Text>
      )}
    </Stack>
  );
}
