import { Anchor, Button, FileInput, Group, List, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanImportResult } from '../../../common/schemas/plan-templates.ts';
import { PLAN_IMPORT_TEMPLATE_CSV, useImportCycles, usePlanImport } from '../../api/plan-templates.ts';
import { useMe } from '../../api/session.ts';
import { formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

/**
 * HR imports existing goals and competency focus areas into a cycle's plans: pick the cycle, choose
 * a CSV or XLSX, check it (a dry run listing each bad row with its column), then apply it.
 */
export default function PlanImportPage() {
  const { t } = useTranslation('performance');
  const me = useMe();
  const cycles = useImportCycles();
  const importing = usePlanImport();
  const [cycleId, setCycleId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<PlanImportResult | null>(null);
  if (!me.abilities.managePerformance) return <NotAllowed />;
  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorAlert error={cycles.error} />;
  const chosenCycle = cycleId || cycles.data[0]?.id || '';

  const run = (dryRun: boolean) => {
    if (!file || !chosenCycle) return;
    importing.mutate(
      { cycleId: chosenCycle, file, dryRun },
      {
        onSuccess: (answer) => {
          setResult(answer);
          if (answer.applied) notifySuccess(t('templates.import.applied'));
        },
      },
    );
  };
  const reset = () => {
    setResult(null);
    importing.reset();
  };

  return (
    <Stack maw={900}>
      <PageHeader title={t('templates.import.title')} subtitle={t('templates.import.subtitle')} />
      {cycles.data.length === 0 ? (
        <Text c="dimmed">{t('templates.import.noCycles')}</Text>
      ) : (
        <>
          <NativeSelect
            label={t('templates.import.cycle')}
            value={chosenCycle}
            onChange={(e) => {
              setCycleId(e.currentTarget.value);
              reset();
            }}
            data={cycles.data.map((c) => ({ value: c.id, label: `${c.title} (${c.schoolYear})` }))}
          />
          <Text size="sm">{t('templates.import.help')}</Text>
          <Anchor href={PLAN_IMPORT_TEMPLATE_CSV} download size="sm">
            {t('templates.import.template')}
          </Anchor>
          <FileInput
            label={t('templates.import.file')}
            description={t('templates.import.filePlaceholder')}
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => {
              setFile(f);
              reset();
            }}
          />
          <ErrorAlert error={importing.error} />
          <Group>
            <Button
              variant="default"
              onClick={() => run(true)}
              disabled={!file}
              loading={importing.isPending && importing.variables?.dryRun}
            >
              {t('templates.import.check')}
            </Button>
            <Button
              onClick={() => run(false)}
              disabled={!result || result.applied || result.errors.length > 0}
              loading={importing.isPending && importing.variables?.dryRun === false}
            >
              {t('templates.import.apply')}
            </Button>
          </Group>
          {result ? <ImportReport result={result} /> : null}
        </>
      )}
    </Stack>
  );
}

function ImportReport({ result }: { result: PlanImportResult }) {
  const { t } = useTranslation('performance');
  return (
    <Stack gap="xs" aria-live="polite">
      <Text fw={600}>{result.applied ? t('templates.import.doneTitle') : t('templates.import.reportTitle')}</Text>
      <List size="sm">
        <List.Item>{t('templates.import.rows', { count: result.rows, n: formatNumber(result.rows) })}</List.Item>
        <List.Item>{t('templates.import.create', { count: result.counts.create, n: formatNumber(result.counts.create) })}</List.Item>
        <List.Item>{t('templates.import.update', { count: result.counts.update, n: formatNumber(result.counts.update) })}</List.Item>
        <List.Item>
          {t('templates.import.unchanged', { count: result.counts.unchanged, n: formatNumber(result.counts.unchanged) })}
        </List.Item>
      </List>
      {result.errors.length ? (
        <>
          <Text c="red.8" size="sm" fw={600}>
            {t('templates.import.errors', { count: result.counts.error, n: formatNumber(result.counts.error) })}
          </Text>
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('templates.import.row')}</Table.Th>
                  <Table.Th>{t('templates.import.column')}</Table.Th>
                  <Table.Th>{t('templates.import.problem')}</Table.Th>
                  <Table.Th>{t('templates.import.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.errors.map((e, i) => (
                  <Table.Tr key={`${e.line}-${e.field}-${i}`}>
                    <Table.Td>{formatNumber(e.line)}</Table.Td>
                    <Table.Td>{t(`templates.import.columns.${e.field}`, { defaultValue: e.field })}</Table.Td>
                    <Table.Td>{t(`templates.import.error.${e.code}`, { defaultValue: e.code })}</Table.Td>
                    <Table.Td>{e.value ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Stack>
  );
}
