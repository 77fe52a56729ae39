import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_ACTIVITIES, COACHING_PLAN_STATUSES, type CoachingActivity } from '../../../common/coaching.ts';
import { CreateCoachingPlanInput, type CoachingPersonRef, type CoachingPlan } from '../../../common/schemas/coaching.ts';
import { isApiError } from '../../api/client.ts';
import { useCreatePlan, useFocusItems, useUpdatePlan } from '../../api/coaching.ts';
import { addMonths, todayIso } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { personName } from '../../components/personName.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { focusLabel } from './format.ts';

type Phase = { startsOn: string; sessionsPerMonth: number | string; criterion: string };

const inMonths = (iso: string, months: number) => addMonths(iso, months);

function valuesOf(plan: CoachingPlan | undefined, memberIds: string[]) {
  const start = plan?.startsOn ?? todayIso();
  return {
    title: plan?.title ?? '',
    memberIds: plan?.members.map((m) => m.id) ?? memberIds,
    focusItemIds: plan?.focusItems.map((i) => i.id) ?? [],
    focusComponents: plan?.focusComponents ?? [],
    activities: (plan?.activities ?? []) as string[],
    sessionMinutes: (plan?.sessionMinutes ?? 45) as number | string,
    startsOn: start,
    endsOn: plan?.endsOn ?? inMonths(start, 9),
    phases: (
      plan?.phases ?? [
        { startsOn: start, sessionsPerMonth: 4, criterion: '' },
        { startsOn: inMonths(start, 3), sessionsPerMonth: 2, criterion: '' },
      ]
    ).map((p): Phase => ({ startsOn: p.startsOn, sessionsPerMonth: p.sessionsPerMonth, criterion: p.criterion ?? '' })),
    reviewDates: plan?.reviewDates ?? [],
    status: plan?.status ?? 'active',
  };
}

/** A coaching service delivery plan: who, focus, activities, frequency fading by phase, reviews. */
export function PlanFormModal({
  people,
  plan,
  memberIds = [],
  onClose,
  onSaved,
}: {
  people: CoachingPersonRef[];
  plan?: CoachingPlan;
  memberIds?: string[];
  onClose: () => void;
  onSaved: (plan: CoachingPlan) => void;
}) {
  const { t } = useTranslation('coaching');
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const focusItems = useFocusItems();
  const [version, setVersion] = useState(plan?.version);
  const form = useForm({
    initialValues: valuesOf(plan, memberIds),
    ...schemaForm(CreateCoachingPlanInput, t, {
      toInput: (v: ReturnType<typeof valuesOf>) => ({
        ...v,
        activities: v.activities as CoachingActivity[],
        sessionMinutes: v.sessionMinutes === '' ? null : Number(v.sessionMinutes),
        phases: v.phases.map((p) => ({
          startsOn: p.startsOn,
          sessionsPerMonth: Number(p.sessionsPerMonth),
          criterion: p.criterion.trim() || null,
        })),
        reviewDates: v.reviewDates.length ? v.reviewDates : undefined,
      }),
    }),
  });
  const values = form.values;
  const mutation = plan ? update : create;
  const conflict = isApiError(update.error, 'conflict')
    ? ((update.error.details as { current?: CoachingPlan } | null)?.current ?? null)
    : null;
  const choices = [...people, ...(plan?.members ?? []).filter((m) => !people.some((p) => p.id === m.id))];

  const onSubmit = form.onSubmit((input) => {
    const options = { onSuccess: onSaved, onError: (error: unknown) => form.setErrors(serverFieldErrors(t, error)) };
    if (plan && version)
      update.mutate({ id: plan.id, version, ...input, reviewDates: input.reviewDates ?? [], status: values.status }, options);
    else create.mutate(input, options);
  }, focusFirstError);

  return (
    <AppModal opened onClose={onClose} title={plan ? t('plan.editTitle') : t('plan.newTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {conflict ? <ErrorAlert error={update.error} title={t('conflict.title')} /> : <ErrorAlert error={mutation.error} />}
          {conflict ? (
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                form.setValues(valuesOf(conflict, []));
                setVersion(conflict.version);
                update.reset();
              }}
            >
              {t('conflict.loadTheirs')}
            </Button>
          ) : null}
          <TextInput label={t('plan.title')} required {...form.getInputProps('title')} data-autofocus />
          <Checkbox.Group label={t('plan.members')} withAsterisk {...form.getInputProps('memberIds')}>
            <Stack gap={6} mt={6}>
              {choices.map((p) => (
                <Checkbox key={p.id} value={p.id} label={personName(p)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <MultiSelect
            label={t('plan.focusItems')}
            searchable
            {...form.getInputProps('focusItemIds')}
            data={(focusItems.data?.items ?? []).map((i) => ({ value: i.id, label: focusLabel(i) }))}
          />
          <TagsInput
            label={t('plan.focusComponents')}
            description={t('plan.focusComponentsHelp')}
            {...form.getInputProps('focusComponents')}
          />
          <Checkbox.Group label={t('plan.activities')} {...form.getInputProps('activities')}>
            <Group gap="sm" mt={6}>
              {COACHING_ACTIVITIES.map((a) => (
                <Checkbox key={a} value={a} label={t(`activity.${a}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <NumberInput label={t('plan.sessionMinutes')} min={5} max={480} step={5} {...form.getInputProps('sessionMinutes')} />
          <Group grow>
            <TextInput type="date" label={t('plan.startsOn')} required {...form.getInputProps('startsOn')} />
            <TextInput type="date" label={t('plan.endsOn')} required {...form.getInputProps('endsOn')} />
          </Group>
          <Fieldset legend={t('plan.phases')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('plan.phasesHelp')}
            </Text>
            <Stack gap="sm">
              {values.phases.map((p, i) => (
                <Stack key={i} gap={4}>
                  <Group grow align="flex-end">
                    <TextInput type="date" label={t('plan.phaseStarts', { n: i + 1 })} {...form.getInputProps(`phases.${i}.startsOn`)} />
                    <NumberInput label={t('plan.perMonth')} min={0} max={40} {...form.getInputProps(`phases.${i}.sessionsPerMonth`)} />
                  </Group>
                  <Group align="flex-end" wrap="nowrap">
                    <TextInput style={{ flex: 1 }} label={t('plan.criterion')} {...form.getInputProps(`phases.${i}.criterion`)} />
                    {values.phases.length > 1 ? (
                      <ActionIcon
                        variant="default"
                        size="lg"
                        aria-label={t('plan.removePhase', { n: i + 1 })}
                        onClick={() => form.removeListItem('phases', i)}
                      >
                        ×
                      </ActionIcon>
                    ) : null}
                  </Group>
                </Stack>
              ))}
              <Button
                variant="default"
                size="xs"
                onClick={() => form.insertListItem('phases', { startsOn: values.endsOn, sessionsPerMonth: 1, criterion: '' })}
              >
                {t('plan.addPhase')}
              </Button>
            </Stack>
          </Fieldset>
          <TagsInput
            label={t('plan.reviewDates')}
            description={t('plan.reviewDatesHelp')}
            {...form.getInputProps('reviewDates')}
            onChange={(v) =>
              form.setFieldValue(
                'reviewDates',
                v.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)),
              )
            }
          />
          {plan ? (
            <NativeSelect
              label={t('plan.status')}
              {...form.getInputProps('status')}
              data={COACHING_PLAN_STATUSES.map((s) => ({ value: s, label: t(`planStatus.${s}`) }))}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
