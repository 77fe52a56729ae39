import { Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ImprovementPlanFields, type Concern } from '../../../common/schemas/professionalism.ts';
import { useConcern, useCreateImprovementPlan, useResolveConcern, useRespondToConcern } from '../../api/professionalism.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { formatDate } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { serverFieldErrors } from '../../components/validation.ts';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';

/** The person writes or rewrites their response while the concern is open. */
function ResponseForm({ concern }: { concern: Concern }) {
  const { t } = useTranslation('performance');
  const respond = useRespondToConcern(concern.id);
  const [text, setText] = useState(concern.personResponse ?? '');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        respond.mutate({ response: text, version: concern.version }, { onSuccess: () => notifySuccess(t('professionalism.saved')) });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('professionalism.yourResponse')}
          required
          autosize
          minRows={3}
          maxLength={10000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <ErrorAlert error={respond.error} />
        <Group>
          <Button type="submit" loading={respond.isPending} disabled={text.trim() === ''}>
            {t('professionalism.respond')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Opens a draft improvement plan for the person, from this concern. */
function OpenPlanModal({ concern, onClose }: { concern: Concern; onClose: () => void }) {
  const { t } = useTranslation('performance');
  const navigate = useNavigate();
  const create = useCreateImprovementPlan();
  const form = useForm({
    initialValues: { startsOn: '', endsOn: '' },
    ...schemaForm(ImprovementPlanFields, t, {
      toInput: (v: { startsOn: string; endsOn: string }) => ({ ...v, goals: [], supports: [], checkDates: [] }),
    }),
  });
  const onSubmit = form.onSubmit(async (input) => {
    try {
      const plan = await create.mutateAsync({ personId: concern.person.id, concernId: concern.id, ...input });
      void navigate(`/performance/improvement-plans/${plan.id}`);
    } catch (error) {
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={t('professionalism.openPlan')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput type="date" label={t('professionalism.startsOn')} required {...form.getInputProps('startsOn')} />
          <TextInput type="date" label={t('professionalism.endsOn')} required {...form.getInputProps('endsOn')} />
          <ErrorAlert error={create.error} />
          <FormModalFooter onCancel={onClose} saving={create.isPending} submitLabel={t('professionalism.create')} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** /performance/concerns/:id: what was documented, the person's response, resolving, opening a plan. */
export default function ConcernPage() {
  const { t } = useTranslation('performance');
  const { id = '' } = useParams();
  const concern = useConcern(id);
  const resolve = useResolveConcern(id);
  const [planning, setPlanning] = useState(false);
  if (!concern.data) return concern.error ? <ErrorAlert error={concern.error} /> : <Loading />;
  const c = concern.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('professionalism.concernTitle', { expectation: c.expectation.title })}
        subtitle={t('professionalism.concernOf', { person: c.person.name, author: c.raisedBy.name, date: formatDate(c.occurredOn) })}
        actions={
          <>
            {c.abilities.resolve ? (
              <Button variant="default" loading={resolve.isPending} onClick={() => resolve.mutate({ version: c.version })}>
                {t('professionalism.resolve')}
              </Button>
            ) : null}
            {c.abilities.openPlan ? <Button onClick={() => setPlanning(true)}>{t('professionalism.openPlan')}</Button> : null}
          </>
        }
      />
      <ErrorAlert error={resolve.error} />
      <Group gap="xs">
        <Badge color={c.status === 'open' ? 'orange' : 'gray'}>{t(`professionalism.statuses.${c.status}`)}</Badge>
        {c.escalationStep ? <Badge variant="light">{c.escalationStep.title}</Badge> : null}
      </Group>
      <Paper withBorder p="md">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>
      </Paper>
      <Title order={2}>{t('professionalism.response', { person: c.person.name })}</Title>
      {c.abilities.respond ? (
        <ResponseForm key={c.version} concern={c} />
      ) : (
        <Text style={{ whiteSpace: 'pre-wrap' }} c={c.personResponse ? undefined : 'dimmed'}>
          {c.personResponse ?? t('professionalism.noResponse')}
        </Text>
      )}
      {planning ? <OpenPlanModal concern={c} onClose={() => setPlanning(false)} /> : null}
    </Stack>
  );
}
