import { Alert, Anchor, Button, Group, Paper, Radio, Select, Stack, Stepper, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PDSA_ACTS, PDSA_STATUSES, type PdsaAct } from '../../../common/implementation.ts';
import { PdsaSaveInput, type PdsaCycleDetail } from '../../../common/schemas/pdsa.ts';
import { isApiError } from '../../api/client.ts';
import { pdsaKeys, usePdsaCycle, useWritePdsa } from '../../api/pdsa.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { serverFieldErrors } from '../../components/validation.ts';
import { PdsaFidelity } from './PdsaFidelity.tsx';

/**
 * /initiatives/:id/pdsa/:cycleId: a cycle step by step (plan, do, study, act). Each step's answers
 * are saved as they are written; moving on needs the step complete, and closing needs study and
 * act. A closed cycle shows its classification in words.
 */
export default function PdsaCyclePage() {
  const { id = '', cycleId = '' } = useParams();
  const { t } = useTranslation('implementation');
  const cycle = usePdsaCycle(id, cycleId);
  if (cycle.error) return <ErrorAlert error={cycle.error} />;
  if (!cycle.data) return <Loading />;
  const c = cycle.data;
  const step = PDSA_STATUSES.indexOf(c.status);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/initiatives/${id}/pdsa`} size="sm">
        {t('pdsa.backToList')}
      </Anchor>
      <PageHeader
        title={c.title}
        subtitle={t('pdsa.subtitle', { school: c.school.name, component: c.component ? c.component.name : '' })}
      />
      <Stepper active={step} size="sm" allowNextStepsSelect={false} aria-label={t('pdsa.steps')}>
        {PDSA_STATUSES.filter((s) => s !== 'closed').map((s) => (
          <Stepper.Step key={s} label={t(`pdsaStatuses.${s}`)} description={t(`pdsa.stepHelp.${s}`)} />
        ))}
      </Stepper>
      {c.problem ? (
        <Alert color={c.problem === 'none' ? 'green' : 'orange'} title={t('pdsa.classification')}>
          {t(`pdsaProblems.${c.problem}`)}
        </Alert>
      ) : null}
      <CycleForm key={c.version} initiativeId={id} c={c} />
    </Stack>
  );
}

type YesNo = 'yes' | 'no' | '';
interface Values {
  title: string;
  change: string;
  prediction: string;
  measures: string;
  startsOn: string;
  endsOn: string;
  doneAsIntended: YesNo;
  doNotes: string;
  study: string;
  predictionMet: YesNo;
  act: PdsaAct | null;
  actNotes: string;
}

const toYesNo = (v: boolean | null): YesNo => (v === null ? '' : v ? 'yes' : 'no');
const fromYesNo = (v: YesNo) => (v === '' ? null : v === 'yes');

function CycleForm({ initiativeId, c }: { initiativeId: string; c: PdsaCycleDetail }) {
  const { t } = useTranslation('implementation');
  const queryClient = useQueryClient();
  const write = useWritePdsa(initiativeId, c.id);
  const [failed, setFailed] = useState<unknown>(null);
  const step = PDSA_STATUSES.indexOf(c.status);
  const editable = c.abilities.edit;
  const initialValues: Values = {
    title: c.title,
    change: c.change,
    prediction: c.prediction,
    measures: c.measures,
    startsOn: c.startsOn ?? '',
    endsOn: c.endsOn ?? '',
    doneAsIntended: toYesNo(c.doneAsIntended),
    doNotes: c.doNotes,
    study: c.study,
    predictionMet: toYesNo(c.predictionMet),
    act: c.act,
    actNotes: c.actNotes,
  };
  const form = useForm({
    initialValues,
    ...schemaForm(PdsaSaveInput, t, {
      toInput: (v: Values) => ({
        ...v,
        startsOn: v.startsOn || null,
        endsOn: v.endsOn || null,
        doneAsIntended: fromYesNo(v.doneAsIntended),
        predictionMet: fromYesNo(v.predictionMet),
        version: c.version,
      }),
    }),
  });
  const submit = (advance: boolean) =>
    form.onSubmit(async (input) => {
      setFailed(null);
      try {
        const next = await write.mutateAsync({ ...input, advance });
        notifySuccess(advance ? t('pdsa.moved', { step: t(`pdsaStatuses.${next.status}`) }) : t('pdsa.saved'));
      } catch (error) {
        setFailed(error);
        form.setErrors(serverFieldErrors(t, error));
      }
    }, focusFirstError);
  const text = (field: keyof Values, minRows = 2) => (
    <Textarea
      label={t(`pdsa.fields.${field}`)}
      description={t(`pdsa.help.${field}`)}
      autosize
      minRows={minRows}
      maxLength={10000}
      readOnly={!editable}
      {...form.getInputProps(field)}
    />
  );
  const yesNo = (field: 'doneAsIntended' | 'predictionMet') => (
    <Radio.Group label={t(`pdsa.fields.${field}`)} {...form.getInputProps(field)}>
      <Group mt="xs">
        <Radio value="yes" label={t('pdsa.yes')} disabled={!editable} />
        <Radio value="no" label={t('pdsa.no')} disabled={!editable} />
      </Group>
    </Radio.Group>
  );
  const nextStep = PDSA_STATUSES[step + 1];
  return (
    <form onSubmit={submit(false)} noValidate>
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h3">
              {t('pdsaStatuses.plan')}
            </Title>
            <TextInput label={t('pdsa.title')} required maxLength={200} readOnly={!editable} {...form.getInputProps('title')} />
            {text('change')}
            {text('prediction')}
            {text('measures')}
            <Group grow>
              <TextInput type="date" label={t('pdsa.fields.startsOn')} readOnly={!editable} {...form.getInputProps('startsOn')} />
              <TextInput type="date" label={t('pdsa.fields.endsOn')} readOnly={!editable} {...form.getInputProps('endsOn')} />
            </Group>
          </Stack>
        </Paper>
        {step >= 1 ? (
          <Paper withBorder p="md">
            <Stack>
              <Title order={2} size="h3">
                {t('pdsaStatuses.do')}
              </Title>
              {yesNo('doneAsIntended')}
              {text('doNotes')}
              <PdsaFidelity fidelity={c.fidelity} />
            </Stack>
          </Paper>
        ) : null}
        {step >= 2 ? (
          <Paper withBorder p="md">
            <Stack>
              <Title order={2} size="h3">
                {t('pdsaStatuses.study')}
              </Title>
              {text('study', 3)}
              {yesNo('predictionMet')}
            </Stack>
          </Paper>
        ) : null}
        {step >= 3 ? (
          <Paper withBorder p="md">
            <Stack>
              <Title order={2} size="h3">
                {t('pdsaStatuses.act')}
              </Title>
              <Select
                label={t('pdsa.fields.act')}
                readOnly={!editable}
                data={PDSA_ACTS.map((a) => ({ value: a, label: t(`pdsaActs.${a}`) }))}
                {...form.getInputProps('act')}
              />
              {text('actNotes')}
            </Stack>
          </Paper>
        ) : null}
        {isApiError(failed, 'conflict') ? (
          <Alert color="orange" role="alert" title={t('pdsa.conflict')}>
            <Button variant="default" onClick={() => void queryClient.invalidateQueries({ queryKey: pdsaKeys.cycle(initiativeId, c.id) })}>
              {t('pdsa.reload')}
            </Button>
          </Alert>
        ) : failed ? (
          <Alert color="red" role="alert" title={t('pdsa.notSaved')}>
            {serverMessage(failed) ?? <ErrorAlert error={failed} />}
          </Alert>
        ) : null}
        {editable ? (
          <Group>
            <Button type="submit" variant="default" loading={write.isPending}>
              {t('pdsa.save')}
            </Button>
            {nextStep ? (
              <Button type="button" loading={write.isPending} onClick={() => submit(true)()}>
                {nextStep === 'closed' ? t('pdsa.close') : t('pdsa.moveTo', { step: t(`pdsaStatuses.${nextStep}`) })}
              </Button>
            ) : null}
          </Group>
        ) : (
          <Text c="dimmed">{c.status === 'closed' ? t('pdsa.closedNote') : t('pdsa.readOnly')}</Text>
        )}
      </Stack>
    </form>
  );
}

/** The field a refused step names, in words ("Add the study to close the cycle"). */
function serverMessage(error: unknown) {
  if (!isApiError(error, 'validation_failed') || !Array.isArray(error.details)) return null;
  const path = (error.details as { path?: string }[])[0]?.path;
  return path ? <MissingField path={path} /> : null;
}

function MissingField({ path }: { path: string }) {
  const { t } = useTranslation('implementation');
  return <Text size="sm">{t('pdsa.missing', { field: t(`pdsa.fields.${path}`, { defaultValue: path }) })}</Text>;
}
