import { Badge, Button, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CRITERIA_MAX,
  inLanguage,
  saveServiceSchema,
  type EligibilityService,
} from '../../../../shared/domain/eligibility';
import { invoke } from '../../api';
import { errorSentence, schemaValidator } from '../../errors';
import { useChannel } from '../../useChannel';
import { useSubmit } from '../../useSubmit';
import { BilingualList } from '../BilingualList/BilingualList';
import { FormAlert } from '../FormAlert/FormAlert';
import { ModalForm } from '../ModalForm/ModalForm';

interface Draft {
  name: string;
  namePl: string;
  recheckMonths: number | string;
  criteria: { id: number | null; text: string; textPl: string }[];
}

const draftOf = (s: EligibilityService | null): Draft => ({
  name: s?.name ?? '',
  namePl: s?.namePl ?? '',
  recheckMonths: s?.recheckMonths ?? '',
  criteria: s?.criteria.map((c) => ({ id: c.id, text: c.text, textPl: c.textPl ?? '' })) ?? [
    { id: null, text: '', textPl: '' },
  ],
});

/**
 * Settings › Eligibility checklists: each service's criteria, in English and Polish. Rewording or
 * removing a criterion leaves the checks already recorded as they were asked.
 */
export function EligibilityServices() {
  const { t, i18n } = useTranslation();
  const { data: services, error, replace } = useChannel('eligibility.services', { includeRetired: true });
  const [editing, setEditing] = useState<EligibilityService | 'new' | null>(null);
  const setActive = async (s: EligibilityService, active: boolean) => {
    const r = await invoke('eligibility.setServiceActive', { id: s.id, active });
    if (r.ok) replace(r.value);
    else notifications.show({ color: 'red', message: errorSentence(t, r.error) });
  };
  if (error) return <FormAlert message={error} />;
  return (
    <Stack>
      <Text size="sm">{t('eligibility.settings.intro')}</Text>
      {services && services.length === 0 && <Text c="dimmed">{t('eligibility.settings.none')}</Text>}
      {services && services.length > 0 && (
        <Table aria-label={t('eligibility.settings.title')}>
          <Table.Tbody>
            {services.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text fw={500} c={s.active ? undefined : 'dimmed'}>
                    {inLanguage(s.name, s.namePl, i18n.language)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('eligibility.settings.criteriaCount', { count: s.criteria.length })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {!s.active && (
                    <Badge color="gray" variant="light">
                      {t('eligibility.settings.retired')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setEditing(s)}
                      aria-label={`${t('eligibility.settings.edit')}: ${s.name}`}
                    >
                      {t('eligibility.settings.edit')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => void setActive(s, !s.active)}>
                      {t(s.active ? 'eligibility.settings.retire' : 'eligibility.settings.restore')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Button variant="light" w="fit-content" onClick={() => setEditing('new')}>
        {t('eligibility.settings.add')}
      </Button>
      {editing && (
        <ServiceModal
          service={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(list) => {
            replace(list);
            setEditing(null);
            notifications.show({ color: 'green', message: t('eligibility.settings.saved') });
          }}
        />
      )}
    </Stack>
  );
}

function ServiceModal({
  service,
  onClose,
  onSaved,
}: {
  service: EligibilityService | null;
  onClose: () => void;
  onSaved: (list: EligibilityService[]) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const [draft, setDraftOnly] = useState<Draft>(() => draftOf(service));
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** A change clears the messages: they are shown again, for what is still wrong, on saving. */
  const setDraft = (next: Draft | ((d: Draft) => Draft)) => {
    setDraftOnly(next);
    setErrors({});
  };
  const input = () => ({
    id: service?.id ?? null,
    version: service?.version ?? null,
    name: draft.name,
    namePl: draft.namePl,
    recheckMonths: draft.recheckMonths === '' ? null : Number(draft.recheckMonths),
    criteria: draft.criteria.map((c) => ({ id: c.id, text: c.text, textPl: c.textPl })),
  });
  const save = (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    const wrong = schemaValidator(saveServiceSchema, t)(input());
    if (Object.keys(wrong).length) return setErrors(wrong);
    void submit(() => invoke('eligibility.saveService', input()), { form: { setErrors }, onOk: onSaved });
  };
  return (
    <ModalForm
      opened
      title={t('eligibility.settings.editTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('eligibility.settings.name')}
          required
          data-autofocus
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          error={errors['name']}
          maxLength={120}
        />
        <TextInput
          label={t('eligibility.settings.namePl')}
          value={draft.namePl}
          onChange={(e) => setDraft({ ...draft, namePl: e.currentTarget.value })}
          error={errors['namePl']}
          maxLength={120}
        />
      </SimpleGrid>
      <NumberInput
        label={t('eligibility.settings.recheckMonths')}
        description={t('eligibility.settings.recheckMonthsHint')}
        min={1}
        max={60}
        allowDecimal={false}
        value={draft.recheckMonths}
        onChange={(v) => setDraft({ ...draft, recheckMonths: v })}
        error={errors['recheckMonths']}
        w={280}
      />
      <Text fw={600} size="sm">
        {t('eligibility.criteria')}
      </Text>
      {service && (
        <Text size="xs" c="dimmed">
          {t('eligibility.settings.rewordHint')}
        </Text>
      )}
      <BilingualList
        rows={draft.criteria}
        setRows={(criteria) => setDraft((d) => ({ ...d, criteria }))}
        en="text"
        pl="textPl"
        path="criteria"
        errors={errors}
        labels={{
          en: (n) => t('eligibility.settings.criterion', { n }),
          pl: (n) => t('eligibility.settings.criterionPl', { n }),
          remove: (n) => t('eligibility.settings.removeCriterion', { n }),
          add: t('eligibility.settings.addCriterion'),
        }}
        min={1}
        max={CRITERIA_MAX}
        maxLength={300}
        blank={() => ({ id: null, text: '', textPl: '' })}
      />
    </ModalForm>
  );
}
