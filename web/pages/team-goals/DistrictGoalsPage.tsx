import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PROGRESS_STATUSES } from '../../../common/performance.ts';
import { schoolYearOf } from '../../../common/schemas/settings.ts';
import { CreateGoalInput, type DistrictGoals } from '../../../common/schemas/team-goals.ts';
import { useCreateGoal, useDistrictGoals } from '../../api/team-goals.ts';
import { formatNumber, todayIso } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx';
import { GoalCardFrame } from './GoalCardFrame.tsx';
import { CheckInModal, schoolYearChoices } from './GoalModals.tsx';

type DistrictGoal = DistrictGoals['items'][number];

/** A new district goal: what the district aims at this year, with its measure, baseline, target and due date. */
function DistrictGoalModal({ schoolYear, onClose }: { schoolYear: string; onClose: () => void }) {
  const { t } = useTranslation('performance');
  const create = useCreateGoal();
  const form = useForm({
    initialValues: { title: '', metric: '', baseline: '', target: '', dueOn: '' },
    ...schemaForm(CreateGoalInput, t, {
      toInput: (v: { title: string; metric: string; baseline: string; target: string; dueOn: string }) => ({
        ...v,
        level: 'district' as const,
        schoolYear,
        dueOn: v.dueOn || null,
      }),
    }),
  });
  const submit = form.onSubmit(
    (input) => create.mutate(input, { onSuccess: () => (notifySuccess(t('teamGoals.form.saved')), onClose()) }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t('districtGoals.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('teamGoals.form.title')} required maxLength={300} data-autofocus {...form.getInputProps('title')} />
          <TextInput label={t('teamGoals.form.metric')} {...form.getInputProps('metric')} />
          <Group grow>
            <TextInput label={t('teamGoals.form.baseline')} {...form.getInputProps('baseline')} />
            <TextInput label={t('teamGoals.form.target')} {...form.getInputProps('target')} />
          </Group>
          <TextInput type="date" label={t('teamGoals.form.dueOn')} {...form.getInputProps('dueOn')} />
          <ErrorAlert error={create.error} />
          <FormModalFooter onCancel={onClose} saving={create.isPending} submitLabel={t('teamGoals.save')} />
        </Stack>
      </form>
    </AppModal>
  );
}

function DistrictGoalCard({ goal, onCheckIn }: { goal: DistrictGoal; onCheckIn: (g: DistrictGoal) => void }) {
  const { t } = useTranslation('performance');
  const rolledUp = PROGRESS_STATUSES.filter((s) => goal.childStatuses[s]);
  return (
    <GoalCardFrame goal={goal} title={goal.title}>
      <Text size="sm">
        {goal.children === 0
          ? t('districtGoals.noChildren')
          : t('districtGoals.children', {
              count: goal.children,
              n: formatNumber(goal.children),
              statuses: rolledUp.map((s) => `${t(`teamGoals.status.${s}`)}: ${formatNumber(goal.childStatuses[s]!)}`).join(', '),
            })}
      </Text>
      {goal.can.edit ? (
        <Group>
          <Button size="xs" variant="default" onClick={() => onCheckIn(goal)}>
            {t('teamGoals.checkIn.record')}
          </Button>
        </Group>
      ) : null}
    </GoalCardFrame>
  );
}

/**
 * /district-goals: the district's goals for a school year, each with the school and team goals
 * aligned to it rolled up by their latest status. Everyone in the district reads them; HR and
 * admins add goals and record check-ins.
 */
export default function DistrictGoalsPage() {
  const { t } = useTranslation('performance');
  const [params, setParams] = useSearchParams();
  const schoolYear = params.get('schoolYear') ?? schoolYearOf(todayIso());
  const goals = useDistrictGoals(schoolYear);
  const [adding, setAdding] = useState(false);
  const [checking, setChecking] = useState<DistrictGoal | null>(null);
  usePageTitle(t('districtGoals.title'));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('districtGoals.title')}
        subtitle={t('districtGoals.subtitle')}
        actions={
          <Group align="flex-end">
            <Select
              label={t('teamGoals.schoolYear')}
              allowDeselect={false}
              w={140}
              data={schoolYearChoices(schoolYear)}
              value={schoolYear}
              onChange={(v) => v && setParams({ schoolYear: v })}
            />
            {goals.data?.can.edit ? <Button onClick={() => setAdding(true)}>{t('districtGoals.add')}</Button> : null}
          </Group>
        }
      />
      {goals.error ? <ErrorAlert error={goals.error} /> : null}
      {!goals.data ? (
        goals.error ? null : (
          <Loading />
        )
      ) : goals.data.items.length === 0 ? (
        <Text>{t('districtGoals.none', { year: goals.data.schoolYear })}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('districtGoals.title')}>
          {goals.data.items.map((g) => (
            <DistrictGoalCard key={g.id} goal={g} onCheckIn={setChecking} />
          ))}
        </Stack>
      )}
      {adding ? <DistrictGoalModal schoolYear={schoolYear} onClose={() => setAdding(false)} /> : null}
      {checking ? <CheckInModal goal={checking} onClose={() => setChecking(null)} /> : null}
    </Stack>
  );
}
