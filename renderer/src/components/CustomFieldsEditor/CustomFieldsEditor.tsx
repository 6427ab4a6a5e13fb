import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHOICES_MAX,
  CUSTOM_FIELD_TYPES,
  hasChoices,
  labelOf,
  saveCustomFieldSchema,
  type CustomField,
  type CustomFieldType,
} from '../../../../shared/domain/customField';
import type { Result } from '../../../../shared/result';
import { invoke } from '../../api';
import { errorSentence, schemaValidator } from '../../errors';
import { useChannel } from '../../useChannel';
import { useSubmit } from '../../useSubmit';
import { BilingualList } from '../BilingualList/BilingualList';
import { FormAlert } from '../FormAlert/FormAlert';
import { ModalForm } from '../ModalForm/ModalForm';

interface Draft {
  type: CustomFieldType | null;
  label: string;
  labelPl: string;
  help: string;
  helpPl: string;
  choices: { key: string | null; label: string; labelPl: string; points: number | '' }[];
  required: boolean;
  inIntake: boolean;
  identifying: boolean;
  sensitive: boolean;
}

const blankChoice = () => ({ key: null, label: '', labelPl: '', points: '' as const });

const draftOf = (f: CustomField | null): Draft => ({
  type: f?.type ?? null,
  label: f?.label ?? '',
  labelPl: f?.labelPl ?? '',
  help: f?.help ?? '',
  helpPl: f?.helpPl ?? '',
  choices: f?.choices.length
    ? f.choices.map((c) => ({
        key: c.key,
        label: c.label,
        labelPl: c.labelPl ?? '',
        points: c.points ?? ('' as const),
      }))
    : [blankChoice(), blankChoice()],
  required: f?.required ?? false,
  inIntake: f?.inIntake ?? true,
  identifying: f?.identifying ?? false,
  sensitive: f?.sensitive ?? false,
});

/**
 * Settings › Our own questions: what the charity asks beyond the fixed record (a funder's equality
 * monitoring, "how did you hear of us"). Rewording a question keeps old answers under the words they
 * were given to; retiring one asks it no more and keeps its answers.
 *
 * With a form, the same for that form's questions; on a scored form each choice has its points.
 */
export function CustomFieldsEditor({ form }: { form?: { id: number; scored: boolean } } = {}) {
  const { t, i18n } = useTranslation();
  const {
    data: fields,
    error,
    replace,
  } = useChannel('customFields.list', {
    includeRetired: true,
    formId: form?.id ?? null,
  });
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const act = async (call: Promise<Result<CustomField[]>>) => {
    const r = await call;
    if (r.ok) replace(r.value);
    else notifications.show({ color: 'red', message: errorSentence(t, r.error) });
  };
  if (error) return <FormAlert message={error} />;
  return (
    <Stack>
      <Text size="sm">{t(form ? 'forms.settings.questionsIntro' : 'customFields.settings.intro')}</Text>
      {fields && fields.length === 0 && <Text c="dimmed">{t('customFields.settings.none')}</Text>}
      {fields && fields.length > 0 && (
        <Table aria-label={t('customFields.settings.title')}>
          <Table.Tbody>
            {fields.map((f, i) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Text fw={500} c={f.active ? undefined : 'dimmed'}>
                    {labelOf(f, i18n.language)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`customFields.types.${f.type}`)}
                    {hasChoices(f.type)
                      ? ` · ${f.choices
                          .map((c) => labelOf(c, i18n.language) + (c.points != null ? ` (${c.points})` : ''))
                          .join(', ')}`
                      : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {!f.active && <Badge color="gray">{t('customFields.settings.retired')}</Badge>}
                    {f.required && <Badge variant="light">{t('customFields.required')}</Badge>}
                    {f.inIntake && !form && <Badge variant="light">{t('customFields.inIntake')}</Badge>}
                    {f.identifying && (
                      <Badge variant="light" color="orange">
                        {t('customFields.identifying')}
                      </Badge>
                    )}
                    {f.sensitive && (
                      <Badge variant="light" color="grape">
                        {t('customFields.sensitive')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      disabled={i === 0}
                      aria-label={`${t('customFields.settings.moveUp')}: ${labelOf(f, i18n.language)}`}
                      onClick={() => void act(invoke('customFields.move', { id: f.id, by: -1 }))}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={i === fields.length - 1}
                      aria-label={`${t('customFields.settings.moveDown')}: ${labelOf(f, i18n.language)}`}
                      onClick={() => void act(invoke('customFields.move', { id: f.id, by: 1 }))}
                    >
                      ↓
                    </ActionIcon>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setEditing(f)}
                      aria-label={`${t('customFields.settings.edit')}: ${labelOf(f, i18n.language)}`}
                    >
                      {t('customFields.settings.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${t(f.active ? 'customFields.settings.retire' : 'customFields.settings.restore')}: ${labelOf(f, i18n.language)}`}
                      onClick={() => void act(invoke('customFields.setActive', { id: f.id, active: !f.active }))}
                    >
                      {t(f.active ? 'customFields.settings.retire' : 'customFields.settings.restore')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Button variant="light" w="fit-content" onClick={() => setEditing('new')}>
        {t('customFields.settings.add')}
      </Button>
      {editing && (
        <FieldModal
          form={form ?? null}
          field={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(list) => {
            replace(list);
            setEditing(null);
            notifications.show({ color: 'green', message: t('customFields.settings.saved') });
          }}
        />
      )}
    </Stack>
  );
}

function FieldModal({
  form,
  field,
  onClose,
  onSaved,
}: {
  form: { id: number; scored: boolean } | null;
  field: CustomField | null;
  onClose: () => void;
  onSaved: (list: CustomField[]) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const [draft, setDraftOnly] = useState<Draft>(() => draftOf(field));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setDraft = (next: Draft | ((d: Draft) => Draft)) => {
    setDraftOnly(next);
    setErrors({});
  };
  const withChoices = draft.type !== null && hasChoices(draft.type);
  // On a scored form, each choice of a "one of a list" question is worth points.
  const scoring = form?.scored === true && draft.type === 'oneOf';
  const input = () => ({
    id: field?.id ?? null,
    version: field?.version ?? null,
    type: draft.type,
    label: draft.label,
    labelPl: draft.labelPl,
    help: draft.help,
    helpPl: draft.helpPl,
    choices: withChoices
      ? draft.choices.map((c) => ({
          key: c.key,
          label: c.label,
          labelPl: c.labelPl,
          points: scoring && c.points !== '' ? c.points : null,
        }))
      : [],
    required: draft.required,
    inIntake: !form && draft.inIntake,
    identifying: draft.identifying,
    sensitive: draft.sensitive,
    formId: form?.id ?? null,
  });
  const save = (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    const wrong = schemaValidator(saveCustomFieldSchema, t)(input());
    if (Object.keys(wrong).length) return setErrors(wrong);
    void submit(() => invoke('customFields.save', saveCustomFieldSchema.parse(input())), {
      form: { setErrors },
      onOk: onSaved,
    });
  };
  const check = (key: 'required' | 'inIntake' | 'identifying' | 'sensitive') => (
    <Checkbox
      label={t(key === 'sensitive' ? 'customFields.sensitiveCheck' : `customFields.${key}`)}
      description={t(key === 'sensitive' ? 'customFields.sensitiveHint' : `customFields.${key}Hint`)}
      checked={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.checked })}
    />
  );
  return (
    <ModalForm
      opened
      title={t(field ? 'customFields.settings.editTitle' : 'customFields.settings.addTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      size="xl"
    >
      <Select
        label={t('customFields.type')}
        required
        data-autofocus
        data={CUSTOM_FIELD_TYPES.map((x) => ({ value: x, label: t(`customFields.types.${x}`) }))}
        value={draft.type}
        onChange={(v) => setDraft({ ...draft, type: v as CustomFieldType | null })}
        disabled={field !== null}
        description={field ? t('customFields.typeFixedHint') : undefined}
        error={errors['type']}
        w={320}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('customFields.label')}
          required
          value={draft.label}
          onChange={(e) => setDraft({ ...draft, label: e.currentTarget.value })}
          error={errors['label']}
          maxLength={120}
        />
        <TextInput
          label={t('customFields.labelPl')}
          value={draft.labelPl}
          onChange={(e) => setDraft({ ...draft, labelPl: e.currentTarget.value })}
          error={errors['labelPl']}
          maxLength={120}
        />
        <TextInput
          label={t('customFields.help')}
          value={draft.help}
          onChange={(e) => setDraft({ ...draft, help: e.currentTarget.value })}
          error={errors['help']}
          maxLength={300}
        />
        <TextInput
          label={t('customFields.helpPl')}
          value={draft.helpPl}
          onChange={(e) => setDraft({ ...draft, helpPl: e.currentTarget.value })}
          error={errors['helpPl']}
          maxLength={300}
        />
      </SimpleGrid>
      {field && (
        <Text size="xs" c="dimmed">
          {t('customFields.settings.rewordHint')}
        </Text>
      )}
      {withChoices && (
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('customFields.choices')}
          </Text>
          <BilingualList
            rows={draft.choices}
            setRows={(choices) => setDraft((d) => ({ ...d, choices }))}
            en="label"
            pl="labelPl"
            path="choices"
            errors={errors}
            labels={{
              en: (n) => t('customFields.choice', { n }),
              pl: (n) => t('customFields.choicePl', { n }),
              remove: (n) => t('customFields.removeChoice', { n }),
              add: t('customFields.addChoice'),
            }}
            min={2}
            max={CHOICES_MAX}
            maxLength={120}
            blank={blankChoice}
            extra={
              scoring
                ? (c, i, set) => (
                    <NumberInput
                      label={t('forms.points')}
                      aria-label={t('forms.pointsFor', { n: i + 1 })}
                      w={110}
                      min={0}
                      max={100}
                      allowDecimal={false}
                      value={c.points}
                      onChange={(v) => set({ points: typeof v === 'number' ? v : '' })}
                      error={errors[`choices.${i}.points`]}
                    />
                  )
                : undefined
            }
          />
          {scoring && (
            <Text size="xs" c="dimmed">
              {t('forms.pointsHint')}
            </Text>
          )}
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {!form && check('inIntake')}
        {check('required')}
        {check('identifying')}
        {check('sensitive')}
      </SimpleGrid>
    </ModalForm>
  );
}
