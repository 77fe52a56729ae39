import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CsvImportResult } from '../../../common/schemas/teams.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { CsvImportPanel, type CsvImportMutation } from '../../components/CsvImport.tsx';

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
  mutation: CsvImportMutation<CsvImportResult>;
}) {
  const { t } = useTranslation('teams');
  return (
    <AppModal opened={opened} onClose={onClose} title={t('import.title')}>
      <Stack>
        <Text size="sm">{help ?? t('import.help')}</Text>
        <Anchor href={templateUrl} download size="sm">
          {t('import.template')}
        </Anchor>
        <CsvImportPanel
          mutation={mutation}
          labels={{
            file: t('import.file'),
            check: t('import.check'),
            apply: t('import.apply'),
            applied: t('import.applied'),
            errors: (count) => t('import.errors', { count }),
            line: t('import.line'),
            problem: t('import.problem'),
            value: t('import.value'),
          }}
          problemText={(code) => (errorLabel ? errorLabel(code) : t(`import.error.${code}`, { defaultValue: code }))}
          summary={(r) => [
            t('import.rows', { count: r.rows }),
            t('import.toCreate', { count: r.counts.create }),
            t('import.unchanged', { count: r.counts.unchanged }),
          ]}
          canApply={(r) => r.counts.create > 0}
          onApplied={onClose}
          actionsJustify="flex-end"
        />
      </Stack>
    </AppModal>
  );
}
