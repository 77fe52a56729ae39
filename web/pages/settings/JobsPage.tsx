import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackgroundJob } from '../../../common/schemas/jobs.ts';
import { useJobs, useRetryJob } from '../../api/jobs.ts';
import { useMe } from '../../api/session.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';

const STATE_COLOR: Record<BackgroundJob['state'], string> = {
  created: 'blue',
  retry: 'yellow',
  active: 'blue',
  completed: 'green',
  cancelled: 'gray',
  failed: 'red',
};

/** One job: what it does, where it stands, its attempts and why it failed; a retry button when it gave up. */
function JobItem({ job }: { job: BackgroundJob }) {
  const { t } = useTranslation('settings');
  const retry = useRetryJob();
  const when =
    job.state === 'retry' || job.state === 'created'
      ? t('jobs.runAfter', { time: formatDateTime(job.runAfter) })
      : job.finishedAt
        ? t('jobs.finishedAt', { time: formatDateTime(job.finishedAt) })
        : job.startedAt
          ? t('jobs.startedAt', { time: formatDateTime(job.startedAt) })
          : null;
  return (
    <Paper component="li" withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600}>{t(`jobs.kind.${job.kind}`)}</Text>
          <Text size="sm">{t('jobs.queuedAt', { time: formatDateTime(job.createdAt) })}</Text>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={STATE_COLOR[job.state]}>
              {t(`jobs.state.${job.state}`)}
            </Badge>
            <Text size="sm" component="span">
              {[
                job.state === 'completed'
                  ? t('jobs.attemptsTaken', { count: job.attempts })
                  : t('jobs.attempts', { count: job.attempts, max: job.maxAttempts }),
                when,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Group>
          {job.error ? (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('jobs.error', { error: job.error })}
            </Text>
          ) : null}
          <ErrorAlert error={retry.error} />
        </Stack>
        {job.abilities.retry ? (
          <Button
            variant="light"
            loading={retry.isPending}
            onClick={() => retry.mutate(job.id)}
            aria-label={t('jobs.retryNamed', { kind: t(`jobs.kind.${job.kind}`), time: formatDateTime(job.createdAt) })}
          >
            {t('jobs.retry')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}

/** The district's background jobs (imports, summary refreshes): recent ones, failed ones, retry. */
export default function JobsPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const [filters, setFilters] = useUrlState({ show: 'all' });
  const failedOnly = filters.show === 'failed';
  const jobs = useJobs(failedOnly);
  if (!me.abilities.manageJobs) return <NotAllowed />;
  return (
    <>
      <PageHeader title={t('jobs.title')} subtitle={t('jobs.subtitle')} />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('jobs.filterLabel')}
          value={failedOnly ? 'failed' : 'all'}
          onChange={(value) => setFilters({ show: value })}
          data={[
            { value: 'all', label: t('jobs.filter.all') },
            { value: 'failed', label: t('jobs.filter.failed') },
          ]}
          maw={360}
        />
        {jobs.data ? <Alert color="blue">{t('jobs.timeZone', { zone: jobs.data.timeZone })}</Alert> : null}
        {jobs.isPending ? <Loading /> : null}
        <ErrorAlert error={jobs.error} />
        {jobs.data?.items.length === 0 ? <Text>{t(failedOnly ? 'jobs.emptyFailed' : 'jobs.empty')}</Text> : null}
        <Stack component="ul" gap="sm" aria-label={t('jobs.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {jobs.data?.items.map((job) => (
            <JobItem key={job.id} job={job} />
          ))}
        </Stack>
      </Stack>
    </>
  );
}
