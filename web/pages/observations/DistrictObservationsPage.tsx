import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ObservationsShown } from './ObservationsShown.tsx';
import type { ObservationListItem } from '../../../common/schemas/observations.ts';
import { loadedObservations, useObservationPages, type ObservationFilters } from '../../api/observations.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { DistrictFilters } from './DistrictFilters.tsx';
import { StatusBadge } from './ObservationHeader.tsx';
import './observations.css';

const LIMIT = 25;

function Feedback({ o }: { o: ObservationListItem }) {
  const { t } = useTranslation('district');
  if (o.status !== 'published') return null;
  if (o.feedbackHeldAt) return <Text size="sm">{t('observations.feedbackHeld')}</Text>;
  if (o.feedbackOverdue) return <Text size="sm" c="red.8" fw={600}>{t('observations.feedbackOverdue')}</Text>;
  return o.feedbackDueOn ? <Text size="sm">{t('observations.feedbackDue', { date: formatDate(o.feedbackDueOn) })}</Text> : null;
}

function Rows({ items }: { items: ObservationListItem[] }) {
  const { t } = useTranslation('district');
  const phone = useIsPhone();
  if (phone) {
    return (
      <Stack gap="xs" component="ul" className="obs-plain-list">
        {items.map((o) => (
          <Paper key={o.id} withBorder p="sm" radius="md" component="li">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/observations/${o.id}`} fw={600}>
                  {o.observed.name}
                </Anchor>
                <StatusBadge o={o} />
              </Group>
              <Text size="sm" c="dimmed">
                {[o.type.name, formatDate(o.observedOn), o.school?.name].filter(Boolean).join(' · ')}
              </Text>
              <Text size="sm">{t('observations.by', { name: o.observer.name })}</Text>
              <Feedback o={o} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('observations.teacher')}</Table.Th>
          <Table.Th>{t('observations.school')}</Table.Th>
          <Table.Th>{t('observations.observer')}</Table.Th>
          <Table.Th>{t('observations.type')}</Table.Th>
          <Table.Th>{t('observations.date')}</Table.Th>
          <Table.Th>{t('observations.status')}</Table.Th>
          <Table.Th>{t('observations.feedback')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <Anchor component={Link} to={`/observations/${o.id}`}>
                {o.observed.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{o.school?.name ?? '—'}</Table.Td>
            <Table.Td>{o.observer.name}</Table.Td>
            <Table.Td>{o.type.name}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(o.observedOn)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <StatusBadge o={o} />
            </Table.Td>
            <Table.Td>
              <Feedback o={o} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
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
        list.error ? null : <Loading />
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
