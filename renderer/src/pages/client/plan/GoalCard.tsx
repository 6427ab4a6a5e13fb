import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isGoalOpen, targetDatePassed, type Goal } from '../../../../../shared/domain/supportPlan';
import { formatDate } from '../../../format';
import { GOAL_STATUS_COLOURS, GoalStatusBadge } from '../../../components/GoalStatus/GoalStatus';

export function GoalCard({
  goal,
  areaLabel,
  today,
  onEdit,
  onProgress,
}: {
  goal: Goal;
  areaLabel: string | null;
  today: string;
  onEdit?: () => void;
  onProgress?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const date = (d: string | null) => formatDate(d, i18n.language);
  const late = isGoalOpen(goal.status) && targetDatePassed(goal.targetDate, today);
  const owner =
    goal.owner === 'agency' && goal.ownerDetail
      ? `${t('goals.owners.agency')}: ${goal.ownerDetail}`
      : t(`goals.owners.${goal.owner}`);
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={goal.description}
      style={{ borderLeft: `4px solid var(--mantine-color-${GOAL_STATUS_COLOURS[goal.status]}-5)` }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={700}>{goal.description}</Text>
          <GoalStatusBadge status={goal.status} />
        </Group>
        <Text size="sm">{t('goals.measureLabel', { measure: goal.measure })}</Text>
        <Group gap="xs">
          <Badge variant="outline" color={late ? 'red' : 'gray'}>
            {t('goals.target', { date: date(goal.targetDate) })}
          </Badge>
          {late && (
            <Badge color="red" variant="filled">
              {t('goals.pastTarget')}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {t('goals.ownerLabel', { owner })}
          </Text>
          {areaLabel && (
            <Badge variant="dot" color="indigo">
              {areaLabel}
            </Badge>
          )}
        </Group>
        {goal.updates.length > 0 && (
          <Stack gap={2} pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            {goal.updates.slice(0, 5).map((u) => (
              <Text key={u.id} size="sm">
                <Text span c="dimmed">
                  {date(u.on)}
                  {u.recordedByName ? `, ${u.recordedByName}` : ''}
                  {u.reviewId ? ` (${t('goals.atReview')})` : ''}:{' '}
                </Text>
                {u.status && u.fromStatus && (
                  <Text
                    span
                    fw={600}
                  >{`${t(`goals.statuses.${u.fromStatus}`)} → ${t(`goals.statuses.${u.status}`)}. `}</Text>
                )}
                {u.note}
              </Text>
            ))}
          </Stack>
        )}
        {(onProgress || onEdit) && (
          <Group gap="xs">
            {onProgress && (
              <Button
                size="xs"
                variant="light"
                onClick={onProgress}
                aria-label={`${t('goals.recordProgress')}: ${goal.description}`}
              >
                {t('goals.recordProgress')}
              </Button>
            )}
            {onEdit && (
              <Button
                size="xs"
                variant="default"
                onClick={onEdit}
                aria-label={`${t('goals.editTitle')}: ${goal.description}`}
              >
                {t('common.edit')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
