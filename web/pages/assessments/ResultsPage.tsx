import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Anchor, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SchoolComparison, Trend } from '../../../common/schemas/assessments.ts';
import { isApiError } from '../../api/client.ts';
import { useAdministration, useInstruments, useSchoolComparison, useTrend } from '../../api/assessments.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { LowItems } from './LowItems.tsx';

const COLORS = ['indigo.6', 'teal.7', 'orange.7', 'grape.6', 'blue.7', 'red.7', 'lime.8', 'cyan.8', 'pink.7'];

/** The trend: total and section percentages per administration, as a chart with the target line and as a table. */
function TrendView({ trend }: { trend: Trend }) {
  const { t } = useTranslation('assessments');
  const pct = (v: number | null | undefined) => (v == null ? '—' : t('results.pct', { pct: formatNumber(v) }));
  if (trend.points.length === 0) return <Text c="dimmed">{t('results.none')}</Text>;
  const sections = [...new Map(trend.points.flatMap((p) => p.sections.map((s) => [s.key, s.title] as const))).entries()];
  const data = trend.points.map((p) => {
    const row: Record<string, string | number | null> = { day: formatDate(p.heldOn), total: p.totalPct };
    for (const [i, [key]] of sections.entries()) row[`s${i}`] = p.sections.find((s) => s.key === key)?.pct ?? null;
    return row;
  });
  return (
    <Stack gap="md">
      <div role="img" aria-label={t('results.chartLabel', { count: trend.points.length })}>
        <LineChart
          h={280}
          data={data}
          dataKey="day"
          connectNulls
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ domain: [0, 100] }}
          unit="%"
          referenceLines={
            trend.targetPct ? [{ y: trend.targetPct, label: t('results.target', { pct: trend.targetPct }), color: 'red.7' }] : []
          }
          series={[
            { name: 'total', label: t('results.total'), color: 'dark.6' },
            ...sections.map(([, title], i) => ({ name: `s${i}`, label: title, color: COLORS[i % COLORS.length]! })),
          ]}
        />
      </div>
      <ScrollRegion label={t('results.trendTable')}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('results.section')}</Table.Th>
              {trend.points.map((p) => (
                <Table.Th key={p.administrationId} scope="col">
                  <Anchor component={Link} to={`/assessments/administrations/${p.administrationId}`}>
                    {formatDate(p.heldOn)}
                  </Anchor>
                  {p.status === 'open' ? ` (${t('administrationStatuses.open')})` : ''}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('results.total')}</Table.Th>
              {trend.points.map((p) => (
                <Table.Td key={p.administrationId}>{pct(p.totalPct)}</Table.Td>
              ))}
            </Table.Tr>
            {sections.map(([key, title]) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{title}</Table.Th>
                {trend.points.map((p) => (
                  <Table.Td key={p.administrationId}>{pct(p.sections.find((s) => s.key === key)?.pct)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {trend.targetPct ? <Text>{t('builder.targetIs', { pct: trend.targetPct })}</Text> : null}
      <LatestLowItems latest={[...trend.points].reverse().find((p) => p.status === 'closed') ?? trend.points.at(-1)!} />
      <Title order={2} size="h3">
        {t('results.moved')}
      </Title>
      {trend.moved.length === 0 ? (
        <Text c="dimmed">{t('results.noneMoved')}</Text>
      ) : (
        <ScrollRegion label={t('results.moved')}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('results.section')}</Table.Th>
                <Table.Th>{t('results.item')}</Table.Th>
                <Table.Th>{t('results.before')}</Table.Th>
                <Table.Th>{t('results.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trend.moved.map((m) => (
                <Table.Tr key={m.key}>
                  <Table.Td>{m.section}</Table.Td>
                  <Table.Td>{m.text}</Table.Td>
                  <Table.Td>{formatNumber(m.before)}</Table.Td>
                  <Table.Td>
                    {formatNumber(m.after)} {m.after > m.before ? t('results.up') : t('results.down')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}

/** The low items of the trend's latest administration (its latest closed one, if any), to plan actions from. */
function LatestLowItems({ latest }: { latest: Trend['points'][number] }) {
  const { t } = useTranslation('assessments');
  const administration = useAdministration(latest.administrationId);
  if (administration.error) return <ErrorAlert error={administration.error} />;
  if (!administration.data) return <Loading />;
  return <LowItems administration={administration.data} note={t('lowItems.latest', { date: formatDate(latest.heldOn) })} />;
}

/** Each school's latest result, in name order (never a ranking), for those allowed to compare. */
function Comparison({ data, instrumentId }: { data: SchoolComparison; instrumentId: string }) {
  const { t } = useTranslation('assessments');
  if (data.schools.length === 0) return <Text c="dimmed">{t('results.noSchools')}</Text>;
  return (
    <ScrollRegion label={t('results.compareTitle')}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('administrations.where')}</Table.Th>
            <Table.Th>{t('administrations.heldOn')}</Table.Th>
            <Table.Th>{t('results.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.schools.map((s) => (
            <Table.Tr key={s.orgUnit.id}>
              <Table.Td>
                <Anchor component={Link} to={`/assessments/results?instrumentId=${instrumentId}&orgUnitId=${s.orgUnit.id}`}>
                  {s.orgUnit.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatDate(s.heldOn)}</Table.Td>
              <Table.Td>{s.totalPct === null ? '—' : t('results.pct', { pct: formatNumber(s.totalPct) })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** /assessments/results?instrumentId=&teamId=|orgUnitId=: results over time, and the comparison of schools where allowed. */
export default function ResultsPage() {
  const { t } = useTranslation('assessments');
  const [filters, setFilters] = useUrlState({ instrumentId: '', teamId: '', orgUnitId: '' });
  const instruments = useInstruments();
  const trend = useTrend({
    instrumentId: filters.instrumentId,
    teamId: filters.teamId || undefined,
    orgUnitId: filters.orgUnitId || undefined,
  });
  const comparison = useSchoolComparison(filters.instrumentId, true);
  if (instruments.error) return <ErrorAlert error={instruments.error} />;
  if (!instruments.data) return <Loading />;
  const scoped = Boolean(filters.teamId || filters.orgUnitId);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/assessments" size="sm">
        {t('instruments.back')}
      </Anchor>
      <PageHeader title={t('results.pageTitle')} subtitle={t('results.intro')} />
      <Select
        label={t('administrations.instrument')}
        allowDeselect={false}
        data={instruments.data.items.map((i) => ({ value: i.id, label: i.name }))}
        value={filters.instrumentId || null}
        onChange={(v) => setFilters({ instrumentId: v ?? '' })}
      />
      {scoped ? (
        trend.error ? (
          <ErrorAlert error={trend.error} />
        ) : trend.data ? (
          <TrendView trend={trend.data} />
        ) : (
          <Loading />
        )
      ) : (
        <Text c="dimmed">{t('results.pickScope')}</Text>
      )}
      {filters.instrumentId && comparison.data ? (
        <>
          <Title order={2} size="h3">
            {t('results.compareTitle')}
          </Title>
          <Text size="sm">{t('results.compareNote')}</Text>
          <Comparison data={comparison.data} instrumentId={filters.instrumentId} />
        </>
      ) : null}
      {comparison.error && !isApiError(comparison.error, 'forbidden') ? <ErrorAlert error={comparison.error} /> : null}
    </Stack>
  );
}
