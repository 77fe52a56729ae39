import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DriverHealth } from '../../../common/implementation.ts';

const COLOURS: Record<DriverHealth, string> = { not_started: 'gray', planned: 'yellow', in_place: 'blue', producing_data: 'green' };

/** A driver's health as words and a colour (never the colour alone). */
export function HealthBadge({ health }: { health: DriverHealth }) {
  const { t } = useTranslation('implementation');
  return (
    <Badge color={COLOURS[health]} variant="light" size="lg">
      {t('driverPlans.health', { health: t(`health.${health}`) })}
    </Badge>
  );
}
