import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../common/schemas/audit.ts';
import { formatDateTime } from '../app/format.ts';
import { useIsPhone } from '../app/responsive.ts';
import { AuditDiff } from './AuditDiff.tsx';

const ENTITY_PATHS: Record<string, string> = { person: '/people', org_unit: '/schools', roster_import: '/import' };

function EntityCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const label = t(`audit.entity.${entry.entityType}`, { defaultValue: entry.entityType });
  const base = ENTITY_PATHS[entry.entityType];
  if (!base || !entry.entityId) return <>{label}</>;
  return (
    <Anchor component={Link} to={`${base}/${entry.entityId}`}>
      {label}
    </Anchor>
  );
}

/** Who did what, when, and what changed: a table on wide screens, cards on phones. */
export function AuditEntries({ entries, caption, showEntity = true }: { entries: AuditEntry[]; caption: string; showEntity?: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const action = (entry: AuditEntry) => t(`audit.action.${entry.action}`, { defaultValue: entry.action });
  const actor = (entry: AuditEntry) => entry.actor?.name ?? t('audit.system');

  if (isPhone) {
    return (
      <Stack gap="sm" component="ul" aria-label={caption} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {entries.map((entry) => (
          <Paper component="li" key={entry.id} withBorder p="sm">
            <Text fw={600}>{action(entry)}</Text>
            <Text size="sm">
              {formatDateTime(entry.at)} · {actor(entry)}
              {showEntity ? (
                <>
                  {' '}
                  · <EntityCell entry={entry} />
                </>
              ) : null}
            </Text>
            <AuditDiff before={entry.before} after={entry.after} />
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table verticalSpacing="sm">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('audit.col.when')}</Table.Th>
          <Table.Th scope="col">{t('audit.col.who')}</Table.Th>
          <Table.Th scope="col">{t('audit.col.action')}</Table.Th>
          {showEntity ? <Table.Th scope="col">{t('audit.col.entity')}</Table.Th> : null}
          <Table.Th scope="col">{t('audit.col.changes')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
            <Table.Td>{actor(entry)}</Table.Td>
            <Table.Td>{action(entry)}</Table.Td>
            {showEntity ? (
              <Table.Td>
                <EntityCell entry={entry} />
              </Table.Td>
            ) : null}
            <Table.Td>
              <AuditDiff before={entry.before} after={entry.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
