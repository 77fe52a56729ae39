import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateCoachingCycleInput, type CoachingCycleDetail, type CoachingPersonRef } from '../../../common/schemas/coaching.ts';
import { useCreateCycle, useFocusItems, usePlans } from '../../api/coaching.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { personName } from '../../components/personName.ts';
import { serverFieldErrors, validate, type FieldErrors } from '../../components/validation.ts';
import { focusLabel } from './format.ts';

/** Starts a coaching cycle (identify -> learn -> improve) for one coachee, with a goal. */
export function CycleFormModal({
  people,
  coacheeId = '',
  onClose,
  onSaved,
}: {
  people: CoachingPersonRef[];
  coacheeId?: string;
  onClose: () => void;
  onSaved: (cycle: CoachingCycleDetail) => void;
}) {
  const { t } = useTranslation('coaching');
  const create = useCreateCycle();
  const focusItems = useFocusItems();
  const plans = usePlans();
  const [values, setValues] = useState({ coacheeId: coacheeId || people[0]?.id || '', planId: '', focusItemId: '', goal: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const myPlans = (plans.data?.items ?? []).filter((p) => p.abilities.edit && p.status === 'active' && p.members.some((m) => m.id === values.coacheeId));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(CreateCoachingCycleInput, { ...values, planId: values.planId || null, focusItemId: values.focusItemId || null }, t);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return;
    create.mutate(result.data, { onSuccess: onSaved, onError: (error) => setErrors(serverFieldErrors(t, error)) });
  };

  return (
    <AppModal opened onClose={onClose} title={t('cycle.newTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} />
          <NativeSelect
            label={t('cycle.coachee')}
            required
            value={values.coacheeId}
            onChange={(e) => set('coacheeId', e.currentTarget.value)}
            data={people.map((p) => ({ value: p.id, label: personName(p) }))}
          />
          <NativeSelect
            label={t('form.plan')}
            value={values.planId}
            onChange={(e) => set('planId', e.currentTarget.value)}
            error={errors.planId}
            data={[{ value: '', label: t('form.none') }, ...myPlans.map((p) => ({ value: p.id, label: p.title }))]}
          />
          <NativeSelect
            label={t('form.focusItem')}
            value={values.focusItemId}
            onChange={(e) => set('focusItemId', e.currentTarget.value)}
            data={[{ value: '', label: t('form.none') }, ...(focusItems.data?.items ?? []).map((i) => ({ value: i.id, label: focusLabel(i) }))]}
          />
          <Textarea label={t('cycle.goal')} required autosize minRows={2} value={values.goal} onChange={(e) => set('goal', e.currentTarget.value)} error={errors.goal} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('cycle.start')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
