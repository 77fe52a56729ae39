import { Alert, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translationsFileUrl, useImportTranslations, type TranslatableType } from '../../api/translations.ts';
import { formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/**
 * Hand the texts to a translator: download them as a CSV file, upload it filled in, read the dry
 * run (what would change, each row's problem) and apply it.
 */
export function TranslationsFile({ entityType, parentId }: { entityType: TranslatableType; parentId?: string }) {
  const { t } = useTranslation('district');
  const upload = useImportTranslations(entityType, parentId);
  const [file, setFile] = useState<File | null>(null);
  const report = upload.data;
  const choose = (chosen: File | null) => {
    setFile(chosen);
    if (chosen) upload.mutate({ file: chosen, dryRun: true });
  };
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="default" component="a" href={translationsFileUrl(entityType, parentId)} download>
          {t('translations.file.download')}
        </Button>
        <FileButton onChange={choose} accept=".csv,text/csv">
          {(props) => (
            <Button variant="default" {...props} loading={upload.isPending}>
              {t('translations.file.upload')}
            </Button>
          )}
        </FileButton>
      </Group>
      <ErrorAlert error={upload.error} />
      {report ? (
        <Alert
          color={report.errors.length ? 'red' : report.applied ? 'teal' : 'blue'}
          role="status"
          title={report.applied ? t('translations.file.applied') : t('translations.file.dryRun')}
        >
          <Text size="sm">
            {t('translations.file.counts', {
              count: report.rows,
              rows: formatNumber(report.rows),
              changes: formatNumber(report.changes),
              unchanged: formatNumber(report.unchanged),
            })}
          </Text>
          {report.errors.length ? (
            <List size="sm" mt="xs">
              {report.errors.slice(0, 50).map((e) => (
                <List.Item key={`${e.row}-${e.code}`}>{t(`translations.file.error.${e.code}`, { row: formatNumber(e.row) })}</List.Item>
              ))}
            </List>
          ) : null}
          {!report.applied && !report.errors.length && report.changes > 0 && file ? (
            <Button mt="sm" size="xs" onClick={() => upload.mutate({ file, dryRun: false })} loading={upload.isPending}>
              {t('translations.file.apply', { count: report.changes, formatted: formatNumber(report.changes) })}
            </Button>
          ) : null}
        </Alert>
      ) : null}
    </Stack>
  );
}
