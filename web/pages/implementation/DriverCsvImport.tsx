import { Anchor, Button, FileInput, Group, List, Stack, Table, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvImportResult } from '../../../common/schemas/teams.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';

/**
 * A CSV import in two steps, inside a page or modal: check the file (a dry run listing each row's
 * problems), then apply it. Nothing is written while any row has an error.
 */
export function DriverCsvImport({
  help,
  templateUrl,
  mutation,
  onApplied,
}: {
  help: string;
  templateUrl: string;
  mutation: UseMutationResult<CsvImportResult, Error, { csv: string; dryRun: boolean }>;
  onApplied?: () => void;
}) {
  const { t } = useTranslation('implementation');
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [result, setResult] = useState<CsvImportResult | null>(null);
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
          if (answer.applied) {
            notifySuccess(t('driverPlans.import.applied'));
            onApplied?.();
          }
        },
      },
    );
  };
  return (
    <Stack>
      <Text size="sm">{help}</Text>
      <Anchor href={templateUrl} download size="sm">
        {t('driverPlans.import.template')}
      </Anchor>
      <FileInput label={t('driverPlans.import.file')} accept=".csv,text/csv" value={file} onChange={(f) => void choose(f)} />
      <ErrorAlert error={mutation.error} />
      {result ? (
        <Stack gap="xs" aria-live="polite">
          <List size="sm">
            <List.Item>{t('driverPlans.import.rows', { count: result.rows })}</List.Item>
            <List.Item>{t('driverPlans.import.toCreate', { count: result.counts.create })}</List.Item>
            <List.Item>{t('driverPlans.import.unchanged', { count: result.counts.unchanged })}</List.Item>
          </List>
          {result.errors.length ? (
            <>
              <Text c="red" size="sm" fw={600}>
                {t('driverPlans.import.errors', { count: result.counts.error })}
              </Text>
              <Table.ScrollContainer minWidth={360}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('driverPlans.import.line')}</Table.Th>
                      <Table.Th>{t('driverPlans.import.problem')}</Table.Th>
                      <Table.Th>{t('driverPlans.import.value')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.errors.map((e, i) => (
                      <Table.Tr key={`${e.line}-${e.code}-${i}`}>
                        <Table.Td>{e.line}</Table.Td>
                        <Table.Td>{t(`driverPlans.import.error.${e.code}`, { defaultValue: e.code })}</Table.Td>
                        <Table.Td>{e.value ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          ) : null}
        </Stack>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => run(true)} disabled={csv === null} loading={mutation.isPending}>
          {t('driverPlans.import.check')}
        </Button>
        <Button
          onClick={() => run(false)}
          disabled={!result || result.errors.length > 0 || result.counts.create === 0}
          loading={mutation.isPending}
        >
          {t('driverPlans.import.apply')}
        </Button>
      </Group>
    </Stack>
  );
}
