import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanDelivery } from '../../../common/schemas/coaching.ts';
import { formatMonth, formatNumber } from '../../app/format.ts';

/** "Nov 2026" in the reader's language. */
const monthLabel = (month: string) => formatMonth(month, 'short');

/** Planned versus delivered sessions per month: a bar chart and the same numbers as a table. */
export function DeliveryChart({ delivery }: { delivery: PlanDelivery }) {
  const { t } = useTranslation('coaching');
  const data = delivery.months.map((m) => ({ month: monthLabel(m.month), planned: m.planned, delivered: m.delivered }));
  const summary = t('delivery.toDate', {
    planned: formatNumber(delivery.plannedToDate),
    delivered: formatNumber(delivery.deliveredToDate),
  });
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text>{summary}</Text>
        {delivery.behind ? (
          <Badge color="red" variant="filled">
            {t('plan.behind')}
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            {t('plan.onTrack')}
          </Badge>
        )}
      </Group>
      <div role="img" aria-label={t('delivery.chartLabel', { summary })}>
        <BarChart
          h={260}
          data={data}
          dataKey="month"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={[
            { name: 'planned', label: t('delivery.planned'), color: 'gray.5' },
            { name: 'delivered', label: t('delivery.delivered'), color: 'teal.7' },
          ]}
          tickLine="y"
          yAxisProps={{ domain: [0, (max: number) => Math.ceil(max) + 1], allowDecimals: false }}
        />
      </div>
      <Table.ScrollContainer minWidth={280}>
        <Table striped>
          <Table.Caption>{t('delivery.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('delivery.month')}</Table.Th>
              <Table.Th scope="col">{t('delivery.planned')}</Table.Th>
              <Table.Th scope="col">{t('delivery.delivered')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {delivery.months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" fw={400}>
                  {monthLabel(m.month)}
                </Table.Th>
                <Table.Td>{formatNumber(m.planned)}</Table.Td>
                <Table.Td>{formatNumber(m.delivered)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
