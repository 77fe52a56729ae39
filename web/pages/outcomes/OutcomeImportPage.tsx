import { Anchor, Badge, Group, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OUTCOME_CSV_COLUMNS } from '../../../common/outcomes.ts';
import type { OutcomeImportResult } from '../../../common/schemas/outcomes.ts';
import { OUTCOME_TEMPLATE_URL, useImportOutcomes } from '../../api/outcomes.ts';
import { formatNumber } from '../../app/format.ts';
import { CsvImportPanel } from '../../components/CsvImport.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

/**
 * /outcomes/import: check an outcome CSV (a dry run: each row's problem, what would change, the rows
 * under the minimum that will never be shown), then apply it. Nothing is written while a row has an error.
 */
export default function OutcomeImportPage() {
  const { t } = useTranslation('outcomes');
  const mutation = useImportOutcomes();
  return (
    <Stack gap="lg">
      <PageHeader title={t('import.title')} subtitle={t('import.help', { columns: OUTCOME_CSV_COLUMNS.join(', ') })} />
      <Group>
        <Anchor component={Link} to="/outcomes">
          {t('measures.title')}
        </Anchor>
        <Anchor href={OUTCOME_TEMPLATE_URL} download>
          {t('import.template')}
        </Anchor>
      </Group>
      <CsvImportPanel
        mutation={mutation}
        gap="lg"
        fileMaw={480}
        labels={{
          file: t('import.file'),
          check: t('import.check'),
          apply: t('import.apply'),
          applied: t('import.applied'),
          errors: (count) => t('import.errors', { count }),
          errorsTable: t('import.errorsTable'),
          line: t('import.line'),
          column: t('import.column'),
          problem: t('import.problem'),
          value: t('import.value'),
        }}
        problemText={(code) => t(`import.error.${code}`, { defaultValue: code })}
        summary={(r) => [
          t('import.rows', { count: r.rows }),
          t('import.create', { count: r.counts.create }),
          t('import.update', { count: r.counts.update }),
          t('import.unchanged', { count: r.counts.unchanged }),
          t('import.remove', { count: r.counts.remove }),
          t('import.neverShownCount', { count: r.counts.neverShown, min: r.minCount }),
        ]}
        preview={(r) => <ImportPreview result={r} />}
        canApply={(r) => r.counts.create + r.counts.update + r.counts.remove > 0}
      />
    </Stack>
  );
}

/** The rows the file holds, as the import read them (a row under the minimum shows neither value nor count). */
function ImportPreview({ result }: { result: OutcomeImportResult }) {
  const { t } = useTranslation('outcomes');
  if (result.preview.length === 0) return null;
  return (
    <>
      <Title order={2} size="h4">
        {t('import.preview')}
      </Title>
      <ScrollRegion label={t('import.preview')}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('import.line')}</Table.Th>
              <Table.Th scope="col">{t('import.measure')}</Table.Th>
              <Table.Th scope="col">{t('import.period')}</Table.Th>
              <Table.Th scope="col">{t('import.school')}</Table.Th>
              <Table.Th scope="col">{t('import.value')}</Table.Th>
              <Table.Th scope="col">{t('import.count')}</Table.Th>
              <Table.Th scope="col">{t('import.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.preview.map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>{r.measure}</Table.Td>
                <Table.Td>{r.period}</Table.Td>
                <Table.Td>
                  {r.school}
                  {r.perTeacher ? ` (${t('import.perTeacher')})` : ''}
                </Table.Td>
                {r.neverShown ? (
                  <Table.Td colSpan={2}>
                    <Badge color="yellow" variant="light">
                      {t('import.neverShown', { count: result.minCount })}
                    </Badge>
                  </Table.Td>
                ) : (
                  <>
                    <Table.Td>{r.value === null ? '' : formatNumber(r.value)}</Table.Td>
                    <Table.Td>{r.count === null ? '' : formatNumber(r.count)}</Table.Td>
                  </>
                )}
                <Table.Td>{t(`import.changeKind.${r.change}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </>
  );
}
