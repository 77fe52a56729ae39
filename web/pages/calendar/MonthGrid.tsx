import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';
import type { NonSchoolDay } from '../../../common/schemas/settings.ts';
import { formatMonth, formatWeekday, todayIso, weekdayNames } from '../../app/format.ts';
import { byDay, monthWeeks } from './calendar-dates.ts';
import { EventButton } from './EventButton.tsx';
import './calendar.css';

/** Desktop: the month as a table, one week a row, each day's events as buttons; non-school days shaded and named. */
export function MonthGrid({
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
  const { t, i18n } = useTranslation('calendar');
  const weekStart = i18n.language.startsWith('es') ? 1 : 0;
  const days = byDay(events);
  const closed = new Map(nonSchoolDays.map((d) => [d.day, d]));
  const today = todayIso();
  return (
    <table className="cal-grid">
      <caption>
        <VisuallyHidden>{t('gridLabel', { month: formatMonth(month) })}</VisuallyHidden>
      </caption>
      <thead>
        <tr>
          {weekdayNames(weekStart).map((name) => (
            <th key={name.long} scope="col">
              <abbr title={name.long}>{name.short}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(month, weekStart).map((week, row) => (
          <tr key={row}>
            {week.map((day, column) => {
              if (!day) return <td key={`empty-${column}`} className="cal-outside" />;
              const off = closed.get(day);
              const classes = [day === today ? 'cal-today' : '', off ? 'cal-closed' : ''].filter(Boolean).join(' ');
              return (
                <td key={day} className={classes || undefined} aria-current={day === today ? 'date' : undefined}>
                  <Text className="cal-day-number" aria-hidden>
                    {Number(day.slice(8))}
                  </Text>
                  <VisuallyHidden>{formatWeekday(day)}</VisuallyHidden>
                  {off ? (
                    <Text className="cal-closed-label" size="xs">
                      {t('nonSchoolDay', { label: off.label })}
                    </Text>
                  ) : null}
                  {(days.get(day) ?? []).map((event) => (
                    <EventButton key={event.id} event={event} onOpen={onOpen} compact />
                  ))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
