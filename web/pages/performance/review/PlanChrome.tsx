import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanHeader } from '../../../../common/schemas/performance-review.ts';
import { formatTime } from '../../../app/format.ts';
import { errorMessage } from '../../../components/errors.ts';
import type { SaveState } from './useAutosave.ts';

/** Plan | Check-ins | Review: the three pages of a plan, the current one marked. */
export function PlanTabs({ planId, current }: { planId: string; current: 'plan' | 'checkIns' | 'review' }) {
  const { t } = useTranslation('performance');
  const tabs = [
    { key: 'plan', to: `/performance/plans/${planId}`, label: t('review.tabs.plan') },
    { key: 'checkIns', to: `/performance/plans/${planId}/check-ins`, label: t('review.tabs.checkIns') },
    { key: 'review', to: `/performance/plans/${planId}/review`, label: t('review.tabs.review') },
  ] as const;
  return (
    <nav aria-label={t('review.tabs.label')}>
      <Group gap="xs" mb="md" wrap="wrap">
        {tabs.map((tab) => (
          <Button
            key={tab.key}
            component={Link}
            to={tab.to}
            size="sm"
            variant={tab.key === current ? 'filled' : 'default'}
            aria-current={tab.key === current ? 'page' : undefined}
          >
            {tab.label}
          </Button>
        ))}
      </Group>
    </nav>
  );
}

/** Whose plan and its status, under the page title. */
export function PlanSubtitle({ plan }: { plan: PlanHeader }) {
  const { t } = useTranslation('performance');
  return (
    <Group gap="xs" wrap="wrap">
      <Text c="dimmed">
        {plan.evaluatorName
          ? t('review.subtitle', { person: plan.personName, cycle: plan.cycleTitle, evaluator: plan.evaluatorName })
          : t('review.subtitleNoEvaluator', { person: plan.personName, cycle: plan.cycleTitle })}
      </Text>
      <Badge variant="light">{t(`review.status.${plan.status}`, { defaultValue: plan.status })}</Badge>
    </Group>
  );
}

/** "Saving… / Saved at 10:42 / Not saved", announced politely; a retry after an error. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation('performance');
  const text =
    state.kind === 'saving'
      ? t('review.autosave.saving')
      : state.kind === 'saved'
        ? t('review.autosave.savedAt', { time: formatTime(state.at) })
        : state.kind === 'error' || state.kind === 'conflict'
          ? t('review.autosave.notSaved')
          : '';
  return (
    <Group gap="xs" mih={24}>
      <Text role="status" aria-live="polite" size="sm" c={state.kind === 'error' || state.kind === 'conflict' ? 'red.8' : 'dimmed'}>
        {text}
      </Text>
      {state.kind === 'error' ? (
        <Button size="compact-sm" variant="subtle" onClick={onRetry}>
          {t('review.autosave.retry')}
        </Button>
      ) : null}
    </Group>
  );
}

/** A refused save (not a conflict): the reason, in the reader's language. */
export function SaveError({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  if (state.kind !== 'error') return null;
  return (
    <Alert color="red" role="alert">
      {errorMessage(t, state.error)}
    </Alert>
  );
}

/** Someone else saved meanwhile: keep my text (saved over theirs) or take theirs. */
export function ConflictAlert({ onTheirs, onMine }: { onTheirs: () => void; onMine: () => void }) {
  const { t } = useTranslation('performance');
  return (
    <Alert color="orange" role="alert" title={t('review.conflict.title')}>
      <Text size="sm" mb="xs">
        {t('review.conflict.body')}
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={onTheirs}>
          {t('review.conflict.useTheirs')}
        </Button>
        <Button size="xs" onClick={onMine}>
          {t('review.conflict.keepMine')}
        </Button>
      </Group>
    </Alert>
  );
}
