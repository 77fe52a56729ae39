import { Alert, Anchor, Card, Stack, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DistrictSchoolRow, DistrictTracker } from '../../../common/schemas/tracker.ts';
import { isApiError } from '../../api/client.ts';
import { useDistrictTracker } from '../../api/tracker.ts';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import i18n from '../../app/i18n.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

const sticky: CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: 180 };
const percent = (share: number | null | undefined) =>
  share === null || share === undefined
    ? '—'
    : new Intl.NumberFormat(i18n.language || 'en', { style: 'percent', maximumFractionDigits: 0 }).format(share);

function useFigures(data: DistrictTracker) {
  const { t } = useTranslation('tracker');
  return (s: DistrictSchoolRow) => {
    // A school whose summary is not computed yet shows dashes, never zeros (issue 11).
    const n = (value: number) => (s.asOf ? formatNumber(value) : '—');
    return [
      { key: 'teachers', label: t('district.teachers'), value: n(s.teachers) },
      { key: 'observed', label: t('district.observed'), value: n(s.observedThisTerm) },
      {
        key: 'scored',
        label: t('district.scored'),
        value: s.asOf ? `${formatNumber(s.scoredThisTerm)} / ${formatNumber(s.scoredRequired)}` : '—',
      },
      { key: 'missing', label: t('district.missing'), value: n(s.missingObservations) },
      { key: 'overdue', label: t('district.overdue'), value: n(s.overdueFeedback) },
      { key: 'steps', label: t('district.steps'), value: n(s.openActionSteps) },
      { key: 'coaching', label: t('district.coaching'), value: n(s.coachingThisTerm) },
      ...data.columns.map((c) => ({
        key: c.itemId,
        label: t('district.proficient', { code: c.humanCode ?? c.statement }),
        value: percent(s.proficientShare[c.itemId]),
      })),
      { key: 'asOf', label: t('district.asOf'), value: s.asOf ? formatDateTime(s.asOf) : t('district.notYet') },
    ];
  };
}

/** Every school's tracker summed up in a row (HR and admins), with when the figures were computed. */
export default function DistrictTrackerPage() {
  const { t } = useTranslation('tracker');
  const district = useDistrictTracker();
  const phone = useIsPhone();
  const figures = useFigures(district.data ?? { columns: [], term: null, requiredPerTerm: 0, schools: [], refreshing: 0 });
  if (isApiError(district.error, 'forbidden')) return <NotAllowed />;
  if (district.error) return <ErrorAlert error={district.error} />;
  if (!district.data) return <Loading />;
  const data = district.data;
  const headers = data.schools[0] ? figures(data.schools[0]) : [];
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/tracker" size="sm">
        {t('district.back')}
      </Anchor>
      <PageHeader title={t('district.title')} subtitle={t('district.subtitle', { term: data.term?.name ?? t('school.noTerm') })} />
      {data.refreshing > 0 ? (
        <Alert color="blue" aria-live="polite">
          {t('district.refreshing', { count: data.refreshing })}
        </Alert>
      ) : null}
      {phone ? (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.schools.map((s) => (
            <Card component="li" key={s.schoolId} withBorder padding="sm">
              <Anchor component={Link} to={`/tracker/schools/${s.schoolId}`} fw={600}>
                {s.name}
              </Anchor>
              {figures(s).map((f) => (
                <Text size="sm" key={f.key}>
                  {f.label}: {f.value}
                </Text>
              ))}
            </Card>
          ))}
        </Stack>
      ) : (
        <ScrollRegion label={t('district.tableLabel')}>
          <Table striped highlightOnHover verticalSpacing="xs" style={{ borderCollapse: 'separate', borderSpacing: 0 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" style={{ ...sticky, zIndex: 2 }}>
                  {t('district.school')}
                </Table.Th>
                {headers.map((h) => (
                  <Table.Th scope="col" key={h.key}>
                    {h.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.schools.map((s) => (
                <Table.Tr key={s.schoolId}>
                  <Table.Th scope="row" style={sticky}>
                    <Anchor component={Link} to={`/tracker/schools/${s.schoolId}`}>
                      {s.name}
                    </Anchor>
                  </Table.Th>
                  {figures(s).map((f) => (
                    <Table.Td key={f.key} style={{ whiteSpace: 'nowrap' }}>
                      {f.value}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}
