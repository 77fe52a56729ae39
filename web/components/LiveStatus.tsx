import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveMode } from '../api/live.ts';

/**
 * One line saying how the page follows others' changes (api/live.ts): live, reconnecting, or
 * polling because the network blocks streams. Nothing while connecting or once stopped.
 */
export function LiveStatus({ mode }: { mode: LiveMode }) {
  const { t } = useTranslation('live');
  if (mode === 'connecting' || mode === 'stopped') return null;
  return (
    <Text size="sm" role="status" aria-live="polite">
      {t(`status.${mode}`)}
    </Text>
  );
}
