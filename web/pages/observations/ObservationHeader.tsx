import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ObservationListItem } from '../../../common/schemas/observations.ts';
import { useSchoolDays } from '../../api/observations.ts';
import { formatDate, formatDateTime, formatNumber, todayIso } from '../../app/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

/** "Draft" / "Published" (with the revision when revised). */
export function StatusBadge({ o }: { o: Pick<ObservationListItem, 'status' | 'revision'> }) {
  const { t } = useTranslation('observations');
  if (o.status === 'draft')
    return (
      <Badge color="yellow" variant="light">
        {t('status.draft')}
      </Badge>
    );
  return (
    <Badge color="green" variant="light">
      {o.revision > 1 ? t('status.revised', { revision: formatNumber(o.revision) }) : t('status.published')}
    </Badge>
  );
}

/**
 * Where the feedback stands: held, overdue, or due (with the school days left from the district
 * calendar when it answers, else just the date).
 */
export function FeedbackDue({ o }: { o: ObservationListItem }) {
  const { t } = useTranslation('observations');
  const today = todayIso();
  const days = useSchoolDays(today, o.status === 'published' && !o.feedbackHeldAt && !o.feedbackOverdue ? o.feedbackDueOn : null);
  if (o.status !== 'published') return null;
  if (o.feedbackHeldAt) return <Text size="sm">{t('feedbackDue.held', { date: formatDate(o.feedbackHeldAt) })}</Text>;
  if (!o.feedbackDueOn) return null;
  if (o.feedbackOverdue)
    return (
      <Text size="sm" c="red.8" fw={600}>
        {t('feedbackDue.overdue', { date: formatDate(o.feedbackDueOn) })}
      </Text>
    );
  const left = days.data?.schoolDays;
  return (
    <Text size="sm">
      {left === undefined
        ? t('feedbackDue.dueOn', { date: formatDate(o.feedbackDueOn) })
        : left === 0
          ? t('feedbackDue.today', { date: formatDate(o.feedbackDueOn) })
          : t('feedbackDue.dueIn', { count: left, date: formatDate(o.feedbackDueOn) })}
      {o.feedbackMeetingAt ? ` · ${t('feedbackDue.meeting', { time: formatDateTime(o.feedbackMeetingAt) })}` : ''}
    </Text>
  );
}

/** The page's heading: whom, what, when, by whom. */
export function ObservationHeader({ o }: { o: ObservationListItem }) {
  const { t } = useTranslation('observations');
  const details = [
    o.type.name,
    formatDate(o.observedOn),
    o.classLabel,
    o.durationMinutes ? t('list.minutes', { count: o.durationMinutes }) : null,
    o.school?.name,
  ].filter(Boolean);
  return (
    <>
      <Anchor component={Link} to="/observations" size="sm">
        {t('page.back')}
      </Anchor>
      <PageHeader
        title={o.kind === 'fidelity' ? t('page.fidelityTitle', { name: o.observed.name }) : t('page.title', { name: o.observed.name })}
        subtitle={
          <>
            {details.join(' · ')}
            <br />
            {t('page.by', { name: o.observer.name })}
            {o.coObserver ? ` · ${t('page.with', { name: o.coObserver.name })}` : ''}
          </>
        }
        actions={
          <Group gap="xs">
            <StatusBadge o={o} />
            {o.kind === 'fidelity' ? (
              <Badge variant="outline" color="gray">
                {t('purpose.fidelity')}
              </Badge>
            ) : o.purpose === 'evaluation' ? (
              <Badge variant="outline" color="gray">
                {t('purpose.evaluation')}
              </Badge>
            ) : (
              <Badge variant="outline" color="gray">
                {t('purpose.development')}
              </Badge>
            )}
          </Group>
        }
      />
    </>
  );
}
