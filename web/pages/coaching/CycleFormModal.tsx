import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CreateCoachingCycleInput, type CoachingCycleDetail, type CoachingPersonRef } from '../../../common/schemas/coaching.ts';
import { useCreateCycle, useFocusItems, usePlans } from '../../api/coaching.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { personName } from '../../components/personName.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
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
  const form = useForm({
    initialValues: { coacheeId: coacheeId || people[0]?.id || '', planId: '', focusItemId: '', goal: '' },
    ...schemaForm(CreateCoachingCycleInput, t, {
      toInput: (v: { coacheeId: string; planId: string; focusItemId: string; goal: string }) => ({
        ...v,
        planId: v.planId || null,
        focusItemId: v.focusItemId || null,
      }),
    }),
  });
  const values = form.values;
  const myPlans = (plans.data?.items ?? []).filter(
    (p) => p.abilities.edit && p.status === 'active' && p.members.some((m) => m.id === values.coacheeId),
  );

  const onSubmit = form.onSubmit(
    (input) => create.mutate(input, { onSuccess: onSaved, onError: (error) => form.setErrors(serverFieldErrors(t, error)) }),
    focusFirstError,
  );

  return (
    <AppModal opened onClose={onClose} title={t('cycle.newTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} />
          <NativeSelect
            label={t('cycle.coachee')}
            required
            {...form.getInputProps('coacheeId')}
            data={people.map((p) => ({ value: p.id, label: personName(p) }))}
          />
          <NativeSelect
            label={t('form.plan')}
            {...form.getInputProps('planId')}
            data={[{ value: '', label: t('form.none') }, ...myPlans.map((p) => ({ value: p.id, label: p.title }))]}
          />
          <NativeSelect
            label={t('form.focusItem')}
            {...form.getInputProps('focusItemId')}
            data={[
              { value: '', label: t('form.none') },
              ...(focusItems.data?.items ?? []).map((i) => ({ value: i.id, label: focusLabel(i) })),
            ]}
          />
          <Textarea label={t('cycle.goal')} required autosize minRows={2} {...form.getInputProps('goal')} data-autofocus />
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
