import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RatingCounts } from '../../../common/schemas/performance-views.ts';
import { isApiError } from '../../api/client.ts';
import { useRatings, useViewCycles } from '../../api/performance-views.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx';
import { CyclePicker, useCycleParam } from './CyclePicker.tsx';

const COLORS = ['teal.7', 'blue.6', 'yellow.6', 'red.7', 'grape.6', 'gray.6'];

/** The distribution of review ratings per school or evaluator against the district: a chart and the same counts as a table. */
export default function RatingsPage() {
  const { t } = useTranslation('performance');
  usePageTitle(t('views.ratings.title'));
  const cycles = useViewCycles();
  const [cycleId, setCycleId] = useCycleParam();
  const [by, setBy] = useState<'school' | 'evaluator'>('school');
  const [competency, setCompetency] = useState<string>('overall');
  const ratings = useRatings(cycleId, by);

  if (isApiError(cycles.error, 'forbidden')) return <NotAllowed />;
  if (cycles.error) return <ErrorAlert error={cycles.error} />;
  if (!cycles.data) return <Loading />;
  const d = ratings.data;

  // Categories: the overall labels, or the levels of one competency.
  const categories =
    d && competency === 'overall'
      ? [...d.labels, ...(d.district.overall[''] ? [''] : [])].map((key) => ({ key, name: key || t('views.ratings.noLabel') }))
      : (d?.levels ?? []).map((l) => ({ key: String(l.score), name: `${l.label} (${l.score})` }));
  const countsOf = (c: RatingCounts) => (competency === 'overall' ? c.overall : (c.competencies[competency] ?? {}));
  const rows = d
    ? [
        { name: t('views.ratings.district'), counts: countsOf(d.district), small: false, key: 'district' },
        ...d.groups.map((g) => ({ name: g.name ?? '—', counts: countsOf(g), small: g.small, key: g.id ?? 'none' })),
      ]
    : [];
  const percent = (counts: Record<string, number>, key: string) => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return total ? Math.round(((counts[key] ?? 0) / total) * 100) : 0;
  };
  const data = rows.map((r) => ({ group: r.name, ...Object.fromEntries(categories.map((c) => [c.name, percent(r.counts, c.key)])) }));

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('views.ratings.title')}
        actions={
          <Anchor component={Link} to={`/performance/completion${cycleId ? `?cycle=${cycleId}` : ''}`}>
            {t('views.completion.title')}
          </Anchor>
        }
      />
      <Group align="end" wrap="wrap">
        <CyclePicker value={cycleId} onChange={setCycleId} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="ratings-by">
            {t('views.ratings.by')}
          </Text>
          <SegmentedControl
            aria-labelledby="ratings-by"
            value={by}
            onChange={(v) => setBy(v as 'school' | 'evaluator')}
            data={[
              { value: 'school', label: t('views.ratings.bySchool') },
              { value: 'evaluator', label: t('views.ratings.byEvaluator') },
            ]}
          />
        </Stack>
        <Select
          label={t('views.ratings.competency')}
          allowDeselect={false}
          maw={360}
          value={competency}
          onChange={(v) => v && setCompetency(v)}
          data={[
            { value: 'overall', label: t('views.ratings.allCompetencies') },
            ...(d?.competencies ?? []).map((c) => ({ value: c.itemId, label: [c.code, c.title].filter(Boolean).join(' ') })),
          ]}
        />
      </Group>
      {ratings.error ? <ErrorAlert error={ratings.error} /> : null}
      {!d ? (
        <Loading />
      ) : d.district.reviewed === 0 ? (
        <Text>{t('views.ratings.empty')}</Text>
      ) : (
        <>
          <div role="img" aria-label={t('views.ratings.chartLabel')}>
            <BarChart
              h={Math.max(200, rows.length * 36)}
              data={data}
              dataKey="group"
              type="percent"
              orientation="vertical"
              yAxisProps={{ width: 140 }}
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              series={categories.map((c, i) => ({ name: c.name, color: COLORS[i % COLORS.length]! }))}
            />
          </div>
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('views.ratings.group')}</Table.Th>
                  <Table.Th scope="col">{t('views.ratings.reviewed')}</Table.Th>
                  {categories.map((c) => (
                    <Table.Th scope="col" key={c.key}>
                      {c.name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row">
                      <Group gap="xs">
                        {r.name}
                        {r.small ? (
                          <Badge color="gray" variant="light" title={t('views.ratings.small')}>
                            {t('views.ratings.smallBadge')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Th>
                    <Table.Td>{Object.values(r.counts).reduce((a, b) => a + b, 0)}</Table.Td>
                    {categories.map((c) => (
                      <Table.Td key={c.key}>
                        {r.counts[c.key] ?? 0} ({t('views.ratings.percent', { percent: percent(r.counts, c.key) })})
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" c="dimmed">
            {t('views.ratings.small')}
          </Text>
        </>
      )}
    </Stack>
  );
}
