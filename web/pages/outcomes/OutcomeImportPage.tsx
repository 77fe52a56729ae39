import { Anchor, Badge, Button, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OUTCOME_CSV_COLUMNS } from '../../../common/outcomes.ts';
import type { OutcomeImportResult } from '../../../common/schemas/outcomes.ts';
import { OUTCOME_TEMPLATE_URL, useImportOutcomes } from '../../api/outcomes.ts';
import { formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

/**
 * /outcomes/import: check an outcome CSV (a dry run: each row's problem, what would change, the rows
 * under the minimum that will never be shown), then apply it. Nothing is written while a row has an error.
 */
export default function OutcomeImportPage() {
  const { t } = useTranslation('outcomes');
  const mutation = useImportOutcomes();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [result, setResult] = useState<OutcomeImportResult | null>(null);
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setResult(null);
    setCsv(chosen ? await chosen.text() : null);
  };
  const run = (dryRun: boolean) => {
    if (csv === null) return;
    mutation.mutate(
      { csv, dryRun },
      {
        onSuccess: (answer) => {
          setResult(answer);
          if (answer.applied) notifySuccess(t('import.applied'));
        },
      },
    );
  };
  const changes = result ? result.counts.create + result.counts.update + result.counts.remove : 0;
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
      <FileInput label={t('import.file')} accept=".csv,text/csv" value={file} onChange={(f) => void choose(f)} maw={480} />
      <ErrorAlert error={mutation.error} />
      {result ? <ImportResult result={result} /> : null}
      <Group>
        <Button variant="default" onClick={() => run(true)} disabled={csv === null} loading={mutation.isPending}>
          {t('import.check')}
        </Button>
        <Button
          onClick={() => run(false)}
          disabled={!result || result.errors.length > 0 || changes === 0 || result.applied}
          loading={mutation.isPending}
        >
          {t('import.apply')}
        </Button>
      </Group>
    </Stack>
  );
}

function ImportResult({ result }: { result: OutcomeImportResult }) {
  const { t } = useTranslation('outcomes');
  const c = result.counts;
  return (
    <Stack gap="xs" aria-live="polite">
      <List size="sm">
        <List.Item>{t('import.rows', { count: result.rows })}</List.Item>
        <List.Item>{t('import.create', { count: c.create })}</List.Item>
        <List.Item>{t('import.update', { count: c.update })}</List.Item>
        <List.Item>{t('import.unchanged', { count: c.unchanged })}</List.Item>
        <List.Item>{t('import.remove', { count: c.remove })}</List.Item>
        <List.Item>{t('import.neverShownCount', { count: c.neverShown, min: result.minCount })}</List.Item>
      </List>
      {result.errors.length ? (
        <>
          <Text c="red.8" size="sm" fw={600}>
            {t('import.errors', { count: c.error })}
          </Text>
          <ScrollRegion label={t('import.errorsTable')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('import.line')}</Table.Th>
                  <Table.Th scope="col">{t('import.column')}</Table.Th>
                  <Table.Th scope="col">{t('import.problem')}</Table.Th>
                  <Table.Th scope="col">{t('import.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.errors.map((e, i) => (
                  <Table.Tr key={`${e.line}-${e.code}-${i}`}>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td>{e.field ?? ''}</Table.Td>
                    <Table.Td>{t(`import.error.${e.code}`, { defaultValue: e.code })}</Table.Td>
                    <Table.Td>{e.value ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </>
      ) : null}
      {result.preview.length ? (
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
      ) : null}
    </Stack>
  );
}
