import { Anchor, Button, Group, Paper, Stack, Stepper, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COACHING_CYCLE_PHASES } from '../../../common/coaching.ts';
import type { CoachingCycleDetail } from '../../../common/schemas/coaching.ts';
import { isApiError } from '../../api/client.ts';
import { useChangeCyclePhase, useCycle, useUpdateCycle } from '../../api/coaching.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { DetailList } from '../../components/DetailList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { focusLabel } from './format.ts';
import { LogCard } from './LogCard.tsx';
import { LogSessionModal } from './LogSessionModal.tsx';

type Dialog = { kind: 'complete' } | { kind: 'goal' } | { kind: 'log' } | null;

/** Asks for the goal (edit) or the outcome (to complete the cycle). */
function TextDialog(props: {
  title: string;
  label: string;
  initial: string;
  loading: boolean;
  error: unknown;
  onClose: () => void;
  onSave: (text: string) => void;
}) {
  const { t } = useTranslation('coaching');
  const [text, setText] = useState(props.initial);
  return (
    <AppModal opened onClose={props.onClose} title={props.title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) props.onSave(text.trim());
        }}
      >
        <Stack>
          <ErrorAlert error={props.error} />
          <Textarea
            label={props.label}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.loading} disabled={!text.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** A coaching cycle: phase stepper (identify -> learn -> improve -> complete), goal, outcome and its sessions. */
export default function CyclePage() {
  const { t } = useTranslation('coaching');
  const { id = '' } = useParams();
  const me = useMe();
  const cycle = useCycle(id);
  const phase = useChangeCyclePhase();
  const update = useUpdateCycle();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (isApiError(cycle.error, 'not_found')) return <NotFoundPage />;
  if (cycle.error) return <ErrorAlert error={cycle.error} />;
  if (!cycle.data) return <Loading />;
  const c: CoachingCycleDetail = cycle.data;
  const index = COACHING_CYCLE_PHASES.indexOf(c.phase);
  const prev = COACHING_CYCLE_PHASES[index - 1];
  const next = COACHING_CYCLE_PHASES[index + 1];
  const close = () => setDialog(null);
  const move = (to: (typeof COACHING_CYCLE_PHASES)[number], outcome?: string) =>
    phase.mutate(
      { id: c.id, version: c.version, phase: to, outcome },
      { onSuccess: () => (close(), notifySuccess(t('cycle.moved', { phase: t(`phase.${to}`) }))) },
    );

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/coaching" size="sm">
        {t('page.back')}
      </Anchor>
      <PageHeader
        title={t('cycle.heading', { name: personName(c.coachee) })}
        subtitle={t('cycle.subtitle', { coach: personName(c.coach), date: formatDate(c.startedOn) })}
        actions={c.abilities.edit ? <Button onClick={() => setDialog({ kind: 'log' })}>{t('caseload.logSession')}</Button> : null}
      />
      <Stepper
        active={c.phase === 'complete' ? COACHING_CYCLE_PHASES.length : index}
        size="sm"
        allowNextStepsSelect={false}
        aria-label={t('cycle.phases')}
      >
        {COACHING_CYCLE_PHASES.map((p) => (
          <Stepper.Step key={p} label={t(`phase.${p}`)} description={t(`phaseHelp.${p}`)} />
        ))}
      </Stepper>
      <ErrorAlert error={phase.error} />
      {c.abilities.edit ? (
        <Group gap="sm">
          {prev ? (
            <Button variant="default" onClick={() => move(prev)} loading={phase.isPending}>
              {t('cycle.back', { phase: t(`phase.${prev}`) })}
            </Button>
          ) : null}
          {next ? (
            <Button onClick={() => (next === 'complete' ? setDialog({ kind: 'complete' }) : move(next))} loading={phase.isPending}>
              {next === 'complete' ? t('cycle.complete') : t('cycle.next', { phase: t(`phase.${next}`) })}
            </Button>
          ) : null}
        </Group>
      ) : null}
      <Paper withBorder p="md">
        <DetailList
          rows={[
            ...(c.view === 'full' ? ([[t('cycle.goal'), c.goal ?? '']] as [string, string][]) : []),
            [t('form.focusItem'), c.focusItem ? focusLabel(c.focusItem) : '—'],
            ...(c.view === 'full' ? ([[t('cycle.outcome'), c.outcome ?? '—']] as [string, string][]) : []),
            ...(c.completedOn ? ([[t('cycle.completedOn'), formatDate(c.completedOn)]] as [string, string][]) : []),
          ]}
        />
        {c.view === 'summary' ? (
          <Text size="sm" c="dimmed" mt="sm">
            {t('cycle.summaryOnly')}
          </Text>
        ) : null}
        {c.abilities.edit ? (
          <Button mt="sm" size="xs" variant="default" onClick={() => setDialog({ kind: 'goal' })}>
            {t('cycle.editGoal')}
          </Button>
        ) : null}
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="cycle-sessions-title">
        <Title order={2} size="h3" id="cycle-sessions-title">
          {t('mine.sessions')}
        </Title>
        {c.logs.length === 0 ? <Text>{t('mine.noSessions')}</Text> : null}
        {c.logs.map((log) => (
          <LogCard key={log.id} log={log} meId={me.person.id} />
        ))}
      </Stack>
      {dialog?.kind === 'complete' ? (
        <TextDialog
          title={t('cycle.completeTitle')}
          label={t('cycle.outcome')}
          initial={c.outcome ?? ''}
          loading={phase.isPending}
          error={phase.error}
          onClose={close}
          onSave={(outcome) => move('complete', outcome)}
        />
      ) : null}
      {dialog?.kind === 'goal' ? (
        <TextDialog
          title={t('cycle.editGoal')}
          label={t('cycle.goal')}
          initial={c.goal ?? ''}
          loading={update.isPending}
          error={update.error}
          onClose={close}
          onSave={(goal) => update.mutate({ id: c.id, version: c.version, goal }, { onSuccess: close })}
        />
      ) : null}
      {dialog?.kind === 'log' ? (
        <LogSessionModal
          people={[c.coachee]}
          attendeeIds={[c.coachee.id]}
          cycleId={c.id}
          planId={c.planId ?? ''}
          onClose={close}
          onSaved={() => {
            close();
            notifySuccess(t('form.savedHeld'));
          }}
        />
      ) : null}
    </Stack>
  );
}
