import { Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BarrierTransition } from '../../../common/action-plans.ts';
import type { Barrier } from '../../../common/schemas/barriers.ts';
import { useBarrier, useMoveBarrier, useSaveBarrierNotes } from '../../api/barriers.ts';
import { isApiError } from '../../api/client.ts';
import { dayOf, formatDate, formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { BarrierStatusBadge } from '../action-plans/StatusBadge.tsx';

/** The moves open to the reader, with the answer that goes back to the person who raised it. */
function Handling({ b, onConflict }: { b: Barrier; onConflict: () => void }) {
  const { t } = useTranslation('actionPlans');
  const move = useMoveBarrier(b.id);
  const notes = useSaveBarrierNotes(b.id);
  const [answer, setAnswer] = useState(b.answer);
  const [internal, setInternal] = useState(b.internalNotes ?? '');
  const run = (to: BarrierTransition) =>
    move.mutate(
      { version: b.version, to, answer },
      { onSuccess: () => notifySuccess(t('barriers.saved')), onError: (e) => isApiError(e, 'conflict') && onConflict() },
    );
  const error = move.error ?? notes.error;
  return (
    <Stack gap="sm">
      {b.abilities.moves.length > 0 ? (
        <>
          <Textarea
            label={t('barriers.answerLabel')}
            description={t('barriers.answerHelp')}
            autosize
            minRows={3}
            maxLength={10_000}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
          />
          <Group>
            {b.abilities.moves.map((to) => (
              <Button
                key={to}
                variant={to === 'resolved' ? 'filled' : 'default'}
                loading={move.isPending && move.variables?.to === to}
                onClick={() => run(to)}
              >
                {t(`barriers.moves.${to}`)}
              </Button>
            ))}
          </Group>
        </>
      ) : null}
      {b.abilities.editNotes ? (
        <>
          <Textarea
            label={t('barriers.notes')}
            autosize
            minRows={3}
            maxLength={10_000}
            value={internal}
            onChange={(e) => setInternal(e.currentTarget.value)}
          />
          <Group>
            <Button
              variant="default"
              disabled={internal === (b.internalNotes ?? '')}
              loading={notes.isPending}
              onClick={() =>
                notes.mutate(
                  { version: b.version, internalNotes: internal },
                  { onSuccess: () => notifySuccess(t('barriers.saved')), onError: (e) => isApiError(e, 'conflict') && onConflict() },
                )
              }
            >
              {t('barriers.saveNotes')}
            </Button>
          </Group>
        </>
      ) : null}
      {isApiError(error, 'conflict') ? <Text role="status">{t('barriers.conflict')}</Text> : <ErrorAlert error={error} />}
    </Stack>
  );
}

/** One barrier: what was raised, where it stands, the answer; the team's notes and moves for those who handle it. */
export default function BarrierPage() {
  const { t } = useTranslation('actionPlans');
  const { id = '' } = useParams();
  const barrier = useBarrier(id);
  if (isApiError(barrier.error, 'not_found')) return <NotFoundPage />;
  if (barrier.error) return <ErrorAlert error={barrier.error} />;
  if (!barrier.data) return <Loading />;
  const b = barrier.data;
  const facts: [string, string][] = [
    [t('barriers.kind'), t(`barriers.kinds.${b.kind}`)],
    [t('barriers.initiative'), b.initiative.name],
    [t('barriers.component'), b.component?.name ?? t('barriers.noComponent')],
    [t('barriers.school'), b.school.name],
    [t('barriers.raisedBy'), personName(b.raisedBy)],
    [t('barriers.raisedOn'), formatDate(dayOf(b.createdAt))],
    [t('barriers.routedTo'), b.routedTeam.name],
  ];
  if (b.firstTeam.id !== b.routedTeam.id) facts.push([t('barriers.firstTeam'), b.firstTeam.name]);
  return (
    <Stack gap="lg" maw={860}>
      <Anchor component={Link} to="/barriers/mine" size="sm">
        {t('barriers.back')}
      </Anchor>
      <PageHeader title={t(`barriers.kinds.${b.kind}`) + ' · ' + b.initiative.name} subtitle={<BarrierStatusBadge status={b.status} />} />
      <Card withBorder>
        <Stack gap="sm">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{b.description}</Text>
          {facts.map(([label, value]) => (
            <Text key={label} size="sm">
              <Text span fw={600}>
                {label}:
              </Text>{' '}
              {value}
            </Text>
          ))}
        </Stack>
      </Card>
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('barriers.answer')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{b.answer || t('barriers.noAnswer')}</Text>
        {b.closedAt ? (
          <Text size="sm" c="dimmed">
            {formatDateTime(b.closedAt)}
          </Text>
        ) : null}
      </Stack>
      {b.abilities.editNotes ? <Handling key={b.version} b={b} onConflict={() => void barrier.refetch()} /> : null}
    </Stack>
  );
}
