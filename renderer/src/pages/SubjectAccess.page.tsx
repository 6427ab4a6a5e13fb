import { Badge, Button, Group, Loader, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../shared/domain/clientRecord';
import {
  accessAnsweredSchema,
  accessDueOn,
  accessRequestInputSchema,
  type AccessRequest,
} from '../../../shared/domain/subjectAccess';
import { invoke } from '../api';
import { ClientHeader } from '../components/ClientHeader/ClientHeader';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { usePrintable } from '../components/Printout/Printout';
import { Section } from '../components/Section/Section';
import { errorSentence, schemaValidator } from '../errors';
import { formatDate } from '../format';
import { useSubmit } from '../useSubmit';
import * as clock from '../clock';
import { JobProgress } from '../components/JobProgress/JobProgress';
import { useJob } from '../useJob';
import { DateField } from '../components/DateField/DateField';

/** How a request stands against its due date, as a coloured badge. */
export function AccessDueBadge({
  request,
  today,
}: {
  request: Pick<AccessRequest, 'dueOn' | 'answeredOn'>;
  today: string;
}) {
  const { t, i18n } = useTranslation();
  if (request.answeredOn)
    return (
      <Badge color="green" variant="light">
        {t('subjectAccess.answered', { date: formatDate(request.answeredOn, i18n.language) })}
      </Badge>
    );
  if (request.dueOn < today)
    return <Badge color="red">{t('subjectAccess.overdue', { date: formatDate(request.dueOn, i18n.language) })}</Badge>;
  return (
    <Badge color="orange" variant="light">
      {t('subjectAccess.due', { date: formatDate(request.dueOn, i18n.language) })}
    </Badge>
  );
}

/**
 * A client's subject access requests: record one as it arrives (the due date follows), make the
 * pack (a readable PDF and the same as JSON), and mark it answered when it has been given or sent.
 */
export function SubjectAccessPage({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const [record, setRecord] = useState<ClientRecord | null>(null);
  const [requests, setRequests] = useState<AccessRequest[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const pack = useSubmit();
  // Gathering everything and drawing the PDF is a long job: shown with its progress, and stoppable.
  const packJob = useJob();
  const today = clock.today();

  useEffect(() => {
    void Promise.all([invoke('clients.get', { id: clientId }), invoke('subjectAccess.forClient', { clientId })]).then(
      ([r, a]) => {
        if (!r.ok) return setLoadError(errorSentence(t, r.error));
        if (!a.ok) return setLoadError(errorSentence(t, a.error));
        setRecord(r.value);
        setRequests(a.value);
      },
    );
  }, [clientId, t]);

  // The open request's pack can be printed (its readable part), from here or with File › Print.
  const openId = requests?.find((r) => !r.answeredOn)?.id ?? null;
  const printing = usePrintable(
    openId !== null ? () => packJob.run('subjectAccess.printPack', { id: openId }) : null,
    async () => {
      // Printed, the pack counts as made: the request says so.
      const again = await invoke('subjectAccess.forClient', { clientId });
      if (again.ok) setRequests(again.value);
    },
  );

  if (loadError) return <FormAlert message={loadError} />;
  if (!record || !requests) return <Loader aria-label={t('common.loading')} />;
  const open = requests.find((r) => !r.answeredOn) ?? null;
  const date = (d: string | null) => formatDate(d, i18n.language);

  const makePack = (r: AccessRequest) =>
    pack.submit(
      () =>
        packJob.run('subjectAccess.savePack', { id: r.id }).then((res) => {
          if (!res.ok && packJob.wasStopped())
            notifications.show({ color: 'blue', message: t('subjectAccess.packStopped') });
          return res;
        }),
      {
        onOk: (v) => {
          setRequests(v.requests);
          notifications.show({
            color: 'green',
            autoClose: 10_000,
            message: t('subjectAccess.packSaved', { pdf: v.pdfPath, json: v.jsonPath }),
          });
        },
      },
    );

  return (
    <Stack maw={1000}>
      <ClientHeader
        client={record.client}
        riskFlags={record.riskFlags}
        back={{ name: 'client', id: clientId }}

        subtitle={t('subjectAccess.title')}
      />
      <Text c="dimmed">{t('subjectAccess.pageIntro')}</Text>
      {open ? (
        <Paper withBorder p="lg" component="section" aria-label={t('subjectAccess.openTitle')}>
          <Stack>
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t('subjectAccess.openTitle')}
              </Title>
              <AccessDueBadge request={open} today={today} />
            </Group>
            <Text>{t('subjectAccess.receivedLine', { received: date(open.receivedOn), due: date(open.dueOn) })}</Text>
            {open.note && <Text size="sm">{open.note}</Text>}
            <Text size="sm" c="dimmed">
              {open.packSavedOn
                ? t('subjectAccess.packMadeOn', { date: date(open.packSavedOn) })
                : t('subjectAccess.packNotYet')}
            </Text>
            <Group>
              <Button onClick={() => void makePack(open)} loading={pack.busy}>
                {open.packSavedOn ? t('subjectAccess.makePackAgain') : t('subjectAccess.makePack')}
              </Button>
              <Button variant="default" onClick={printing.print} loading={printing.busy}>
                {t('subjectAccess.printPack')}
              </Button>
            </Group>
            <JobProgress job={packJob} label={t('subjectAccess.makePack')} />
            <FormAlert message={pack.error} />
            <AnsweredForm request={open} onDone={setRequests} />
          </Stack>
        </Paper>
      ) : (
        <NewRequestForm clientId={clientId} onDone={setRequests} />
      )}
      <Section title={t('subjectAccess.history')}>
        {requests.length === 0 ? (
          <Text c="dimmed">{t('subjectAccess.none')}</Text>
        ) : (
          <Table striped aria-label={t('subjectAccess.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('subjectAccess.receivedOn')}</Table.Th>
                <Table.Th>{t('subjectAccess.dueOn')}</Table.Th>
                <Table.Th>{t('subjectAccess.packColumn')}</Table.Th>
                <Table.Th>{t('subjectAccess.state')}</Table.Th>
                <Table.Th>{t('subjectAccess.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{date(r.receivedOn)}</Table.Td>
                  <Table.Td>{date(r.dueOn)}</Table.Td>
                  <Table.Td>{r.packSavedOn ? date(r.packSavedOn) : t('subjectAccess.notYet')}</Table.Td>
                  <Table.Td>
                    <AccessDueBadge request={r} today={today} />
                  </Table.Td>
                  <Table.Td>{r.recordedByName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </Stack>
  );
}

function NewRequestForm({ clientId, onDone }: { clientId: number; onDone: (r: AccessRequest[]) => void }) {
  const { t, i18n } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { clientId, receivedOn: clock.today(), note: '' },
    validate: schemaValidator(accessRequestInputSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('subjectAccess.record', v), {
      form,
      onOk: (r) => {
        notifications.show({
          color: 'green',
          message: t('subjectAccess.recorded', { date: formatDate(r[0]!.dueOn, i18n.language) }),
        });
        form.reset();
        onDone(r);
      },
    }),
  );
  const received = form.values.receivedOn;
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('subjectAccess.recordTitle')}>
      <form onSubmit={save} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('subjectAccess.recordTitle')}
          </Title>
          <DateField
            label={t('subjectAccess.receivedOn')}
            required
            max={clock.today()}
            w={220}
            description={
              /^\d{4}-\d{2}-\d{2}$/.test(received)
                ? t('subjectAccess.dueHint', { date: formatDate(accessDueOn(received), i18n.language) })
                : undefined
            }
            {...form.getInputProps('receivedOn')}
          />
          <Textarea
            label={t('subjectAccess.note')}
            description={t('subjectAccess.noteHint')}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('note')}
          />
          <FormActions error={error} busy={busy} label={t('subjectAccess.record')} />
        </Stack>
      </form>
    </Paper>
  );
}

function AnsweredForm({ request, onDone }: { request: AccessRequest; onDone: (r: AccessRequest[]) => void }) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { id: request.id, answeredOn: clock.today() },
    validate: schemaValidator(accessAnsweredSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('subjectAccess.answered', v), {
      form,
      onOk: (r) => {
        notifications.show({ color: 'green', message: t('subjectAccess.answeredSaved') });
        onDone(r);
      },
    }),
  );
  return (
    <form onSubmit={save} noValidate>
      <Stack gap="xs">
        <Text size="sm">{t('subjectAccess.answeredHint')}</Text>
        <Group align="flex-end">
          <DateField
            label={t('subjectAccess.answeredOn')}
            required
            max={clock.today()}
            min={request.receivedOn}
            w={220}
            {...form.getInputProps('answeredOn')}
          />
          <Button type="submit" variant="light" loading={busy}>
            {t('subjectAccess.markAnswered')}
          </Button>
        </Group>
        <FormAlert message={error} />
      </Stack>
    </form>
  );
}
