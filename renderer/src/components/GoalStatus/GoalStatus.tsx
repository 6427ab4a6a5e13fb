import { Badge, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GOAL_STATUSES, isGoalOpen, type GoalStatus } from '../../../../shared/domain/supportPlan';

export const GOAL_STATUS_COLOURS: Record<GoalStatus, string> = {
  notStarted: 'gray',
  inProgress: 'blue',
  achieved: 'green',
  partlyAchieved: 'teal',
  notAchieved: 'orange',
  dropped: 'dark',
};

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={GOAL_STATUS_COLOURS[status]} variant="light">
      {t(`goals.statuses.${status}`)}
    </Badge>
  );
}

/** The statuses a goal can move to from `from` (the rules live in the shared domain). */
export function GoalStatusSelect({
  from,
  ...props
}: {
  from: GoalStatus;
  label: string;
  value?: string;
  onChange?: (v: string | null) => void;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const allowed = GOAL_STATUSES.filter(
    (s) => s === from || (from === 'inProgress' ? s !== 'notStarted' : isGoalOpen(from) || s === 'inProgress'),
  );
  return (
    <Select
      {...props}
      error={props.error as string | undefined}
      required
      allowDeselect={false}
      data={allowed.map((s) => ({ value: s, label: t(`goals.statuses.${s}`) }))}
    />
  );
}
