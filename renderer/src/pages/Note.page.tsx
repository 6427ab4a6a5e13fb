import {
  Alert,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_NOTE_KINDS,
  caseNoteInputSchema,
  NOTE_MAX_LENGTH,
  nowForNote,
  splitOccurredAt,
  type CaseNote,
  type CaseNoteKind,
} from '../../../shared/domain/caseNote';
import type { ClientRecord } from '../../../shared/domain/clientRecord';
import { minutesBetween, NOTE_KIND_OF, type Appointment } from '../../../shared/domain/appointment';
import { formatDate } from '../format';
import type { PlansView } from '../../../shared/domain/supportPlan';
import { invoke } from '../api';
import { ClientHeader } from '../components/ClientHeader/ClientHeader';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import type { Route } from '../routes';
import { errorSentence, schemaValidator } from '../errors';
import { useSubmit } from '../useSubmit';
import { goalOptions } from '../goals';
import * as clock from '../clock';
import { DateField } from '../components/DateField/DateField';
import { TimeField } from '../components/DateField/TimeField';
import { useGo, useUnsavedGuard } from '../navigation';
import { useSession } from '../session';
import { AskedWithFields, useAskedWith } from '../components/CustomFields/AskedWith';

interface Values {
  date: string;
  time: string;
  kind: string;
  durationMinutes: number | string;
  present: string;
  body: string;
  goalId: string;
  sensitive: boolean;
}

const toInput = (v: Values) => ({
  ...v,
  kind: (v.kind || undefined) as CaseNoteKind,
  durationMinutes: v.durationMinutes === '' ? null : Number(v.durationMinutes),
  goalId: v.goalId ? Number(v.goalId) : null,
});

/**
 * A case note: one contact with or about the client. A page rather than a dialog, so a long note is
 * not lost to a stray click. Editing keeps the earlier version for administrators.
 */
export function NotePage({
  clientId,
  noteId,
  appointmentId,
}: {
  clientId: number;
  noteId?: number;
  /** A new note for an appointment the client came to: filled in from it, and saving records they came. */
  appointmentId?: number;
}) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const me = useSession().user!.id;
  const [record, setRecord] = useState<ClientRecord | null>(null);
  const [plans, setPlans] = useState<PlansView | null>(null);
  const [note, setNote] = useState<CaseNote | null>(null);
  const [appointment, setAppointment] = useState<Appointment | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit();
  const form = useForm<Values>({
    initialValues: {
      ...nowForNote(clock.now()),
      kind: '',
      durationMinutes: '',
      present: '',
      body: '',
      goalId: '',
      sensitive: false,
    },
    validate: (v) => schemaValidator(caseNoteInputSchema, t)(toInput(v)),
  });
  const kind = form.values.kind as CaseNoteKind | '';
  const asked = useAskedWith(clientId, kind ? { kind: 'caseNote', noteKind: kind, caseNoteId: noteId ?? null } : null);
  // Answers typed to the questions asked with the note are as unsaved as the note's own words.
  useUnsavedGuard(useCallback(() => form.isDirty() || asked.touched, [form, asked.touched]));

  useEffect(() => {
    void (async () => {
      const [r, p, n, a] = await Promise.all([
        invoke('clients.get', { id: clientId }),
        invoke('plans.get', { clientId }),
        noteId ? invoke('notes.get', { id: noteId }) : Promise.resolve(null),
        appointmentId && !noteId ? invoke('diary.get', { id: appointmentId }) : Promise.resolve(null),
      ]);
      if (!r.ok) return setLoadError(errorSentence(t, r.error));
      if (n && !n.ok) return setLoadError(errorSentence(t, n.error));
      if (a && !a.ok) return setLoadError(errorSentence(t, a.error));
      if (a?.ok) {
        // Everything the appointment already says: its kind, day and time, how long, who else was there.
        const x = a.value;
        setAppointment(x);
        form.setValues({
          date: x.date,
          time: x.startsAt,
          kind: NOTE_KIND_OF[x.kind],
          durationMinutes: minutesBetween(x.startsAt, x.endsAt),
          present: [
            ...x.clients.filter((c) => c.clientId !== clientId).map((c) => c.name),
            // Besides the writer: the note says who else was there.
            ...x.staff.filter((s) => s.id !== me).map((s) => s.name),
            ...(x.agencyName ? [x.agencyContact ? `${x.agencyContact} (${x.agencyName})` : x.agencyName] : []),
          ].join(', '),
        });
      }
      setRecord(r.value);
      if (p.ok) setPlans(p.value);
      if (n?.ok) {
        const x = n.value;
        setNote(x);
        form.initialize({
          ...splitOccurredAt(x.occurredAt),
          kind: x.kind,
          durationMinutes: x.durationMinutes ?? '',
          present: x.present ?? '',
          body: x.body ?? '',
          goalId: x.goalId ? String(x.goalId) : '',
          sensitive: x.sensitive,
        });
      }
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clientId, noteId]);

  if (loadError) return <FormAlert message={loadError} />;
  if (!record || (noteId && !note)) return <Loader aria-label={t('common.loading')} />;
  const back: Route = { name: 'client', id: clientId, tab: 'timeline' };
  const goals = goalOptions(plans);
  // A note already linked to a goal of an earlier plan keeps that link on the list.
  if (note?.goalId && !goals.some((g) => g.value === String(note.goalId))) {
    const old = plans?.earlier.flatMap((p) => p.goals).find((g) => g.id === note.goalId);
    if (old) goals.push({ value: String(old.id), label: old.description });
  }

  const save = form.onSubmit((v) => {
    if (!asked.check()) return;
    void submit(
      () =>
        invoke('notes.save', {
          clientId,
          target: note ? { id: note.id, version: note.version } : null,
          note: toInput(v),
          answers: asked.answers(),
          appointmentId: appointment?.id ?? null,
        }),
      {
        form: asked.alongside(form),
        fieldPrefix: 'note.',
        onOk: () => {
          notifications.show({ color: 'green', message: t('notes.saved') });
          go(back);
        },
      },
    );
  });

  return (
    <Stack maw={900}>
      <ClientHeader
        client={record.client}
        riskFlags={record.riskFlags}
        back={back}

        subtitle={note ? t('notes.editTitle') : t('notes.newTitle')}
      />
      {appointment && (
        <Alert color="indigo" variant="light">
          {t('diary.noteFrom', {
            date: formatDate(appointment.date, i18n.language),
            time: appointment.startsAt,
            name: `${record.client.firstName} ${record.client.lastName}`,
          })}
        </Alert>
      )}
      <Paper withBorder p="lg">
        <form onSubmit={save} noValidate>
          <Stack>
            <SimpleGrid cols={4}>
              <DateField label={t('notes.date')} required max={clock.today()} {...form.getInputProps('date')} />
              <TimeField label={t('notes.time')} required {...form.getInputProps('time')} />
              <Select
                label={t('notes.kind')}
                required
                data-autofocus
                data={CASE_NOTE_KINDS.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) }))}
                {...form.getInputProps('kind')}
                onChange={(v) => form.setFieldValue('kind', v ?? '')}
              />
              <NumberInput
                label={t('notes.duration')}
                description={t('notes.durationHelp')}
                min={0}
                max={1440}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('durationMinutes')}
              />
            </SimpleGrid>
            <TextInput
              label={t('notes.present')}
              description={t('notes.presentHelp')}
              maxLength={500}
              {...form.getInputProps('present')}
            />
            <Textarea
              label={t('notes.body')}
              description={t('notes.bodyHelp')}
              required
              autosize
              minRows={8}
              maxRows={30}
              maxLength={NOTE_MAX_LENGTH}
              {...form.getInputProps('body')}
            />
            <Group align="flex-end" grow>
              <Select
                label={t('notes.goal')}
                data={goals}
                clearable
                placeholder={t('notes.noGoal')}
                {...form.getInputProps('goalId')}
                onChange={(v) => form.setFieldValue('goalId', v ?? '')}
              />
              <Checkbox
                mb={8}
                label={t('notes.sensitive')}
                description={t('notes.sensitiveHelp')}
                {...form.getInputProps('sensitive', { type: 'checkbox' })}
              />
            </Group>
            <AskedWithFields asked={asked} />
            <FormActions error={error} busy={busy} onCancel={() => go(back)} />
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
