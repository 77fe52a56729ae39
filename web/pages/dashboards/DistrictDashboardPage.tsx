import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useDistrictDashboard } from '../../api/outcomes.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { InitiativeDashboard } from './InitiativeDashboard.tsx';

/** /dashboards/district: every initiative side by side for HR, admins and district implementation teams. */
export default function DistrictDashboardPage() {
  const { t } = useTranslation('outcomes');
  const dashboard = useDistrictDashboard();
  if (isApiError(dashboard.error, 'not_found') || isApiError(dashboard.error, 'forbidden')) return <NotAllowed />;
  if (dashboard.error) return <ErrorAlert error={dashboard.error} />;
  if (!dashboard.data) return <Loading />;
  const d = dashboard.data;
  return (
    <Stack gap="lg">
      <PageHeader title={t('dashboard.districtTitle')} subtitle={t('dashboard.suppressionNote', { count: d.minCount })} />
      {d.refreshing > 0 ? <Text size="sm">{t('dashboard.refreshing', { count: d.refreshing })}</Text> : null}
      {d.initiatives.length === 0 ? <Text>{t('dashboard.noInitiatives')}</Text> : null}
      {d.initiatives.map((i) => (
        <InitiativeDashboard key={i.id} i={i} minCount={d.minCount} />
      ))}
    </Stack>
  );
}
