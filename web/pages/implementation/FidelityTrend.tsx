import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FidelityComponent } from '../../../common/schemas/fidelity.ts';
import { formatDate, formatMonth } from '../../app/format.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { componentLabel, pct } from './fidelity-format.ts';

const COLORS = ['teal.7', 'indigo.6', 'orange.7', 'grape.6', 'blue.7', 'red.7', 'lime.8', 'cyan.8'];

export interface TrendMonth {
  month: string;
  components: { itemId: string; averagePct: number | null; suppressed?: boolean }[];
}

/**
 * The average share per component by month, one line per component, with the same numbers in a
 * table below it (the chart is one image for screen readers; the table is its text alternative).
 */
export function FidelityTrend({
  components,
  months,
  caption,
  byDay = false,
}: {
  components: FidelityComponent[];
  months: TrendMonth[];
  caption: string;
  /** Points are days (one person's checks), not months. */
  byDay?: boolean;
}) {
  const { t } = useTranslation('implementation');
  const label = (key: string, width: 'long' | 'short') => (byDay ? formatDate(key) : formatMonth(key.slice(0, 7), width));
  const data = months.map((m) => {
    const point: Record<string, string | number | null> = { month: label(m.month, 'short') };
    for (const [i, c] of components.entries()) {
      const v = m.components.find((x) => x.itemId === c.itemId)?.averagePct;
      point[`c${i}`] = v === null || v === undefined ? null : Math.round(v);
    }
    return point;
  });
  return (
    <>
      <div role="img" aria-label={t('fidelity.chartLabel', { count: components.length, months: months.length })}>
        <LineChart
          h={280}
          data={data}
          dataKey="month"
          connectNulls
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={components.map((c, i) => ({ name: `c${i}`, label: componentLabel(c), color: COLORS[i % COLORS.length]! }))}
          yAxisProps={{ domain: [0, 100] }}
          unit="%"
        />
      </div>
      <ScrollRegion label={caption}>
        <Table striped withTableBorder>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{byDay ? t('fidelity.person.date') : t('fidelity.month')}</Table.Th>
              {components.map((c) => (
                <Table.Th scope="col" key={c.itemId}>
                  {componentLabel(c)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m, i) => (
              <Table.Tr key={`${m.month}-${i}`}>
                <Table.Th scope="row">{label(m.month, 'long')}</Table.Th>
                {components.map((c) => {
                  const figure = m.components.find((x) => x.itemId === c.itemId);
                  return <Table.Td key={c.itemId}>{pct(t, figure?.averagePct, figure?.suppressed)}</Table.Td>;
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </>
  );
}
