import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';
import { todayIso } from '../../app/format.ts';
import { byDay, formatDay, formatMonth, monthWeeks, weekdayNames } from './calendar-dates.ts';
import { EventButton } from './EventButton.tsx';
import './calendar.css';

/** Desktop: the month as a table, one week a row, each day's events as buttons. */
export function MonthGrid({ month, events, timeZone, onOpen }: { month: string; events: CalendarEvent[]; timeZone: string; onOpen: (event: CalendarEvent) => void }) {
  const { t, i18n } = useTranslation('calendar');
  const locale = i18n.language;
  const weekStart = locale.startsWith('es') ? 1 : 0;
  const days = byDay(events, timeZone);
  const today = todayIso();
  return (
    <table className="cal-grid">
      <caption>
        <VisuallyHidden>{t('gridLabel', { month: formatMonth(month, locale) })}</VisuallyHidden>
      </caption>
      <thead>
        <tr>
          {weekdayNames(locale, weekStart).map((name) => (
            <th key={name.long} scope="col">
              <abbr title={name.long}>{name.short}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(month, weekStart).map((week, row) => (
          <tr key={row}>
            {week.map((day, column) =>
              day ? (
                <td key={day} className={day === today ? 'cal-today' : undefined} aria-current={day === today ? 'date' : undefined}>
                  <Text className="cal-day-number" aria-hidden>
                    {Number(day.slice(8))}
                  </Text>
                  <VisuallyHidden>{formatDay(day, locale)}</VisuallyHidden>
                  {(days.get(day) ?? []).map((event) => (
                    <EventButton key={event.id} event={event} timeZone={timeZone} onOpen={onOpen} compact />
                  ))}
                </td>
              ) : (
                <td key={`empty-${column}`} className="cal-outside" />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
