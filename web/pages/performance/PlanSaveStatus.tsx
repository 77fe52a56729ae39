import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format.ts';
import { errorMessage } from '../../components/errors.ts';
import type { PlanSaveState } from './usePlanAutosave.ts';

/** "Saving… / Saved at 10:42 / Not saved", announced politely; a conflict asks the person to choose. */
export function PlanSaveStatus({
  state,
  onRetry,
  onKeepMine,
  onUseTheirs,
}: {
  state: PlanSaveState;
  onRetry: () => void;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const { t } = useTranslation('performance');
  if (state.kind === 'conflict')
    return (
      <Alert color="orange" role="alert" title={t('plan.conflict.title')}>
        <Text size="sm">{t('plan.conflict.body')}</Text>
        <Group gap="xs" mt="xs">
          <Button size="xs" onClick={onKeepMine}>
            {t('plan.conflict.keepMine')}
          </Button>
          <Button size="xs" variant="default" onClick={onUseTheirs}>
            {t('plan.conflict.useTheirs')}
          </Button>
        </Group>
      </Alert>
    );
  const text =
    state.kind === 'saving' || state.kind === 'pending'
      ? t('plan.autosave.saving')
      : state.kind === 'saved'
        ? t('plan.autosave.savedAt', { time: formatTime(state.at) })
        : state.kind === 'error'
          ? `${t('plan.autosave.notSaved')} ${errorMessage(t, state.error)}`
          : '';
  return (
    <Group gap="xs" mih={20} wrap="nowrap">
      <Text role="status" aria-live="polite" size="xs" c={state.kind === 'error' ? 'red.8' : 'dimmed'} data-testid="plan-autosave">
        {text}
      </Text>
      {state.kind === 'error' ? (
        <Button size="compact-xs" variant="subtle" onClick={onRetry}>
          {t('plan.autosave.retry')}
        </Button>
      ) : null}
    </Group>
  );
}
