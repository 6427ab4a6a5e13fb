import {
  Alert,
  Button,
  CloseButton,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPOINTMENT_KINDS,
  appointmentInputSchema,
  type Appointment,
  type AppointmentKind,
  type Clash,
} from '../../../../shared/domain/appointment';
import { invoke } from '../../api';
import { ClientFinder } from '../../components/ClientFinder/ClientFinder';
import { DateField } from '../../components/DateField/DateField';
import { TimeField } from '../../components/DateField/TimeField';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { RepeatFields, runOf, type RepeatValues } from '../../components/RepeatFields/RepeatFields';
import { schemaValidator } from '../../errors';
import { formatDate } from '../../format';
import { useSession } from '../../session';
import { useChannel } from '../../useChannel';
import { useSubmit } from '../../useSubmit';

interface Values extends RepeatValues {
  kind: string;
  staffIds: string[];
  agencyId: string;
  agencyContact: string;
  date: string;
  startsAt: string;
  endsAt: string;
  place: string;
  room: string;
  note: string;
  backBy: string;
}

interface Chosen {
  id: number;
  name: string;
  loneWorkingRisk?: boolean;
}

const toInput = (v: Values, clients: Chosen[]) => ({
  ...v,
  ...runOf(v),
  kind: (v.kind || undefined) as AppointmentKind,
  clientIds: clients.map((c) => c.id),
  staffIds: v.staffIds.map(Number),
  agencyId: v.agencyId ? Number(v.agencyId) : null,
  backBy: v.kind === 'homeVisit' ? v.backBy || null : null,
});

/** A short line for each clash: when, and who or what is already booked. */
export function ClashList({ clashes }: { clashes: Clash[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="orange" title={t('diary.clashesTitle')} role="alert">
      <Stack gap={4}>
        {clashes.map((c, i) => (
          <Text size="sm" key={i}>
            {t('diary.clashLine', {
              date: formatDate(c.date, i18n.language),
              start: c.startsAt,
              end: c.endsAt,
              who: t(`diary.clashWho.${c.who.by}`, { name: c.who.name }),
            })}
          </Text>
        ))}
        <Text size="sm">{t('diary.clashesText')}</Text>
      </Stack>
    </Alert>
  );
}

/**
 * Books an appointment, or a run of them, or changes one. Clashes for a person, a client or a room
 * are shown and the person may book all the same; a client with a lone-working risk needs a second
 * person on a home visit (the core insists too).
 */
export function BookAppointmentModal({
  appointment,
  client,
  date,
  onClose,
  onDone,
}: {
  /** The appointment to change; a new one when absent. */
  appointment?: Appointment;
  /** The client to book for, when opened from their page. */
  client?: Chosen;
  date: string;
  onClose: () => void;
  onDone: (date: string) => void;
}) {
  const { t } = useTranslation();
  const me = useSession().user!;
  const { busy, error, submit } = useSubmit();
  const people = useChannel('tasks.assignees', {}).data ?? [];
  const agencies = useChannel('agencies.search', { query: '', includeArchived: false }).data ?? [];
  const [clients, setClients] = useState<Chosen[]>(
    appointment
      ? appointment.clients.map((c) => ({ id: c.clientId, name: c.name, loneWorkingRisk: c.loneWorkingRisk }))
      : client
        ? [client]
        : [],
  );
  const [clashes, setClashes] = useState<Clash[]>([]);
  const a = appointment;
  const form = useForm<Values>({
    initialValues: {
      kind: a?.kind ?? 'office',
      staffIds: a ? a.staff.map((s) => String(s.id)) : [String(me.id)],
      agencyId: a?.agencyId ? String(a.agencyId) : '',
      agencyContact: a?.agencyContact ?? '',
      date: a?.date ?? date,
      startsAt: a?.startsAt ?? '',
      endsAt: a?.endsAt ?? '',
      place: a?.place ?? '',
      room: a?.room ?? '',
      note: a?.note ?? '',
      backBy: a?.backBy ?? '',
      repeat: 'once',
      weekdays: [],
      until: '',
      count: '',
    },
    validate: (v) => schemaValidator(appointmentInputSchema, t)(toInput(v, clients)),
  });
  const v = form.values;
  const risky = clients.filter((c) => c.loneWorkingRisk);
  // A changed booking is checked afresh: clashes shown for the old one no longer count.
  const edited = () => clashes.length > 0 && setClashes([]);

  const save = (despiteClashes: boolean) =>
    form.onSubmit((x) =>
      submit(
        () =>
          a
            ? invoke('diary.change', {
                id: a.id,
                version: a.version,
                appointment: { ...toInput(x, clients), repeat: 'once' },
                despiteClashes,
              })
            : invoke('diary.book', { appointment: toInput(x, clients), despiteClashes }),
        {
          form,
          fieldPrefix: 'appointment.',
          onOk: (r) => {
            if (r.ids.length === 0) return setClashes(r.clashes);
            notifications.show({
              color: 'green',
              message: a ? t('diary.changed') : t('diary.booked', { count: r.ids.length }),
            });
            onDone(x.date);
          },
        },
      ),
    );

  return (
    <ModalForm
      opened
      title={a ? t('diary.changeTitle') : t('diary.bookTitle')}
      onClose={onClose}
      onSubmit={save(false)}
      busy={busy}
      error={error}
      size="xl"
    >
      <div onChangeCapture={edited}>
        <Stack>
          <Select
            label={t('diary.kind')}
            required
            data-autofocus
            allowDeselect={false}
            data={APPOINTMENT_KINDS.map((k) => ({ value: k, label: t(`diary.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
            onChange={(k) => {
              form.setFieldValue('kind', k ?? '');
              edited();
            }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('diary.clients')}
            </Text>
            {clients.map((c) => (
              <Group key={c.id} gap="xs">
                <Text size="sm">{c.name}</Text>
                <CloseButton
                  size="sm"
                  aria-label={t('diary.removeClientName', { name: c.name })}
                  onClick={() => {
                    setClients(clients.filter((x) => x.id !== c.id));
                    edited();
                  }}
                />
              </Group>
            ))}
            {form.errors['clientIds'] && (
              <Text size="sm" c="red">
                {form.errors['clientIds']}
              </Text>
            )}
            <ClientFinder
              label={t('diary.clientsHint')}
              action={{
                text: t('diary.addClient'),
                name: (c) => t('diary.addClientName', { name: `${c.firstName} ${c.lastName}` }),
              }}
              exclude={clients.map((c) => c.id)}
              onChoose={(c) => {
                setClients([
                  ...clients,
                  {
                    id: c.id,
                    name: `${c.firstName} ${c.lastName}`,
                    loneWorkingRisk: c.riskFlags.includes('loneWorking'),
                  },
                ]);
                edited();
              }}
            />
          </Stack>
          <SimpleGrid cols={2}>
            <MultiSelect
              label={t('diary.staff')}
              data={people.map((p) => ({ value: String(p.id), label: p.name }))}
              searchable
              {...form.getInputProps('staffIds')}
              onChange={(ids) => {
                form.setFieldValue('staffIds', ids);
                edited();
              }}
            />
            <Group grow align="flex-start">
              <Select
                label={t('diary.agency')}
                data={agencies.map((x) => ({ value: String(x.id), label: x.name }))}
                searchable
                clearable
                {...form.getInputProps('agencyId')}
                onChange={(id) => form.setFieldValue('agencyId', id ?? '')}
              />
              {v.agencyId && (
                <TextInput label={t('diary.agencyContact')} maxLength={200} {...form.getInputProps('agencyContact')} />
              )}
            </Group>
          </SimpleGrid>
          {v.kind === 'homeVisit' &&
            risky.map((c) => (
              <Alert key={c.id} color="red" variant="light">
                {t('diary.loneWorking', { name: c.name })}
              </Alert>
            ))}
          <SimpleGrid cols={v.kind === 'homeVisit' ? 4 : 3}>
            <DateField label={t('diary.date')} required {...form.getInputProps('date')} />
            <TimeField label={t('diary.startsAt')} required {...form.getInputProps('startsAt')} />
            <TimeField label={t('diary.endsAt')} required {...form.getInputProps('endsAt')} />
            {v.kind === 'homeVisit' && (
              <TimeField
                label={t('diary.backBy')}
                required
                description={t('diary.backByHint')}
                {...form.getInputProps('backBy')}
              />
            )}
          </SimpleGrid>
          {!a && <RepeatFields form={form} firstOn={v.date} words="diary" />}
          <SimpleGrid cols={2}>
            <Textarea
              label={t('diary.place')}
              description={t('diary.placeHint')}
              autosize
              minRows={1}
              maxLength={300}
              {...form.getInputProps('place')}
            />
            <TextInput
              label={t('diary.room')}
              description={t('diary.roomHint')}
              maxLength={80}
              {...form.getInputProps('room')}
            />
          </SimpleGrid>
          <Textarea label={t('diary.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
          {clashes.length > 0 && (
            <>
              <ClashList clashes={clashes} />
              <Group justify="flex-end">
                <Button color="orange" loading={busy} onClick={() => save(true)()}>
                  {t('diary.bookAnyway')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </div>
    </ModalForm>
  );
}
