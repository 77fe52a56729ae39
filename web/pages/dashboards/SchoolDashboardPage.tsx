import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useSchoolDashboard } from '../../api/outcomes.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { InitiativeDashboard } from './InitiativeDashboard.tsx';

/** /dashboards/school/:orgUnitId: one school's initiatives, its own figures only (never a comparison with other schools). */
export default function SchoolDashboardPage() {
  const { orgUnitId = '' } = useParams();
  const { t } = useTranslation('outcomes');
  const dashboard = useSchoolDashboard(orgUnitId);
  if (isApiError(dashboard.error, 'not_found') || isApiError(dashboard.error, 'forbidden')) return <NotAllowed />;
  if (dashboard.error) return <ErrorAlert error={dashboard.error} />;
  if (!dashboard.data) return <Loading />;
  const d = dashboard.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('dashboard.schoolTitle', { name: d.school.name })}
        subtitle={t('dashboard.suppressionNote', { count: d.minCount })}
      />
      {d.initiatives.length === 0 ? <Text>{t('dashboard.noSchoolInitiatives')}</Text> : null}
      {d.initiatives.map((i) => (
        <InitiativeDashboard key={i.id} i={i} minCount={d.minCount} orgUnitId={d.school.id} />
      ))}
    </Stack>
  );
}
