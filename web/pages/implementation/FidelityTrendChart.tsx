import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InitiativeOverview } from '../../../common/schemas/implementation-overview.ts';
import { formatMonth, formatNumber } from '../../app/format.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { pct } from './fidelity-format.ts';

const COLORS = ['teal.7', 'indigo.6', 'orange.7', 'grape.6', 'blue.7', 'red.7', 'lime.8', 'cyan.8'];

type Component = InitiativeOverview['fidelity']['components'][number];

/**
 * Average fidelity per essential component, month by month: a chart, and the same numbers in a
 * table for screen readers and for anyone who reads figures rather than lines. With `to`, each
 * figure of the table links there (the page listing the checks behind it).
 */
export function FidelityTrendChart({ components, to }: { components: Component[]; to?: string }) {
  const { t } = useTranslation('implementation');
  const months = [...new Set(components.flatMap((c) => c.points.map((p) => p.month)))].sort();
  const cell = (c: Component, month: string) => c.points.find((p) => p.month === month);
  const data = months.map((month) => {
    const point: Record<string, string | number | null> = { month: formatMonth(month.slice(0, 7), 'short') };
    for (const [i, c] of components.entries()) point[`c${i}`] = cell(c, month)?.averagePct ?? null;
    return point;
  });
  const figureLink = (text: string) =>
    to ? (
      <Anchor component={Link} to={to}>
        {text}
      </Anchor>
    ) : (
      text
    );
  return (
    <>
      <div role="img" aria-label={t('overview.trendChartLabel', { count: components.length, months: months.length })}>
        <LineChart
          h={260}
          data={data}
          dataKey="month"
          connectNulls
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={components.map((c, i) => ({ name: `c${i}`, label: c.title, color: COLORS[i % COLORS.length]! }))}
          yAxisProps={{ domain: [0, 100] }}
          unit="%"
        />
      </div>
      <ScrollRegion label={t('overview.trendTable')}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('overview.component')}</Table.Th>
              {months.map((m) => (
                <Table.Th key={m} scope="col">
                  {formatMonth(m.slice(0, 7), 'short')}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {components.map((c) => (
              <Table.Tr key={c.itemId}>
                <Table.Th scope="row">{c.title}</Table.Th>
                {months.map((m) => {
                  const p = cell(c, m);
                  return (
                    <Table.Td key={m}>
                      {p?.suppressed
                        ? pct(t, null, true)
                        : p?.averagePct == null
                          ? '—'
                          : figureLink(t('overview.pctOfChecks', { pct: formatNumber(p.averagePct), count: p.checks }))}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </>
  );
}
