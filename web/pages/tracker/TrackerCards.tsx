import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SchoolTracker } from '../../../common/schemas/tracker.ts';
import { formatNumber } from '../../app/format.ts';
import { FeedbackText, Flags, LevelCell, ScoredText, lastObserved } from './cells.tsx';

/** The tracker on a phone: one card per teacher. */
export function TrackerCards({ tracker }: { tracker: SchoolTracker }) {
  const { t } = useTranslation('tracker');
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {tracker.rows.map((row) => (
        <Card component="li" key={row.personId} withBorder padding="sm">
          <Stack gap={6}>
            <Anchor component={Link} to={`/people/${row.personId}`} fw={600}>
              {row.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t(`role.${row.role}`)}
              {row.team ? ` · ${row.team.name}` : ''}
            </Text>
            <Flags row={row} />
            <SimpleGrid cols={2} spacing={6} verticalSpacing={4}>
              {tracker.columns.map((c) => (
                <Group key={c.itemId} gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} title={c.statement}>
                    {c.humanCode ?? c.statement}
                  </Text>
                  <LevelCell level={row.levels[c.itemId]} />
                </Group>
              ))}
            </SimpleGrid>
            <Text size="sm">
              {t('col.lastObservedOn')}: {lastObserved(row)} · {t('col.openActionSteps')}: {formatNumber(row.openActionSteps)}
            </Text>
            <Group gap="xs">
              <Text size="sm">{t('col.daysSinceFeedback')}:</Text>
              <FeedbackText row={row} />
            </Group>
            <Group gap="xs">
              <Text size="sm">{t('col.scoredThisTerm')}:</Text>
              <ScoredText row={row} tracker={tracker} />
              <Text size="sm">· {t('col.coachingThisTerm')}: {formatNumber(row.coachingThisTerm)}</Text>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
