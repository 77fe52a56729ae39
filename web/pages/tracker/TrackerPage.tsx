import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useTrackerSchools } from '../../api/tracker.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

/** The trackers a person may open: straight to the school when there is one, else a picker (and the district view for HR and admins). */
export default function TrackerPage() {
  const { t } = useTranslation('tracker');
  const schools = useTrackerSchools();
  const { search } = useLocation();
  if (isApiError(schools.error, 'forbidden')) return <NotAllowed />;
  if (schools.error) return <ErrorAlert error={schools.error} />;
  if (!schools.data) return <Loading />;
  const { items, abilities } = schools.data;
  if (items.length === 1 && !abilities.viewDistrict) return <Navigate to={`/tracker/schools/${items[0]!.id}${search}`} replace />;
  return (
    <Stack gap="md">
      <PageHeader title={t('title')} subtitle={items.length ? t('pickSchool') : undefined} />
      {abilities.viewDistrict ? (
        <Anchor component={Link} to="/tracker/district" fw={600}>
          {t('districtLink')}
        </Anchor>
      ) : null}
      {items.length === 0 ? <Text>{t('noSchools')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((school) => (
          <Card component="li" key={school.id} withBorder padding="md">
            <Anchor component={Link} to={`/tracker/schools/${school.id}`}>
              {school.name}
            </Anchor>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
