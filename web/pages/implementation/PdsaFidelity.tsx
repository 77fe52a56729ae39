import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PdsaFidelity as Fidelity } from '../../../common/schemas/pdsa.ts';
import { formatDate, formatMonth, formatNumber } from '../../app/format.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

/** The do step's data, read-only: fidelity checks at the school in the cycle's period (no names) and the component by month. */
export function PdsaFidelity({ fidelity }: { fidelity: Fidelity }) {
  const { t } = useTranslation('implementation');
  const yesNo = (v: boolean | null) => (v === null ? '' : v ? t('pdsa.yes') : t('pdsa.no'));
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('pdsa.fidelity.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('pdsa.fidelity.period', { from: formatDate(fidelity.from), to: formatDate(fidelity.to) })}
      </Text>
      {fidelity.checks.length === 0 ? (
        <Text c="dimmed">{t('pdsa.fidelity.noChecks')}</Text>
      ) : (
        <ScrollRegion label={t('pdsa.fidelity.checks')}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pdsa.fidelity.checkedOn')}</Table.Th>
                <Table.Th>{t('pdsa.fidelity.score')}</Table.Th>
                <Table.Th>{t('pdsa.fidelity.atFidelity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fidelity.checks.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDate(c.checkedOn)}</Table.Td>
                  <Table.Td>{c.scorePct === null ? '' : t('pdsa.fidelity.pct', { value: formatNumber(c.scorePct) })}</Table.Td>
                  <Table.Td>{yesNo(c.atFidelity)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {fidelity.component.length > 0 ? (
        <ScrollRegion label={t('pdsa.fidelity.byMonth')}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pdsa.fidelity.month')}</Table.Th>
                <Table.Th>{t('pdsa.fidelity.checkCount')}</Table.Th>
                <Table.Th>{t('pdsa.fidelity.average')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fidelity.component.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{formatMonth(m.month.slice(0, 7))}</Table.Td>
                  <Table.Td>{formatNumber(m.checks)}</Table.Td>
                  <Table.Td>{m.averagePct === null ? '' : t('pdsa.fidelity.pct', { value: formatNumber(m.averagePct) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      ) : null}
    </Stack>
  );
}
