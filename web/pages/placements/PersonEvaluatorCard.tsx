import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonEvaluator } from '../../../common/schemas/evaluators.ts';
import { isApiError } from '../../api/client.ts';
import { usePersonEvaluator, useSetEvaluator } from '../../api/evaluators.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';

/** HR picks another evaluator for the year, or returns the person to the computed default. */
function ChangeEvaluatorModal({ view, onClose }: { view: PersonEvaluator; onClose: () => void }) {
  const { t } = useTranslation('pathways');
  const set = useSetEvaluator(view.personId);
  const [evaluatorId, setEvaluatorId] = useState<string | null>(view.source === 'assigned' ? (view.evaluator?.id ?? null) : null);
  const save = (evaluatorPersonId: string | null) =>
    set.mutate({ schoolYear: view.schoolYear, evaluatorPersonId, version: view.assignment?.version ?? null }, { onSuccess: onClose });
  return (
    <AppModal opened onClose={onClose} title={t('evaluator.changeTitle', { year: view.schoolYear })}>
      <Stack>
        {isApiError(set.error, 'conflict') ? (
          <Alert color="yellow" role="alert">
            {t('evaluator.conflict')}
          </Alert>
        ) : (
          <ErrorAlert error={set.error} />
        )}
        <PersonPicker label={t('evaluator.evaluator')} value={evaluatorId} onChange={setEvaluatorId} exclude={view.personId} />
        <Group justify="space-between">
          {view.source === 'assigned' ? (
            <Button variant="subtle" onClick={() => save(null)} loading={set.isPending}>
              {t('evaluator.useDefault')}
            </Button>
          ) : (
            <span />
          )}
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('placement.cancel')}
            </Button>
            <Button onClick={() => evaluatorId && save(evaluatorId)} disabled={!evaluatorId} loading={set.isPending}>
              {t('evaluator.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** Who evaluates the person this school year, and whether HR chose them or the rule did. */
export function PersonEvaluatorCard({ personId }: { personId: string }) {
  const { t } = useTranslation('pathways');
  const view = usePersonEvaluator(personId);
  const [changing, setChanging] = useState(false);
  if (view.error) return <ErrorAlert error={view.error} />;
  const v = view.data;
  if (!v) return null;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('evaluator.title', { year: v.schoolYear })}
        </Title>
        {v.abilities.assign ? (
          <Button variant="default" size="xs" onClick={() => setChanging(true)}>
            {t('evaluator.change')}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder p="sm">
        <Text fw={600}>{v.evaluator?.name ?? t('evaluator.none')}</Text>
        <Text size="sm" c="dimmed">
          {t(`evaluator.source.${v.source}`, { school: v.primaryOrgUnitName ?? '' })}
        </Text>
      </Paper>
      {changing ? <ChangeEvaluatorModal view={v} onClose={() => setChanging(false)} /> : null}
    </Stack>
  );
}
