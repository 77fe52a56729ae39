import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { STAFF_ROLES } from '../../../../common/roles.ts';
import { CreateCycleInput, type CycleOptions } from '../../../../common/schemas/performance-cycles.ts';
import { isApiError } from '../../../api/client.ts';
import { useAllOrgUnits } from '../../../api/org-units.ts';
import { useCreateCycle, useCycleOptions } from '../../../api/performance-cycles.ts';
import { useMe } from '../../../api/session.ts';
import { focusFirstError, schemaForm } from '../../../app/form-validation.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { NotAllowed } from '../../../components/NotAllowed.tsx';
import { PageHeader, usePageTitle } from '../../../components/PageHeader.tsx';
import { checkForm, initialValues, toInput, type CycleFormValues } from './cycle-form.ts';
import { RatingFields } from './RatingFields.tsx';

/** HR: a new performance cycle (a draft, opened from its page). */
export default function NewCyclePage() {
  const { t } = useTranslation('performance');
  const me = useMe();
  const options = useCycleOptions();
  usePageTitle(t('cycles.form.title'));
  if (!me.abilities.managePerformance) return <NotAllowed />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/performance/cycles" size="sm">
        {t('cycles.back')}
      </Anchor>
      <PageHeader title={t('cycles.form.title')} />
      <ErrorAlert error={options.error} />
      {options.data ? <CycleForm options={options.data} /> : <Loading />}
    </Stack>
  );
}

function CycleForm({ options }: { options: CycleOptions }) {
  const { t } = useTranslation('performance');
  const navigate = useNavigate();
  const units = useAllOrgUnits();
  const create = useCreateCycle();
  const form = useForm({
    initialValues: initialValues(
      options.schoolYear,
      options.competencies.map((c) => c.id),
    ),
    ...schemaForm<CycleFormValues, typeof CreateCycleInput>(CreateCycleInput, t, {
      toInput,
      check: (v) =>
        checkForm(v, {
          phaseOrder: t('cycles.form.phaseOrder'),
          weights: (total) => t('cycles.form.weightsMustTotal', { total }),
          cuts: t('cycles.form.cutsAscending'),
        }),
    }),
  });
  const v = form.getValues();
  const duplicateOf = isApiError(create.error, 'conflict')
    ? (create.error.details as { current?: { id: string } | null } | null)?.current?.id
    : undefined;
  const submit = (input: CreateCycleInput) =>
    create.mutate(input, { onSuccess: (cycle) => void navigate(`/performance/cycles/${cycle.id}`) });
  const roleData = STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`, { ns: 'app' }) }));
  const stepData = options.steps.map((s) => ({ value: s.id, label: `${s.pathwayName}: ${s.title}` }));
  const unitData = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="lg" maw={880}>
        {create.error && !isApiError(create.error, 'conflict') ? <ErrorAlert error={create.error} /> : null}
        {isApiError(create.error, 'conflict') ? (
          <Alert color="red" role="alert" title={t('cycles.form.duplicate')}>
            {duplicateOf ? (
              <Anchor component={Link} to={`/performance/cycles/${duplicateOf}`}>
                {t('cycles.form.seeDuplicate')}
              </Anchor>
            ) : null}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('cycles.form.name')} required {...form.getInputProps('title')} />
          <TextInput label={t('cycles.form.schoolYear')} required placeholder="2026-27" {...form.getInputProps('schoolYear')} />
        </SimpleGrid>
        <Paper withBorder p="md" component="fieldset">
          <Stack gap="sm">
            <Title order={2} size="h3" component="legend">
              {t('cycles.form.population')}
            </Title>
            <Text size="sm">{t('cycles.form.populationHelp')}</Text>
            <MultiSelect label={t('cycles.form.roles')} data={roleData} searchable clearable {...form.getInputProps('population.roles')} />
            <MultiSelect
              label={t('cycles.form.steps')}
              data={stepData}
              searchable
              clearable
              {...form.getInputProps('population.stepIds')}
            />
            <MultiSelect
              label={t('cycles.form.orgUnits')}
              data={unitData}
              searchable
              clearable
              {...form.getInputProps('population.orgUnitIds')}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="fieldset">
          <Stack gap="sm">
            <Title order={2} size="h3" component="legend">
              {t('cycles.form.phases')}
            </Title>
            {v.phases.map((p, i) => {
              const phase = t(`cycles.phase.${p.key}`);
              return (
                <Group key={p.key} align="flex-end" gap="sm" wrap="wrap">
                  <Checkbox
                    w={220}
                    label={phase}
                    aria-label={t('cycles.form.usePhase', { phase })}
                    {...form.getInputProps(`phases.${i}.use`, { type: 'checkbox' })}
                  />
                  <TextInput
                    type="date"
                    disabled={!p.use}
                    label={t('cycles.form.startsOn', { phase })}
                    {...form.getInputProps(`phases.${i}.startsOn`)}
                  />
                  <TextInput
                    type="date"
                    disabled={!p.use}
                    label={t('cycles.form.endsOn', { phase })}
                    {...form.getInputProps(`phases.${i}.endsOn`)}
                  />
                </Group>
              );
            })}
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="fieldset">
          <Stack gap="sm">
            <Title order={2} size="h3" component="legend">
              {t('cycles.form.checkIns')}
            </Title>
            {v.checkInDates.map((_, i) => (
              <Group key={i} align="flex-end" gap="xs">
                <TextInput type="date" label={t('cycles.form.checkIn', { n: i + 1 })} {...form.getInputProps(`checkInDates.${i}`)} />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('cycles.form.removeCheckIn', { n: i + 1 })}
                  onClick={() => form.removeListItem('checkInDates', i)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="default" onClick={() => form.insertListItem('checkInDates', '')} disabled={v.checkInDates.length >= 12}>
                {t('cycles.form.addCheckIn')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <RatingFields form={form} competencies={options.competencies} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('cycles.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
