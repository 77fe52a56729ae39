import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FullImplementationSuggestion } from '../../../common/schemas/initiative-stages.ts';

/** The full-implementation suggestion in words beside its badge (never colour alone): what the data says and the rule it is measured by. */
export function SuggestionBadge({ suggestion }: { suggestion: FullImplementationSuggestion | null }) {
  const { t } = useTranslation('implementation');
  if (!suggestion) return <Text c="dimmed">{t('stagesPage.suggestion.none')}</Text>;
  return (
    <Stack gap={2}>
      <Badge color={suggestion.eligible ? 'green' : 'gray'} variant="light">
        {suggestion.eligible ? t('stagesPage.suggestion.eligible') : t('stagesPage.suggestion.notYet')}
      </Badge>
      <Text size="sm">
        {t('stagesPage.suggestion.data', { count: suggestion.covered, pct: suggestion.pct, atFidelity: suggestion.atFidelity })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('stagesPage.suggestion.rule', { minPct: suggestion.rule.minPct, threshold: suggestion.rule.fidelityThresholdPct })}
      </Text>
    </Stack>
  );
}
