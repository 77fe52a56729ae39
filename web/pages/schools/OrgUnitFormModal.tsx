import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateOrgUnitInput, type OrgUnit } from '../../../common/schemas/org-units.ts';
import { ORG_UNIT_TYPES, type OrgUnitType } from '../../../common/roles.ts';
import { isApiError } from '../../api/client.ts';
import { useAllOrgUnits, useCreateOrgUnit, useUpdateOrgUnit } from '../../api/org-units.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { blankToNull, serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';

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
  const [version, setVersion] = useState(unit?.version);
  const form = useForm({
    initialValues: valuesOf(unit),
    ...schemaForm(CreateOrgUnitInput, t, { toInput: (values: Values) => blankToNull(values, ['identifier', 'parentId']) }),
  });
  const units = useAllOrgUnits();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const mutation = unit ? update : create;
  const conflict = isApiError(update.error, 'conflict') ? ((update.error.details as { current?: OrgUnit } | null)?.current ?? null) : null;

  const onSubmit = form.onSubmit((input) => {
    const options = { onSuccess: onSaved, onError: (error: unknown) => form.setErrors(serverFieldErrors(t, error)) };
    if (unit && version) update.mutate({ id: unit.id, version, ...input }, options);
    else create.mutate(input, options);
  }, focusFirstError);

  const loadTheirs = () => {
    if (!conflict) return;
    form.setValues(valuesOf(conflict));
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
          <TextInput label={t('field.name')} required {...form.getInputProps('name')} data-autofocus />
          <NativeSelect
            label={t('field.type')}
            {...form.getInputProps('type')}
            data={ORG_UNIT_TYPES.map((type) => ({ value: type, label: t(`orgUnitType.${type}`) }))}
          />
          <TextInput label={t('field.identifier')} description={t('schools.identifierHelp')} {...form.getInputProps('identifier')} />
          <NativeSelect
            label={t('field.parentId')}
            {...form.getInputProps('parentId')}
            data={[{ value: '', label: t('common.none') }, ...parents.map((p) => ({ value: p.id, label: p.name }))]}
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
