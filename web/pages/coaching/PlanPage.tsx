import { Anchor, Button, Paper, Stack, Table, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useCaseload, usePlan } from '../../api/coaching.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { focusLabel } from './format.ts';
import { LogSessionModal } from './LogSessionModal.tsx';
import { PlanFormModal } from './PlanFormModal.tsx';
import { ReviewsSection } from './ReviewsSection.tsx';
import { SessionList } from './SessionList.tsx';

// The delivery chart (recharts) loads after the plan it draws.
const DeliveryChart = lazy(() => import('./DeliveryChart.tsx').then((m) => ({ default: m.DeliveryChart })));
import { useSessionPages } from '../../api/coaching.ts';

/** A coaching service delivery plan: focus, activities, fading frequency, reviews, planned vs delivered, sessions. */
export default function PlanPage() {
  const { t } = useTranslation('coaching');
  const { id = '' } = useParams();
  const me = useMe();
  const plan = usePlan(id);
  const logs = useSessionPages({ planId: id });
  const editor = plan.data?.abilities.edit ?? false;
  const caseload = useCaseload(editor);
  const [dialog, setDialog] = useState<'edit' | 'log' | null>(null);
  if (isApiError(plan.error, 'not_found')) return <NotFoundPage />;
  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  const people = caseload.data?.items.map((i) => i.person) ?? p.members;
  const close = () => setDialog(null);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/coaching" size="sm">
        {t('page.back')}
      </Anchor>
      <PageHeader
        title={p.title}
        subtitle={t('plan.subtitle', { members: p.members.map(personName).join(', '), coach: personName(p.coach) })}
        actions={
          editor ? (
            <>
              <Button onClick={() => setDialog('log')}>{t('caseload.logSession')}</Button>
              <Button variant="default" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            </>
          ) : null
        }
      />
      <Paper withBorder p="md">
        <DetailList
          rows={[
            [t('plan.status'), t(`planStatus.${p.status}`)],
            [t('plan.span'), `${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}`],
            [t('plan.focusItems'), p.focusItems.map(focusLabel).join(' · ') || '—'],
            [t('plan.focusComponents'), p.focusComponents.join(' · ') || '—'],
            [t('plan.activities'), p.activities.map((a) => t(`activity.${a}`)).join(', ') || '—'],
            [t('plan.sessionMinutes'), p.sessionMinutes ? t('plan.minutes', { count: p.sessionMinutes }) : '—'],
          ]}
        />
      </Paper>
      <Stack gap="xs" component="section" aria-labelledby="phases-title">
        <Title order={2} size="h3" id="phases-title">
          {t('plan.phases')}
        </Title>
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.from')}</Table.Th>
                <Table.Th scope="col">{t('plan.perMonth')}</Table.Th>
                <Table.Th scope="col">{t('plan.criterion')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.phases.map((ph) => (
                <Table.Tr key={ph.startsOn}>
                  <Table.Td>{formatDate(ph.startsOn)}</Table.Td>
                  <Table.Td>{formatNumber(ph.sessionsPerMonth)}</Table.Td>
                  <Table.Td>{ph.criterion ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <ReviewsSection plan={p} />
      <Stack gap="xs" component="section" aria-labelledby="delivery-title">
        <Title order={2} size="h3" id="delivery-title">
          {t('delivery.title')}
        </Title>
        <Suspense fallback={<Loading />}>
          <DeliveryChart delivery={p.delivery} />
        </Suspense>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="plan-sessions-title">
        <Title order={2} size="h3" id="plan-sessions-title">
          {t('mine.sessions')}
        </Title>
        <SessionList pages={logs} meId={me.person.id} />
      </Stack>
      {dialog === 'edit' ? (
        <PlanFormModal
          people={people}
          plan={p}
          onClose={close}
          onSaved={() => {
            close();
            notifySuccess(t('plan.saved'));
          }}
        />
      ) : null}
      {dialog === 'log' ? (
        <LogSessionModal
          people={people}
          attendeeIds={p.members.map((m) => m.id)}
          planId={p.id}
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
