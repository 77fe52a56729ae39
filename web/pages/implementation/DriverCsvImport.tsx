import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CsvImportResult } from '../../../common/schemas/teams.ts';
import { CsvImportPanel, type CsvImportMutation } from '../../components/CsvImport.tsx';

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
  mutation: CsvImportMutation<CsvImportResult>;
  onApplied?: () => void;
}) {
  const { t } = useTranslation('implementation');
  return (
    <Stack>
      <Text size="sm">{help}</Text>
      <Anchor href={templateUrl} download size="sm">
        {t('driverPlans.import.template')}
      </Anchor>
      <CsvImportPanel
        mutation={mutation}
        labels={{
          file: t('driverPlans.import.file'),
          check: t('driverPlans.import.check'),
          apply: t('driverPlans.import.apply'),
          applied: t('driverPlans.import.applied'),
          errors: (count) => t('driverPlans.import.errors', { count }),
          line: t('driverPlans.import.line'),
          problem: t('driverPlans.import.problem'),
          value: t('driverPlans.import.value'),
        }}
        problemText={(code) => t(`driverPlans.import.error.${code}`, { defaultValue: code })}
        summary={(r) => [
          t('driverPlans.import.rows', { count: r.rows }),
          t('driverPlans.import.toCreate', { count: r.counts.create }),
          t('driverPlans.import.unchanged', { count: r.counts.unchanged }),
        ]}
        canApply={(r) => r.counts.create > 0}
        onApplied={() => onApplied?.()}
        actionsJustify="flex-end"
      />
    </Stack>
  );
}
