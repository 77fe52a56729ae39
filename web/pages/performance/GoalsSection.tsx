import { Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GoalInput, type PerformancePlan, type PlanGoal } from '../../../common/schemas/performance-plans.ts';
import { usePlanWrite } from '../../api/performance-plans.ts';
import { formatDate } from '../../app/format.ts';
import { focusFirstError } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DetailRow } from './DetailRow.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';

type GoalValues = {
  title: string;
  metric: string;
  baseline: string;
  baselineOn: string;
  target: string;
  dueOn: string;
  evidence: string;
  sharedWithCoach: boolean;
  alignedGoalId: string | null;
};

const toValues = (g?: PlanGoal): GoalValues => ({
  title: g?.title ?? '',
  metric: g?.metric ?? '',
  baseline: g?.baseline ?? '',
  baselineOn: g?.baselineOn ?? '',
  target: g?.target ?? '',
  dueOn: g?.dueOn ?? '',
  evidence: g?.evidence ?? '',
  sharedWithCoach: g?.sharedWithCoach ?? false,
  alignedGoalId: g?.alignedGoalId ?? null,
});

function GoalModal({ plan, goal, onClose }: { plan: PerformancePlan; goal?: PlanGoal; onClose: () => void }) {
  const { t } = useTranslation('performance');
  const write = usePlanWrite(plan.id);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<GoalValues>({
    initialValues: toValues(goal),
    validate: {
      title: (v) => (v.trim() ? null : t('plan.goals.titleRequired')),
      dueOn: (v, all) => (v && all.baselineOn && v < all.baselineOn ? t('plan.goals.dueBeforeBaseline') : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    const body = GoalInput.parse({ ...values, baselineOn: values.baselineOn || null, dueOn: values.dueOn || null });
    setBusy(true);
    setError(null);
    try {
      await (goal ? write('PUT', `/goals/${goal.id}`, { goal: body }) : write('POST', '/goals', { goal: body }));
      onClose();
    } catch (err) {
      setError(err); // The form keeps what was typed.
    } finally {
      setBusy(false);
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={goal ? t('plan.goals.edit') : t('plan.goals.add')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('plan.goals.title')} required maxLength={500} data-autofocus {...form.getInputProps('title')} />
          <TextInput label={t('plan.goals.metric')} maxLength={2000} {...form.getInputProps('metric')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('plan.goals.baseline')} maxLength={2000} {...form.getInputProps('baseline')} />
            <TextInput type="date" label={t('plan.goals.baselineOn')} {...form.getInputProps('baselineOn')} />
            <TextInput label={t('plan.goals.target')} maxLength={2000} {...form.getInputProps('target')} />
            <TextInput type="date" label={t('plan.goals.dueOn')} {...form.getInputProps('dueOn')} />
          </SimpleGrid>
          <Textarea label={t('plan.goals.evidence')} autosize minRows={2} maxLength={5000} {...form.getInputProps('evidence')} />
          <Select
            label={t('plan.goals.aligned')}
            description={t('plan.goals.alignedHelp')}
            clearable
            searchable
            nothingFoundMessage={t('plan.goals.alignedNone')}
            data={plan.alignableGoals.map((g) => ({ value: g.id, label: `${t(`plan.goals.level.${g.level}`)}: ${g.title}` }))}
            {...form.getInputProps('alignedGoalId')}
          />
          <Checkbox label={t('plan.goals.share')} {...form.getInputProps('sharedWithCoach', { type: 'checkbox' })} />
          <ErrorAlert error={error} />
          <FormModalFooter onCancel={onClose} saving={busy} submitLabel={t('plan.save')} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** Measurable goals: metric, baseline and its date, target, due date, evidence, alignment, sharing. */
export function GoalsSection({ plan }: { plan: PerformancePlan }) {
  const { t } = useTranslation('performance');
  const write = usePlanWrite(plan.id);
  const [editing, setEditing] = useState<PlanGoal | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const can = plan.abilities.editPlan;
  return (
    <Stack gap="sm" component="section" aria-labelledby="goals-heading">
      <Group justify="space-between">
        <Title order={2} size="h3" id="goals-heading">
          {t('plan.goals.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('plan.goals.count', { n: plan.goals.length, min: plan.template.minGoals, max: plan.template.maxGoals })}
        </Text>
      </Group>
      {plan.goals.length === 0 ? <Text c="dimmed">{t('plan.goals.none')}</Text> : null}
      {plan.goals.map((g) => (
        <Paper key={g.id} withBorder p="sm" radius="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Title order={3} size="h5">
              {g.title}
            </Title>
            {g.sharedWithCoach ? <Badge variant="light">{t('plan.goals.shared')}</Badge> : null}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
            <DetailRow label={t('plan.goals.metric')} value={g.metric} />
            <DetailRow
              label={t('plan.goals.baseline')}
              value={[g.baseline, g.baselineOn ? formatDate(g.baselineOn) : ''].filter(Boolean).join(' · ')}
            />
            <DetailRow label={t('plan.goals.target')} value={g.target} />
            <DetailRow label={t('plan.goals.dueOn')} value={g.dueOn ? formatDate(g.dueOn) : ''} />
            <DetailRow label={t('plan.goals.evidence')} value={g.evidence} />
            <DetailRow label={t('plan.goals.aligned')} value={g.alignedGoalTitle ?? ''} />
          </SimpleGrid>
          {can ? (
            <Group gap="xs" mt="xs">
              <Button size="xs" variant="default" onClick={() => setEditing(g)} aria-label={t('plan.goals.editNamed', { title: g.title })}>
                {t('plan.edit')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={t('plan.goals.removeNamed', { title: g.title })}
                onClick={() => void write('DELETE', `/goals/${g.id}`).catch(setError)}
              >
                {t('plan.remove')}
              </Button>
            </Group>
          ) : null}
        </Paper>
      ))}
      <ErrorAlert error={error} />
      {can && plan.goals.length < plan.template.maxGoals ? (
        <Group>
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('plan.goals.add')}
          </Button>
        </Group>
      ) : null}
      {editing ? <GoalModal plan={plan} goal={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
