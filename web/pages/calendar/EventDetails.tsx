import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { DetailList } from '../../components/DetailList.tsx';
import { dayIn, eventTitle, formatDay, formatTime } from './calendar-dates.ts';

/** An event's details in a dialog: when, with whom, status, and a link when the reader may open it. */
export function EventDetails({ event, timeZone, onClose }: { event: CalendarEvent | null; timeZone: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('calendar');
  const locale = i18n.language;
  return (
    <AppModal opened={event !== null} onClose={onClose} title={event ? eventTitle(t, event) : ''}>
      {event ? (
        <Stack gap="sm">
          <DetailList
            rows={[
              [t('details.when'), `${formatDay(dayIn(event.startsAt, timeZone), locale)}, ${formatTime(event.startsAt, timeZone, locale)} – ${formatTime(event.endsAt, timeZone, locale)}`],
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
