import { Badge, Group, MultiSelect, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObservationList } from '../../../common/schemas/observations.ts';
import type { EvidenceRef, PerformancePlan, PlanCriterion, SelfRating } from '../../../common/schemas/performance-plans.ts';
import { api } from '../../api/client.ts';
import { usePlanWrite } from '../../api/performance-plans.ts';
import { formatDate } from '../../app/format.ts';
import { PlanSaveStatus } from './PlanSaveStatus.tsx';
import { usePlanAutosave } from './usePlanAutosave.ts';

/** The person's published observations and walkthroughs, offered as evidence. */
function useMyObservations(enabled: boolean) {
  return useQuery({
    queryKey: ['performance-plans', 'my-observations'],
    queryFn: () => api<ObservationList>('GET', '/api/observations?mine=received&limit=200'),
    enabled,
  });
}

function CriterionRating({
  plan,
  criterion,
  evidenceOptions,
}: {
  plan: PerformancePlan;
  criterion: PlanCriterion;
  evidenceOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation('performance');
  const write = usePlanWrite(plan.id);
  const saved = plan.selfRatings.find((r) => r.itemId === criterion.itemId);
  const [rating, setRating] = useState<SelfRating>(
    saved ?? { itemId: criterion.itemId, scaleLevelId: null, comment: '', evidenceRefs: [] },
  );
  const autosave = usePlanAutosave<SelfRating>(plan.id, (r) => write('PUT', '/self-ratings', { ratings: [r] }));
  const editable = plan.abilities.selfAssess;
  const update = (patch: Partial<SelfRating>) => {
    const next = { ...rating, ...patch };
    setRating(next);
    autosave.change(next);
  };
  const fieldId = `rating-${criterion.itemId}`;
  return (
    <Paper withBorder p="sm" radius="sm" component="fieldset" style={{ minWidth: 0 }}>
      <Text component="legend" fw={600} size="sm" px={4}>
        {criterion.code ? `${criterion.code} ` : ''}
        {criterion.title}
      </Text>
      <Stack gap="xs">
        <Radio.Group
          value={rating.scaleLevelId ?? ''}
          onChange={(v) => update({ scaleLevelId: v })}
          label={t('plan.self.level')}
          name={fieldId}
          readOnly={!editable}
        >
          <Stack gap={6} mt={4}>
            {criterion.levels.map((l) => (
              <Radio
                key={l.scaleLevelId}
                value={l.scaleLevelId}
                disabled={!editable}
                label={l.label}
                description={l.descriptor ?? undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('plan.self.comment')}
          value={rating.comment}
          onChange={(e) => update({ comment: e.currentTarget.value })}
          readOnly={!editable}
          autosize
          minRows={2}
          maxLength={10_000}
        />
        {editable || rating.evidenceRefs.length > 0 ? (
          <MultiSelect
            label={t('plan.self.evidence')}
            description={t('plan.self.evidenceHint')}
            data={evidenceOptions}
            value={rating.evidenceRefs.map((r) => `${r.kind}:${r.id}`)}
            onChange={(values) =>
              update({
                evidenceRefs: values.map((v) => {
                  const [kind, id] = v.split(':');
                  return { kind, id } as EvidenceRef;
                }),
              })
            }
            readOnly={!editable}
            searchable
            clearable
          />
        ) : null}
        <PlanSaveStatus state={autosave.state} onRetry={autosave.retry} onKeepMine={autosave.keepMine} onUseTheirs={autosave.useTheirs} />
      </Stack>
    </Paper>
  );
}

/** Self-assessment first: the person rates every competency of their rubric, with a comment and evidence. */
export function SelfAssessmentSection({ plan, isPerson }: { plan: PerformancePlan; isPerson: boolean }) {
  const { t } = useTranslation('performance');
  const observations = useMyObservations(isPerson && plan.abilities.selfAssess);
  const options = (observations.data?.items ?? []).map((o) => ({
    value: `${o.kind === 'walkthrough' ? 'walkthrough' : 'observation'}:${o.id}`,
    label: `${formatDate(o.observedOn)} · ${o.type.name}`,
  }));
  // Evidence chosen before (not in the list now) still shows.
  for (const r of plan.selfRatings.flatMap((s) => s.evidenceRefs)) {
    if (!options.some((o) => o.value === `${r.kind}:${r.id}`))
      options.push({ value: `${r.kind}:${r.id}`, label: t(`plan.evidenceKind.${r.kind}`) });
  }
  const rated = plan.selfRatings.filter((r) => r.scaleLevelId).length;
  return (
    <Stack gap="sm" component="section" aria-labelledby="self-heading">
      <Group justify="space-between">
        <Title order={2} size="h3" id="self-heading">
          {t('plan.self.heading')}
        </Title>
        <Badge variant="light" color={rated === plan.criteria.length ? 'teal' : 'gray'}>
          {t('plan.self.progress', { rated, total: plan.criteria.length })}
        </Badge>
      </Group>
      {plan.criteria.length === 0 ? <Text c="dimmed">{t('plan.self.noRubric')}</Text> : null}
      {plan.criteria.map((c) => (
        <CriterionRating key={c.itemId} plan={plan} criterion={c} evidenceOptions={options} />
      ))}
    </Stack>
  );
}
