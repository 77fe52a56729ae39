import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';
import { byDay, formatDay, formatMonth } from './calendar-dates.ts';
import { EventButton } from './EventButton.tsx';

/** Phones: the month's days that have events, in order, each with its events. */
export function AgendaList({ month, events, timeZone, onOpen }: { month: string; events: CalendarEvent[]; timeZone: string; onOpen: (event: CalendarEvent) => void }) {
  const { t, i18n } = useTranslation('calendar');
  const days = [...byDay(events, timeZone).entries()].sort(([a], [b]) => a.localeCompare(b));
  if (days.length === 0) return <Text c="dimmed">{t('noEvents')}</Text>;
  return (
    <Stack gap="md" component="section" aria-label={t('agendaLabel', { month: formatMonth(month, i18n.language) })}>
      {days.map(([day, list]) => (
        <div key={day}>
          <Title order={3} size="h5">
            {formatDay(day, i18n.language)}
          </Title>
          {list.map((event) => (
            <EventButton key={event.id} event={event} timeZone={timeZone} onOpen={onOpen} />
          ))}
        </div>
      ))}
    </Stack>
  );
}
