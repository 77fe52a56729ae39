import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FitReviewCreateInput, type FitReviewList } from '../../../common/schemas/fit-reviews.ts';
import { useInstruments } from '../../api/assessments.ts';
import { useCreateFitReview } from '../../api/fit-reviews.ts';
import { useAllOrgUnits } from '../../api/org-units.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { Loading } from '../../components/Loading.tsx';

/** The option of the team select that means "no team: I score alone". */
const ALONE = 'alone';

interface Values {
  title: string;
  need: string;
  team: string;
  orgUnitId: string;
  versionId: string;
}

/**
 * A new fit review: its title and need, the team that scores (the team's own school or office) or
 * no team for HR and admins scoring alone at a school or the district, and the fit instrument's
 * latest published version, which every candidate is scored with.
 */
export function NewFitReviewModal({ abilities, onClose }: { abilities: FitReviewList['abilities']; onClose: () => void }) {
  const { t } = useTranslation('assessments');
  const instruments = useInstruments();
  const units = useAllOrgUnits();
  const ready = instruments.data && units.data;
  const versions = (instruments.data?.items ?? [])
    .filter((i) => i.kind === 'fit')
    .flatMap((i) => {
      const v = i.versions.find((x) => x.status === 'published');
      return v ? [{ value: v.id, label: t('administrations.instrumentVersion', { name: i.name, number: v.versionNumber }) }] : [];
    });
  const unitOptions = (units.data?.items ?? [])
    .filter((u) => u.type === 'district' || u.type === 'school')
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <AppModal opened onClose={onClose} title={t('fit.new')}>
      <ErrorAlert error={instruments.error ?? units.error} />
      {ready ? <NewFitReviewForm abilities={abilities} versions={versions} units={unitOptions} onClose={onClose} /> : <Loading />}
    </AppModal>
  );
}

type Option = { value: string; label: string };

function NewFitReviewForm(props: { abilities: FitReviewList['abilities']; versions: Option[]; units: Option[]; onClose: () => void }) {
  const { t } = useTranslation('assessments');
  const { t: tApp } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateFitReview();
  const { abilities, versions } = props;
  const teams = [
    ...abilities.teams.map((x) => ({ value: x.id, label: `${x.name} (${x.orgUnit.name})` })),
    ...(abilities.withoutTeam ? [{ value: ALONE, label: t('fit.form.noTeam') }] : []),
  ];
  const toInput = (v: Values) => {
    const team = abilities.teams.find((x) => x.id === v.team);
    return {
      title: v.title,
      need: v.need,
      teamId: team?.id ?? null,
      orgUnitId: team ? team.orgUnit.id : v.orgUnitId,
      versionId: v.versionId,
    };
  };
  const initialValues: Values = { title: '', need: '', team: teams[0]?.value ?? '', orgUnitId: '', versionId: versions[0]?.value ?? '' };
  const form = useForm({ initialValues, ...schemaForm(FitReviewCreateInput, tApp, { toInput }) });
  const submit = form.onSubmit(
    (input) => create.mutate(input, { onSuccess: (r) => void navigate(`/assessments/fit-reviews/${r.id}`) }),
    focusFirstError,
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('fit.form.title')} required maxLength={200} data-autofocus {...form.getInputProps('title')} />
        <Textarea
          label={t('fit.form.need')}
          description={t('fit.form.needHelp')}
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('need')}
        />
        <Select label={t('fit.form.team')} required allowDeselect={false} data={teams} {...form.getInputProps('team')} />
        {form.values.team === ALONE ? (
          <Select label={t('fit.form.where')} required searchable data={props.units} {...form.getInputProps('orgUnitId')} />
        ) : null}
        {versions.length === 0 ? <Text c="dimmed">{t('fit.form.noInstrument')}</Text> : null}
        <Select label={t('fit.form.instrument')} required allowDeselect={false} data={versions} {...form.getInputProps('versionId')} />
        <ErrorAlert error={create.error} />
        <FormModalFooter onCancel={props.onClose} saving={create.isPending} submitLabel={t('fit.form.create')} />
      </Stack>
    </form>
  );
}
