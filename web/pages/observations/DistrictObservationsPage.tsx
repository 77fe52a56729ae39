import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ObservationsShown } from './ObservationsShown.tsx';
import type { ObservationListItem } from '../../../common/schemas/observations.ts';
import { loadedObservations, useObservationPages, type ObservationFilters } from '../../api/observations.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { DistrictFilters } from './DistrictFilters.tsx';
import { StatusBadge } from './ObservationHeader.tsx';
import { ObservationLink, ObservationRows, type ObservationCard, type ObservationColumn } from './ObservationRows.tsx';

const LIMIT = 25;

function Feedback({ o }: { o: ObservationListItem }) {
  const { t } = useTranslation('district');
  if (o.status !== 'published') return null;
  if (o.feedbackHeldAt) return <Text size="sm">{t('observations.feedbackHeld')}</Text>;
  if (o.feedbackOverdue)
    return (
      <Text size="sm" c="red.8" fw={600}>
        {t('observations.feedbackOverdue')}
      </Text>
    );
  return o.feedbackDueOn ? <Text size="sm">{t('observations.feedbackDue', { date: formatDate(o.feedbackDueOn) })}</Text> : null;
}

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The district's rows: who was observed, where, by whom, what, when, status and feedback. */
function Rows({ items }: { items: ObservationListItem[] }) {
  const { t } = useTranslation('district');
  const columns: ObservationColumn[] = [
    { key: 'teacher', header: t('observations.teacher'), cell: (o) => <ObservationLink o={o}>{o.observed.name}</ObservationLink> },
    { key: 'school', header: t('observations.school'), cell: (o) => o.school?.name ?? '—' },
    { key: 'observer', header: t('observations.observer'), cell: (o) => o.observer.name },
    { key: 'type', header: t('observations.type'), cell: (o) => o.type.name },
    { key: 'date', header: t('observations.date'), cell: (o) => formatDate(o.observedOn), style: nowrap },
    { key: 'status', header: t('observations.status'), cell: (o) => <StatusBadge o={o} />, style: nowrap },
    { key: 'feedback', header: t('observations.feedback'), cell: (o) => <Feedback o={o} /> },
  ];
  const card: ObservationCard = {
    title: (o) => o.observed.name,
    details: (o) => [o.type.name, formatDate(o.observedOn), o.school?.name],
    extra: (o) => (
      <>
        <Text size="sm">{t('observations.by', { name: o.observer.name })}</Text>
        <Feedback o={o} />
      </>
    ),
  };
  return <ObservationRows items={items} columns={columns} card={card} />;
}

/**
 * Every observation of the district HR and admins may read (published ones, and their own drafts),
 * filtered by school, observer, type, status and dates: GET /api/observations with its filters.
 */
export default function DistrictObservationsPage() {
  const { t } = useTranslation('district');
  const me = useMe();
  const [f, setF] = useUrlState({ school: '', observer: '', observerName: '', type: '', status: '', from: '', to: '' });
  const query: ObservationFilters = {
    schoolId: f.school || undefined,
    observerPersonId: f.observer || undefined,
    typeId: f.type || undefined,
    status: f.status === 'draft' || f.status === 'published' ? f.status : undefined,
    from: /^\d{4}-\d{2}-\d{2}$/.test(f.from) ? f.from : undefined,
    to: /^\d{4}-\d{2}-\d{2}$/.test(f.to) ? f.to : undefined,
    limit: LIMIT,
  };
  const list = useObservationPages(query);
  const { items } = loadedObservations(list);
  if (!me.abilities.viewDistrictTracker) return <NotAllowed />;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/observations" size="sm">
        {t('observations.back')}
      </Anchor>
      <PageHeader title={t('observations.title')} subtitle={t('observations.subtitle')} />
      <DistrictFilters values={f} onChange={setF} />
      <ErrorAlert error={list.error} />
      {!list.data ? (
        list.error ? null : (
          <Loading />
        )
      ) : items.length ? (
        <>
          <Rows items={items} />
          <ObservationsShown pages={list} />
        </>
      ) : (
        <Text c="dimmed">{t('observations.empty')}</Text>
      )}
    </Stack>
  );
}
