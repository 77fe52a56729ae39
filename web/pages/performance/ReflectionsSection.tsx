import { Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PerformancePlan } from '../../../common/schemas/performance-plans.ts';
import { usePlanWrite } from '../../api/performance-plans.ts';
import { PlanSaveStatus } from './PlanSaveStatus.tsx';
import { usePlanAutosave } from './usePlanAutosave.ts';

/** One reflection per template section, saved as the person types. */
export function ReflectionsSection({ plan }: { plan: PerformancePlan }) {
  const { t } = useTranslation('performance');
  const write = usePlanWrite(plan.id);
  const [text, setText] = useState<Record<string, string>>(plan.reflections);
  const autosave = usePlanAutosave<Record<string, string>>(plan.id, (reflections) => write('PUT', '/reflections', { reflections }));
  if (plan.template.sections.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="reflections-heading">
      <Title order={2} size="h3" id="reflections-heading">
        {t('plan.reflections.heading')}
      </Title>
      {plan.template.sections.map((s) => (
        <Textarea
          key={s.key}
          label={s.title}
          description={s.prompt}
          value={text[s.key] ?? ''}
          onChange={(e) => {
            const next = { ...text, [s.key]: e.currentTarget.value };
            setText(next);
            autosave.change(next);
          }}
          readOnly={!plan.abilities.editPlan}
          autosize
          minRows={3}
          maxLength={20_000}
        />
      ))}
      <PlanSaveStatus state={autosave.state} onRetry={autosave.retry} onKeepMine={autosave.keepMine} onUseTheirs={autosave.useTheirs} />
    </Stack>
  );
}
