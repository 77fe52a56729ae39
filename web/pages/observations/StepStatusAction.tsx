import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionStep } from '../../../common/schemas/action-steps.ts';
import type { Observation } from '../../../common/schemas/observations.ts';
import { useUpdateActionStep } from '../../api/action-steps.ts';
import { isApiError } from '../../api/client.ts';
import { observationKeys } from '../../api/observations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';

type Status = ActionStep['status'];

/**
 * Where this person may move the step next, by its abilities: the teacher from assigned to
 * practicing; those supporting the teacher mark it mastered. Nothing once it is mastered.
 */
export function nextStatus(step: ActionStep): Status | null {
  if (step.status === 'mastered' || !step.abilities.changeStatus) return null;
  if (step.abilities.markMastered) return 'mastered';
  return step.status === 'assigned' ? 'practicing' : null;
}

/** Puts the step as the server has it into the observation on screen. */
function replaceStep(o: Observation | undefined, step: ActionStep): Observation | undefined {
  if (!o) return o;
  const swap = (s: ActionStep) => (s.id === step.id ? step : s);
  return { ...o, actionSteps: o.actionSteps.map(swap), openActionSteps: o.openActionSteps.map(swap) };
}

/**
 * The button that moves a step on ("I'm practicing this", "Mark mastered"), with a toast when
 * done. When someone else changed the step first (409), the step on screen becomes the current
 * one and a note says so; the person decides again from there.
 */
export function StepStatusAction({ step, observationId }: { step: ActionStep; observationId: string }) {
  const { t } = useTranslation('observations');
  const queryClient = useQueryClient();
  const update = useUpdateActionStep(observationId);
  const [changedMeanwhile, setChangedMeanwhile] = useState<Status | null>(null);
  const next = nextStatus(step);

  const move = (status: Status) => {
    setChangedMeanwhile(null);
    update.mutate(
      { id: step.id, version: step.version, status },
      {
        onSuccess: (saved) => {
          void queryClient.invalidateQueries({ queryKey: ['home', 'growth'] });
          notifySuccess(t(`stepAction.done.${saved.status}`, { title: saved.title }));
        },
        onError: (error) => {
          if (!isApiError(error, 'conflict')) return;
          const current = (error.details as { current?: ActionStep } | null)?.current;
          if (current?.id === step.id) {
            queryClient.setQueryData<Observation>(observationKeys.detail(observationId), (o) => replaceStep(o, current));
            setChangedMeanwhile(current.status);
          } else {
            void queryClient.invalidateQueries({ queryKey: observationKeys.detail(observationId) });
            setChangedMeanwhile(step.status);
          }
          void queryClient.invalidateQueries({ queryKey: ['action-steps'] });
        },
      },
    );
  };

  const conflict = isApiError(update.error, 'conflict');
  if (!next && !changedMeanwhile && !update.error) return null;
  return (
    <Stack gap="xs" mt="xs">
      {changedMeanwhile ? (
        <Alert color="yellow" role="status" title={t('stepAction.conflictTitle')}>
          {t('stepAction.conflict', { status: t(`stepStatus.${changedMeanwhile}`) })}
        </Alert>
      ) : null}
      {update.error && !conflict ? <ErrorAlert error={update.error} /> : null}
      {next ? (
        <Group>
          <Button
            size="sm"
            loading={update.isPending}
            onClick={() => move(next)}
            aria-label={t(`stepAction.${next}Named`, { title: step.title })}
          >
            {t(`stepAction.${next}`)}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
