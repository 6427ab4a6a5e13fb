import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORE_MAX, SCORE_MIN } from '../../../../shared/domain/assessment';
import { CASE_NOTE_KINDS, type CaseNoteKind } from '../../../../shared/domain/caseNote';
import {
  BANDS_MAX,
  formNameOf,
  saveFormSchema,
  type CustomForm,
  type FormAskedWith,
} from '../../../../shared/domain/customForm';
import type { TFunction } from 'i18next';
import type { Result } from '../../../../shared/result';
import { invoke } from '../../api';
import { errorSentence, schemaValidator } from '../../errors';
import { areaName, useNeedAreas } from '../../needAreas';
import { useChannel } from '../../useChannel';
import { useSubmit } from '../../useSubmit';
import { CustomFieldsEditor } from '../CustomFieldsEditor/CustomFieldsEditor';
import { FormAlert } from '../FormAlert/FormAlert';
import { ModalForm } from '../ModalForm/ModalForm';

interface BandDraft {
  from: number | '';
  label: string;
  labelPl: string;
  outcome: number | '';
}

interface Draft {
  name: string;
  namePl: string;
  about: string;
  aboutPl: string;
  scored: boolean;
  areaId: string | null;
  bands: BandDraft[];
  askedWith: 'own' | FormAskedWith;
  /** With registrations: one programme's id, or 'all'. With case notes: their kind. */
  programmeId: string;
  noteKind: CaseNoteKind | null;
}

const blankBand = (): BandDraft => ({ from: '', label: '', labelPl: '', outcome: '' });

const draftOf = (f: CustomForm | null): Draft => ({
  name: f?.name ?? '',
  namePl: f?.namePl ?? '',
  about: f?.about ?? '',
  aboutPl: f?.aboutPl ?? '',
  scored: f?.scored ?? false,
  areaId: f?.areaId ? String(f.areaId) : null,
  bands: f?.bands.length
    ? f.bands.map((b) => ({ from: b.from, label: b.label, labelPl: b.labelPl ?? '', outcome: b.outcome ?? '' }))
    : [blankBand()],
  askedWith: f?.askedWith ?? 'own',
  programmeId: f?.programmeId ? String(f.programmeId) : 'all',
  noteKind: f?.noteKind ?? null,
});

/** What a form is asked with, in a few words for its row in the list. */
function askedWithWords(t: TFunction, f: CustomForm, programmes: { id: number; name: string }[]): string | null {
  if (f.askedWith === 'referral') return t('forms.withReferrals');
  if (f.askedWith === 'caseNote') return t('forms.withNotes', { kind: t(`notes.kinds.${f.noteKind ?? 'other'}`) });
  if (f.askedWith === 'registration')
    return f.programmeId
      ? t('forms.withRegistrationOn', { programme: programmes.find((p) => p.id === f.programmeId)?.name ?? '' })
      : t('forms.withRegistrations');
  return null;
}

/**
 * Settings › Our own forms: named sets of the charity's questions, filled in for a client as often
 * as needed. A scored form adds up its choices' points into bands, and may score a need area.
 */
export function FormsEditor() {
  const { t, i18n } = useTranslation();
  const { data: forms, error, replace } = useChannel('forms.list', { includeRetired: true });
  const { areas } = useNeedAreas();
  const programmes = useChannel('programmes.list', { show: 'all' }).data;
  const [editing, setEditing] = useState<CustomForm | 'new' | null>(null);
  const [questionsOf, setQuestionsOf] = useState<CustomForm | null>(null);
  const act = async (call: Promise<Result<CustomForm[]>>) => {
    const r = await call;
    if (r.ok) replace(r.value);
    else notifications.show({ color: 'red', message: errorSentence(t, r.error) });
  };
  if (error) return <FormAlert message={error} />;
  return (
    <Stack>
      <Text size="sm">{t('forms.settings.intro')}</Text>
      {forms && forms.length === 0 && <Text c="dimmed">{t('forms.settings.none')}</Text>}
      {forms && forms.length > 0 && (
        <Table aria-label={t('forms.settings.title')}>
          <Table.Tbody>
            {forms.map((f) => {
              const name = formNameOf(f, i18n.language);
              return (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Text fw={500} c={f.active ? undefined : 'dimmed'}>
                      {name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('forms.settings.counts', { questions: f.questions, filled: f.filled })}
                      {f.areaId
                        ? ` · ${t('forms.settings.feeds', {
                            area: areaName(
                              t,
                              areas.find((a) => a.id === f.areaId),
                            ),
                          })}`
                        : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {!f.active && <Badge color="gray">{t('customFields.settings.retired')}</Badge>}
                      {f.scored && <Badge variant="light">{t('forms.scored')}</Badge>}
                      {f.askedWith && <Badge variant="light">{askedWithWords(t, f, programmes ?? [])}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setQuestionsOf(f)}
                        aria-label={`${t('forms.settings.questions')}: ${name}`}
                      >
                        {t('forms.settings.questions')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(f)}
                        aria-label={`${t('customFields.settings.edit')}: ${name}`}
                      >
                        {t('customFields.settings.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${t(f.active ? 'customFields.settings.retire' : 'forms.settings.restore')}: ${name}`}
                        onClick={() => void act(invoke('forms.setActive', { id: f.id, active: !f.active }))}
                      >
                        {t(f.active ? 'customFields.settings.retire' : 'forms.settings.restore')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Button variant="light" w="fit-content" onClick={() => setEditing('new')}>
        {t('forms.settings.add')}
      </Button>
      {editing && (
        <FormModal
          form={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(list) => {
            replace(list);
            const added = editing === 'new' ? list.reduce((a, b) => (b.id > a.id ? b : a)) : null;
            setEditing(null);
            notifications.show({ color: 'green', message: t('forms.settings.saved') });
            // A new form has no questions yet: its questions open next.
            if (added) setQuestionsOf(added);
          }}
        />
      )}
      {questionsOf && (
        <Modal
          opened
          size="xl"
          title={t('forms.settings.questionsTitle', { name: formNameOf(questionsOf, i18n.language) })}
          onClose={() => {
            setQuestionsOf(null);
            void invoke('forms.list', { includeRetired: true }).then((r) => r.ok && replace(r.value));
          }}
        >
          <CustomFieldsEditor form={{ id: questionsOf.id, scored: questionsOf.scored }} />
        </Modal>
      )}
    </Stack>
  );
}

function FormModal({
  form,
  onClose,
  onSaved,
}: {
  form: CustomForm | null;
  onClose: () => void;
  onSaved: (list: CustomForm[]) => void;
}) {
  const { t } = useTranslation();
  const { areas } = useNeedAreas();
  const programmes = useChannel('programmes.list', { show: 'all' }).data;
  const { busy, error, submit } = useSubmit();
  const [draft, setDraftOnly] = useState<Draft>(() => draftOf(form));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setDraft = (next: Draft) => {
    setDraftOnly(next);
    setErrors({});
  };
  const setBand = (i: number, change: Partial<BandDraft>) =>
    setDraft({ ...draft, bands: draft.bands.map((b, j) => (j === i ? { ...b, ...change } : b)) });
  const input = () => ({
    id: form?.id ?? null,
    version: form?.version ?? null,
    name: draft.name,
    namePl: draft.namePl,
    about: draft.about,
    aboutPl: draft.aboutPl,
    scored: draft.scored,
    areaId: draft.scored && draft.areaId ? Number(draft.areaId) : null,
    bands: draft.scored
      ? draft.bands.map((b) => ({
          from: b.from === '' ? undefined : b.from,
          label: b.label,
          labelPl: b.labelPl,
          outcome: draft.areaId && b.outcome !== '' ? b.outcome : null,
        }))
      : [],
    askedWith: draft.askedWith === 'own' ? null : draft.askedWith,
    programmeId: draft.askedWith === 'registration' && draft.programmeId !== 'all' ? Number(draft.programmeId) : null,
    noteKind: draft.askedWith === 'caseNote' ? draft.noteKind : null,
  });
  const save = (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    const wrong = schemaValidator(saveFormSchema, t)(input());
    if (Object.keys(wrong).length) return setErrors(wrong);
    void submit(() => invoke('forms.save', saveFormSchema.parse(input())), { form: { setErrors }, onOk: onSaved });
  };
  const text = (key: 'name' | 'namePl' | 'about' | 'aboutPl', max: number, required = false) =>
    key.startsWith('about') ? (
      <Textarea
        label={t(`forms.${key}`)}
        autosize
        minRows={2}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
        error={errors[key]}
        maxLength={max}
      />
    ) : (
      <TextInput
        label={t(`forms.${key}`)}
        required={required}
        data-autofocus={key === 'name' || undefined}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
        error={errors[key]}
        maxLength={max}
      />
    );
  const liveAreas = areas.filter((a) => !a.retired || String(a.id) === draft.areaId);
  return (
    <ModalForm
      opened
      title={t(form ? 'forms.settings.editTitle' : 'forms.settings.addTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('name', 120, true)}
        {text('namePl', 120)}
        {text('about', 400)}
        {text('aboutPl', 400)}
      </SimpleGrid>
      <Select
        label={t('forms.askedWith')}
        allowDeselect={false}
        data={[
          { value: 'own', label: t('forms.askedWithOwn') },
          { value: 'referral', label: t('forms.askedWithReferral') },
          { value: 'registration', label: t('forms.askedWithRegistration') },
          { value: 'caseNote', label: t('forms.askedWithNote') },
        ]}
        value={draft.askedWith}
        onChange={(v) => setDraft({ ...draft, askedWith: (v as Draft['askedWith'] | null) ?? 'own' })}
        w={420}
      />
      {draft.askedWith === 'registration' && (
        <Select
          label={t('forms.onProgrammes')}
          allowDeselect={false}
          data={[
            { value: 'all', label: t('forms.everyProgramme') },
            ...(programmes ?? []).map((p) => ({ value: String(p.id), label: p.name })),
          ]}
          value={draft.programmeId}
          onChange={(v) => setDraft({ ...draft, programmeId: v ?? 'all' })}
          error={errors['programmeId']}
          w={420}
        />
      )}
      {draft.askedWith === 'caseNote' && (
        <Select
          label={t('forms.noteKind')}
          required
          data={CASE_NOTE_KINDS.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) }))}
          value={draft.noteKind}
          onChange={(v) => setDraft({ ...draft, noteKind: v as CaseNoteKind | null })}
          error={errors['noteKind']}
          w={420}
        />
      )}
      <Checkbox
        label={t('forms.scoredCheck')}
        description={t('forms.scoredHint')}
        checked={draft.scored}
        onChange={(e) => setDraft({ ...draft, scored: e.currentTarget.checked })}
      />
      {draft.scored && (
        <Stack gap="xs">
          <Select
            label={t('forms.area')}
            description={t('forms.areaHint')}
            clearable
            data={liveAreas.map((a) => ({ value: String(a.id), label: areaName(t, a) }))}
            value={draft.areaId}
            onChange={(v) => setDraft({ ...draft, areaId: v })}
            error={errors['areaId']}
            w={360}
          />
          <Text fw={600} size="sm">
            {t('forms.bands')}
          </Text>
          <Text size="xs" c="dimmed">
            {t(draft.areaId ? 'forms.bandsHintArea' : 'forms.bandsHint')}
          </Text>
          {draft.bands.map((b, i) => (
            <Paper key={i} withBorder p="xs">
              <Group align="flex-start" wrap="nowrap">
                <NumberInput
                  label={t('forms.bandFrom', { n: i + 1 })}
                  required
                  w={120}
                  min={0}
                  allowDecimal={false}
                  value={b.from}
                  onChange={(v) => setBand(i, { from: typeof v === 'number' ? v : '' })}
                  error={errors[`bands.${i}.from`]}
                />
                <TextInput
                  label={t('forms.bandLabel', { n: i + 1 })}
                  required
                  style={{ flex: 1 }}
                  value={b.label}
                  onChange={(e) => setBand(i, { label: e.currentTarget.value })}
                  error={errors[`bands.${i}.label`]}
                  maxLength={80}
                />
                <TextInput
                  label={t('forms.bandLabelPl', { n: i + 1 })}
                  style={{ flex: 1 }}
                  value={b.labelPl}
                  onChange={(e) => setBand(i, { labelPl: e.currentTarget.value })}
                  error={errors[`bands.${i}.labelPl`]}
                  maxLength={80}
                />
                {draft.areaId && (
                  <NumberInput
                    label={t('forms.bandOutcome', { n: i + 1 })}
                    required
                    w={140}
                    min={SCORE_MIN}
                    max={SCORE_MAX}
                    allowDecimal={false}
                    value={b.outcome}
                    onChange={(v) => setBand(i, { outcome: typeof v === 'number' ? v : '' })}
                    error={errors[`bands.${i}.outcome`]}
                  />
                )}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  aria-label={t('forms.removeBand', { n: i + 1 })}
                  disabled={draft.bands.length <= 1}
                  onClick={() => setDraft({ ...draft, bands: draft.bands.filter((_, j) => j !== i) })}
                >
                  ×
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          {errors['bands'] && <FormAlert message={errors['bands']} />}
          <Button
            variant="default"
            w="fit-content"
            disabled={draft.bands.length >= BANDS_MAX}
            onClick={() => setDraft({ ...draft, bands: [...draft.bands, blankBand()] })}
          >
            {t('forms.addBand')}
          </Button>
        </Stack>
      )}
    </ModalForm>
  );
}
