import { Alert, Anchor, Button, FileInput, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INSTRUMENT_KINDS, SCALE_PRESETS, type InstrumentKind } from '../../../common/assessments.ts';
import type { InstrumentImportResult } from '../../../common/schemas/assessments.ts';
import { useImportInstrument } from '../../api/assessments.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

type Preset = keyof typeof SCALE_PRESETS;

/**
 * /assessments/import: a district's own or licensed instrument from a CSV of section, item and
 * guidance columns. The file is checked first (a dry run: counts and row errors); only a clean
 * file is applied, as a draft to review and publish in the builder.
 */
export default function ImportPage() {
  const { t } = useTranslation('assessments');
  const run = useImportInstrument();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<InstrumentKind>('custom');
  const [sourceNote, setSourceNote] = useState('');
  const [preset, setPreset] = useState<Preset>('in_place');
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<InstrumentImportResult | null>(null);
  const send = (dryRun: boolean) =>
    run.mutate({ name, kind, sourceNote, scale: SCALE_PRESETS[preset], csv, dryRun }, { onSuccess: setResult });
  const clean = result?.dryRun && result.errors.length === 0;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/assessments" size="sm">
        {t('instruments.back')}
      </Anchor>
      <PageHeader title={t('import.title')} subtitle={t('import.intro')} />
      <TextInput
        label={t('instruments.name')}
        required
        maxLength={200}
        value={name}
        onChange={(e) => (setName(e.currentTarget.value), setResult(null))}
      />
      <Select
        label={t('instruments.kind')}
        allowDeselect={false}
        data={INSTRUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as InstrumentKind)}
      />
      <Textarea
        label={t('instruments.sourceNote')}
        description={t('instruments.sourceNoteHelp')}
        autosize
        value={sourceNote}
        onChange={(e) => setSourceNote(e.currentTarget.value)}
      />
      <Select
        label={t('builder.scale')}
        allowDeselect={false}
        data={Object.keys(SCALE_PRESETS).map((p) => ({ value: p, label: t(`presets.${p}`) }))}
        value={preset}
        onChange={(v) => v && setPreset(v as Preset)}
      />
      <FileInput
        label={t('import.file')}
        description={t('import.columns')}
        accept=".csv,text/csv"
        onChange={(file) => {
          setResult(null);
          if (file) void file.text().then(setCsv);
        }}
      />
      <Textarea
        label={t('import.paste')}
        autosize
        minRows={4}
        maxRows={12}
        value={csv}
        onChange={(e) => (setCsv(e.currentTarget.value), setResult(null))}
      />
      <ErrorAlert error={run.error} />
      <Group>
        <Button variant="default" disabled={!name || !csv} loading={run.isPending} onClick={() => send(true)}>
          {t('import.check')}
        </Button>
        <Button disabled={!clean} loading={run.isPending} onClick={() => send(false)}>
          {t('import.apply')}
        </Button>
      </Group>
      {result ? (
        <Stack gap="sm" aria-live="polite">
          <Text>{t('import.counts', { rows: result.rows, sections: result.sections, count: result.items })}</Text>
          {result.applied ? (
            <Alert color="green">
              <Anchor component={Link} to={`/assessments/versions/${result.versionId}`}>
                {t('import.openDraft')}
              </Anchor>
            </Alert>
          ) : null}
          {!result.dryRun && !result.applied && result.errors.length === 0 ? <Alert color="gray">{t('import.unchanged')}</Alert> : null}
          {result.errors.length ? (
            <ScrollRegion label={t('import.errors')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.line')}</Table.Th>
                    <Table.Th>{t('import.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.errors.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{e.line}</Table.Td>
                      <Table.Td>{t(`import.error.${e.code}`, { field: e.field ? t(`import.field.${e.field}`) : '' })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
