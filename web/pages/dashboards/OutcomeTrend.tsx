import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeSeries } from '../../../common/schemas/outcomes.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { OutcomeFigureLink } from '../outcomes/OutcomeFigure.tsx';

/**
 * A measure over time: a line chart of the figures that may be shown, and beside it the table of
 * every period in words (a suppressed period reads "fewer than N students"), each figure a link to
 * the values behind it.
 */
export function OutcomeTrend({ series, minCount, valuesUrl }: { series: OutcomeSeries; minCount: number; valuesUrl: string }) {
  const { t } = useTranslation('outcomes');
  const shown = series.points.filter((p) => !p.suppressed && p.value !== null);
  const data = series.points.map((p) => ({ period: p.period.label, value: p.suppressed ? null : p.value }));
  const direction = series.higherIsBetter ? t('measures.higher') : t('measures.lower');
  return (
    <>
      {shown.length > 1 ? (
        <div role="img" aria-label={t('dashboard.outcomeChartLabel', { name: series.name, count: series.points.length })}>
          <LineChart
            h={180}
            data={data}
            dataKey="period"
            connectNulls={false}
            series={[{ name: 'value', label: series.name, color: 'indigo.6' }]}
            unit={series.unit}
          />
        </div>
      ) : null}
      <ScrollRegion label={t('dashboard.outcomeTable', { name: series.name })}>
        <Table striped>
          <caption>
            <Text size="sm" span>
              {series.name} ({direction})
            </Text>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.period')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.figure')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {series.points.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={2}>{t('dashboard.noOutcomes')}</Table.Td>
              </Table.Tr>
            ) : (
              series.points.map((p) => (
                <Table.Tr key={p.period.id}>
                  <Table.Th scope="row">{p.period.label}</Table.Th>
                  <Table.Td>
                    <OutcomeFigureLink figure={p} unit={series.unit} minCount={minCount} to={valuesUrl} />
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </>
  );
}
