import { Badge, Button, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ObservationsShown } from './ObservationsShown.tsx';
import type { ObservationListItem } from '../../../common/schemas/observations.ts';
import { loadedObservations, useObservationPages, type ObservationFilters } from '../../api/observations.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { StatusBadge } from './ObservationHeader.tsx';
import { ObservationLink, ObservationRows, type ObservationCard, type ObservationColumn } from './ObservationRows.tsx';
import { useQueuedDrafts } from './queue.ts';
import './observations.css';

const LIMIT = 25;

/** Feedback: held, overdue, due, acknowledged: the one line that matters for the row. */
function FeedbackCell({ o }: { o: ObservationListItem }) {
  const { t } = useTranslation('observations');
  if (o.status !== 'published') return <Text size="sm">—</Text>;
  return (
    <Group gap={4}>
      {o.feedbackHeldAt ? (
        <Text size="sm">{t('list.feedbackHeld')}</Text>
      ) : o.feedbackOverdue ? (
        <Badge color="red" variant="light">
          {t('list.feedbackOverdue')}
        </Badge>
      ) : o.feedbackDueOn ? (
        <Text size="sm">{t('list.feedbackDue', { date: formatDate(o.feedbackDueOn) })}</Text>
      ) : null}
      {o.acknowledgedRevision === o.revision ? (
        <Badge color="teal" variant="light">
          {t('list.acknowledged')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** My rows: the other person (and their school), type, date, status and feedback. */
function Rows({ items, mine }: { items: ObservationListItem[]; mine: string }) {
  const { t } = useTranslation('observations');
  const received = mine === 'received';
  const columns: ObservationColumn[] = [
    {
      key: 'who',
      header: received ? t('list.observer') : t('list.teacher'),
      cell: (o) => (
        <>
          <ObservationLink o={o}>{received ? o.observer.name : o.observed.name}</ObservationLink>
          {o.school ? (
            <Text size="xs" c="dimmed">
              {o.school.name}
            </Text>
          ) : null}
        </>
      ),
    },
    { key: 'type', header: t('list.type'), cell: (o) => o.type.name },
    { key: 'date', header: t('list.date'), cell: (o) => formatDate(o.observedOn) },
    { key: 'status', header: t('list.status'), cell: (o) => <StatusBadge o={o} /> },
    { key: 'feedback', header: t('list.feedback'), cell: (o) => <FeedbackCell o={o} /> },
  ];
  const card: ObservationCard = {
    title: (o) => (received ? t('list.by', { name: o.observer.name }) : o.observed.name),
    details: (o) => [o.type.name, formatDate(o.observedOn), o.classLabel],
    extra: (o) => (o.status === 'published' ? <FeedbackCell o={o} /> : null),
  };
  return <ObservationRows items={items} columns={columns} card={card} />;
}

/** Observations I made (drafts and published) and observations of me, filtered and paged. */
export default function ObservationsPage() {
  const { t } = useTranslation(['observations', 'district']);
  const me = useMe();
  const observer = me.abilities.observe;
  useQueuedDrafts(me.id);
  const [filters, setFilters] = useUrlState({ mine: observer ? 'made' : 'received', status: '', kind: '' });
  const mine = filters.mine === 'received' ? 'received' : 'made';
  const query: ObservationFilters = {
    mine,
    status: mine === 'made' && (filters.status === 'draft' || filters.status === 'published') ? filters.status : undefined,
    kind: filters.kind === 'scored' || filters.kind === 'walkthrough' ? filters.kind : undefined,
    limit: LIMIT,
  };
  const list = useObservationPages(query);
  const { items } = loadedObservations(list);

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('list.title')}
        actions={
          observer || me.abilities.viewDistrictTracker || me.abilities.manageTeams ? (
            <>
              {me.abilities.manageTeams ? (
                <Button variant="default" component={Link} to="/observations/walkthroughs">
                  {t('walkthroughReport.title')}
                </Button>
              ) : null}
              {me.abilities.viewDistrictTracker ? (
                <Button variant="default" component={Link} to="/observations/district">
                  {t('district:observations.title')}
                </Button>
              ) : null}
              {observer ? (
                <Button component={Link} to="/observations/new">
                  {t('list.new')}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      <Tabs value={mine} onChange={(v) => setFilters({ mine: v ?? 'made', status: '' })}>
        <Tabs.List>
          <Tabs.Tab value="made">{t('list.made')}</Tabs.Tab>
          <Tabs.Tab value="received">{t('list.received')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group gap="sm" align="flex-end" className="obs-stack-on-phone">
        {mine === 'made' ? (
          <Select
            label={t('list.status')}
            data={[
              { value: '', label: t('list.anyStatus') },
              { value: 'draft', label: t('status.draft') },
              { value: 'published', label: t('status.published') },
            ]}
            value={filters.status}
            onChange={(v) => setFilters({ status: v ?? '' })}
            allowDeselect={false}
          />
        ) : null}
        <Select
          label={t('list.kind')}
          data={[
            { value: '', label: t('list.anyKind') },
            { value: 'scored', label: t('kind.scored') },
            { value: 'walkthrough', label: t('kind.walkthrough') },
          ]}
          value={filters.kind}
          onChange={(v) => setFilters({ kind: v ?? '' })}
          allowDeselect={false}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {!list.data ? (
        list.error ? null : (
          <Loading />
        )
      ) : items.length ? (
        <>
          <Rows items={items} mine={mine} />
          <ObservationsShown pages={list} />
        </>
      ) : (
        <Text c="dimmed">{mine === 'made' ? t('list.emptyMade') : t('list.emptyReceived')}</Text>
      )}
    </Stack>
  );
}
