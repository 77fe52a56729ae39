import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IMPLEMENTATION_TEAM_KINDS, type ImplementationTeamKind } from '../../../common/implementation.ts';
import {
  CreateImplementationTeamInput,
  type ImplementationTeamDetail,
  type ImplementationTeamList,
} from '../../../common/schemas/implementation-teams.ts';
import { useAllOrgUnits } from '../../api/org-units.ts';
import { useCreateImplementationTeam, useUpdateImplementationTeam } from '../../api/implementation-teams.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { notifySuccess } from '../../components/notify.ts';

interface Values {
  kind: ImplementationTeamKind;
  name: string;
  orgUnitId: string;
  initiativeId: string;
  termsOfReference: string;
  reportsToTeamId: string;
  reportsWhat: string;
}

const toInput = (v: Values) => ({
  ...v,
  initiativeId: v.initiativeId || null,
  reportsToTeamId: v.reportsToTeamId || null,
});

/**
 * Creates a team, or edits one (`team`): kind (fixed once made), name, its org unit (the district's
 * own unit, or a school for a school team), the initiative it leads, terms of reference, and the
 * district team it reports to with what it reports.
 */
export function TeamFormModal({
  list,
  team,
  onClose,
}: {
  list: ImplementationTeamList;
  team?: ImplementationTeamDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation('implementation');
  const { t: tApp } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateImplementationTeam();
  const update = useUpdateImplementationTeam(team?.id ?? '');
  const units = useAllOrgUnits();
  const canDistrict = list.abilities.createDistrictTeams;
  const initialValues: Values = {
    kind: (team?.kind ?? (canDistrict ? 'district' : 'school')) as ImplementationTeamKind,
    name: team?.name ?? '',
    orgUnitId: team?.orgUnit.id ?? '',
    initiativeId: team?.initiative?.id ?? '',
    termsOfReference: team?.termsOfReference ?? '',
    reportsToTeamId: team?.reportsTo?.id ?? '',
    reportsWhat: team?.reportsWhat ?? '',
  };
  const form = useForm({ initialValues, ...schemaForm(CreateImplementationTeamInput, tApp, { toInput }) });
  const kind = form.values.kind;
  const unitOptions = (units.data?.items ?? [])
    .filter((u) => (kind === 'school' ? u.type === 'school' : u.type === 'district'))
    .filter((u) => canDistrict || list.abilities.createSchoolTeamsAt.includes(u.id))
    .map((u) => ({ value: u.id, label: u.name }));
  const parents = list.items.filter((i) => i.kind === 'district' && i.id !== team?.id).map((i) => ({ value: i.id, label: i.name }));
  const submit = form.onSubmit((input) => {
    if (team) {
      const { kind: _kind, ...rest } = input;
      update.mutate({ version: team.version, ...rest }, { onSuccess: () => (notifySuccess(t('teams.saved')), onClose()) });
      return;
    }
    create.mutate(input, {
      onSuccess: (created) => {
        notifySuccess(t('teams.created', { name: created.name }));
        void navigate(`/implementation-teams/${created.id}`);
      },
    });
  }, focusFirstError);
  const kinds = IMPLEMENTATION_TEAM_KINDS.filter((k) => canDistrict || k === 'school');
  return (
    <AppModal opened onClose={onClose} title={team ? t('teams.edit') : t('teams.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('teams.kind')}
            required
            disabled={!!team}
            allowDeselect={false}
            data={kinds.map((k) => ({ value: k, label: t(`teamKinds.${k}`) }))}
            {...form.getInputProps('kind')}
            onChange={(v) => {
              if (!v) return;
              form.setFieldValue('kind', v as ImplementationTeamKind);
              form.setFieldValue('orgUnitId', '');
            }}
          />
          <TextInput label={t('teams.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
          <Select
            label={kind === 'school' ? t('teams.school') : t('teams.districtUnit')}
            required
            searchable
            data={unitOptions}
            {...form.getInputProps('orgUnitId')}
            onChange={(v) => form.setFieldValue('orgUnitId', v ?? '')}
          />
          <Select
            label={t('teams.initiative')}
            description={kind === 'school' ? t('teams.initiativeHelp') : undefined}
            clearable
            data={list.initiatives.map((i) => ({ value: i.id, label: i.name }))}
            {...form.getInputProps('initiativeId')}
            onChange={(v) => form.setFieldValue('initiativeId', v ?? '')}
          />
          <Textarea
            label={t('teams.termsOfReference')}
            autosize
            minRows={3}
            maxLength={10_000}
            {...form.getInputProps('termsOfReference')}
          />
          {kind === 'district' ? null : (
            <>
              <Select
                label={t('teams.reportsTo')}
                clearable
                data={parents}
                {...form.getInputProps('reportsToTeamId')}
                onChange={(v) => form.setFieldValue('reportsToTeamId', v ?? '')}
              />
              <Textarea label={t('teams.reportsWhat')} autosize minRows={2} maxLength={10_000} {...form.getInputProps('reportsWhat')} />
            </>
          )}
          <ErrorAlert error={team ? update.error : create.error} />
          <FormModalFooter onCancel={onClose} saving={create.isPending || update.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
