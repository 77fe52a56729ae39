import { Alert, Button, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { FocusItemRef } from '../../../common/schemas/coaching.ts';
import { CreateTrainingSessionsInput, type TrainingSession } from '../../../common/schemas/training-sessions.ts';
import { isApiError } from '../../api/client.ts';
import { useCreateTrainingSessions, useUpdateTrainingSession } from '../../api/drivers.ts';
import { fromZoneInput, inputZoneHint, toZoneInput } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';

interface Values {
  topic: string;
  itemId: string | null;
  trainerName: string;
  trainerQualification: string;
  durationMinutes: number;
  location: string;
  outcomes: string;
  measures: string;
  /** District wall times (datetime-local values). */
  times: string[];
}

const toInput = (v: Values) => {
  const { times, ...rest } = v;
  return { ...rest, startsAt: times.map((x) => fromZoneInput(x) ?? x) };
};

/** Schedules a topic at one or more times (one session each), or edits one session (`session`). */
export function SessionFormModal({
  initiativeId,
  components,
  session,
  onClose,
}: {
  initiativeId: string;
  components: FocusItemRef[];
  session: TrainingSession | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('implementation');
  const create = useCreateTrainingSessions(initiativeId);
  const update = useUpdateTrainingSession(initiativeId);
  const initialValues: Values = {
    topic: session?.topic ?? '',
    itemId: session?.item?.id ?? null,
    trainerName: session?.trainerName ?? '',
    trainerQualification: session?.trainerQualification ?? '',
    durationMinutes: session?.durationMinutes ?? 180,
    location: session?.location ?? '',
    outcomes: session?.outcomes ?? '',
    measures: session?.measures ?? '',
    times: [session ? toZoneInput(session.startsAt) : ''],
  };
  const form = useForm({
    initialValues,
    ...schemaForm(CreateTrainingSessionsInput, t, { toInput }),
  });
  const error = create.error ?? update.error;
  const onSubmit = form.onSubmit(async (input) => {
    try {
      if (session) {
        const { startsAt, ...fields } = input;
        await update.mutateAsync({ ...fields, startsAt: startsAt[0]!, version: session.version, sessionId: session.id });
        notifySuccess(t('driverPlans.training.saved'));
      } else {
        const created = await create.mutateAsync(input);
        notifySuccess(t('driverPlans.training.created', { count: created.items.length }));
      }
      onClose();
    } catch (err) {
      const fields = serverFieldErrors(t, err);
      if (fields.startsAt) fields['times.0'] = fields.startsAt;
      form.setErrors(fields);
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={session ? t('driverPlans.training.editTitle') : t('driverPlans.training.add')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('driverPlans.training.topic')} required {...form.getInputProps('topic')} />
          <Select
            label={t('driverPlans.training.component')}
            placeholder={t('driverPlans.training.noComponent')}
            clearable
            searchable
            data={components.map((c) => ({ value: c.id, label: c.code ? `${c.code} ${c.statement}` : c.statement }))}
            {...form.getInputProps('itemId')}
          />
          <Group grow>
            <TextInput label={t('driverPlans.training.trainer')} required {...form.getInputProps('trainerName')} />
            <TextInput label={t('driverPlans.training.qualification')} {...form.getInputProps('trainerQualification')} />
          </Group>
          {form.values.times.map((_, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                type="datetime-local"
                required
                label={`${t('driverPlans.training.startsAt')} ${form.values.times.length > 1 ? i + 1 : ''}`.trim()}
                description={i === 0 ? inputZoneHint() : undefined}
                {...form.getInputProps(`times.${i}`)}
                error={form.errors[`times.${i}`] ?? form.errors[`startsAt.${i}`]}
              />
              {form.values.times.length > 1 ? (
                <Button variant="subtle" color="red" onClick={() => form.removeListItem('times', i)}>
                  {t('driverPlans.training.removeTime', { n: i + 1 })}
                </Button>
              ) : null}
            </Group>
          ))}
          {!session ? (
            <Group>
              <Button variant="default" size="xs" onClick={() => form.insertListItem('times', '')}>
                {t('driverPlans.training.addTime')}
              </Button>
            </Group>
          ) : null}
          <Group grow>
            <NumberInput label={t('driverPlans.training.duration')} min={15} max={1440} {...form.getInputProps('durationMinutes')} />
            <TextInput label={t('driverPlans.training.location')} {...form.getInputProps('location')} />
          </Group>
          <Textarea label={t('driverPlans.training.outcomes')} autosize minRows={2} {...form.getInputProps('outcomes')} />
          <Textarea label={t('driverPlans.training.measures')} autosize minRows={2} {...form.getInputProps('measures')} />
          {isApiError(error, 'conflict') ? (
            <Alert color="orange" role="alert">
              {t('driverPlans.training.conflict')}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <FormModalFooter onCancel={onClose} saving={create.isPending || update.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
