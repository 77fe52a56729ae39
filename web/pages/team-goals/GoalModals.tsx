import { Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PROGRESS_STATUSES } from '../../../common/performance.ts';
import { CheckInInput, CreateGoalInput, type SchoolGoals, type TeamGoal } from '../../../common/schemas/team-goals.ts';
import { useCheckIn, useCreateGoal } from '../../api/team-goals.ts';
import { schoolYearOf } from '../../../common/schemas/settings.ts';
import { todayIso } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';

export const STATUS_COLOR: Record<string, string> = {
  not_started: 'gray',
  on_track: 'green',
  at_risk: 'yellow',
  off_track: 'red',
  done: 'blue',
};

/** This school year and its neighbours (and the one shown, if another), for a year filter. */
export function schoolYearChoices(shown: string): string[] {
  const start = Number(schoolYearOf(todayIso()).slice(0, 4));
  const years = [start - 1, start, start + 1].map((y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`);
  return [...new Set([...years, shown])];
}

interface GoalValues {
  title: string;
  metric: string;
  baseline: string;
  target: string;
  dueOn: string;
  priorityId: string | null;
  parentGoalId: string | null;
  teamId: string | null;
}

/** A new school goal (tied to a priority, aligned to a district goal) or team goal (aligned to a school goal). */
export function GoalModal({
  view,
  level,
  defaults,
  onClose,
}: {
  view: SchoolGoals;
  level: 'school' | 'team';
  defaults: Partial<GoalValues>;
  onClose: () => void;
}) {
  const { t } = useTranslation('performance');
  const create = useCreateGoal();
  const form = useForm({
    initialValues: {
      title: '',
      metric: '',
      baseline: '',
      target: '',
      dueOn: '',
      priorityId: null,
      parentGoalId: null,
      teamId: null,
      ...defaults,
    } as GoalValues,
    ...schemaForm(CreateGoalInput, t, {
      toInput: (v: GoalValues) => ({ ...v, level, schoolYear: view.schoolYear, orgUnitId: view.school.id, dueOn: v.dueOn || null }),
      check: (v) => ({
        priorityId: level === 'school' && !v.priorityId ? t('teamGoals.form.priorityRequired') : undefined,
        teamId: level === 'team' && !v.teamId ? t('teamGoals.form.teamRequired') : undefined,
      }),
    }),
  });
  const parents =
    level === 'school'
      ? view.districtGoals.map((g) => ({ value: g.id, label: g.title }))
      : view.goals.filter((g) => g.level === 'school').map((g) => ({ value: g.id, label: g.title }));
  const submit = form.onSubmit(
    (input) => create.mutate(input, { onSuccess: () => (notifySuccess(t('teamGoals.form.saved')), onClose()) }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t(level === 'school' ? 'teamGoals.addSchoolGoal' : 'teamGoals.addTeamGoal')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {level === 'team' ? (
            <Select
              label={t('teamGoals.form.team')}
              required
              data={view.teams.map((tm) => ({ value: tm.id, label: tm.name }))}
              {...form.getInputProps('teamId')}
            />
          ) : null}
          <TextInput label={t('teamGoals.form.title')} required maxLength={300} data-autofocus {...form.getInputProps('title')} />
          <Select
            label={t('teamGoals.form.priority')}
            required={level === 'school'}
            clearable={level === 'team'}
            data={view.priorities.map((p) => ({ value: p.id, label: `${p.position + 1}. ${p.title}` }))}
            {...form.getInputProps('priorityId')}
          />
          <Select
            label={t(level === 'school' ? 'teamGoals.form.parentDistrict' : 'teamGoals.form.parentSchool')}
            clearable
            data={parents}
            {...form.getInputProps('parentGoalId')}
          />
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

/** A quarterly check-in on a goal: status, date and a note. */
export function CheckInModal({ goal, onClose }: { goal: Pick<TeamGoal, 'id' | 'title' | 'latestCheckIn'>; onClose: () => void }) {
  const { t } = useTranslation('performance');
  const checkIn = useCheckIn(goal.id);
  const form = useForm({
    initialValues: { status: goal.latestCheckIn?.status ?? 'on_track', checkedOn: todayIso(), note: '' },
    ...schemaForm(CheckInInput, t),
  });
  const submit = form.onSubmit(
    (input) => checkIn.mutate(input, { onSuccess: () => (notifySuccess(t('teamGoals.checkIn.saved')), onClose()) }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t('teamGoals.checkIn.title', { goal: goal.title })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('teamGoals.checkIn.status')}
            required
            allowDeselect={false}
            data={PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`teamGoals.status.${s}`) }))}
            {...form.getInputProps('status')}
          />
          <TextInput type="date" label={t('teamGoals.checkIn.date')} required {...form.getInputProps('checkedOn')} />
          <Textarea label={t('teamGoals.checkIn.note')} autosize minRows={3} {...form.getInputProps('note')} />
          <ErrorAlert error={checkIn.error} />
          <FormModalFooter onCancel={onClose} saving={checkIn.isPending} submitLabel={t('teamGoals.checkIn.record')} />
        </Stack>
      </form>
    </AppModal>
  );
}
