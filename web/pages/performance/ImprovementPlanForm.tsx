import { Button, Checkbox, Fieldset, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ImprovementPlanFields, type ImprovementPlan } from '../../../common/schemas/professionalism.ts';
import { isApiError } from '../../api/client.ts';
import { useUpdateImprovementPlan } from '../../api/professionalism.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';

type Values = Pick<ImprovementPlan, 'startsOn' | 'endsOn' | 'goals' | 'supports' | 'checkDates'>;

/** The plan's dates, goals, supports and check dates (with notes), edited until the plan closes. */
export function ImprovementPlanForm({ plan }: { plan: ImprovementPlan }) {
  const { t } = useTranslation('performance');
  const update = useUpdateImprovementPlan(plan.id);
  const initialValues: Values = {
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    goals: plan.goals,
    supports: plan.supports,
    checkDates: plan.checkDates,
  };
  const form = useForm({
    initialValues,
    ...schemaForm(ImprovementPlanFields, t),
  });
  const onSubmit = form.onSubmit(async (input) => {
    try {
      await update.mutateAsync({ ...input, version: plan.version });
      notifySuccess(t('professionalism.saved'));
    } catch (error) {
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  const remove = (path: keyof Values, index: number, label: string) => (
    <Button
      variant="subtle"
      color="red"
      size="xs"
      aria-label={`${t('professionalism.remove')}: ${label}`}
      onClick={() => form.removeListItem(path, index)}
    >
      {t('professionalism.remove')}
    </Button>
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Group grow wrap="wrap">
          <TextInput type="date" label={t('professionalism.startsOn')} required {...form.getInputProps('startsOn')} />
          <TextInput type="date" label={t('professionalism.endsOn')} required {...form.getInputProps('endsOn')} />
        </Group>
        <Fieldset legend={t('professionalism.goals')}>
          <Stack gap="sm">
            {form.values.goals.map((_, i) => (
              <Stack key={i} gap={4}>
                <Textarea
                  label={t('professionalism.goal', { n: i + 1 })}
                  required
                  autosize
                  minRows={1}
                  {...form.getInputProps(`goals.${i}.text`)}
                />
                <TextInput label={t('professionalism.measure')} {...form.getInputProps(`goals.${i}.measure`)} />
                <Group>{remove('goals', i, t('professionalism.goal', { n: i + 1 }))}</Group>
              </Stack>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => form.insertListItem('goals', { text: '', measure: '' })}>
                {t('professionalism.addGoal')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('professionalism.supports')}>
          <Stack gap="sm">
            {form.values.supports.map((_, i) => (
              <Stack key={i} gap={4}>
                <Textarea
                  label={t('professionalism.support', { n: i + 1 })}
                  required
                  autosize
                  minRows={1}
                  {...form.getInputProps(`supports.${i}.text`)}
                />
                <TextInput label={t('professionalism.supportOwner')} {...form.getInputProps(`supports.${i}.owner`)} />
                <Group>{remove('supports', i, t('professionalism.support', { n: i + 1 }))}</Group>
              </Stack>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => form.insertListItem('supports', { text: '', owner: '' })}>
                {t('professionalism.addSupport')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('professionalism.checkDates')}>
          <Stack gap="sm">
            {form.values.checkDates.map((_, i) => (
              <Stack key={i} gap={4}>
                <TextInput
                  type="date"
                  label={t('professionalism.checkDate', { n: i + 1 })}
                  required
                  {...form.getInputProps(`checkDates.${i}.on`)}
                />
                <Textarea label={t('professionalism.checkNote')} autosize minRows={1} {...form.getInputProps(`checkDates.${i}.note`)} />
                <Checkbox label={t('professionalism.held')} {...form.getInputProps(`checkDates.${i}.held`, { type: 'checkbox' })} />
                <Group>{remove('checkDates', i, t('professionalism.checkDate', { n: i + 1 }))}</Group>
              </Stack>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => form.insertListItem('checkDates', { on: form.values.startsOn, note: '', held: false })}
              >
                {t('professionalism.addCheckDate')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <ErrorAlert
          error={update.error && isApiError(update.error, 'conflict') ? new Error(t('professionalism.conflict')) : update.error}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('professionalism.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
