import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { DetailList } from '../../components/DetailList.tsx';
import { dayOf, formatTime, formatWeekday } from '../../app/format.ts';
import { eventTitle } from './calendar-dates.ts';

/** An event's details in a dialog: when, with whom, status, and a link when the reader may open it. */
export function EventDetails({ event, onClose }: { event: CalendarEvent | null; onClose: () => void }) {
  const { t } = useTranslation('calendar');
  return (
    <AppModal opened={event !== null} onClose={onClose} title={event ? eventTitle(t, event) : ''}>
      {event ? (
        <Stack gap="sm">
          <DetailList
            rows={[
              [t('details.when'), `${formatWeekday(dayOf(event.startsAt))}, ${formatTime(event.startsAt)} – ${formatTime(event.endsAt)}`],
              [t('details.with'), event.with.join(', ')],
              [t('details.status'), t(`status.${event.status}`, { defaultValue: event.status })],
            ]}
          />
          {event.link ? (
            <Button component={Link} to={event.link} onClick={onClose}>
              {t('details.open')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('details.noLink')}
            </Text>
          )}
        </Stack>
      ) : null}
    </AppModal>
  );
}
