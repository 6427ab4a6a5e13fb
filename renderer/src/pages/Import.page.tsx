import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codedKey } from '../../../shared/i18n/keys';
import {
  IMPORT_ENCODINGS,
  IMPORT_FIELDS,
  IMPORT_LIST_MAX,
  type ClientImport,
  type ImportEncoding,
  type ImportTarget,
  type ImportPreview,
  questionTarget,
} from '../../../shared/domain/clientImport';
import { labelOf } from '../../../shared/domain/customField';
import { invoke } from '../api';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { JobProgress } from '../components/JobProgress/JobProgress';
import { ModalForm } from '../components/ModalForm/ModalForm';
import { Section } from '../components/Section/Section';
import { errorSentence } from '../errors';
import { useChannel } from '../useChannel';
import { formatDate, formatDateTime, formatNumber } from '../format';
import { useJob } from '../useJob';
import { useSubmit } from '../useSubmit';
import { DateField } from '../components/DateField/DateField';
import { useGo } from '../navigation';

const NOT_IMPORTED = '-';

/**
 * Bringing clients in from a spreadsheet: choose the file, say what each column is, see every row
 * checked (problems by row and column, people perhaps already on file), then import in one go. The
 * last import can be undone while nothing has been recorded for its clients.
 */
export function ImportPage() {
  const go = useGo();
  const { t, i18n } = useTranslation();
  // The charity's own questions still asked: columns can go into them too.
  const questions = useChannel('customFields.list', {}).data ?? [];
  const [imports, setImports] = useState<ClientImport[] | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [duplicates, setDuplicates] = useState<'skip' | 'import'>('skip');
  const [acceptProblems, setAcceptProblems] = useState(false);
  const [intakeDateForAll, setIntakeDateForAll] = useState('');
  // Checking every row against the clients on file is a long job (10,000 rows take seconds).
  const check = useJob();
  const [undoing, setUndoing] = useState<ClientImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choosing = useSubmit();
  const running = useSubmit();
  const n = (x: number) => formatNumber(x, i18n.language);

  useEffect(() => {
    void invoke('imports.list', {}).then((r) => (r.ok ? setImports(r.value) : setError(errorSentence(t, r.error))));
  }, [t]);

  const fresh = (p: ImportPreview) => {
    setPreview(p);
    setAcceptProblems(false);
  };
  /** After Stop: says so (a closed file dialog says nothing). */
  const sayIfStopped = () => {
    if (check.wasStopped()) notifications.show({ color: 'blue', message: t('imports.stopped') });
  };
  const chooseAndCheck = async () => {
    const r = await check.run('imports.choose', {});
    if (!r.ok) sayIfStopped();
    return r;
  };
  const choose = () =>
    choosing.submit(chooseAndCheck, {
      onOk: (r) => {
        setToken(r.token);
        setEncoding('auto');
        setDuplicates('skip');
        fresh(r.preview);
      },
    });
  const recheck = async (next: { encoding?: ImportEncoding; mapping?: (ImportTarget | null)[] }) => {
    if (!token || !preview) return;
    const enc = next.encoding ?? encoding;
    setEncoding(enc);
    const r = await check.run('imports.preview', {
      token,
      encoding: enc,
      mapping: next.mapping ?? (preview.fileProblem === 'notUtf8' ? null : preview.mapping),
    });
    if (r.ok) fresh(r.value);
    else if (r.error.code !== 'CANCELLED') setError(errorSentence(t, r.error));
    else sayIfStopped();
  };
  const setField = (column: number, value: string | null) => {
    if (!preview) return;
    const field = !value || value === NOT_IMPORTED ? null : (value as ImportTarget);
    // A field goes into one column: choosing it here takes it from any other.
    const mapping = preview.mapping.map((f, i) => (i === column ? field : f === field ? null : f));
    void recheck({ mapping });
  };

  if (!imports) return error ? <FormAlert message={error} /> : <Loader aria-label={t('common.loading')} />;
  const toImport = preview ? preview.ready + (duplicates === 'import' ? preview.duplicateRows : 0) : 0;
  // With no column of intake dates, one date for the whole file is needed ("existing clients from before 2026").
  const intakeColumn = preview?.mapping.includes('intakeDate') ?? false;
  const blocked =
    !preview ||
    !!preview.fileProblem ||
    toImport === 0 ||
    (preview.problemRows > 0 && !acceptProblems) ||
    (!intakeColumn && !intakeDateForAll);
  const run = () =>
    running.submit(
      () =>
        invoke('imports.run', {
          token: token!,
          encoding,
          mapping: preview!.mapping,
          acceptProblems,
          duplicates,
          intakeDateForAll: intakeDateForAll || null,
        }),
      {
        onOk: (r) => {
          notifications.show({ color: 'green', message: t('imports.done', { count: r.imported }) });
          setImports(r.imports);
          setPreview(null);
          setToken(null);
        },
      },
    );
  const lastUndoable = imports.find((i) => !i.undoneAt) ?? null;

  const unreadLetters = preview?.fileProblem === 'notUtf8' && encoding === 'auto';
  return (
    <Stack maw={1100}>
      <Anchor component="button" onClick={() => go({ name: 'clients' })} style={{ alignSelf: 'flex-start' }}>
        ← {t('clients.backToList')}
      </Anchor>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('imports.title')}
        </Title>
        <Text c="dimmed">{t('imports.intro')}</Text>
      </Stack>
      <Group>
        <Button onClick={() => void choose()} loading={choosing.busy} variant={preview ? 'default' : 'filled'}>
          {preview ? t('imports.chooseAnother') : t('imports.choose')}
        </Button>
        {check.running && (
          <div style={{ flex: 1, minWidth: 260 }}>
            <JobProgress job={check} label={t('imports.checking')} />
          </div>
        )}
      </Group>
      <FormAlert message={choosing.error ?? error} />

      {preview && (
        <Paper withBorder p="lg" component="section" aria-label={preview.fileName}>
          <Stack>
            <Title order={2} size="h4">
              {/* Until its alphabet is known, the file's rows are not: say so, not "0 rows". */}
              {unreadLetters
                ? t('imports.fileUnread', { name: preview.fileName })
                : t('imports.file', { name: preview.fileName, count: preview.rows })}
            </Title>
            {preview.fileProblem && (
              <Alert color={preview.fileProblem === 'noNames' ? 'orange' : 'red'} role="alert">
                {t(`imports.fileProblems.${preview.fileProblem}`)}
              </Alert>
            )}
            {preview.kind === 'csv' && (
              <Select
                label={t('imports.encoding')}
                description={t('imports.encodingHint')}
                data={IMPORT_ENCODINGS.map((e) => ({
                  value: e,
                  label: t(e === 'auto' && unreadLetters ? 'imports.encodings.autoFailed' : `imports.encodings.${e}`),
                }))}
                value={encoding}
                onChange={(v) => v && void recheck({ encoding: v as ImportEncoding })}
                allowDeselect={false}
                w={420}
              />
            )}
            {preview.columns.length > 0 && (
              <>
                <Title order={3} size="h5">
                  {t('imports.columns')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('imports.datesHint')}
                </Text>
                <Table striped aria-label={t('imports.columns')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('imports.column')}</Table.Th>
                      <Table.Th>{t('imports.examples')}</Table.Th>
                      <Table.Th w={300}>{t('imports.field')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.columns.map((c, i) => (
                      <Table.Tr key={i}>
                        <Table.Td fw={600}>{c.header}</Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2}>
                            {c.samples.filter(Boolean).join(' · ')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Select
                            aria-label={t('imports.fieldFor', { column: c.header })}
                            data={[
                              { value: NOT_IMPORTED, label: t('imports.notImported') },
                              ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`imports.fields.${f}`) })),
                              ...(questions.length
                                ? [
                                    {
                                      group: t('customFields.recordTitle'),
                                      items: questions.map((q) => ({
                                        value: questionTarget(q.id),
                                        label: labelOf(q, i18n.language),
                                      })),
                                    },
                                  ]
                                : []),
                            ]}
                            value={preview.mapping[i] ?? NOT_IMPORTED}
                            onChange={(v) => setField(i, v)}
                            allowDeselect={false}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
            {!preview.fileProblem && <CheckResults preview={preview} />}
            {!preview.fileProblem && preview.duplicateRows > 0 && (
              <Radio.Group
                label={t('imports.duplicatesChoice')}
                value={duplicates}
                onChange={(v) => setDuplicates(v as 'skip' | 'import')}
              >
                <Group mt={6}>
                  <Radio value="skip" label={t('imports.duplicateChoices.skip')} />
                  <Radio value="import" label={t('imports.duplicateChoices.import')} />
                </Group>
              </Radio.Group>
            )}
            {!preview.fileProblem && (
              <DateField
                w={320}
                label={t(intakeColumn ? 'imports.intakeDateForRest' : 'imports.intakeDateForAll')}
                description={t('imports.intakeDateHelp')}
                required={!intakeColumn}
                value={intakeDateForAll}
                onChange={setIntakeDateForAll}
              />
            )}
            {!preview.fileProblem && preview.problemRows > 0 && (
              <Checkbox
                checked={acceptProblems}
                onChange={(e) => setAcceptProblems(e.currentTarget.checked)}
                label={t('imports.acceptProblems', { count: preview.problemRows })}
              />
            )}
            {!preview.fileProblem && (
              <Group>
                <Button onClick={() => void run()} loading={running.busy} disabled={blocked}>
                  {t('imports.run', { count: toImport })}
                </Button>
              </Group>
            )}
            <FormAlert message={running.error} />
          </Stack>
        </Paper>
      )}

      <Section title={t('imports.history')}>
        {imports.length === 0 ? (
          <Text c="dimmed">{t('imports.none')}</Text>
        ) : (
          <Table striped aria-label={t('imports.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.importedOn')}</Table.Th>
                <Table.Th>{t('imports.fileColumn')}</Table.Th>
                <Table.Th>{t('imports.clients')}</Table.Th>
                <Table.Th>{t('imports.skipped')}</Table.Th>
                <Table.Th>{t('imports.by')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imports.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{formatDateTime(i.importedAt, i18n.language)}</Table.Td>
                  <Table.Td>{i.fileName}</Table.Td>
                  <Table.Td>{n(i.clients)}</Table.Td>
                  <Table.Td>{n(i.skipped)}</Table.Td>
                  <Table.Td>{i.importedByName}</Table.Td>
                  <Table.Td>
                    {i.undoneAt ? (
                      <Badge variant="light" color="gray">
                        {t('imports.undoneOn', { date: formatDate(i.undoneAt.slice(0, 10), i18n.language) })}
                      </Badge>
                    ) : (
                      i === lastUndoable && (
                        <Button size="xs" variant="light" color="red" onClick={() => setUndoing(i)}>
                          {t('imports.undo')}
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {undoing && (
        <UndoModal
          item={undoing}
          onClose={() => setUndoing(null)}
          onDone={(list) => {
            setUndoing(null);
            setImports(list);
          }}
        />
      )}
    </Stack>
  );
}

/** The counts, then the rows with problems and those perhaps already on file, each by its row number. */
function CheckResults({ preview: p }: { preview: ImportPreview }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('imports.check')}
      </Title>
      <Group gap="xs" aria-label={t('imports.check')} role="group">
        <Badge variant="light" color="gray" size="lg">
          {t('imports.rows', { count: p.rows })}
        </Badge>
        <Badge variant="light" color="green" size="lg">
          {t('imports.ready', { count: p.ready })}
        </Badge>
        {p.problemRows > 0 && (
          <Badge variant="light" color="red" size="lg">
            {t('imports.problemRows', { count: p.problemRows })}
          </Badge>
        )}
        {p.duplicateRows > 0 && (
          <Badge variant="light" color="orange" size="lg">
            {t('imports.duplicateRows', { count: p.duplicateRows })}
          </Badge>
        )}
      </Group>
      {p.problems.length > 0 && (
        <>
          <Title order={4} size="h6">
            {t('imports.problemsTitle')}
          </Title>
          <Table striped aria-label={t('imports.problemsTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.row')}</Table.Th>
                <Table.Th>{t('imports.column')}</Table.Th>
                <Table.Th>{t('imports.value')}</Table.Th>
                <Table.Th>{t('imports.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.problems.map((x, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{x.row}</Table.Td>
                  <Table.Td>{x.column}</Table.Td>
                  <Table.Td>{x.value}</Table.Td>
                  <Table.Td>{t(codedKey('validation', x.problem))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {p.problems.length >= IMPORT_LIST_MAX && (
            <Text size="sm" c="dimmed">
              {t('imports.listCut', { shown: IMPORT_LIST_MAX })}
            </Text>
          )}
        </>
      )}
      {p.duplicates.length > 0 && (
        <>
          <Title order={4} size="h6">
            {t('imports.duplicatesTitle')}
          </Title>
          <Table striped aria-label={t('imports.duplicatesTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.row')}</Table.Th>
                <Table.Th>{t('clients.name')}</Table.Th>
                <Table.Th>{t('clients.dateOfBirth')}</Table.Th>
                <Table.Th>{t('intake.likely')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.duplicates.map((d) => (
                <Table.Tr key={d.row}>
                  <Table.Td>{d.row}</Table.Td>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{formatDate(d.dateOfBirth, i18n.language)}</Table.Td>
                  <Table.Td>
                    {d.existing
                      ? `${d.existing.name} (${d.existing.reference})${d.existing.dateOfBirth ? `, ${formatDate(d.existing.dateOfBirth, i18n.language)}` : ''}`
                      : t('imports.inFile', { row: d.sameAsRow ?? '' })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

function UndoModal({
  item,
  onClose,
  onDone,
}: {
  item: ClientImport;
  onClose: () => void;
  onDone: (list: ClientImport[]) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const undo = (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    void submit(() => invoke('imports.undo', { id: item.id }), {
      onOk: (list) => {
        notifications.show({ color: 'green', message: t('imports.undone') });
        onDone(list);
      },
    });
  };
  return (
    <ModalForm
      opened
      title={t('imports.undoTitle', { file: item.fileName })}
      onClose={onClose}
      onSubmit={undo}
      busy={busy}
      error={error}
      label={t('imports.undoConfirm')}
      color="red"
    >
      <Text>{t('imports.undoText', { count: item.clients })}</Text>
    </ModalForm>
  );
}
