import { Alert, Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SCORE_MAX, type Assessment, type NeedArea } from '../../../../shared/domain/assessment';
import type { ClientRecord } from '../../../../shared/domain/clientRecord';
import type { Route } from '../../components/Workspace/Workspace';
import { formatDate } from '../../format';
import { areaName, useNeedAreas } from '../../needAreas';
import { useCan } from '../../session';

/** Low scores are the pressing needs: red up to 3, amber up to 6, green above. */
export const scoreColour = (score: number) => (score <= 3 ? 'red' : score <= 6 ? 'yellow' : 'green');

function AssessmentCard({ a, clientId, areas, go }: { a: Assessment; clientId: number; areas: NeedArea[]; go: (r: Route) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const title = t(a.kind === 'review' ? 'assessments.reviewOn' : 'assessments.assessmentOn', { date: formatDate(a.assessedOn, i18n.language) });
  return (
    <Paper withBorder p="md" component="article" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={3} size="h5">
              {title}
            </Title>
            {a.sensitive && <Badge color="grape">{t('assessments.sensitive')}</Badge>}
            <Text size="sm" c="dimmed">
              {a.assessedByName}
            </Text>
          </Group>
          {can('assessments.save') && !a.withheld && (
            <Button size="xs" variant="default" onClick={() => go({ name: 'clientAssessment', id: clientId, assessmentId: a.id })} aria-label={`${t('common.edit')}: ${title}`}>
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
                    <Table.Td fw={500}>{areaName(t, areas.find((x) => x.id === s.areaId))}</Table.Td>
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

export function AssessmentsTab({ record, go }: { record: ClientRecord; go: (r: Route) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { areas } = useNeedAreas();
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('assessments.intro')}
      </Text>
      {can('assessments.save') && (
        <Button w="fit-content" onClick={() => go({ name: 'clientAssessment', id: record.client.id })}>
          {t('assessments.new')}
        </Button>
      )}
      {record.assessments.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('assessments.none')}
        </Text>
      )}
      {record.assessments.map((a) => (
        <AssessmentCard key={a.id} a={a} clientId={record.client.id} areas={areas} go={go} />
      ))}
    </Stack>
  );
}
