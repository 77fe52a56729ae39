import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RosterImport } from '../../../common/schemas/roster.ts';
import { formatNumber } from '../../app/format.ts';

/** Step 3: a progress bar while the import is written (the page polls every 500 ms). */
export function ApplyProgress({ roster }: { roster: RosterImport }) {
  const { t } = useTranslation();
  const { done, total } = roster.progress;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Stack gap="sm" maw={640}>
      {/* Announced once; the bar's own value is read on demand, not on every poll. */}
      <Text role="status" fw={600}>
        {t('import.applying')}
      </Text>
      <Progress value={percent} size="xl" aria-label={t('import.progressLabel')} />
      <Text aria-hidden="true">{t('import.progress', { done: formatNumber(done), total: formatNumber(total), percent })}</Text>
    </Stack>
  );
}
