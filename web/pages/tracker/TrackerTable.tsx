import { Anchor, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useId, type CSSProperties, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SchoolTracker } from '../../../common/schemas/tracker.ts';
import { formatNumber } from '../../app/format.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { CompetencyLabel, FeedbackText, Flags, LevelChip, ScoredText, columnLabel, lastObserved } from './cells.tsx';

const sticky: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  minWidth: 130,
  maxWidth: 170,
  boxShadow: 'inset -1px 0 0 var(--mantine-color-default-border)',
};
// Positioned, so the hidden descriptions inside stay within the scrolling table instead of widening the page.
const top: CSSProperties = { verticalAlign: 'bottom', position: 'relative' };

/**
 * A column header that sorts the table: a button, with aria-sort on the header cell. A `tooltip`
 * (a competency's full statement) shows on hover, keyboard focus and touch, and is the button's
 * description for screen readers.
 */
function SortHeader({
  sortKey,
  sort,
  onSort,
  children,
  style,
  tooltip,
}: {
  sortKey: string;
  sort: string;
  onSort: (s: string) => void;
  children: ReactNode;
  style?: CSSProperties;
  tooltip?: string;
}) {
  const { t } = useTranslation('tracker');
  const descriptionId = useId();
  const active = sort === sortKey || sort === `-${sortKey}`;
  const descending = sort === `-${sortKey}`;
  const button = (
    <UnstyledButton
      onClick={() => onSort(active && !descending ? `-${sortKey}` : sortKey)}
      fw={600}
      fz="sm"
      // Wraps at word breaks to stay narrow, but never narrower than its longest word (which would run into the next header).
      style={{ display: 'inline-block', whiteSpace: 'normal', maxWidth: '5.5rem', minWidth: 'min-content', textAlign: 'left' }}
      aria-describedby={tooltip ? descriptionId : undefined}
    >
      {children}
      {active ? <span aria-hidden="true">{descending ? ' ▼' : ' ▲'}</span> : null}
    </UnstyledButton>
  );
  return (
    <Table.Th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'} style={{ ...top, ...style }}>
      {tooltip ? (
        <Tooltip label={tooltip} multiline w={280} events={{ hover: true, focus: true, touch: true }}>
          {button}
        </Tooltip>
      ) : (
        button
      )}
      {tooltip ? <VisuallyHidden id={descriptionId}>{tooltip}</VisuallyHidden> : null}
      {active ? <VisuallyHidden>{descending ? t('sortDesc') : t('sortAsc')}</VisuallyHidden> : null}
    </Table.Th>
  );
}

/**
 * The tracker as a table. The teacher column stays in place; what a principal scans first
 * (feedback, last observation, scored this term) comes next, then the competencies as codes over
 * level chips (nine fit at 1280 px; more scroll sideways), then steps and coaching. Role and team
 * read under the name; the sort menu above sorts by them.
 */
export function TrackerTable({ tracker, sort, onSort }: { tracker: SchoolTracker; sort: string; onSort: (s: string) => void }) {
  const { t } = useTranslation('tracker');
  const header = (key: string, label: string) => (
    <SortHeader sortKey={key} sort={sort} onSort={onSort}>
      {label}
    </SortHeader>
  );
  // Role and team go under the name (their own columns would push competencies off screen); every
  // row a teacher: the role would repeat one word down the page.
  const showRole = new Set(tracker.rows.map((row) => row.role)).size > 1;
  return (
    <ScrollRegion label={t('school.tableLabel')}>
      <Table
        striped
        highlightOnHover
        verticalSpacing="xs"
        horizontalSpacing={6}
        fz="sm"
        style={{ borderCollapse: 'separate', borderSpacing: 0 }}
      >
        <Table.Thead>
          <Table.Tr>
            <SortHeader sortKey="name" sort={sort} onSort={onSort} style={{ ...sticky, zIndex: 2 }}>
              {t('col.name')}
            </SortHeader>
            {header('daysSinceFeedback', t('col.daysSinceFeedback'))}
            {header('lastObservedOn', t('col.lastObservedOn'))}
            {header('scoredThisTerm', t('col.scoredThisTerm'))}
            {tracker.columns.map((c) => (
              <SortHeader
                key={c.itemId}
                sortKey={`item:${c.itemId}`}
                sort={sort}
                onSort={onSort}
                tooltip={c.humanCode ? `${columnLabel(c)}: ${c.statement}` : c.statement}
              >
                <CompetencyLabel column={c} />
              </SortHeader>
            ))}
            {header('openActionSteps', t('col.openActionSteps'))}
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
                {showRole || row.teams.length ? (
                  <Text size="xs" c="dimmed">
                    {[showRole ? t(`role.${row.role}`) : null, ...row.teams.map((team) => team.name)].filter(Boolean).join(' · ')}
                  </Text>
                ) : null}
                <Flags row={row} />
              </Table.Th>
              <Table.Td style={{ minWidth: '5.5rem' }}>
                <FeedbackText row={row} />
              </Table.Td>
              <Table.Td>{lastObserved(row)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <ScoredText row={row} tracker={tracker} />
              </Table.Td>
              {tracker.columns.map((c) => (
                <Table.Td key={c.itemId}>
                  <LevelChip level={row.levels[c.itemId]} />
                </Table.Td>
              ))}
              <Table.Td>{formatNumber(row.openActionSteps)}</Table.Td>
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
