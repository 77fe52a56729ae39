import { List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FitCell, FitReviewDetail } from '../../../common/schemas/fit-reviews.ts';
import { formatNumber } from '../../app/format.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

/** One cell: the percent of the maximum, the sum of the maximum, how much was scored, and the notes. */
function Cell({ cell }: { cell: Omit<FitCell, 'notes'> & { notes?: string[] } }) {
  const { t } = useTranslation('assessments');
  if (cell.scored === 0) return <Text c="dimmed">{t('fit.compare.notScored')}</Text>;
  return (
    <>
      <Text fw={600}>{t('results.pct', { pct: formatNumber(cell.pct ?? 0) })}</Text>
      <Text size="sm">{t('results.sumOfMax', { sum: formatNumber(cell.sum), max: formatNumber(cell.max) })}</Text>
      {cell.scored < cell.items ? (
        <Text size="sm" c="dimmed">
          {t('fit.compare.scoredOf', { scored: cell.scored, count: cell.items })}
        </Text>
      ) : null}
      {cell.notes?.length ? (
        <List size="sm" mt={4}>
          {cell.notes.map((n, i) => (
            <List.Item key={i}>{n}</List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}

/**
 * The candidates side by side: a row per section of the fit instrument, a column per candidate,
 * each cell the figures and the notes the team recorded, then the total and each candidate's own
 * notes. A table a screen reader can walk, scrolling sideways in its own labelled region on a
 * phone. It shows what was scored; the team's recommendation is recorded on each candidate.
 */
export function FitComparisonTable({ review }: { review: FitReviewDetail }) {
  const { t } = useTranslation('assessments');
  const { candidates, comparison } = review;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('fit.compare.caption')}
      </Text>
      <ScrollRegion label={t('fit.compare.tableLabel')}>
        <Table withColumnBorders verticalSpacing="sm" miw={Math.max(480, 160 + candidates.length * 200)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('results.section')}</Table.Th>
              {candidates.map((c) => (
                <Table.Th key={c.id} scope="col">
                  {c.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {comparison.sections.map((s) => (
              <Table.Tr key={s.key}>
                <Table.Th scope="row">{s.title}</Table.Th>
                {s.cells.map((cell) => (
                  <Table.Td key={cell.candidateId} style={{ verticalAlign: 'top' }}>
                    <Cell cell={cell} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('results.total')}</Table.Th>
              {comparison.total.map((cell) => (
                <Table.Td key={cell.candidateId} style={{ verticalAlign: 'top' }}>
                  <Cell cell={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('fit.candidate.notes')}</Table.Th>
              {candidates.map((c) => (
                <Table.Td key={c.id} style={{ verticalAlign: 'top', whiteSpace: 'pre-wrap' }}>
                  {c.notes || '—'}
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('fit.recommendation')}</Table.Th>
              {candidates.map((c) => (
                <Table.Td key={c.id} style={{ verticalAlign: 'top' }}>
                  {c.recommendation ? t(`fit.recommendations.${c.recommendation}`) : t('fit.noRecommendation')}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}
