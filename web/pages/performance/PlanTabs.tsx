import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** Plan | Check-ins | Review: links between a plan's pages, the current one marked. */
export function PlanTabs({ planId }: { planId: string }) {
  const { t } = useTranslation('performance');
  const { pathname } = useLocation();
  const base = `/performance/plans/${planId}`;
  const tabs = [
    { to: base, label: t('plan.tabs.plan') },
    { to: `${base}/check-ins`, label: t('plan.tabs.checkIns') },
    { to: `${base}/review`, label: t('plan.tabs.review') },
  ];
  return (
    <Group component="nav" aria-label={t('plan.tabs.label')} gap={4} mb="md" wrap="wrap">
      {tabs.map((tab) => {
        const active = pathname === tab.to;
        return (
          <Button
            key={tab.to}
            component={Link}
            to={tab.to}
            variant={active ? 'filled' : 'subtle'}
            size="sm"
            aria-current={active ? 'page' : undefined}
          >
            {tab.label}
          </Button>
        );
      })}
    </Group>
  );
}
