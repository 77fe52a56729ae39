import { Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';
import { dayOf, formatTime, formatWeekday } from '../../app/format.ts';
import { eventTitle, KIND_COLORS } from './calendar-dates.ts';
import './calendar.css';

/** One event as a button (opens its details): time and title, the kind as a coloured edge and in the accessible name. */
export function EventButton({
  event,
  onOpen,
  compact,
}: {
  event: CalendarEvent;
  onOpen: (event: CalendarEvent) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation('calendar');
  const time = formatTime(event.startsAt);
  const title = eventTitle(t, event);
  const color = KIND_COLORS[event.kind];
  return (
    <UnstyledButton
      className={'cal-event'}
      style={{ borderLeftColor: `var(--mantine-color-${color}-6)`, background: `var(--mantine-color-${color}-0)` }}
      onClick={() => onOpen(event)}
    >
      {/* The name reads "<kind>: <time> <title>, <day>"; the visible part stays a contiguous piece of it. */}
      <VisuallyHidden>{`${t(`legend.${event.kind}`)}: `}</VisuallyHidden>
      <Text span size="xs" fw={600}>
        {time}
      </Text>{' '}
      <Text span size="xs" lineClamp={compact ? 3 : undefined}>
        {title}
      </Text>
      <VisuallyHidden>{`, ${formatWeekday(dayOf(event.startsAt))}`}</VisuallyHidden>
    </UnstyledButton>
  );
}
