import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateOrgUnitInput, type OrgUnit } from '../../../common/schemas/org-units.ts';
import { ORG_UNIT_TYPES, type OrgUnitType } from '../../../common/roles.ts';
import { isApiError } from '../../api/client.ts';
import { useAllOrgUnits, useCreateOrgUnit, useUpdateOrgUnit } from '../../api/org-units.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { blankToNull, serverFieldErrors, validate, type FieldErrors } from '../../components/validation.ts';

type Values = {
  name: string;
  type: OrgUnitType;
  identifier: string;
  parentId: string;
};

function valuesOf(unit: OrgUnit | undefined): Values {
  return {
    name: unit?.name ?? '',
    type: unit?.type ?? 'school',
    identifier: unit?.identifier ?? '',
    parentId: unit?.parentId ?? '',
  };
}

/** Adds a unit, or edits one (sending its version; a 409 offers the other person's version). */
export function OrgUnitFormModal({ unit, onClose, onSaved }: { unit?: OrgUnit; onClose: () => void; onSaved: (unit: OrgUnit) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => valuesOf(unit));
  const [version, setVersion] = useState(unit?.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const units = useAllOrgUnits();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const mutation = unit ? update : create;
  const conflict = isApiError(update.error, 'conflict') ? ((update.error.details as { current?: OrgUnit } | null)?.current ?? null) : null;

  const set = (key: keyof Values) => (event: { currentTarget: { value: string } }) =>
    setValues((previous) => ({ ...previous, [key]: event.currentTarget.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = blankToNull(values, ['identifier', 'parentId']);
    const result = validate(CreateOrgUnitInput, input, t);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return;
    const options = { onSuccess: onSaved, onError: (error: unknown) => setErrors(serverFieldErrors(t, error)) };
    if (unit && version) update.mutate({ id: unit.id, version, ...result.data }, options);
    else create.mutate(result.data, options);
  };

  const loadTheirs = () => {
    if (!conflict) return;
    setValues(valuesOf(conflict));
    setVersion(conflict.version);
    update.reset();
  };

  const parents = (units.data?.items ?? []).filter((candidate) => candidate.id !== unit?.id);
  return (
    <AppModal opened onClose={onClose} title={unit ? t('schools.editTitle', { name: unit.name }) : t('schools.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {conflict ? (
            <Alert color="orange" role="alert" title={t('conflict.title')}>
              <Stack gap="xs" align="flex-start">
                {t('conflict.orgUnit', { name: conflict.name })}
                <Button size="xs" variant="default" onClick={loadTheirs}>
                  {t('conflict.loadTheirs')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <ErrorAlert error={mutation.error} />
          )}
          <TextInput label={t('field.name')} required value={values.name} onChange={set('name')} error={errors.name} data-autofocus />
          <NativeSelect
            label={t('field.type')}
            value={values.type}
            onChange={set('type')}
            data={ORG_UNIT_TYPES.map((type) => ({ value: type, label: t(`orgUnitType.${type}`) }))}
            error={errors.type}
          />
          <TextInput label={t('field.identifier')} description={t('schools.identifierHelp')} value={values.identifier} onChange={set('identifier')} error={errors.identifier} />
          <NativeSelect
            label={t('field.parentId')}
            value={values.parentId}
            onChange={set('parentId')}
            data={[{ value: '', label: t('common.none') }, ...parents.map((p) => ({ value: p.id, label: p.name }))]}
            error={errors.parentId}
          />
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
