import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { CreateRoleAssignmentInput, type Person } from '../../../common/schemas/people.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { useAllOrgUnits } from '../../api/org-units.ts';
import { useAddRoleAssignment } from '../../api/people.ts';
import { todayIso } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';

/** Gives the person a role in a unit, from a date (today by default), optionally as primary. */
export function AddRoleModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const units = useAllOrgUnits();
  const add = useAddRoleAssignment(person.id);
  const initialValues = {
    role: 'teacher' as string,
    orgUnitId: '',
    beginDate: todayIso(),
    endDate: '',
    isPrimary: !person.roleAssignments.some((a) => a.current && a.isPrimary),
  };
  const form = useForm({
    initialValues,
    ...schemaForm(CreateRoleAssignmentInput, t, {
      toInput: (v: typeof initialValues) => ({ ...v, beginDate: v.beginDate || null, endDate: v.endDate || null }),
      check: (v) => ({
        orgUnitId: v.orgUnitId ? undefined : t('validation.required'),
        endDate: v.endDate && v.beginDate && v.endDate < v.beginDate ? t('validation.endBeforeBegin') : undefined,
      }),
    }),
  });
  const onSubmit = form.onSubmit(
    (input) => add.mutate(input, { onSuccess: onClose, onError: (error) => form.setErrors(serverFieldErrors(t, error)) }),
    focusFirstError,
  );

  const unitOptions = (units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name }));
  return (
    <AppModal opened onClose={onClose} title={t('roles.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={add.error} />
          <NativeSelect
            label={t('field.role')}
            {...form.getInputProps('role')}
            data={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <NativeSelect
            label={t('people.unit')}
            required
            {...form.getInputProps('orgUnitId')}
            data={[{ value: '', label: t('roles.chooseUnit') }, ...unitOptions]}
          />
          <SimpleGrid cols={2}>
            <TextInput type="date" label={t('field.beginDate')} {...form.getInputProps('beginDate')} />
            <TextInput type="date" label={t('field.endDate')} {...form.getInputProps('endDate')} />
          </SimpleGrid>
          <Checkbox label={t('roles.makePrimary')} {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('roles.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
