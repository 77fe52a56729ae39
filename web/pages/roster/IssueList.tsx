import { Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../common/schemas/roster.ts';
import { formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { issueMessage } from './issues.ts';

const PAGE = 100;

function SeverityBadge({ severity }: { severity: ImportIssue['severity'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={severity === 'error' ? 'red' : 'yellow'} variant="light" styles={{ label: { overflow: 'visible' } }}>
      {t(`import.severity.${severity}`)}
    </Badge>
  );
}

/** The dry run's problems, file and line first; "errors only" hides warnings. Long lists show 100 at a time. */
export function IssueList({ issues }: { issues: ImportIssue[] }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const visible = errorsOnly ? issues.filter((i) => i.severity === 'error') : issues;
  const page = visible.slice(0, shown);
  const line = (issue: ImportIssue) => (issue.line === null ? '' : formatNumber(issue.line));

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('import.issuesTitle')}
      </Title>
      <Text>
        {t('import.errorCount', { count: errors, formatted: formatNumber(errors) })}{' '}
        {t('import.warningCount', { count: issues.length - errors, formatted: formatNumber(issues.length - errors) })}
      </Text>
      {issues.length > 0 ? (
        <Checkbox label={t('import.errorsOnly')} checked={errorsOnly} onChange={(e) => setErrorsOnly(e.currentTarget.checked)} />
      ) : null}
      {page.length > 0 && isPhone ? (
        <Stack component="ul" gap="xs" aria-label={t('import.issuesTitle')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {page.map((issue, index) => (
            <Paper component="li" key={index} withBorder p="sm">
              <Group gap="xs">
                <SeverityBadge severity={issue.severity} />
                <Text size="sm" fw={600}>
                  {issue.file}
                  {issue.line === null ? '' : `, ${t('import.line', { line: line(issue) })}`}
                </Text>
              </Group>
              <Text size="sm">{issueMessage(t, issue)}</Text>
            </Paper>
          ))}
        </Stack>
      ) : null}
      {page.length > 0 && !isPhone ? (
        <Table verticalSpacing="xs">
          <Table.Caption>{t('import.issuesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('import.col.file')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('import.col.line')}
              </Table.Th>
              <Table.Th scope="col">{t('import.col.severity')}</Table.Th>
              <Table.Th scope="col">{t('import.col.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.map((issue, index) => (
              <Table.Tr key={index}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{issue.file}</Table.Td>
                <Table.Td ta="right">{line(issue)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <SeverityBadge severity={issue.severity} />
                </Table.Td>
                <Table.Td>{issueMessage(t, issue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {visible.length > shown ? (
        <Button variant="default" onClick={() => setShown(shown + PAGE)}>
          {t('import.showMoreIssues', { shown: formatNumber(shown), total: formatNumber(visible.length) })}
        </Button>
      ) : null}
    </Stack>
  );
}
