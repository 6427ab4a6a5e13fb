import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/domain/caseload';
import {
  keepCaseSchema,
  NON_CLIENT_MONTHS_MAX,
  RETENTION_YEARS_MAX,
  RETENTION_YEARS_MIN,
  type DocumentDue,
  type NonClientDue,
  type RetentionCase,
  type RetentionView,
} from '../../../shared/domain/retention';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/domain/document';
import { modals } from '@mantine/modals';
import type { Result } from '../../../shared/result';
import { invoke } from '../api';
import { EraseClientModal } from '../components/EraseClient/EraseClient';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { ModalForm } from '../components/ModalForm/ModalForm';
import { NumberSetting } from '../components/NumberSetting/NumberSetting';
import { Section } from '../components/Section/Section';
import { errorSentence, schemaValidator, translatedFields } from '../errors';
import { formatDate } from '../format';
import { useSubmit } from '../useSubmit';
import * as clock from '../clock';
import { DateField } from '../components/DateField/DateField';
import { useGo } from '../navigation';

type View = RetentionView;

/**
 * The retention review: how long closed cases are kept, and the closed cases past it, each to erase,
 * anonymise, or keep for a stated reason until a date to look again.
 */
export function RetentionPage() {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [erasing, setErasing] = useState<RetentionCase | null>(null);
  const [keeping, setKeeping] = useState<RetentionCase | null>(null);
  const [keepingDocument, setKeepingDocument] = useState<DocumentDue | null>(null);
  const shown = (v: View) => setView(v);
  const load = () =>
    void invoke('retention.get', {}).then((r) => (r.ok ? shown(r.value) : setError(errorSentence(t, r.error))));
  useEffect(load, [t]);
  if (!view) return error ? <FormAlert message={error} /> : <Loader aria-label={t('common.loading')} />;

  const deleteDocument = (d: DocumentDue) =>
    modals.openConfirmModal({
      title: t('documents.removeConfirm.title'),
      children: <Text size="sm">{t('documents.removeConfirm.body', { title: d.title })}</Text>,
      labels: { confirm: t('documents.removeConfirm.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void invoke('documents.remove', { id: d.documentId, version: d.version }).then((r) => {
          if (r.ok) notifications.show({ color: 'green', message: t('documents.removed') });
          else notifications.show({ color: 'red', message: errorSentence(t, r.error) });
          load();
        }),
    });

  return (
    <Stack maw={1100}>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('retention.title')}
        </Title>
        <Text c="dimmed">{t('retention.intro')}</Text>
      </Stack>
      <NumberSetting
        label={t('retention.years')}
        description={t('retention.yearsHint')}
        min={RETENTION_YEARS_MIN}
        max={RETENTION_YEARS_MAX}
        width={260}
        initial={view.years}
        field="years"
        save={async (years) => {
          const r = await invoke('retention.setYears', { years });
          if (r.ok) shown(r.value);
          return r;
        }}
        savedMessage={t('retention.saved')}
      />
      <FormAlert message={error} />
      <Section title={t('retention.dueTitle', { count: view.due.length })}>
        {view.due.length === 0 ? (
          <Text c="dimmed">{t('retention.none')}</Text>
        ) : (
          <Table striped aria-label={t('retention.dueTitle', { count: view.due.length })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.reference')}</Table.Th>
                <Table.Th>{t('clients.name')}</Table.Th>
                <Table.Th>{t('retention.closedOn')}</Table.Th>
                <Table.Th>{t('retention.dueOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.due.map((c) => (
                <Table.Tr key={c.clientId}>
                  <Table.Td>{c.reference}</Table.Td>
                  <Table.Td>
                    <Anchor component="button" onClick={() => go({ name: 'client', id: c.clientId })}>
                      {c.name}
                    </Anchor>
                    {c.lastKeptReason && (
                      <Text size="xs" c="dimmed">
                        {t('retention.keptBefore', { reason: c.lastKeptReason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {formatDate(c.closedOn, i18n.language)}
                    {c.closureReason && (
                      <Text size="xs" c="dimmed">
                        {t(`status.reasons.${c.closureReason}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(c.dueOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setKeeping(c)}
                        aria-label={`${t('retention.keep')}: ${c.reference}`}
                      >
                        {t('retention.keep')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => setErasing(c)}
                        aria-label={`${t('erasure.start')}: ${c.reference}`}
                      >
                        {t('erasure.start')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t('retention.documentsDue', { count: view.documentsDue.length })}>
        <Text size="sm">{t('retention.documentsIntro')}</Text>
        <DocumentDays view={view} onView={shown} />
        {view.documentsDue.length === 0 ? (
          <Text c="dimmed">{t('retention.documentsNone')}</Text>
        ) : (
          <Table striped aria-label={t('retention.documentsDue', { count: view.documentsDue.length })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.name')}</Table.Th>
                <Table.Th>{t('documents.title')}</Table.Th>
                <Table.Th>{t('retention.documentAdded')}</Table.Th>
                <Table.Th>{t('retention.dueOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.documentsDue.map((d) => (
                <Table.Tr key={d.documentId}>
                  <Table.Td>
                    <Anchor component="button" onClick={() => go({ name: 'client', id: d.clientId, tab: 'documents' })}>
                      {d.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {d.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {d.title}
                    <Text size="xs" c="dimmed">
                      {t(`documents.kinds.${d.kind}`)}
                      {d.lastKeptReason ? ` · ${t('retention.keptBefore', { reason: d.lastKeptReason })}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDate(d.addedOn, i18n.language)}</Table.Td>
                  <Table.Td>{formatDate(d.dueOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setKeepingDocument(d)}
                        aria-label={`${t('retention.keep')}: ${d.title}`}
                      >
                        {t('retention.keep')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => deleteDocument(d)}
                        aria-label={`${t('documents.remove')}: ${d.title}`}
                      >
                        {t('documents.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <NonClients view={view} onView={shown} />
      {keepingDocument && (
        <KeepModal
          title={t('retention.keepDocumentTitle', { title: keepingDocument.title })}
          reviewInDays={90}
          keep={(v) => invoke('retention.keepDocument', { documentId: keepingDocument.documentId, ...v })}
          kept={t('retention.documentKept', { title: keepingDocument.title })}
          onClose={() => setKeepingDocument(null)}
          onDone={(v) => {
            setKeepingDocument(null);
            shown(v);
          }}
        />
      )}
      {erasing && (
        <EraseClientModal
          client={{
            id: erasing.clientId,
            firstName: erasing.name,
            lastName: '',
            reference: erasing.reference,
            status: 'closed',
          }}
          onClose={() => setErasing(null)}
          onDone={() => {
            setErasing(null);
            load();
          }}
        />
      )}
      {keeping && (
        <KeepModal
          title={t('retention.keepTitle', { reference: keeping.reference })}
          hint={t('retention.keepHint')}
          reviewInDays={365}
          keep={(v) => invoke('retention.keep', { clientId: keeping.clientId, ...v })}
          kept={t('retention.keptSaved', { reference: keeping.reference })}
          onClose={() => setKeeping(null)}
          onDone={(v) => {
            setKeeping(null);
            shown(v);
          }}
        />
      )}
    </Stack>
  );
}

/** What keeping something past its time needs: why, and when to look at it again. */
const keepSchema = keepCaseSchema.pick({ reason: true, reviewOn: true });

/**
 * Keeps a closed case or a document past its time: the reason and the date it comes back to the
 * review. `keep` sends them to the case's or the document's channel.
 */
function KeepModal({
  title,
  hint,
  reviewInDays,
  keep,
  kept,
  onClose,
  onDone,
}: {
  title: string;
  hint?: string;
  /** The date to look again that is offered, this many days from today. */
  reviewInDays: number;
  keep: (v: { reason: string; reviewOn: string }) => Promise<Result<View>>;
  /** The sentence once it is kept. */
  kept: string;
  onClose: () => void;
  onDone: (v: View) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { reason: '', reviewOn: addDays(clock.today(), reviewInDays) },
    validate: schemaValidator(keepSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => keep(v), {
      form,
      onOk: (r) => {
        notifications.show({ color: 'green', message: kept });
        onDone(r);
      },
    }),
  );
  return (
    <ModalForm
      opened
      title={title}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('retention.keep')}
    >
      {hint && <Alert color="blue">{hint}</Alert>}
      <Textarea
        label={t('retention.reason')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
        {...form.getInputProps('reason')}
      />
      <DateField
        label={t('retention.reviewOn')}
        required
        min={addDays(clock.today(), 1)}
        {...form.getInputProps('reviewOn')}
      />
    </ModalForm>
  );
}

/** How long each kind of document is kept after it was added: a number of days, or as long as the case. */
function DocumentDays({ view, onView }: { view: View; onView: (v: View) => void }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Partial<Record<DocumentKind, string>>>({});
  const save = async (kind: DocumentKind, value: number | string) => {
    const days = value === '' ? null : Number(value);
    if (days === view.documentDays[kind]) return;
    const r = await invoke('retention.setDocumentDays', { kind, days });
    if (!r.ok)
      return setErrors((e) => ({
        ...e,
        [kind]: translatedFields(t, r.error.fields)['days'] ?? errorSentence(t, r.error),
      }));
    setErrors((e) => ({ ...e, [kind]: undefined }));
    onView(r.value);
    notifications.show({ color: 'green', message: t('retention.saved') });
  };
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      {DOCUMENT_KINDS.map((kind) => (
        <NumberInput
          key={`${kind}-${view.documentDays[kind] ?? ''}`}
          label={t(`documents.kinds.${kind}`)}
          description={t('retention.documentDaysHint')}
          placeholder={t('retention.withTheCase')}
          min={1}
          max={3650}
          allowDecimal={false}
          defaultValue={view.documentDays[kind] ?? ''}
          onBlur={(e) => void save(kind, e.currentTarget.value.replace(/\D/g, ''))}
          error={errors[kind]}
        />
      ))}
    </SimpleGrid>
  );
}

/**
 * People who never became clients (a referral in declined or withdrawn, a signposting contact who
 * gave a name): how long their details are kept, and those kept that long, to remove one by one or
 * all at once. What is left still counts in the funder report.
 */
function NonClients({ view, onView }: { view: View; onView: (v: View) => void }) {
  const { t, i18n } = useTranslation();
  const due = view.nonClientsDue;
  const title = t('retention.nonClientsDue', { count: due.length });
  const forget = (items: NonClientDue[]) =>
    modals.openConfirmModal({
      title: t('retention.forgetTitle', { count: items.length }),
      children: <Text size="sm">{t('retention.forgetBody', { count: items.length, name: items[0]?.name ?? '' })}</Text>,
      labels: { confirm: t('retention.forgetConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void invoke('retention.forgetNonClients', { items: items.map(({ kind, id }) => ({ kind, id })) }).then((r) => {
          if (!r.ok) return notifications.show({ color: 'red', message: errorSentence(t, r.error) });
          onView(r.value);
          notifications.show({ color: 'green', message: t('retention.forgotten', { count: items.length }) });
        }),
    });
  return (
    <Section title={title}>
      <Text size="sm">{t('retention.nonClientsIntro')}</Text>
      <NumberSetting
        label={t('retention.nonClientMonths')}
        min={1}
        max={NON_CLIENT_MONTHS_MAX}
        initial={view.nonClientMonths}
        field="months"
        save={async (months) => {
          const r = await invoke('retention.setNonClientMonths', { months });
          if (r.ok) onView(r.value);
          return r;
        }}
        savedMessage={t('retention.saved')}
      />
      {due.length === 0 ? (
        <Text c="dimmed">{t('retention.nonClientsNone')}</Text>
      ) : (
        <>
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.name')}</Table.Th>
                <Table.Th>{t('retention.nonClientKind')}</Table.Th>
                <Table.Th>{t('retention.nonClientOn')}</Table.Th>
                <Table.Th>{t('retention.dueOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {due.map((d) => (
                <Table.Tr key={`${d.kind}${d.id}`}>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{t(`retention.nonClientKinds.${d.kind}`)}</Table.Td>
                  <Table.Td>{formatDate(d.on, i18n.language)}</Table.Td>
                  <Table.Td>{formatDate(d.dueOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => forget([d])}
                        aria-label={`${t('retention.forget')}: ${d.name}`}
                      >
                        {t('retention.forget')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Button color="red" variant="light" w="fit-content" onClick={() => forget(due)}>
            {t('retention.forgetAll', { count: due.length })}
          </Button>
        </>
      )}
    </Section>
  );
}
