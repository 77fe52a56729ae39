import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { EndRoleAssignmentInput, type Person, type RoleAssignment } from '../../../common/schemas/people.ts';
import { useEndRoleAssignment } from '../../api/people.ts';
import { todayIso } from '../../app/format.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Ends a role assignment on a date (today by default); the assignment stays in the history. */
export function EndRoleModal({ person, assignment, onClose }: { person: Person; assignment: RoleAssignment; onClose: () => void }) {
  const { t } = useTranslation();
  const end = useEndRoleAssignment(person.id);
  const form = useForm({
    initialValues: { endDate: todayIso() },
    ...schemaForm(EndRoleAssignmentInput, t, {
      check: ({ endDate }: { endDate: string }) => ({
        endDate: endDate && assignment.beginDate && endDate < assignment.beginDate ? t('validation.endBeforeBegin') : undefined,
      }),
    }),
  });
  const onSubmit = form.onSubmit(
    ({ endDate }) => end.mutate({ assignmentId: assignment.id, endDate }, { onSuccess: onClose }),
    focusFirstError,
  );

  return (
    <AppModal opened onClose={onClose} title={t('roles.endTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text>{t('roles.endBody', { role: t(`role.${assignment.role}`), unit: assignment.orgUnitName })}</Text>
          <ErrorAlert error={end.error} />
          <TextInput type="date" label={t('field.endDate')} required {...form.getInputProps('endDate')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={end.isPending}>
              {t('roles.end')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
