import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionItemStatus, BarrierStatus } from '../../../common/action-plans.ts';

/** Plain Mantine colour names only: the named shades pass axe's contrast check. */
const ITEM_COLOURS: Record<ActionItemStatus, string> = { open: 'blue', in_progress: 'yellow', done: 'green', dropped: 'gray' };
const BARRIER_COLOURS: Record<BarrierStatus, string> = {
  raised: 'blue',
  acknowledged: 'yellow',
  escalated: 'red',
  resolved: 'green',
  wont_fix: 'gray',
};

export function ItemStatusBadge({ status }: { status: ActionItemStatus }) {
  const { t } = useTranslation('actionPlans');
  return (
    <Badge color={ITEM_COLOURS[status]} variant="light">
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function BarrierStatusBadge({ status }: { status: BarrierStatus }) {
  const { t } = useTranslation('actionPlans');
  return (
    <Badge color={BARRIER_COLOURS[status]} variant="light">
      {t(`barriers.statuses.${status}`)}
    </Badge>
  );
}
