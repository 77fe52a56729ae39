import { MultiSelect, NumberInput, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { INITIATIVE_LIMITS } from '../../../common/implementation.ts';
import { CreateInitiativeInput, INITIATIVE_STATUSES } from '../../../common/schemas/initiatives.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { api } from '../../api/client.ts';
import { useFrameworks } from '../../api/frameworks.ts';
import type { Initiative } from '../../api/initiatives.ts';
import { rubricKeys, type RubricListResult } from '../../api/rubrics.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

export type InitiativeInput = z.output<typeof CreateInitiativeInput>;

interface Values {
  name: string;
  purpose: string;
  need: string;
  profileVersionId: string | null;
  fidelityRubricId: string | null;
  coveredRoles: string[];
  partnerName: string;
  fidelityThresholdPct: number | string;
  fullImplementationPct: number | string;
  principalsSeeIndividualFidelity: boolean;
  status: string;
}

const valuesOf = (i: Initiative | null): Values => ({
  name: i?.name ?? '',
  purpose: i?.purpose ?? '',
  need: i?.need ?? '',
  profileVersionId: i?.profileVersion?.id ?? null,
  fidelityRubricId: i?.fidelityRubric?.id ?? null,
  coveredRoles: i?.coveredRoles ?? [],
  partnerName: i?.partnerName ?? '',
  fidelityThresholdPct: i?.fidelityThresholdPct ?? 80,
  fullImplementationPct: i?.fullImplementationPct ?? 50,
  principalsSeeIndividualFidelity: i?.principalsSeeIndividualFidelity ?? false,
  status: i?.status ?? 'active',
});

const toInput = (v: Values) => ({
  ...v,
  partnerName: v.partnerName.trim() || null,
  fidelityThresholdPct: v.fidelityThresholdPct === '' ? undefined : Number(v.fidelityThresholdPct),
  fullImplementationPct: v.fullImplementationPct === '' ? undefined : Number(v.fullImplementationPct),
});

/** The profile's framework versions from the profile's number up: a tool may come from a later (vendor) revision. */
function useToolChoices(profileVersionId: string | null) {
  const frameworks = useFrameworks();
  const framework = frameworks.data?.items.find((f) => f.versions.some((v) => v.id === profileVersionId));
  const profile = framework?.versions.find((v) => v.id === profileVersionId);
  const versions = framework?.versions.filter((v) => profile && v.versionNumber >= profile.versionNumber) ?? [];
  const rubricLists = useQueries({
    queries: versions.map((v) => ({
      queryKey: rubricKeys.version(v.id),
      queryFn: () => api<RubricListResult>('GET', `/api/framework-versions/${v.id}/rubrics`),
    })),
  });
  const profiles = (frameworks.data?.items ?? []).flatMap((f) =>
    f.versions.map((v) => ({ value: v.id, label: `${f.title} · v${v.versionNumber} (${v.status})` })),
  );
  const tools = versions.flatMap((v, i) =>
    (rubricLists[i]?.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.title} · v${v.versionNumber}` })),
  );
  return { profiles, tools };
}

/**
 * The details of an initiative: name, purpose and need, practice profile and fidelity tool, covered
 * roles, partner, thresholds, what principals see, and status. Used by the new-initiative modal
 * and the setup page; the caller saves (`onSave`), a 400 marks the field it names.
 */
export function InitiativeForm({
  initiative,
  onSave,
  onCancel,
  saving,
}: {
  initiative: Initiative | null;
  onSave: (input: InitiativeInput) => Promise<unknown>;
  onCancel?: () => void;
  saving: boolean;
}) {
  const { t } = useTranslation('implementation');
  const [failed, setFailed] = useState<unknown>(null);
  const initialValues: Values = valuesOf(initiative);
  const form = useForm({ initialValues, ...schemaForm(CreateInitiativeInput, t, { toInput }) });
  const { profiles, tools } = useToolChoices(form.getValues().profileVersionId);
  form.watch('profileVersionId', () => form.setFieldValue('fidelityRubricId', null));
  const submit = form.onSubmit(async (input) => {
    setFailed(null);
    try {
      await onSave(input as InitiativeInput);
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('initiatives.form.name')} required maxLength={INITIATIVE_LIMITS.nameChars} {...form.getInputProps('name')} />
        <Textarea label={t('initiatives.form.purpose')} autosize minRows={2} {...form.getInputProps('purpose')} />
        <Textarea
          label={t('initiatives.form.need')}
          description={t('initiatives.form.needHelp')}
          autosize
          minRows={2}
          {...form.getInputProps('need')}
        />
        <Select
          label={t('initiatives.form.profile')}
          description={t('initiatives.form.profileHelp')}
          data={profiles}
          searchable
          clearable
          {...form.getInputProps('profileVersionId')}
        />
        <Select
          label={t('initiatives.form.tool')}
          description={t('initiatives.form.toolHelp')}
          data={tools}
          disabled={!form.getValues().profileVersionId}
          clearable
          {...form.getInputProps('fidelityRubricId')}
        />
        <MultiSelect
          label={t('initiatives.form.roles')}
          description={t('initiatives.form.rolesHelp')}
          data={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`, { ns: 'app' }) }))}
          searchable
          {...form.getInputProps('coveredRoles')}
        />
        <TextInput
          label={t('initiatives.form.partner')}
          description={t('initiatives.form.partnerHelp')}
          {...form.getInputProps('partnerName')}
        />
        <NumberInput
          label={t('initiatives.form.threshold')}
          description={t('initiatives.form.thresholdHelp')}
          min={0}
          max={100}
          suffix="%"
          {...form.getInputProps('fidelityThresholdPct')}
        />
        <NumberInput
          label={t('initiatives.form.fullImplementation')}
          description={t('initiatives.form.fullImplementationHelp')}
          min={0}
          max={100}
          suffix="%"
          {...form.getInputProps('fullImplementationPct')}
        />
        <Switch
          label={t('initiatives.form.principalsSee')}
          description={t('initiatives.form.principalsSeeHelp')}
          {...form.getInputProps('principalsSeeIndividualFidelity', { type: 'checkbox' })}
        />
        {initiative && (
          <Select
            label={t('initiatives.form.status')}
            allowDeselect={false}
            data={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
            {...form.getInputProps('status')}
          />
        )}
        <ErrorAlert error={failed} />
        <FormModalFooter onCancel={onCancel ?? (() => form.setValues(valuesOf(initiative)))} saving={saving} />
      </Stack>
    </form>
  );
}
