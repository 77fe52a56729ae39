import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { WalkthroughReport } from '../../../common/schemas/walkthroughs.ts';
import { periodLabel } from './labels.ts';

const COLORS = ['teal.7', 'indigo.6', 'orange.7', 'grape.6', 'blue.7', 'red.7', 'lime.8', 'cyan.8'];

/**
 * The share seen per period, one line per look-for. The same numbers are in the table below it, so
 * the chart is one image with a summary for screen readers.
 */
export function TrendChart({ report }: { report: WalkthroughReport }) {
  const { t } = useTranslation('observations');
  const series = report.lookFors.filter((l) => l.looked > 0);
  const data = report.periods.map((p) => {
    const point: Record<string, string | number | null> = { period: periodLabel(report.period, p) };
    for (const [i, l] of series.entries()) {
      const cell = l.byPeriod.find((b) => b.period === p.key);
      point[`s${i}`] = cell?.share == null ? null : Math.round(cell.share * 100);
    }
    return point;
  });
  return (
    <div role="img" aria-label={t('walkthroughReport.chartLabel', { count: series.length, periods: report.periods.length })}>
      <LineChart
        h={280}
        data={data}
        dataKey="period"
        connectNulls
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        series={series.map((l, i) => ({ name: `s${i}`, label: l.lookFor, color: COLORS[i % COLORS.length]! }))}
        yAxisProps={{ domain: [0, 100] }}
        unit="%"
      />
    </div>
  );
}
