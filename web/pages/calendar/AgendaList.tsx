import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';
import type { NonSchoolDay } from '../../../common/schemas/settings.ts';
import { formatMonth, formatWeekday } from '../../app/format.ts';
import { byDay } from './calendar-dates.ts';
import { EventButton } from './EventButton.tsx';
import './calendar.css';

/** Phones: the month's days that have events or are non-school days, in order, each with its events. */
export function AgendaList({
  month,
  events,
  nonSchoolDays,
  onOpen,
}: {
  month: string;
  events: CalendarEvent[];
  nonSchoolDays: NonSchoolDay[];
  onOpen: (event: CalendarEvent) => void;
}) {
  const { t } = useTranslation('calendar');
  const byDate = byDay(events);
  const closed = new Map(nonSchoolDays.map((d) => [d.day, d]));
  const days = [...new Set([...byDate.keys(), ...closed.keys()])].sort();
  if (days.length === 0) return <Text c="dimmed">{t('noEvents')}</Text>;
  return (
    <Stack gap="md" component="section" aria-label={t('agendaLabel', { month: formatMonth(month) })}>
      {events.length === 0 ? <Text c="dimmed">{t('noEvents')}</Text> : null}
      {days.map((day) => {
        const off = closed.get(day);
        return (
          <div key={day}>
            <Title order={3} size="h5">
              {formatWeekday(day)}
            </Title>
            {off ? (
              <Text className="cal-closed cal-closed-label" size="sm" px={6} py={2} mt={4}>
                {t('nonSchoolDay', { label: off.label })}
              </Text>
            ) : null}
            {(byDate.get(day) ?? []).map((event) => (
              <EventButton key={event.id} event={event} onOpen={onOpen} />
            ))}
          </div>
        );
      })}
    </Stack>
  );
}
