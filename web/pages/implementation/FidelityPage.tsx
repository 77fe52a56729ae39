import { Alert, Anchor, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FIDELITY_MIN_GROUP } from '../../../common/implementation.ts';
import type { FidelitySchoolTrend, FidelitySummary } from '../../../common/schemas/fidelity.ts';
import { isApiError } from '../../api/client.ts';
import { useFidelitySummary, useSchoolFidelity } from '../../api/fidelity.ts';
import { formatMonth, formatNumber } from '../../app/format.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { componentLabel, pct } from './fidelity-format.ts';
import { FidelityTrend } from './FidelityTrend.tsx';
import { StartFidelityCheck } from './StartFidelityCheck.tsx';

/** Schools down, components across: each school's people checked, share at fidelity and component averages. */
function SchoolTable({ s }: { s: FidelitySummary }) {
  const { t } = useTranslation('implementation');
  return (
    <ScrollRegion label={t('fidelity.bySchool')}>
      <Table striped withTableBorder>
        <Table.Caption>{t('fidelity.bySchoolCaption', { threshold: formatNumber(s.initiative.thresholdPct) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fidelity.school')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.peopleChecked')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.atFidelity')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.average')}</Table.Th>
            {s.components.map((c) => (
              <Table.Th scope="col" key={c.itemId}>
                {componentLabel(c)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.schools.map((school) => (
            <Table.Tr key={school.orgUnitId}>
              <Table.Th scope="row">{school.name}</Table.Th>
              <Table.Td>{formatNumber(school.peopleChecked)}</Table.Td>
              <Table.Td>{pct(t, school.atFidelityPct, school.suppressed)}</Table.Td>
              <Table.Td>{pct(t, school.averagePct, school.suppressed)}</Table.Td>
              {school.components.map((c) => (
                <Table.Td key={c.itemId}>{pct(t, c.averagePct, c.suppressed)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** A school's months: each component's average beside coaching sessions and training attended on it. */
function SchoolDosage({ trend }: { trend: FidelitySchoolTrend }) {
  const { t } = useTranslation('implementation');
  const caption = t('fidelity.dosageCaption', { school: trend.school.name });
  return (
    <ScrollRegion label={caption}>
      <Table striped withTableBorder>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fidelity.month')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.component')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.average')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.checks')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.coachingSessions')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.trainingAttended')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trend.months.flatMap((m) =>
            m.components.map((c) => {
              const component = trend.components.find((x) => x.itemId === c.itemId)!;
              return (
                <Table.Tr key={`${m.month}-${c.itemId}`}>
                  <Table.Td>{formatMonth(m.month.slice(0, 7))}</Table.Td>
                  <Table.Th scope="row">{componentLabel(component)}</Table.Th>
                  <Table.Td>{pct(t, c.averagePct, c.suppressed)}</Table.Td>
                  <Table.Td>{formatNumber(c.checks)}</Table.Td>
                  <Table.Td>{formatNumber(c.coachingSessions)}</Table.Td>
                  <Table.Td>{formatNumber(c.trainingAttended)}</Table.Td>
                </Table.Tr>
              );
            }),
          )}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function SchoolSection({ s }: { s: FidelitySummary }) {
  const { t } = useTranslation('implementation');
  const [{ school: schoolId }, setFilters] = useUrlState({ school: '' });
  const setSchoolId = (school: string) => setFilters({ school });
  const trend = useSchoolFidelity(s.initiative.id, schoolId || null);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('fidelity.schoolTrend')}
      </Title>
      <Select
        label={t('fidelity.pickSchool')}
        data={s.schools.map((x) => ({ value: x.orgUnitId, label: x.name }))}
        value={schoolId || null}
        onChange={(id) => setSchoolId(id ?? '')}
        maw={360}
        clearable
      />
      <ErrorAlert error={trend.error} />
      {schoolId && !trend.data && !trend.error ? <Loading /> : null}
      {trend.data && trend.data.months.length === 0 ? <Text>{t('fidelity.noChecks')}</Text> : null}
      {trend.data && trend.data.months.length > 0 ? (
        <>
          <FidelityTrend
            components={trend.data.components}
            months={trend.data.months}
            caption={t('fidelity.trendCaptionSchool', { school: trend.data.school.name })}
          />
          <SchoolDosage trend={trend.data} />
        </>
      ) : null}
    </Stack>
  );
}

/**
 * /initiatives/:id/fidelity: the initiative's fidelity as aggregates (schools by components, the
 * trend by month, a school's trend beside coaching and training), and the start-a-check form for
 * those who run checks. No names beside scores: fidelity is not evaluation.
 */
export default function FidelityPage() {
  const { t } = useTranslation('implementation');
  const { id = '' } = useParams();
  const summary = useFidelitySummary(id);
  if (isApiError(summary.error, 'not_found')) return <NotFoundPage />;
  if (summary.error) return <ErrorAlert error={summary.error} />;
  if (!summary.data) return <Loading />;
  const s = summary.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/initiatives/${s.initiative.id}`} size="sm">
        {s.initiative.name}
      </Anchor>
      <PageHeader
        title={t('fidelity.title', { name: s.initiative.name })}
        subtitle={t('fidelity.subtitle', {
          count: s.totals.peopleChecked,
          people: formatNumber(s.totals.peopleChecked),
          share: pct(t, s.totals.atFidelityPct, s.totals.suppressed),
          threshold: formatNumber(s.initiative.thresholdPct),
        })}
      />
      <Alert variant="light" color="blue">
        {s.initiative.principalsSeeIndividualFidelity ? t('fidelity.privacyOn') : t('fidelity.privacyOff')}{' '}
        {t('fidelity.suppressedNote', { min: FIDELITY_MIN_GROUP })}
      </Alert>
      {!s.initiative.hasTool ? <Text>{t('fidelity.noTool')}</Text> : null}
      {s.abilities.startCheck ? <StartFidelityCheck initiativeId={s.initiative.id} /> : null}
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('fidelity.bySchool')}
        </Title>
        <SchoolTable s={s} />
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('fidelity.trend')}
        </Title>
        {s.months.length === 0 ? (
          <Text>{t('fidelity.noChecks')}</Text>
        ) : (
          <FidelityTrend components={s.components} months={s.months} caption={t('fidelity.trendCaption')} />
        )}
      </Stack>
      <SchoolSection s={s} />
    </Stack>
  );
}
