import { Alert, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { FocusItemRef } from '../../../common/schemas/coaching.ts';
import { AssignInitiativeCoachingInput, type CoachingAssignment } from '../../../common/schemas/initiative-coaching.ts';
import { isApiError } from '../../api/client.ts';
import { useAssignInitiativeCoaching, useUpdateInitiativeCoaching } from '../../api/drivers.ts';
import { todayIso } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { personName } from '../../components/personName.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { PeopleMultiPicker } from './PeopleMultiPicker.tsx';

interface Values {
  coachPersonId: string | null;
  personIds: string[];
  itemId: string | null;
  startsOn: string;
  endsOn: string;
}

const componentOptions = (components: FocusItemRef[]) =>
  components.map((c) => ({ value: c.id, label: c.code ? `${c.code} ${c.statement}` : c.statement }));

/** One coach, many teachers of the covered schools, on one component; or (`assignment`) the next component, new dates, an end. */
export function AssignCoachingModal({
  initiativeId,
  components,
  assignment,
  onClose,
}: {
  initiativeId: string;
  components: FocusItemRef[];
  assignment: CoachingAssignment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('implementation');
  const assign = useAssignInitiativeCoaching(initiativeId);
  const update = useUpdateInitiativeCoaching(initiativeId);
  const check = (v: Values) => ({ endsOn: v.endsOn && v.endsOn < v.startsOn ? t('driverPlans.coaching.endBeforeStart') : undefined });
  const initialValues: Values = {
    coachPersonId: assignment?.coach.id ?? null,
    personIds: assignment ? [assignment.person.id] : [],
    itemId: assignment?.item?.id ?? null,
    startsOn: assignment?.startsOn ?? todayIso(),
    endsOn: assignment?.endsOn ?? '',
  };
  // One schema for both modes: an existing assignment keeps its coach and person, so they validate.
  const form = useForm({
    initialValues,
    ...schemaForm(AssignInitiativeCoachingInput, t, { toInput: (v: Values) => ({ ...v, endsOn: v.endsOn || null }), check }),
  });
  const error = assign.error ?? update.error;
  const onSubmit = form.onSubmit(async (input) => {
    try {
      if (assignment) {
        await update.mutateAsync({
          assignmentId: assignment.id,
          version: assignment.version,
          itemId: input.itemId,
          coachingPlanId: assignment.coachingPlan?.id ?? null,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
        });
        notifySuccess(t('driverPlans.coaching.saved'));
      } else {
        const r = await assign.mutateAsync(input);
        notifySuccess(t('driverPlans.coaching.assigned', r));
      }
      onClose();
    } catch (err) {
      form.setErrors(serverFieldErrors(t, err));
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={assignment ? t('driverPlans.coaching.editTitle') : t('driverPlans.coaching.assign')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {assignment ? (
            <div>
              {personName(assignment.coach)} → {personName(assignment.person)}
            </div>
          ) : (
            <>
              <PersonPicker
                label={t('driverPlans.coaching.coach')}
                value={form.values.coachPersonId}
                onChange={(v) => form.setFieldValue('coachPersonId', v)}
              />
              <PeopleMultiPicker
                label={t('driverPlans.coaching.people')}
                value={form.values.personIds}
                onChange={(v) => form.setFieldValue('personIds', v)}
              />
              {Object.entries(form.errors)
                .filter(([k]) => k === 'coachPersonId' || k.startsWith('personIds'))
                .map(([k, message]) => (
                  <Alert key={k} color="red" role="alert">
                    {k.startsWith('personIds') ? t('driverPlans.coaching.people') : t('driverPlans.coaching.coach')}: {message}
                  </Alert>
                ))}
            </>
          )}
          <Select
            label={t('driverPlans.coaching.component')}
            placeholder={t('driverPlans.coaching.noComponent')}
            clearable
            searchable
            data={componentOptions(components)}
            {...form.getInputProps('itemId')}
          />
          <Group grow>
            <TextInput type="date" required label={t('driverPlans.coaching.startsOn')} {...form.getInputProps('startsOn')} />
            <TextInput type="date" label={t('driverPlans.coaching.endsOn')} {...form.getInputProps('endsOn')} />
          </Group>
          {isApiError(error, 'conflict') ? (
            <Alert color="orange" role="alert">
              {t('driverPlans.coaching.conflict')}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <FormModalFooter onCancel={onClose} saving={assign.isPending || update.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
