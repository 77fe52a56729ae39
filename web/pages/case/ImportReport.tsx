import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FrameworkImportReport } from '../../api/case.ts';
import { formatNumber } from '../../app/format.ts';
import { importMessage } from './messages.ts';

const COUNT_KEYS = ['items', 'hierarchyLinks', 'associations', 'itemTypes', 'rubrics', 'criteria', 'levels', 'definitions'] as const;

/** What a dry run found: the counts, then every warning and row error (errors first). */
export function ImportReport({ report }: { report: FrameworkImportReport }) {
  const { t } = useTranslation('case');
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('import.reviewTitle', { title: report.title })}
      </Title>
      <Table withTableBorder maw={480} verticalSpacing={4}>
        <Table.Caption>{t('import.countsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('import.countWhat')}</Table.Th>
            <Table.Th scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('import.countHowMany')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {COUNT_KEYS.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw={400}>
                {t(`import.count.${key}`)}
              </Table.Th>
              <Table.Td ta="right">{formatNumber(report.counts[key])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h4">
        {t('import.messagesTitle')}
      </Title>
      <Text>
        {t('import.errorCount', { count: report.errorCount, formatted: formatNumber(report.errorCount) })}{' '}
        {t('import.warningCount', { count: report.warningCount, formatted: formatNumber(report.warningCount) })}
      </Text>
      {report.messages.length > 0 ? (
        <Stack component="ul" gap="xs" aria-label={t('import.messagesTitle')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {report.messages.map((m, i) => (
            <Paper component="li" key={i} withBorder p="sm">
              <Group gap="xs" wrap="wrap">
                <Badge color={m.severity === 'error' ? 'red' : 'yellow'} variant="light" styles={{ label: { overflow: 'visible' } }}>
                  {t(`import.severity.${m.severity}`)}
                </Badge>
                {m.path ? (
                  <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {m.path}
                  </Text>
                ) : null}
                {m.count > 1 ? (
                  <Text size="sm" c="dimmed">
                    {t('import.times', { count: m.count, formatted: formatNumber(m.count) })}
                  </Text>
                ) : null}
              </Group>
              <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                {importMessage(t, m)}
              </Text>
            </Paper>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
