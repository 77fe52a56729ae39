import { Alert, Anchor, Box, Button, Checkbox, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  FRAMEWORK_TEMPLATE_CSV,
  FRAMEWORK_TEMPLATE_XLSX,
  useImportFramework,
  type ExistingChoice,
  type FrameworkImportReport,
  type ImportFormat,
} from '../../api/case.ts';
import { useMe } from '../../api/session.ts';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ExistingFrameworkChoice } from './ExistingFrameworkChoice.tsx';
import { ImportReport } from './ImportReport.tsx';
import { refusalMessage } from './messages.ts';

const ACCEPT: Record<ImportFormat, string> = { case: '.json,application/json', spreadsheet: '.csv,.xlsx' };

/**
 * /frameworks/import: choose a CASE JSON package or a spreadsheet, check it (a dry run: counts,
 * warnings, row errors, nothing written), then import it and land on the new version.
 */
export default function ImportFrameworkPage() {
  const { t } = useTranslation('case');
  const me = useMe();
  const id = useId();
  const navigate = useNavigate();
  const check = useImportFramework();
  const apply = useImportFramework();
  const [format, setFormat] = useState<ImportFormat>('case');
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [publish, setPublish] = useState(false);
  const [missing, setMissing] = useState(false);
  const [report, setReport] = useState<FrameworkImportReport | null>(null);
  const [existing, setExisting] = useState<ExistingChoice | null>(null);
  if (!me.abilities.manageFrameworks) return <NotAllowed />;

  const request = (dryRun: boolean) => ({
    format,
    file: file!,
    dryRun,
    publish,
    title: title.trim() || undefined,
    existing: existing ?? undefined,
  });
  const onChecked = (checked: FrameworkImportReport) => {
    setReport(checked);
    // A revised release of a framework the district has: its next version, unless it has a draft.
    setExisting(checked.existing && checked.existing.draftVersionId === null ? 'new_version' : null);
  };
  const asNewVersion = report?.existing != null && existing === 'new_version';
  const reset = () => {
    setReport(null);
    check.reset();
    apply.reset();
  };
  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!file);
    if (!file) return;
    reset();
    check.mutate(request(true), { onSuccess: onChecked });
  };
  const onApply = () =>
    apply.mutate(request(false), {
      onSuccess: (result) => {
        if (result.versionId) {
          notifySuccess(result.applied ? t('import.done', { title: result.title }) : t('import.alreadyDone'));
          void navigate(`/frameworks/versions/${result.versionId}`);
        }
      },
    });

  const fileError = missing ? t('import.chooseFirst') : check.error ? refusalMessage(t, check.error) : null;
  return (
    <Stack maw={900}>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <form onSubmit={onCheck} noValidate>
        <Stack>
          <Radio.Group
            label={t('import.formatLabel')}
            value={format}
            onChange={(value) => {
              setFormat(value as ImportFormat);
              setFile(null);
              reset();
            }}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="case" label={t('import.format.case')} description={t('import.format.caseHelp')} />
              <Radio value="spreadsheet" label={t('import.format.spreadsheet')} description={t('import.format.spreadsheetHelp')} />
            </Stack>
          </Radio.Group>
          {format === 'spreadsheet' ? (
            <Text size="sm">
              {t('import.templateHelp')}{' '}
              <Anchor href={FRAMEWORK_TEMPLATE_XLSX} download>
                {t('import.templateXlsx')}
              </Anchor>
              {' · '}
              <Anchor href={FRAMEWORK_TEMPLATE_CSV} download>
                {t('import.templateCsv')}
              </Anchor>
            </Text>
          ) : null}
          <Box>
            <Text component="label" htmlFor={`${id}-file`} fw={600} display="block">
              {t('import.fileLabel')}
            </Text>
            <Text id={`${id}-help`} size="sm" c="dimmed">
              {t(format === 'case' ? 'import.fileHelpCase' : 'import.fileHelpSheet')}
            </Text>
            <input
              key={format}
              id={`${id}-file`}
              type="file"
              name="file"
              accept={ACCEPT[format]}
              style={{ marginTop: 8, maxWidth: '100%' }}
              aria-describedby={`${id}-help${fileError ? ` ${id}-error` : ''}`}
              aria-invalid={fileError ? true : undefined}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                setMissing(false);
                reset();
              }}
            />
          </Box>
          {format === 'spreadsheet' ? (
            <TextInput
              label={t('import.titleLabel')}
              description={t('import.titleHelp')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maw={480}
            />
          ) : null}
          <Checkbox
            label={t('import.publish')}
            description={t('import.publishHelp')}
            checked={publish}
            onChange={(e) => setPublish(e.currentTarget.checked)}
          />
          {fileError ? (
            <Alert id={`${id}-error`} color="red" role="alert" title={t('import.refused')}>
              {fileError}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={check.isPending}>
              {t('import.check')}
            </Button>
            {check.isPending ? (
              <Text role="status" size="sm">
                {t('import.checking')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
      {report ? (
        <Stack gap="md" mt="md">
          <ImportReport report={report} />
          {report.alreadyImported && report.versionId ? (
            <Alert color="blue" title={t('import.alreadyTitle')}>
              {t('import.alreadyBody')}{' '}
              <Anchor component={Link} to={`/frameworks/versions/${report.versionId}`}>
                {t('import.openVersion')}
              </Anchor>
            </Alert>
          ) : null}
          {apply.error ? (
            <Alert color="red" role="alert" title={t('import.refused')}>
              {refusalMessage(t, apply.error)}
            </Alert>
          ) : null}
          {report.existing && !report.alreadyImported ? (
            <ExistingFrameworkChoice existing={report.existing} value={existing} onChange={setExisting} />
          ) : null}
          {report.errorCount > 0 ? <Text c="red.8">{t('import.fixErrors')}</Text> : null}
          {!report.alreadyImported ? (
            <Group>
              <Button
                onClick={onApply}
                loading={apply.isPending}
                disabled={report.errorCount > 0 || (report.existing !== null && existing === null)}
                h="auto"
                mih={36}
                py={6}
                maw="100%"
                styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
              >
                {asNewVersion
                  ? t('import.applyNewVersion', { count: report.counts.items, version: report.existing!.nextVersionNumber })
                  : t(publish ? 'import.applyPublished' : 'import.apply', { count: report.counts.items })}
              </Button>
              {report.existing && existing === null && report.errorCount === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('import.existing.choose')}
                </Text>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
