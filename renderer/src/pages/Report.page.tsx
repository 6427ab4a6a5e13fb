import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunderReport } from '../../../shared/domain/report';
import { cellText, reportTables, type ReportCell, type ReportTable } from '../../../shared/domain/reportTables';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { JobProgress } from '../components/JobProgress/JobProgress';
import { usePrintable } from '../components/Printout/Printout';
import { Section } from '../components/Section/Section';
import { CountChart } from '../components/CountChart/CountChart';
import { errorSentence, translatedFields } from '../errors';
import { formatDate } from '../format';
import * as clock from '../clock';
import { useJob } from '../useJob';
import { DateField } from '../components/DateField/DateField';
import { useChannel } from '../useChannel';

/** The twelve months up to the end of last month: a funder's usual year. */
function lastTwelveMonths(): { from: string; to: string } {
  const today = clock.today();
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const end = new Date(`${firstOfMonth}T00:00:00Z`);
  end.setUTCDate(0);
  const start = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth() + 1, 1));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/**
 * The report for funders: choose the dates (and, if wanted, one programme or one caseworker), see the
 * figures with charts, and save them as a PDF or as CSV for a spreadsheet. Only counts, never names.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState(lastTwelveMonths);
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [caseworkerId, setCaseworkerId] = useState<string | null>(null);
  const programmes = useChannel('programmes.list', { show: 'all' }).data ?? [];
  const caseworkers = useChannel('clients.caseworkers', {}).data ?? [];
  const [report, setReport] = useState<FunderReport | null>(null);
  const [busy, setBusy] = useState<'show' | 'pdf' | 'csv' | null>(null);
  // Counting a year at 100,000 clients, and drawing the PDF, run as long jobs beside the screens.
  const job = useJob();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const query = {
    ...range,
    programmeId: programmeId ? Number(programmeId) : null,
    caseworkerId: caseworkerId ? Number(caseworkerId) : null,
  };

  const show = async () => {
    setBusy('show');
    setError(null);
    const r = await job.run('reports.funder', query);
    setBusy(null);
    if (r.ok) {
      setFields({});
      return setReport(r.value);
    }
    if (r.error.code === 'CANCELLED') return;
    setFields(translatedFields(t, r.error.fields));
    setError(errorSentence(t, r.error));
  };
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the report runs as a job, shown busy at once
    void show();
    // Shown once on opening for the default dates; later the user presses Show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // What is saved is the report on screen, never dates typed since and not shown: those must be shown first.
  const changedSinceShown = report !== null && JSON.stringify(report.query) !== JSON.stringify(query);
  const save = async (format: 'pdf' | 'csv') => {
    if (!report || changedSinceShown) return;
    setBusy(format);
    setError(null);
    const r = await job.run(format === 'pdf' ? 'reports.savePdf' : 'reports.saveCsv', report.query);
    setBusy(null);
    if (r.ok) notifications.show({ color: 'green', message: t('report.saved', { path: r.value.path }) });
    else if (r.error.code !== 'CANCELLED') setError(errorSentence(t, r.error));
  };

  // Printed as shown: the report on screen, not dates typed since.
  const printable = report && !changedSinceShown ? report.query : null;
  const printing = usePrintable(printable ? () => job.run('reports.print', printable) : null);

  const tables = report ? reportTables(report, t, i18n.language) : [];
  const table = (key: string) => tables.find((x) => x.key === key)!;
  return (
    <Stack maw={1100}>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('report.title')}
        </Title>
        <Text c="dimmed">{t('report.intro')}</Text>
      </Stack>
      <Group align="flex-end">
        <DateField
          label={t('programmes.from')}
          value={range.from}
          onChange={(v) => setRange({ ...range, from: v })}
          error={fields['from']}
        />
        <DateField
          label={t('programmes.to')}
          value={range.to}
          onChange={(v) => setRange({ ...range, to: v })}
          error={fields['to']}
        />
        <Select
          label={t('report.programme')}
          placeholder={t('report.allProgrammes')}
          clearable
          data={programmes.map((p) => ({ value: String(p.id), label: p.name }))}
          value={programmeId}
          onChange={setProgrammeId}
        />
        <Select
          label={t('report.caseworker')}
          placeholder={t('report.everyone')}
          clearable
          data={caseworkers.map((c) => ({ value: String(c.id), label: c.name }))}
          value={caseworkerId}
          onChange={setCaseworkerId}
        />
        <Button onClick={() => void show()} loading={busy === 'show'}>
          {t('report.show')}
        </Button>
      </Group>
      <JobProgress job={job} label={t('report.title')} />
      <FormAlert message={error} />
      {!report ? (
        busy && !job.progress && <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          <Group justify="space-between">
            <Text fw={500}>
              {t('report.period', {
                period: `${formatDate(report.query.from, i18n.language)} – ${formatDate(report.query.to, i18n.language)}`,
              })}
            </Text>
            <Group>
              <Button variant="default" loading={printing.busy} disabled={changedSinceShown} onClick={printing.print}>
                {t('printout.print')}
              </Button>
              <Button
                variant="default"
                loading={busy === 'pdf'}
                disabled={changedSinceShown}
                onClick={() => void save('pdf')}
              >
                {t('report.savePdf')}
              </Button>
              <Button
                variant="default"
                loading={busy === 'csv'}
                disabled={changedSinceShown}
                onClick={() => void save('csv')}
              >
                {t('report.saveCsv')}
              </Button>
            </Group>
          </Group>
          {changedSinceShown && (
            <Alert color="yellow" variant="light" role="status">
              {t('report.showFirst')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {table('cases').rows.map((row) => (
              <Stack key={String(row[0])} gap={0} role="group" aria-label={String(row[0])}>
                <Text size="xl" fw={700}>
                  {cellText(row[1]!, report.currency, i18n.language)}
                </Text>
                <Text size="xs" c="dimmed">
                  {String(row[0])}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Section title={t('report.chartContacts')}>
              <CountChart
                h={220}
                dataKey="kind"
                data={report.contacts.map((c) => ({ kind: t(`notes.kinds.${c.kind}`), contacts: c.count }))}
                series={[{ name: 'contacts', label: t('report.contactCount'), color: 'indigo.6' }]}
              />
            </Section>
            <Section title={t('report.chartOutcomes')}>
              {/* Drawn from the table, so a group hidden there ("<5") is not drawn either. */}
              <OutcomesChart rows={table('outcomes').rows} />
            </Section>
          </SimpleGrid>
          {table('ages').rows.some((row) => shownNumber(row[1])) && (
            <Section title={t('report.chartAges')}>
              {/* Groups under five are left out of the chart, as they are shown only as "<5" in the table. */}
              <CountChart
                h={200}
                dataKey="band"
                data={table('ages')
                  .rows.filter((row) => shownNumber(row[1]) !== undefined)
                  .map((row) => ({ band: String(row[0]), people: shownNumber(row[1]) }))}
                series={[{ name: 'people', label: t('report.people'), color: 'grape.6' }]}
              />
              <Text size="xs" c="dimmed">
                {table('ages').note}
              </Text>
            </Section>
          )}
          {tables
            .filter((x) => x.key !== 'cases')
            .map((x) => (
              <ReportSection key={x.key} table={x} currency={report.currency} />
            ))}
        </>
      )}
    </Stack>
  );
}

/** A table cell as a chart value: hidden groups ("<5") are not drawn at all. */
const shownNumber = (c: ReportCell | undefined): number | undefined => (typeof c === 'number' ? c : undefined);

function ReportSection({ table, currency }: { table: ReportTable; currency: FunderReport['currency'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={table.title}>
      {table.rows.length === 0 ? (
        <Text c="dimmed">{t('report.none')}</Text>
      ) : (
        <Table striped aria-label={table.title}>
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c, i) => (
                <Table.Th key={c} ta={i === 0 ? undefined : 'right'}>
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, r) => (
              <Table.Tr key={r} fw={row[0] === t('report.total') ? 700 : undefined}>
                {row.map((c, i) => (
                  <Table.Td key={i} ta={i === 0 ? undefined : 'right'}>
                    {cellText(c, currency, i18n.language)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {table.note && (
        <Text size="xs" c="dimmed">
          {table.note}
        </Text>
      )}
    </Section>
  );
}

/** Outcomes by area, stacked; a sentence instead when every group is too small to draw. */
function OutcomesChart({ rows }: { rows: ReportCell[][] }) {
  const { t } = useTranslation();
  const outcomes = rows.map((row) => ({
    area: String(row[0]),
    improved: shownNumber(row[1]),
    same: shownNumber(row[2]),
    worse: shownNumber(row[3]),
  }));
  if (!outcomes.some((o) => o.improved !== undefined || o.same !== undefined || o.worse !== undefined))
    return (
      <Text size="sm" c="dimmed">
        {t('report.chartHidden')}
      </Text>
    );
  return (
    <CountChart
      h={220}
      dataKey="area"
      type="stacked"
      data={outcomes}
      series={[
        { name: 'improved', label: t('report.improved'), color: 'teal.6' },
        { name: 'same', label: t('report.same'), color: 'gray.5' },
        { name: 'worse', label: t('report.worse'), color: 'red.6' },
      ]}
      withLegend
    />
  );
}
