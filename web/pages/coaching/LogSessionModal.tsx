import { Button, Checkbox, Group, NativeSelect, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_ACTIVITIES, COACHING_LIMITS, type CoachingActivity } from '../../../common/coaching.ts';
import { CreateCoachingLogInput, type CoachingLog, type CoachingPersonRef } from '../../../common/schemas/coaching.ts';
import { useCreateLog, useCycles, useFocusItems, usePlans } from '../../api/coaching.ts';
import { fromZoneInput, inputZoneHint, toZoneInput } from '../../app/format.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NonSchoolDayNote } from '../../components/NonSchoolDayNote.tsx';
import { personName } from '../../components/personName.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { activePlanFor } from './activePlan.ts';
import { focusLabel } from './format.ts';

interface Props {
  people: CoachingPersonRef[];
  attendeeIds?: string[];
  planId?: string;
  cycleId?: string;
  onClose: () => void;
  onSaved: (log: CoachingLog) => void;
}

/**
 * Logs a held session or schedules one (attendees are told). One column, so it works on a phone.
 * Without a `planId`, the plan follows the attendees picked (their active plan) until the coach picks one.
 */
export function LogSessionModal({ people, attendeeIds = [], planId = '', cycleId = '', onClose, onSaved }: Props) {
  const { t } = useTranslation('coaching');
  const create = useCreateLog();
  const focusItems = useFocusItems();
  const plans = usePlans();
  const cycles = useCycles({});
  const initialValues = {
    attendeeIds,
    status: 'held' as 'held' | 'scheduled',
    startsAt: toZoneInput(new Date()),
    durationMinutes: 45 as number | string,
    activity: 'observation' as CoachingActivity,
    focusItemId: '',
    planId,
    cycleId,
    notes: '',
    nextSteps: '',
  };
  /** The coach picked the plan (or the caller named it): it no longer follows the attendees. */
  const [planPicked, setPlanPicked] = useState(Boolean(planId));
  const planOf = (v: typeof initialValues) => (planPicked ? v.planId : activePlanFor(plans.data?.items ?? [], v.attendeeIds));
  const form = useForm({
    initialValues,
    ...schemaForm(CreateCoachingLogInput, t, {
      toInput: (v: typeof initialValues) => ({
        ...v,
        // Read as the district's wall time, whatever zone the browser runs in.
        startsAt: fromZoneInput(v.startsAt) ?? '',
        durationMinutes: Number(v.durationMinutes),
        focusItemId: v.focusItemId || null,
        planId: planOf(v) || null,
        cycleId: v.cycleId || null,
      }),
      check: (v) => ({ attendeeIds: v.attendeeIds.length === 0 ? t('form.pickAttendee') : undefined }),
    }),
  });
  const values = form.values;
  const myPlans = (plans.data?.items ?? []).filter(
    (p) => p.abilities.edit && p.status === 'active' && p.members.some((m) => values.attendeeIds.includes(m.id)),
  );
  const chosenPlanId = planOf(values);
  const myCycles = (cycles.data?.items ?? []).filter(
    (c) => c.abilities.edit && c.phase !== 'complete' && values.attendeeIds.includes(c.coachee.id),
  );

  const onSubmit = form.onSubmit(
    (input) => create.mutate(input, { onSuccess: onSaved, onError: (error) => form.setErrors(serverFieldErrors(t, error)) }),
    focusFirstError,
  );

  return (
    <AppModal opened onClose={onClose} title={t('form.logTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} />
          <Checkbox.Group label={t('form.attendees')} {...form.getInputProps('attendeeIds')} withAsterisk>
            <Stack gap={6} mt={6}>
              {people.map((p) => (
                <Checkbox key={p.id} value={p.id} label={personName(p)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <div>
            <Text size="sm" fw={500} id="log-kind">
              {t('form.kind')}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby="log-kind"
              {...form.getInputProps('status')}
              data={[
                { value: 'held', label: t('form.held') },
                { value: 'scheduled', label: t('form.scheduled') },
              ]}
            />
          </div>
          <TextInput
            type="datetime-local"
            label={t('form.startsAt')}
            description={inputZoneHint()}
            required
            {...form.getInputProps('startsAt')}
          />
          <NonSchoolDayNote value={values.startsAt} />
          <NumberInput label={t('form.duration')} min={5} max={480} step={5} {...form.getInputProps('durationMinutes')} />
          <NativeSelect
            label={t('form.activity')}
            {...form.getInputProps('activity')}
            data={COACHING_ACTIVITIES.map((a) => ({ value: a, label: t(`activity.${a}`) }))}
          />
          <NativeSelect
            label={t('form.focusItem')}
            {...form.getInputProps('focusItemId')}
            data={[
              { value: '', label: t('form.none') },
              ...(focusItems.data?.items ?? []).map((i) => ({ value: i.id, label: focusLabel(i) })),
            ]}
          />
          <NativeSelect
            label={t('form.plan')}
            {...form.getInputProps('planId')}
            value={chosenPlanId}
            onChange={(e) => {
              form.setFieldValue('planId', e.currentTarget.value);
              setPlanPicked(true);
            }}
            data={[{ value: '', label: t('form.none') }, ...myPlans.map((p) => ({ value: p.id, label: p.title }))]}
          />
          <NativeSelect
            label={t('form.cycle')}
            {...form.getInputProps('cycleId')}
            data={[
              { value: '', label: t('form.none') },
              ...myCycles.map((c) => ({ value: c.id, label: `${personName(c.coachee)} · ${t(`phase.${c.phase}`)}` })),
            ]}
          />
          <Textarea
            label={t('log.notes')}
            description={t('form.private', { count: COACHING_LIMITS.notesChars })}
            autosize
            minRows={3}
            {...form.getInputProps('notes')}
          />
          <Textarea label={t('log.nextSteps')} autosize minRows={2} {...form.getInputProps('nextSteps')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {values.status === 'held' ? t('form.saveHeld') : t('form.saveScheduled')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
