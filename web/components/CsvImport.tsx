import { Button, FileInput, Group, List, Stack, Table, Text, type MantineSpacing } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { CsvRowError } from '../../common/schemas/teams.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { notifySuccess } from './notify.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/**
 * A CSV import in two steps, the same everywhere: pick a file, check it (a dry run answering each
 * row's problems), then apply it. Nothing is written while any row has an error. Each import brings
 * its own words (`labels`, in its own namespace) and what its answer counts (`summary`, `preview`).
 */

/** What every import answers, on a dry run and on apply. */
export interface CsvImportAnswer {
  applied: boolean;
  errors: CsvRowError[];
  /** `error`: how many rows have errors (the list of errors may be cut short). */
  counts: { error: number };
}

export type CsvImportMutation<R extends CsvImportAnswer> = UseMutationResult<R, Error, { csv: string; dryRun: boolean }>;

/** The words of one import, already translated. */
export interface CsvImportLabels {
  file: string;
  check: string;
  apply: string;
  /** Announced once the file is applied. */
  applied: string;
  /** The heading over the rows with errors (also the name of their table, unless `errorsTable`). */
  errors: (count: number) => string;
  errorsTable?: string;
  line: string;
  /** The column a row error names; the table shows this column only when given. */
  column?: string;
  problem: string;
  value: string;
}

/**
 * The file, its text and the last answer; `run(true)` checks, `run(false)` applies. Choosing
 * another file forgets the last answer.
 *
 * @example
 * const { file, choose, run, result } = useCsvImport(useImportOutcomes(), () => notifySuccess('Imported'));
 */
export function useCsvImport<R extends CsvImportAnswer>(mutation: CsvImportMutation<R>, onApplied: (answer: R) => void) {
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [result, setResult] = useState<R | null>(null);
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
          if (answer.applied) onApplied(answer);
        },
      },
    );
  };
  return { file, csv, result, choose, run };
}

/** The rows a check refused, line by line, in a table that scrolls inside itself on a phone. */
export function CsvRowErrors({
  errors,
  rowCount,
  labels,
  problemText,
}: {
  errors: CsvRowError[];
  /** How many rows have errors. */
  rowCount: number;
  labels: CsvImportLabels;
  problemText: (code: string) => string;
}) {
  const heading = labels.errors(rowCount);
  return (
    <>
      <Text c="red.8" size="sm" fw={600}>
        {heading}
      </Text>
      <ScrollRegion label={labels.errorsTable ?? heading}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{labels.line}</Table.Th>
              {labels.column ? <Table.Th scope="col">{labels.column}</Table.Th> : null}
              <Table.Th scope="col">{labels.problem}</Table.Th>
              <Table.Th scope="col">{labels.value}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={`${e.line}-${e.code}-${i}`}>
                <Table.Td>{e.line}</Table.Td>
                {labels.column ? <Table.Td>{e.field ?? ''}</Table.Td> : null}
                <Table.Td>{problemText(e.code)}</Table.Td>
                <Table.Td>{e.value ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </>
  );
}

/**
 * The file picker, the answer (counts, rows with errors, an optional preview, announced politely)
 * and the check and apply buttons. Apply stays off until a check found no error and something to
 * write (`canApply`), and after the file is applied.
 */
export function CsvImportPanel<R extends CsvImportAnswer>({
  mutation,
  labels,
  problemText,
  summary,
  preview,
  canApply,
  onApplied,
  gap,
  fileMaw,
  actionsJustify,
}: {
  mutation: CsvImportMutation<R>;
  labels: CsvImportLabels;
  problemText: (code: string) => string;
  /** The answer's counts, one line each. */
  summary: (result: R) => string[];
  preview?: (result: R) => ReactNode;
  canApply: (result: R) => boolean;
  onApplied?: (result: R) => void;
  gap?: MantineSpacing;
  fileMaw?: number;
  actionsJustify?: 'flex-start' | 'flex-end';
}) {
  const { file, csv, result, choose, run } = useCsvImport(mutation, (answer) => {
    notifySuccess(labels.applied);
    onApplied?.(answer);
  });
  return (
    <Stack gap={gap}>
      <FileInput label={labels.file} accept=".csv,text/csv" value={file} onChange={(f) => void choose(f)} maw={fileMaw} />
      <ErrorAlert error={mutation.error} />
      {result ? (
        <Stack gap="xs" aria-live="polite">
          <List size="sm">
            {summary(result).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          {result.errors.length ? (
            <CsvRowErrors errors={result.errors} rowCount={result.counts.error} labels={labels} problemText={problemText} />
          ) : null}
          {preview?.(result)}
        </Stack>
      ) : null}
      <Group justify={actionsJustify}>
        <Button variant="default" onClick={() => run(true)} disabled={csv === null} loading={mutation.isPending}>
          {labels.check}
        </Button>
        <Button
          onClick={() => run(false)}
          disabled={!result || result.errors.length > 0 || result.applied || !canApply(result)}
          loading={mutation.isPending}
        >
          {labels.apply}
        </Button>
      </Group>
    </Stack>
  );
}
