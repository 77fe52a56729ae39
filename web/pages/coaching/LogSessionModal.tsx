import { Button, Checkbox, Group, NativeSelect, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_ACTIVITIES, COACHING_LIMITS, type CoachingActivity } from '../../../common/coaching.ts';
import { CreateCoachingLogInput, type CoachingLog, type CoachingPersonRef } from '../../../common/schemas/coaching.ts';
import { useCreateLog, useCycles, useFocusItems, usePlans } from '../../api/coaching.ts';
import { fromZoneInput, inputZoneHint, toZoneInput } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NonSchoolDayNote } from '../../components/NonSchoolDayNote.tsx';
import { personName } from '../../components/personName.ts';
import { serverFieldErrors, validate, type FieldErrors } from '../../components/validation.ts';
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
  const [values, setValues] = useState({
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
  });
  /** The coach picked the plan (or the caller named it): it no longer follows the attendees. */
  const [planPicked, setPlanPicked] = useState(Boolean(planId));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const myPlans = (plans.data?.items ?? []).filter(
    (p) => p.abilities.edit && p.status === 'active' && p.members.some((m) => values.attendeeIds.includes(m.id)),
  );
  const chosenPlanId = planPicked ? values.planId : activePlanFor(plans.data?.items ?? [], values.attendeeIds);
  const myCycles = (cycles.data?.items ?? []).filter((c) => c.abilities.edit && c.phase !== 'complete' && values.attendeeIds.includes(c.coachee.id));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Read as the district's wall time, whatever zone the browser runs in.
    const startsAt = fromZoneInput(values.startsAt) ?? '';
    const input = {
      ...values,
      startsAt,
      durationMinutes: Number(values.durationMinutes),
      focusItemId: values.focusItemId || null,
      planId: chosenPlanId || null,
      cycleId: values.cycleId || null,
    };
    const result = validate(CreateCoachingLogInput, input, t);
    const fieldErrors = result.ok ? {} : result.errors;
    if (values.attendeeIds.length === 0) fieldErrors.attendeeIds = t('form.pickAttendee');
    setErrors(fieldErrors);
    if (!result.ok || Object.keys(fieldErrors).length) return;
    create.mutate(result.data, { onSuccess: onSaved, onError: (error) => setErrors(serverFieldErrors(t, error)) });
  };

  return (
    <AppModal opened onClose={onClose} title={t('form.logTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} />
          <Checkbox.Group label={t('form.attendees')} value={values.attendeeIds} onChange={(ids) => set('attendeeIds', ids)} error={errors.attendeeIds} withAsterisk>
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
              value={values.status}
              onChange={(v) => set('status', v as 'held' | 'scheduled')}
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
            value={values.startsAt}
            onChange={(e) => set('startsAt', e.currentTarget.value)}
            error={errors.startsAt}
          />
          <NonSchoolDayNote value={values.startsAt} />
          <NumberInput label={t('form.duration')} min={5} max={480} step={5} value={values.durationMinutes} onChange={(v) => set('durationMinutes', v)} error={errors.durationMinutes} />
          <NativeSelect
            label={t('form.activity')}
            value={values.activity}
            onChange={(e) => set('activity', e.currentTarget.value as CoachingActivity)}
            data={COACHING_ACTIVITIES.map((a) => ({ value: a, label: t(`activity.${a}`) }))}
          />
          <NativeSelect
            label={t('form.focusItem')}
            value={values.focusItemId}
            onChange={(e) => set('focusItemId', e.currentTarget.value)}
            data={[{ value: '', label: t('form.none') }, ...(focusItems.data?.items ?? []).map((i) => ({ value: i.id, label: focusLabel(i) }))]}
          />
          <NativeSelect
            label={t('form.plan')}
            value={chosenPlanId}
            onChange={(e) => {
              set('planId', e.currentTarget.value);
              setPlanPicked(true);
            }}
            error={errors.planId}
            data={[{ value: '', label: t('form.none') }, ...myPlans.map((p) => ({ value: p.id, label: p.title }))]}
          />
          <NativeSelect
            label={t('form.cycle')}
            value={values.cycleId}
            onChange={(e) => set('cycleId', e.currentTarget.value)}
            error={errors.cycleId}
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
            value={values.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={errors.notes}
          />
          <Textarea label={t('log.nextSteps')} autosize minRows={2} value={values.nextSteps} onChange={(e) => set('nextSteps', e.currentTarget.value)} error={errors.nextSteps} />
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
