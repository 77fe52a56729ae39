import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { LogCard } from './LogCard.tsx';
import { loadedSessions, type SessionPages } from '../../api/coaching.ts';

/**
 * A list of coaching sessions loaded a page at a time: "Showing 20 of 57 sessions" (announced as it
 * changes), the cards as the reader may see them, and "Show more sessions" while there are more.
 */
export function SessionList({ pages, meId, highlightLogId = null }: { pages: SessionPages; meId: string; highlightLogId?: string | null }) {
  const { t } = useTranslation('coaching');
  if (pages.error && !pages.data) return <ErrorAlert error={pages.error} />;
  if (!pages.data) return <Loading />;
  const { items, total } = loadedSessions(pages);
  if (items.length === 0) return <Text role="status">{t('mine.noSessions')}</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" role="status">
        {t('sessions.showing', { count: total, formatted: formatNumber(total), shown: formatNumber(items.length) })}
      </Text>
      {items.map((log) => (
        <LogCard key={log.id} log={log} meId={meId} highlight={log.id === highlightLogId} />
      ))}
      <ErrorAlert error={pages.error} />
      {pages.hasNextPage ? (
        <Button variant="default" w="fit-content" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('sessions.showMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
