import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import { loadedObservations, type ObservationPages } from '../../api/observations.ts';

/**
 * Under a list of observations loaded a page at a time: "Showing 50 of 230 observations" (or "of
 * more than 1,000" when the server stopped counting), announced as it changes, and "Show more
 * observations" while there are more.
 */
export function ObservationsShown({ pages }: { pages: ObservationPages }) {
  const { t } = useTranslation('observations');
  const { items, total, totalIsLowerBound } = loadedObservations(pages);
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {t(totalIsLowerBound ? 'list.showingMoreThan' : 'list.showing', {
          count: total,
          formatted: formatNumber(total),
          shown: formatNumber(items.length),
        })}
      </Text>
      {pages.hasNextPage ? (
        <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('list.showMore')}
        </Button>
      ) : null}
    </Group>
  );
}
