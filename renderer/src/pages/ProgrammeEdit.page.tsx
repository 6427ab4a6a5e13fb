import {
  Anchor,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { RequiredService } from '../components/RequiredService/RequiredService';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROGRAMME_KINDS,
  programmeInputSchema,
  type Programme,
  type ProgrammeKind,
} from '../../../shared/domain/programme';
import { invoke } from '../api';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { errorSentence, schemaValidator } from '../errors';
import { useSubmit } from '../useSubmit';
import * as clock from '../clock';
import { DateField } from '../components/DateField/DateField';
import { useGo, useUnsavedGuard } from '../navigation';

interface ProgrammeForm {
  name: string;
  description: string;
  kind: ProgrammeKind | null;
  startsOn: string;
  endsOn: string;
  capacity: number | string;
  facilitators: string[];
  venue: string;
  /** The service whose current eligibility decision registering needs: an id, or '' for none. */
  requiresServiceId: string;
}

const fromProgramme = (p: Programme): ProgrammeForm => ({
  name: p.name,
  description: p.description ?? '',
  kind: p.kind,
  startsOn: p.startsOn,
  endsOn: p.endsOn ?? '',
  capacity: p.capacity ?? '',
  facilitators: p.facilitators,
  venue: p.venue ?? '',
  requiresServiceId: p.requiresServiceId ? String(p.requiresServiceId) : '',
});

const toInput = (v: ProgrammeForm) => ({
  ...v,
  capacity: v.capacity === '' ? null : Number(v.capacity),
  requiresServiceId: v.requiresServiceId ? Number(v.requiresServiceId) : null,
});

/** Setting up a programme (workshop, drop-in, group…) or changing one. */
export function ProgrammeEditPage({ id }: { id?: number }) {
  const go = useGo();
  const { t } = useTranslation();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [people, setPeople] = useState<string[]>([]);
  const { busy, error, submit } = useSubmit();
  const form = useForm<ProgrammeForm>({
    initialValues: {
      name: '',
      description: '',
      kind: null,
      startsOn: clock.today(),
      endsOn: '',
      capacity: '',
      facilitators: [],
      venue: '',
      requiresServiceId: '',
    },
    validate: (v) => schemaValidator(programmeInputSchema, t)(toInput(v)),
  });
  useUnsavedGuard(form.isDirty);
  useEffect(() => {
    void invoke('tasks.assignees', {}).then((r) => r.ok && setPeople(r.value.map((u) => u.name)));
    if (!id) return;
    void invoke('programmes.get', { id }).then((r) => {
      if (!r.ok) return setLoadError(errorSentence(t, r.error));
      setProgramme(r.value.programme);
      form.initialize(fromProgramme(r.value.programme));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  if (loadError) return <FormAlert message={loadError} />;
  if (id && !programme) return <Loader aria-label={t('common.loading')} />;

  const save = form.onSubmit((v) =>
    submit(
      () =>
        invoke('programmes.save', {
          target: programme ? { id: programme.id, version: programme.version } : null,
          programme: { ...toInput(v), kind: v.kind! },
        }),
      {
        form,
        fieldPrefix: 'programme.',
        onOk: (d) => {
          notifications.show({ color: 'green', message: t('programmes.saved') });
          go({ name: 'programme', id: d.programme.id });
        },
      },
    ),
  );
  const back = () => go(programme ? { name: 'programme', id: programme.id } : { name: 'programmes' });

  return (
    <Stack maw={900}>
      <Anchor component="button" onClick={back} w="fit-content">
        ← {t('common.back')}
      </Anchor>
      <Title order={1} size="h2">
        {programme ? t('programmes.editTitle', { name: programme.name }) : t('programmes.newTitle')}
      </Title>
      <form onSubmit={save} noValidate>
        <Paper withBorder p="lg">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('programmes.name')}
                required
                maxLength={120}
                autoFocus
                {...form.getInputProps('name')}
              />
              <Select
                label={t('programmes.kind')}
                required
                data={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`programmes.kinds.${k}`) }))}
                allowDeselect={false}
                {...form.getInputProps('kind')}
              />
            </SimpleGrid>
            <Textarea
              label={t('programmes.description')}
              autosize
              minRows={2}
              maxLength={4000}
              {...form.getInputProps('description')}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField
                label={t('programmes.startsOn')}
                required
                min="1900-01-01"
                {...form.getInputProps('startsOn')}
              />
              <DateField
                label={t('programmes.endsOn')}
                description={t('programmes.endsOnHint')}
                min={form.values.startsOn || undefined}
                {...form.getInputProps('endsOn')}
              />
              <NumberInput
                label={t('programmes.capacity')}
                description={t('programmes.capacityHint')}
                min={1}
                max={10000}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('capacity')}
              />
            </SimpleGrid>
            <TagsInput
              label={t('programmes.facilitators')}
              description={t('programmes.facilitatorsHint')}
              data={people}
              maxTags={20}
              clearable
              {...form.getInputProps('facilitators')}
            />
            <TextInput label={t('programmes.venue')} maxLength={300} {...form.getInputProps('venue')} />
            <RequiredService
              description={t('eligibility.requiredForProgramme')}
              value={form.values.requiresServiceId}
              onChange={(v) => form.setFieldValue('requiresServiceId', v)}
              error={form.errors['requiresServiceId']}
            />
            <FormActions error={error} busy={busy} onCancel={back} />
          </Stack>
        </Paper>
      </form>
    </Stack>
  );
}
