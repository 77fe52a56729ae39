import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { COMPETENCY_DRIVERS, ORGANIZATION_DRIVERS, type Driver } from '../../../common/implementation.ts';
import { useDriverPlans } from '../../api/drivers.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DriverCard } from './DriverCard.tsx';
import { DriverPagesNav } from './DriverPagesNav.tsx';

const GROUPS: [string, readonly Driver[]][] = [
  ['competency', COMPETENCY_DRIVERS],
  ['organization', ORGANIZATION_DRIVERS],
  ['leadership', ['leadership']],
];

/** /initiatives/:id/drivers: each driver's plan as a card with its health, grouped as the drivers are. */
export default function DriversPage() {
  const { t } = useTranslation('implementation');
  const { id = '' } = useParams();
  const plans = useDriverPlans(id);
  const { hash } = useLocation();
  const loaded = Boolean(plans.data);
  useEffect(() => {
    // `#driver-<driver>` (a dashboard's driver health links here) brings that driver's card into view.
    if (loaded && hash.startsWith('#driver-')) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);
  if (plans.isPending) return <Loading />;
  if (plans.error) return <ErrorAlert error={plans.error} />;
  const { initiative, drivers } = plans.data;
  return (
    <>
      <PageHeader title={t('driverPlans.driversTitle', { name: initiative.name })} />
      <DriverPagesNav initiativeId={id} current="drivers" />
      <Text size="sm" c="dimmed" mb="md">
        {t('driverPlans.healthRule')}
      </Text>
      <Stack gap="xl">
        {GROUPS.map(([group, members]) => (
          <Stack key={group} gap="sm">
            <Title order={2} size="h3">
              {t(`driverPlans.groups.${group}`)}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {drivers
                .filter((d) => members.includes(d.driver))
                .map((plan) => (
                  <DriverCard
                    key={`${plan.driver}-${plan.version}`}
                    initiativeId={id}
                    plan={plan}
                    thresholdPct={initiative.fidelityThresholdPct}
                  />
                ))}
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
    </>
  );
}
