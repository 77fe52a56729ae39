import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCycles, usePlans } from '../../api/coaching.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/personName.ts';
import { PHASE_COLOR } from './format.ts';
import { SessionList } from './SessionList.tsx';
import { loadedSessions, useSessionPages } from '../../api/coaching.ts';

/**
 * "My coaching" for the person coached: their sessions a page at a time (rate the held ones, share
 * with school leaders), their cycles and plans. `always` shows it even when empty (teachers).
 */
export function MyCoachingSection({ meId, always, highlightLogId }: { meId: string; always: boolean; highlightLogId: string | null }) {
  const { t } = useTranslation('coaching');
  const logs = useSessionPages({ personId: meId, personRole: 'attendee' });
  const cycles = useCycles({ personId: meId });
  const plans = usePlans(meId);
  // Scroll to the session a notification named once it shows, not again as more pages load.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!highlightLogId || scrolledTo.current === highlightLogId) return;
    const card = document.getElementById(`session-${highlightLogId}`);
    if (!card) return;
    card.scrollIntoView({ block: 'center' });
    scrolledTo.current = highlightLogId;
  }, [highlightLogId, logs.data, cycles.data, plans.data]);
  // A failed "show more" is shown under the list; the section fails only when nothing loaded.
  const error = (logs.data ? null : logs.error) ?? cycles.error ?? plans.error;
  if (error) return <ErrorAlert error={error} />;
  if (!logs.data || !cycles.data || !plans.data) return <Loading />;
  const { total, toRate } = loadedSessions(logs);
  const myCycles = cycles.data.items.filter((c) => c.coachee.id === meId);
  const myPlans = plans.data.items.filter((p) => p.members.some((m) => m.id === meId));
  if (!always && total + myCycles.length + myPlans.length === 0) return null;

  return (
    <Stack gap="md" component="section" aria-labelledby="my-coaching-title">
      <Title order={2} size="h3" id="my-coaching-title">
        {t('mine.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('mine.privacy')}
      </Text>
      {toRate ? (
        <Alert color="blue" title={t('mine.rateTitle', { count: toRate })}>
          {t('mine.rateBody')}
        </Alert>
      ) : null}
      {myPlans.length || myCycles.length ? (
        <Group align="stretch" gap="md">
          {myPlans.map((p) => (
            <Paper key={p.id} withBorder p="sm" style={{ flex: '1 1 16rem' }}>
              <Text size="xs" c="dimmed">
                {t('mine.plan')}
              </Text>
              <Anchor component={Link} to={`/coaching/plans/${p.id}`} fw={600}>
                {p.title}
              </Anchor>
              <Text size="sm">
                {t('plan.withCoach', { name: personName(p.coach) })} · {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
              </Text>
            </Paper>
          ))}
          {myCycles.map((c) => (
            <Paper key={c.id} withBorder p="sm" style={{ flex: '1 1 16rem' }}>
              <Text size="xs" c="dimmed">
                {t('mine.cycle')}
              </Text>
              <Group gap={6}>
                <Anchor component={Link} to={`/coaching/cycles/${c.id}`} fw={600}>
                  {c.goal ?? t('cycle.title')}
                </Anchor>
                <Badge color={PHASE_COLOR[c.phase]} variant="light">
                  {t(`phase.${c.phase}`)}
                </Badge>
              </Group>
            </Paper>
          ))}
        </Group>
      ) : null}
      <Title order={3} size="h4">
        {t('mine.sessions')}
      </Title>
      <SessionList pages={logs} meId={meId} highlightLogId={highlightLogId} />
    </Stack>
  );
}
