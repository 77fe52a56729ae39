import { Anchor, Button, FileInput, Group, List, Stack, Table, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvImportResult } from '../../../common/schemas/teams.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';

/**
 * A CSV import in two steps: check the file (a dry run listing each row's problems), then apply it.
 * Nothing is written while any row has an error.
 */
export function CsvImportModal({
  opened,
  onClose,
  templateUrl,
  mutation,
  help,
  errorLabel,
}: {
  opened: boolean;
  /** A row error's text, when the import's codes are not the teams' and caseloads' ones. */
  errorLabel?: (code: string) => string;
  /** What a row holds, when not the teams' and caseloads' text. */
  help?: string;
  onClose: () => void;
  templateUrl: string;
  mutation: UseMutationResult<CsvImportResult, Error, { csv: string; dryRun: boolean }>;
}) {
  const { t } = useTranslation('teams');
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
            notifySuccess(t('import.applied'));
            onClose();
          }
        },
      },
    );
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={t('import.title')}>
      <Stack>
        <Text size="sm">{help ?? t('import.help')}</Text>
        <Anchor href={templateUrl} download size="sm">
          {t('import.template')}
        </Anchor>
        <FileInput label={t('import.file')} accept=".csv,text/csv" value={file} onChange={(f) => void choose(f)} />
        <ErrorAlert error={mutation.error} />
        {result ? (
          <Stack gap="xs" aria-live="polite">
            <List size="sm">
              <List.Item>{t('import.rows', { count: result.rows })}</List.Item>
              <List.Item>{t('import.toCreate', { count: result.counts.create })}</List.Item>
              <List.Item>{t('import.unchanged', { count: result.counts.unchanged })}</List.Item>
            </List>
            {result.errors.length ? (
              <>
                <Text c="red" size="sm" fw={600}>
                  {t('import.errors', { count: result.counts.error })}
                </Text>
                <Table.ScrollContainer minWidth={360}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('import.line')}</Table.Th>
                        <Table.Th>{t('import.problem')}</Table.Th>
                        <Table.Th>{t('import.value')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {result.errors.map((e, i) => (
                        <Table.Tr key={`${e.line}-${e.code}-${i}`}>
                          <Table.Td>{e.line}</Table.Td>
                          <Table.Td>{errorLabel ? errorLabel(e.code) : t(`import.error.${e.code}`, { defaultValue: e.code })}</Table.Td>
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
            {t('import.check')}
          </Button>
          <Button
            onClick={() => run(false)}
            disabled={!result || result.errors.length > 0 || result.counts.create === 0}
            loading={mutation.isPending}
          >
            {t('import.apply')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
