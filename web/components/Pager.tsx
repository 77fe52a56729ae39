import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../app/format.ts';

/**
 * "Showing 51–100 of 230" with previous/next buttons, for offset paging; "of more than 10,000"
 * when the server stopped counting (`totalIsLowerBound`).
 */
export function Pager({
  offset,
  limit,
  total,
  totalIsLowerBound = false,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  totalIsLowerBound?: boolean;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const first = offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text role="status" aria-live="polite">
        {t(totalIsLowerBound ? 'paging.showingMoreThan' : 'paging.showing', {
          first: formatNumber(first),
          last: formatNumber(last),
          total: formatNumber(total),
        })}
      </Text>
      <Group gap="xs">
        <Button variant="default" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
          {t('paging.previous')}
        </Button>
        <Button variant="default" disabled={!totalIsLowerBound && last >= total} onClick={() => onChange(offset + limit)}>
          {t('paging.next')}
        </Button>
      </Group>
    </Group>
  );
}
