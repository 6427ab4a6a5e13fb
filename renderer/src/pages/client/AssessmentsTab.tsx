import { LineChart } from '@mantine/charts';
import { Alert, Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  areaProgress,
  progressColumns,
  SCORE_MAX,
  SCORE_MIN,
  type Assessment,
  type NeedArea,
  type ProgressColumn,
} from '../../../../shared/domain/assessment';
import type { ClientRecord } from '../../../../shared/domain/clientRecord';
import { formNameOf } from '../../../../shared/domain/customForm';
import { formatDate } from '../../format';
import { areaName, useNeedAreas } from '../../needAreas';
import { useCan } from '../../session';
import { useGo } from '../../navigation';

/** Low scores are the pressing needs: red up to 3, amber up to 6, green above. */
export const scoreColour = (score: number) => (score <= 3 ? 'red' : score <= 6 ? 'yellow' : 'green');

function AssessmentCard({ a, clientId, areas }: { a: Assessment; clientId: number; areas: NeedArea[] }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const title = t(a.kind === 'review' ? 'assessments.reviewOn' : 'assessments.assessmentOn', {
    date: formatDate(a.assessedOn, i18n.language),
  });
  return (
    <Paper withBorder p="md" component="article" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={3} size="h5">
              {title}
            </Title>
            {a.sensitive && <Badge color="grape">{t('assessments.sensitive')}</Badge>}
            {a.fromForm && (
              <Badge color="pink" variant="light">
                {t('forms.fromForm', { name: formNameOf(a.fromForm, i18n.language) })}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {a.assessedByName}
            </Text>
          </Group>
          {can('assessments.save') && !a.withheld && !a.fromForm && (
            <Button
              size="xs"
              variant="default"
              onClick={() => go({ name: 'clientAssessment', id: clientId, assessmentId: a.id })}
              aria-label={`${t('common.edit')}: ${title}`}
            >
              {t('common.edit')}
            </Button>
          )}
        </Group>
        {a.withheld ? (
          <Alert color="grape" variant="light">
            {t('assessments.withheld')}
          </Alert>
        ) : (
          <>
            {a.summary && <Text style={{ whiteSpace: 'pre-line' }}>{a.summary}</Text>}
            <Table verticalSpacing={4} aria-label={t('assessments.scores')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="22%">{t('assessments.area')}</Table.Th>
                  <Table.Th w="18%">{t('assessments.score')}</Table.Th>
                  <Table.Th>{t('assessments.notes')}</Table.Th>
                  <Table.Th>{t('assessments.strengths')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.scores.map((s) => (
                  <Table.Tr key={s.areaId}>
                    <Table.Td fw={500}>
                      {areaName(
                        t,
                        areas.find((x) => x.id === s.areaId),
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text fw={700} w={24} ta="right">
                          {s.score}
                        </Text>
                        <Progress value={(s.score / SCORE_MAX) * 100} color={scoreColour(s.score)} w={80} aria-hidden />
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-line' }}>{s.notes}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-line' }}>{s.strengths}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function AssessmentsTab({ record }: { record: ClientRecord }) {
  const go = useGo();
  const { t } = useTranslation();
  const can = useCan();
  const { areas } = useNeedAreas();
  const hasAssessment = record.assessments.length > 0;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('assessments.intro')}
      </Text>
      <Group gap="xs">
        {can('reviews.record') && hasAssessment && (
          <Button onClick={() => go({ name: 'clientReview', id: record.client.id })}>{t('reviews.record')}</Button>
        )}
        {can('assessments.save') && (
          <Button
            variant={hasAssessment ? 'default' : 'filled'}
            onClick={() => go({ name: 'clientAssessment', id: record.client.id })}
          >
            {t('assessments.new')}
          </Button>
        )}
      </Group>
      {!hasAssessment && (
        <Text c="dimmed" size="sm">
          {t('assessments.none')}
        </Text>
      )}
      {hasAssessment && areas.length > 0 && <ProgressChart assessments={record.assessments} areas={areas} />}
      {record.assessments.map((a) => (
        <AssessmentCard key={a.id} a={a} clientId={record.client.id} areas={areas} />
      ))}
    </Stack>
  );
}

const SERIES_COLOURS = [
  'indigo.6',
  'teal.6',
  'orange.6',
  'grape.6',
  'red.6',
  'cyan.6',
  'lime.7',
  'pink.6',
  'yellow.7',
  'blue.4',
  'green.8',
  'violet.4',
];

/**
 * Each area's score at the first assessment and every review, as lines over time, and a table of the
 * change since the first score (the same figures, readable without the chart).
 */
function ProgressChart({ assessments, areas }: { assessments: Assessment[]; areas: NeedArea[] }) {
  const { t, i18n } = useTranslation();
  const progress = areaProgress(assessments).sort((a, b) => position(areas, a.areaId) - position(areas, b.areaId));
  if (progress.length === 0) return null;
  const name = (id: number) =>
    areaName(
      t,
      areas.find((a) => a.id === id),
    );
  // One point per assessment or review (two on one day are two points), named by its day.
  const columns = progressColumns(assessments);
  const label = (c: ProgressColumn) =>
    `${formatDate(c.on, i18n.language)}${c.sameDay ? ` (${t(`progress.kinds.${c.kind}`)})` : ''}`;
  const data = columns.map((c) => ({
    date: label(c),
    ...Object.fromEntries(progress.map((p) => [name(p.areaId), c.scores[p.areaId] ?? null])),
  }));
  // Equal scores in several areas on one day would sit on one another: each area's marker is a ring
  // of its own size, the first the widest, so every ring shows around the ones drawn over it.
  const colours = progress.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!);
  const ring = (i: number) => ({
    r: 3 + 2.5 * (progress.length - 1 - i),
    strokeWidth: 2,
    fill: 'var(--mantine-color-body)',
    stroke: `var(--mantine-color-${colours[i]!.replace('.', '-')})`,
  });
  return (
    <Paper withBorder p="md" component="section" aria-label={t('progress.title')}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('progress.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('progress.intro')}
        </Text>
        <div role="img" aria-label={t('progress.chartLabel')}>
          <LineChart
            h={260}
            data={data}
            dataKey="date"
            series={progress.map((p, i) => ({ name: name(p.areaId), color: colours[i]! }))}
            lineProps={(series) => ({ dot: ring(progress.findIndex((p) => name(p.areaId) === series.name)) })}
            yAxisProps={{ domain: [SCORE_MIN, SCORE_MAX], ticks: [1, 4, 7, 10] }}
            connectNulls
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            curveType="linear"
          />
        </div>
        <Table aria-label={t('progress.title')} maw={620}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('progress.area')}</Table.Th>
              <Table.Th ta="right">{t('progress.first')}</Table.Th>
              <Table.Th ta="right">{t('progress.latest')}</Table.Th>
              <Table.Th ta="right">{t('progress.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.map((p) => (
              <Table.Tr key={p.areaId}>
                <Table.Td>{name(p.areaId)}</Table.Td>
                <Table.Td ta="right">{p.first}</Table.Td>
                <Table.Td ta="right">{p.latest}</Table.Td>
                <Table.Td ta="right" fw={700} c={p.change > 0 ? 'green.8' : p.change < 0 ? 'red.8' : 'dimmed'}>
                  {p.change > 0 ? `+${p.change}` : p.change < 0 ? `−${-p.change}` : '0'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {/* Every score, as the chart draws it, readable without the chart. */}
        <Table.ScrollContainer minWidth={400}>
          <Table aria-label={t('progress.everyScore')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('progress.area')}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c.id} ta="right">
                    {label(c)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {progress.map((p) => (
                <Table.Tr key={p.areaId}>
                  <Table.Td>{name(p.areaId)}</Table.Td>
                  {columns.map((c) => (
                    <Table.Td key={c.id} ta="right">
                      {c.scores[p.areaId] ?? '–'}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

const position = (areas: NeedArea[], id: number) => areas.find((a) => a.id === id)?.position ?? Number.MAX_SAFE_INTEGER;
