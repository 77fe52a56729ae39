import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { CreateRoleAssignmentInput, type Person } from '../../../common/schemas/people.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { useAllOrgUnits } from '../../api/org-units.ts';
import { useAddRoleAssignment } from '../../api/people.ts';
import { todayIso } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { serverFieldErrors, validate, type FieldErrors } from '../../components/validation.ts';

/** Gives the person a role in a unit, from a date (today by default), optionally as primary. */
export function AddRoleModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const units = useAllOrgUnits();
  const add = useAddRoleAssignment(person.id);
  const [role, setRole] = useState<string>('teacher');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [beginDate, setBeginDate] = useState(todayIso());
  const [endDate, setEndDate] = useState('');
  const [isPrimary, setIsPrimary] = useState(!person.roleAssignments.some((a) => a.current && a.isPrimary));
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = { role, orgUnitId, isPrimary, beginDate: beginDate || null, endDate: endDate || null };
    const result = validate(CreateRoleAssignmentInput, input, t);
    const next = result.ok ? {} : result.errors;
    if (!orgUnitId) next.orgUnitId = t('validation.required');
    if (endDate && beginDate && endDate < beginDate) next.endDate = t('validation.endBeforeBegin');
    setErrors(next);
    if (!result.ok || Object.keys(next).length > 0) return;
    add.mutate(result.data, { onSuccess: onClose, onError: (error) => setErrors(serverFieldErrors(t, error)) });
  };

  const unitOptions = (units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name }));
  return (
    <AppModal opened onClose={onClose} title={t('roles.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={add.error} />
          <NativeSelect
            label={t('field.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            error={errors.role}
          />
          <NativeSelect
            label={t('people.unit')}
            required
            value={orgUnitId}
            onChange={(e) => setOrgUnitId(e.currentTarget.value)}
            data={[{ value: '', label: t('roles.chooseUnit') }, ...unitOptions]}
            error={errors.orgUnitId}
          />
          <SimpleGrid cols={2}>
            <TextInput type="date" label={t('field.beginDate')} value={beginDate} onChange={(e) => setBeginDate(e.currentTarget.value)} error={errors.beginDate} />
            <TextInput type="date" label={t('field.endDate')} value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} error={errors.endDate} />
          </SimpleGrid>
          <Checkbox label={t('roles.makePrimary')} checked={isPrimary} onChange={(e) => setIsPrimary(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={add.isPending}>{t('roles.addSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
