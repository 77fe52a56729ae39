import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamGoal } from '../../../common/schemas/team-goals.ts';
import { formatDate } from '../../app/format.ts';
import { STATUS_COLOR } from './GoalModals.tsx';

type GoalFacts = Pick<TeamGoal, 'metric' | 'baseline' | 'target' | 'dueOn' | 'latestCheckIn'>;

/**
 * A goal as a list item, at any level: its title and latest status, `above` (e.g. what it aligns
 * to), its measure, baseline, target and due date, the last check-in, then `children`.
 */
export function GoalCardFrame({
  goal,
  title,
  above,
  children,
}: {
  goal: GoalFacts;
  title: ReactNode;
  above?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation('performance');
  const latest = goal.latestCheckIn;
  const status = latest?.status ?? 'not_started';
  return (
    <Card withBorder padding="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{title}</Text>
          <Badge color={STATUS_COLOR[status]} variant="light">
            {t(`teamGoals.status.${status}`)}
          </Badge>
        </Group>
        {above}
        {goal.metric || goal.target ? (
          <Text size="sm" c="dimmed">
            {[
              goal.metric,
              goal.baseline && t('teamGoals.baselineIs', { value: goal.baseline }),
              goal.target && t('teamGoals.targetIs', { value: goal.target }),
              goal.dueOn && t('teamGoals.dueOn', { date: formatDate(goal.dueOn) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        ) : null}
        {latest ? (
          <Text size="sm">{t('teamGoals.lastCheckIn', { date: formatDate(latest.checkedOn), note: latest.note || '—' })}</Text>
        ) : null}
        {children}
      </Stack>
    </Card>
  );
}
