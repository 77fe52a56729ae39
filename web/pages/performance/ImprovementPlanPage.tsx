import { Anchor, Badge, Button, Group, List, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { IMPROVEMENT_OUTCOMES } from '../../../common/performance.ts';
import type { ImprovementPlan } from '../../../common/schemas/professionalism.ts';
import {
  useActivateImprovementPlan,
  useCloseImprovementPlan,
  useImprovementPlan,
  useRespondToImprovementPlan,
} from '../../api/professionalism.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ImprovementPlanForm } from './ImprovementPlanForm.tsx';

/** The plan as the person (and anyone once it is closed) reads it. */
function PlanView({ plan }: { plan: ImprovementPlan }) {
  const { t } = useTranslation('performance');
  return (
    <Stack gap="sm">
      <Title order={2}>{t('professionalism.goals')}</Title>
      <List>
        {plan.goals.map((g, i) => (
          <List.Item key={i}>
            {g.text}
            {g.measure ? ` — ${t('professionalism.measure')}: ${g.measure}` : ''}
          </List.Item>
        ))}
      </List>
      <Title order={2}>{t('professionalism.supports')}</Title>
      <List>
        {plan.supports.map((s, i) => (
          <List.Item key={i}>{s.owner ? `${s.text} (${s.owner})` : s.text}</List.Item>
        ))}
      </List>
      <Title order={2}>{t('professionalism.checkDates')}</Title>
      <List>
        {plan.checkDates.map((c, i) => (
          <List.Item key={i}>
            {formatDate(c.on)}
            {c.held ? ` · ${t('professionalism.held')}` : ''}
            {c.note ? ` — ${c.note}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Closing with an outcome and a note. */
function CloseForm({ plan }: { plan: ImprovementPlan }) {
  const { t } = useTranslation('performance');
  const close = useCloseImprovementPlan(plan.id);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (outcome) close.mutate({ outcome: outcome as ImprovementPlan['outcome'] & string, note, version: plan.version });
        }}
      >
        <Stack gap="xs">
          <Title order={2}>{t('professionalism.close')}</Title>
          <Select
            label={t('professionalism.outcome')}
            required
            data={IMPROVEMENT_OUTCOMES.map((o) => ({ value: o, label: t(`professionalism.outcomes.${o}`) }))}
            value={outcome}
            onChange={setOutcome}
          />
          <Textarea
            label={t('professionalism.outcomeNote')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <ErrorAlert error={close.error} />
          <Group>
            <Button type="submit" disabled={!outcome} loading={close.isPending}>
              {t('professionalism.close')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The person's response, which they may add or rewrite. */
function PersonResponse({ plan }: { plan: ImprovementPlan }) {
  const { t } = useTranslation('performance');
  const respond = useRespondToImprovementPlan(plan.id);
  const [text, setText] = useState(plan.personResponse ?? '');
  if (!plan.abilities.respond) {
    return <Text c={plan.personResponse ? undefined : 'dimmed'}>{plan.personResponse ?? t('professionalism.noResponse')}</Text>;
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        respond.mutate({ response: text, version: plan.version }, { onSuccess: () => notifySuccess(t('professionalism.saved')) });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('professionalism.yourResponse')}
          required
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <ErrorAlert error={respond.error} />
        <Group>
          <Button type="submit" disabled={text.trim() === ''} loading={respond.isPending}>
            {t('professionalism.respond')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /performance/improvement-plans/:id: goals, supports, check dates, the outcome and the person's response. */
export default function ImprovementPlanPage() {
  const { t } = useTranslation('performance');
  const { id = '' } = useParams();
  const query = useImprovementPlan(id);
  const activate = useActivateImprovementPlan(id);
  if (!query.data) return query.error ? <ErrorAlert error={query.error} /> : <Loading />;
  const plan = query.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('professionalism.planTitle', { person: plan.person.name })}
        subtitle={t('professionalism.planOf', {
          owner: plan.owner.name,
          startsOn: formatDate(plan.startsOn),
          endsOn: formatDate(plan.endsOn),
        })}
        actions={
          plan.abilities.activate ? (
            <Button loading={activate.isPending} onClick={() => activate.mutate({ version: plan.version })}>
              {t('professionalism.activate')}
            </Button>
          ) : null
        }
      />
      <Group gap="xs">
        <Badge color={plan.status === 'active' ? 'blue' : 'gray'}>{t(`professionalism.statuses.${plan.status}`)}</Badge>
        {plan.outcome ? <Badge variant="light">{t(`professionalism.outcomes.${plan.outcome}`)}</Badge> : null}
        {plan.concernId ? (
          <Anchor component={Link} to={`/performance/concerns/${plan.concernId}`}>
            {t('professionalism.fromConcern')}
          </Anchor>
        ) : null}
      </Group>
      <ErrorAlert error={activate.error} />
      {plan.abilities.edit ? <ImprovementPlanForm key={plan.version} plan={plan} /> : <PlanView plan={plan} />}
      {plan.outcomeNote ? <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.outcomeNote}</Text> : null}
      {plan.abilities.close ? <CloseForm key={`close-${plan.version}`} plan={plan} /> : null}
      <Title order={2}>{t('professionalism.response', { person: plan.person.name })}</Title>
      <PersonResponse key={`response-${plan.version}`} plan={plan} />
    </Stack>
  );
}
