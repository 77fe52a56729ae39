import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCheckIns } from '../../../api/performance-review.ts';
import { formatDate } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { CheckInCard } from './CheckInCard.tsx';
import { PlanSubtitle, PlanTabs } from './PlanChrome.tsx';

/** A plan's check-ins (dates from the cycle): progress per goal and focus area, notes from both sides. */
export default function CheckInsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('performance');
  const query = useCheckIns(id);
  const list = query.data;
  return (
    <>
      <PageHeader title={t('checkIns.title')} subtitle={list ? <PlanSubtitle plan={list.plan} /> : undefined} />
      <PlanTabs planId={id} current="checkIns" />
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {!list ? (
        query.error ? null : (
          <Loading />
        )
      ) : (
        <Stack gap="md">
          {!list.abilities.checkIn ? <Alert color="gray">{t('checkIns.notYet')}</Alert> : null}
          {list.nextCheckInOn ? <Text>{t('checkIns.next', { date: formatDate(list.nextCheckInOn) })}</Text> : null}
          {list.items.length === 0 ? <Text c="dimmed">{t('checkIns.none')}</Text> : null}
          {list.items.map((c) => (
            <CheckInCard key={c.id} planId={id} list={list} checkIn={c} />
          ))}
        </Stack>
      )}
    </>
  );
}
