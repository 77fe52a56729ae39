import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Active" or "Inactive" as a badge. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={active ? 'green' : 'gray'}
      style={{ flexShrink: 0, overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
