import { Anchor, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SchoolTracker } from '../../../common/schemas/tracker.ts';
import { formatNumber } from '../../app/format.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { FeedbackText, Flags, LevelCell, ScoredText, lastObserved } from './cells.tsx';

const sticky: CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: 200 };

/** A column header that sorts the table: a button, with aria-sort on the header cell. */
function SortHeader({ sortKey, sort, onSort, children, style }: { sortKey: string; sort: string; onSort: (s: string) => void; children: ReactNode; style?: CSSProperties }) {
  const { t } = useTranslation('tracker');
  const active = sort === sortKey || sort === `-${sortKey}`;
  const descending = sort === `-${sortKey}`;
  return (
    <Table.Th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'} style={style}>
      <UnstyledButton onClick={() => onSort(active && !descending ? `-${sortKey}` : sortKey)} fw={600} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {children}
        {active ? <span aria-hidden="true">{descending ? ' ▼' : ' ▲'}</span> : null}
      </UnstyledButton>
      {active ? <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{descending ? t('sortDesc') : t('sortAsc')}</span> : null}
    </Table.Th>
  );
}

/** The tracker as a wide table: the teacher column stays in place while the competencies scroll. */
export function TrackerTable({ tracker, sort, onSort }: { tracker: SchoolTracker; sort: string; onSort: (s: string) => void }) {
  const { t } = useTranslation('tracker');
  const header = (key: string, label: string) => (
    <SortHeader sortKey={key} sort={sort} onSort={onSort}>
      {label}
    </SortHeader>
  );
  return (
    <ScrollRegion label={t('school.tableLabel')}>
      <Table striped highlightOnHover verticalSpacing="xs" style={{ borderCollapse: 'separate', borderSpacing: 0 }}>
        <Table.Thead>
          <Table.Tr>
            <SortHeader sortKey="name" sort={sort} onSort={onSort} style={{ ...sticky, zIndex: 2 }}>
              {t('col.name')}
            </SortHeader>
            {header('role', t('col.role'))}
            {tracker.teams.length ? header('team', t('col.team')) : null}
            {tracker.columns.map((c) => (
              <SortHeader key={c.itemId} sortKey={`item:${c.itemId}`} sort={sort} onSort={onSort}>
                <Tooltip label={c.statement} multiline w={260}>
                  <span>{c.humanCode ?? c.statement}</span>
                </Tooltip>
              </SortHeader>
            ))}
            {header('openActionSteps', t('col.openActionSteps'))}
            {header('lastObservedOn', t('col.lastObservedOn'))}
            {header('daysSinceFeedback', t('col.daysSinceFeedback'))}
            {header('scoredThisTerm', t('col.scoredThisTerm'))}
            {header('coachingThisTerm', t('col.coachingThisTerm'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tracker.rows.map((row) => (
            <Table.Tr key={row.personId}>
              <Table.Th scope="row" style={sticky}>
                <Anchor component={Link} to={`/people/${row.personId}`} fw={600}>
                  {row.name}
                </Anchor>
                <Flags row={row} />
              </Table.Th>
              <Table.Td>{t(`role.${row.role}`)}</Table.Td>
              {tracker.teams.length ? <Table.Td>{row.team?.name ?? '—'}</Table.Td> : null}
              {tracker.columns.map((c) => (
                <Table.Td key={c.itemId}>
                  <LevelCell level={row.levels[c.itemId]} />
                </Table.Td>
              ))}
              <Table.Td>{formatNumber(row.openActionSteps)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{lastObserved(row)}</Table.Td>
              <Table.Td>
                <FeedbackText row={row} />
              </Table.Td>
              <Table.Td>
                <ScoredText row={row} tracker={tracker} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatNumber(row.coachingThisTerm)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
