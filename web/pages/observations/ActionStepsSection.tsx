import { Anchor, Badge, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACTION_STEP_CHECK_RESULTS, OBSERVATION_LIMITS, type ActionStepCheckResult } from '../../../common/observation.ts';
import type { ActionStep } from '../../../common/schemas/action-steps.ts';
import { formatDate } from '../../app/format.ts';
import { AddActionStepModal } from './AddActionStepModal.tsx';
import type { DraftContent } from './content.ts';
import type { CompetencyOption } from './NotesStream.tsx';

type Check = DraftContent['actionStepChecks'][number];

const STATUS_COLOR = { assigned: 'blue', practicing: 'yellow', mastered: 'green' } as const;

/**
 * When and where a step was agreed: two steps with one title (a library step given twice) read
 * apart by their date and their observation (a link when it is another one).
 */
export function StepOrigin({ step, observationId }: { step: ActionStep; observationId?: string }) {
  const { t } = useTranslation('observations');
  const agreed = t('steps.agreedOn', { date: formatDate(step.createdAt) });
  let where: ReactNode = null;
  if (step.observationId && step.observationId === observationId) where = t('steps.inThisObservation');
  else if (step.observationId && step.observationPublished) {
    where = (
      <Anchor component={Link} to={`/observations/${step.observationId}`} size="xs">
        {t('steps.inEarlierObservation')}
      </Anchor>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {agreed}
      {where ? <> · {where}</> : null}
    </Text>
  );
}

/** A step's title, status, competency, when and where it was agreed, prompt and due date. */
export function StepSummary({ step, observationId }: { step: ActionStep; observationId?: string }) {
  const { t } = useTranslation('observations');
  return (
    <Stack gap={2}>
      <Group gap="xs" justify="space-between" align="flex-start" wrap="nowrap">
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {step.title}
        </Text>
        <Badge color={STATUS_COLOR[step.status]} variant="light" style={{ flexShrink: 0 }}>
          {t(`stepStatus.${step.status}`)}
        </Badge>
      </Group>
      {step.item ? (
        <Text size="xs" c="dimmed">
          {[step.item.humanCode, step.item.fullStatement].filter(Boolean).join(' ')}
        </Text>
      ) : null}
      <StepOrigin step={step} observationId={observationId} />
      {step.practicePrompt ? <Text size="sm">{t('steps.practice', { prompt: step.practicePrompt })}</Text> : null}
      {step.dueOn ? (
        <Text size="xs" c="dimmed">
          {t('steps.dueOn', { date: formatDate(step.dueOn) })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The teacher's open steps this observation checks: not yet / progressing / mastered, with a comment. */
function StepChecks({
  steps,
  checks,
  observationId,
  onChange,
}: {
  steps: ActionStep[];
  checks: Check[];
  observationId: string;
  onChange: (checks: Check[]) => void;
}) {
  const { t } = useTranslation('observations');
  const set = (id: string, patch: Partial<Check> | null) => {
    const current = checks.find((c) => c.actionStepId === id);
    if (!patch) return onChange(checks.filter((c) => c.actionStepId !== id));
    const next: Check = { actionStepId: id, result: current?.result ?? 'not_yet', comment: current?.comment ?? '', ...patch };
    onChange([...checks.filter((c) => c.actionStepId !== id), next]);
  };
  return (
    <Stack gap="sm" component="ul" className="obs-plain-list">
      {steps.map((step) => {
        const check = checks.find((c) => c.actionStepId === step.id);
        return (
          <Paper key={step.id} withBorder p="sm" radius="md" component="li">
            <Stack gap="xs">
              <StepSummary step={step} observationId={observationId} />
              <Radio.Group
                label={t('checks.label', { title: step.title })}
                value={check?.result ?? 'none'}
                onChange={(value) => set(step.id, value === 'none' ? null : { result: value as ActionStepCheckResult })}
              >
                <Group gap="md" mt={4}>
                  {ACTION_STEP_CHECK_RESULTS.map((r) => (
                    <Radio key={r} value={r} label={t(`checks.${r}`)} />
                  ))}
                  <Radio value="none" label={t('checks.none')} />
                </Group>
              </Radio.Group>
              {check ? (
                <TextInput
                  aria-label={t('checks.commentFor', { title: step.title })}
                  placeholder={t('checks.comment')}
                  maxLength={OBSERVATION_LIMITS.commentChars}
                  value={check.comment}
                  onChange={(e) => set(step.id, { comment: e.currentTarget.value })}
                />
              ) : null}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Open steps to check, and the steps agreed in this observation (with "add" from the library or fresh). */
export function ActionStepsSection({
  observationId,
  openSteps,
  agreed,
  checks,
  canAdd,
  competencies,
  onChecks,
}: {
  observationId: string;
  openSteps: ActionStep[];
  agreed: ActionStep[];
  checks: Check[];
  canAdd: boolean;
  competencies: CompetencyOption[];
  onChecks: (checks: Check[]) => void;
}) {
  const { t } = useTranslation('observations');
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('checks.heading')}
        </Title>
        {openSteps.length ? (
          <StepChecks steps={openSteps} checks={checks} observationId={observationId} onChange={onChecks} />
        ) : (
          <Text c="dimmed" size="sm">
            {t('checks.noneOpen')}
          </Text>
        )}
      </Stack>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('steps.heading')}
          </Title>
          {canAdd ? <Button onClick={() => setAdding(true)}>{t('steps.add')}</Button> : null}
        </Group>
        {agreed.length ? (
          <Stack gap="xs" component="ul" className="obs-plain-list">
            {agreed.map((step) => (
              <Paper key={step.id} withBorder p="sm" radius="md" component="li">
                <StepSummary step={step} observationId={observationId} />
              </Paper>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed" size="sm">
            {t('steps.none')}
          </Text>
        )}
      </Stack>
      {canAdd ? (
        <AddActionStepModal observationId={observationId} competencies={competencies} opened={adding} onClose={() => setAdding(false)} />
      ) : null}
    </Stack>
  );
}
