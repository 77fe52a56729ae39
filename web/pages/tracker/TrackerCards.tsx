import { Anchor, Box, Card, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SchoolTracker } from '../../../common/schemas/tracker.ts';
import { formatNumber } from '../../app/format.ts';
import { FeedbackText, Flags, LevelCell, ScoredText, columnName, lastObserved } from './cells.tsx';

/** Label/value pairs in two columns; both wrap, so nothing runs into its neighbour or off the card. */
function Pairs({ rows }: { rows: [key: string, label: ReactNode, value: ReactNode][] }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: '4px 12px', alignItems: 'baseline' }}
    >
      {rows.map(([key, term, value]) => (
        <Box key={key} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {term}
          </Text>
          <Box component="dd" m={0} style={{ textAlign: 'right', minWidth: 0 }}>
            {value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** The tracker on a phone: one card per teacher, what a principal scans first at the top. */
export function TrackerCards({ tracker }: { tracker: SchoolTracker }) {
  const { t } = useTranslation('tracker');
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {tracker.rows.map((row) => (
        <Card component="li" key={row.personId} withBorder padding="sm" style={{ overflow: 'visible' }}>
          <Stack gap={8}>
            <div>
              <Anchor component={Link} to={`/people/${row.personId}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {row.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(`role.${row.role}`)}
                {row.teams.map((team) => ` · ${team.name}`).join('')}
              </Text>
            </div>
            <Flags row={row} />
            <Pairs
              rows={[
                ['feedback', t('col.daysSinceFeedback'), <FeedbackText row={row} />],
                ['last', t('col.lastObservedOn'), <Text size="sm">{lastObserved(row)}</Text>],
                ['scored', t('col.scoredThisTerm'), <ScoredText row={row} tracker={tracker} />],
              ]}
            />
            {tracker.columns.length ? (
              <Pairs
                rows={tracker.columns.map((c) => [
                  c.itemId,
                  <>
                    {c.humanCode ? <strong>{c.humanCode} </strong> : null}
                    {columnName(c)}
                  </>,
                  <LevelCell level={row.levels[c.itemId]} />,
                ])}
              />
            ) : null}
            <Pairs
              rows={[
                ['steps', t('col.openActionSteps'), <Text size="sm">{formatNumber(row.openActionSteps)}</Text>],
                ['coaching', t('col.coachingThisTerm'), <Text size="sm">{formatNumber(row.coachingThisTerm)}</Text>],
              ]}
            />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
