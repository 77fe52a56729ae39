import { Box, Group, List, Paper, SimpleGrid, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NonSchoolDay, SchoolCalendar } from '../../../common/schemas/settings.ts';
import { formatDate, formatMonth, formatNumber, weekdayNames } from '../../app/format.ts';

const KIND_COLOR: Record<string, string> = {
  holiday: 'var(--mantine-color-orange-1)',
  break: 'var(--mantine-color-yellow-1)',
  staff_day: 'var(--mantine-color-grape-1)',
  weather: 'var(--mantine-color-cyan-1)',
  other: 'var(--mantine-color-gray-2)',
};

const iso = (y: number, m: number, d: number) => `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

interface Month {
  year: number;
  month: number;
  days: { day: string; date: number; weekday: number }[];
}

/** The twelve months of a school year (July to June). */
function monthsOf(from: string): Month[] {
  const startYear = Number(from.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const year = startYear + (i >= 6 ? 1 : 0);
    const month = (6 + i) % 12;
    const count = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const days = Array.from({ length: count }, (_, d) => ({
      day: iso(year, month, d + 1),
      date: d + 1,
      weekday: new Date(Date.UTC(year, month, d + 1)).getUTCDay(),
    }));
    return { year, month, days };
  });
}

function useMonthTools(calendar: SchoolCalendar) {
  const { i18n } = useTranslation();
  const byDay = new Map(calendar.nonSchoolDays.map((d) => [d.day, d]));
  const inTerm = (day: string) => calendar.terms.some((term) => term.startsOn <= day && day <= term.endsOn);
  const monthName = (m: Month) => formatMonth(`${m.year}-${String(m.month + 1).padStart(2, '0')}`);
  const schoolDays = (m: Month) => m.days.filter((d) => d.weekday !== 0 && d.weekday !== 6 && !byDay.has(d.day) && inTerm(d.day)).length;
  return { byDay, inTerm, monthName, schoolDays, language: i18n.language };
}

function MonthTable({ month, calendar }: { month: Month; calendar: SchoolCalendar }) {
  const { t } = useTranslation('settings');
  const { byDay, inTerm, monthName, schoolDays } = useMonthTools(calendar);
  const weekdays = weekdayNames(0, 'narrow');
  const first = month.days[0]!.weekday;
  const cells: (Month['days'][number] | null)[] = [...Array<null>(first).fill(null), ...month.days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const count = schoolDays(month);
  return (
    <Paper withBorder p="xs">
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>
          {monthName(month)}
          <Text span size="xs" c="dimmed" fw={400}>
            {' · '}
            {t('calendar.monthSchoolDays', { count, formatted: formatNumber(count) })}
          </Text>
        </caption>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w.long} scope="col" abbr={w.long} style={{ fontSize: 11, fontWeight: 500, color: 'var(--mantine-color-gray-7)' }}>
                {w.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((cell, i) => {
                if (!cell) return <td key={i} />;
                const closed = byDay.get(cell.day);
                const weekend = cell.weekday === 0 || cell.weekday === 6;
                const term = inTerm(cell.day);
                return (
                  <td
                    key={cell.day}
                    title={closed ? `${closed.label} (${t(`dayKind.${closed.kind}`)})` : undefined}
                    style={{
                      textAlign: 'center',
                      fontSize: 12,
                      padding: '3px 0',
                      borderRadius: 4,
                      background: closed ? KIND_COLOR[closed.kind] : undefined,
                      color: weekend ? 'var(--mantine-color-gray-7)' : undefined,
                      fontStyle: weekend ? 'italic' : undefined,
                      fontWeight: term && !weekend && !closed ? 600 : 400,
                      textDecoration: closed ? 'underline dotted' : undefined,
                    }}
                  >
                    {cell.date}
                    {closed ? <VisuallyHidden>{`, ${closed.label} (${t(`dayKind.${closed.kind}`)})`}</VisuallyHidden> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Paper>
  );
}

function Legend() {
  const { t } = useTranslation('settings');
  return (
    <Group gap="md" mb="sm" wrap="wrap" aria-label={t('calendar.legend')} role="group">
      {Object.entries(KIND_COLOR).map(([kind, color]) => (
        <Group key={kind} gap={6} wrap="nowrap">
          <Box w={14} h={14} style={{ background: color, borderRadius: 3, border: '1px solid var(--mantine-color-gray-4)' }} />
          <Text size="xs">{t(`dayKind.${kind}`)}</Text>
        </Group>
      ))}
      <Text size="xs" fw={600}>
        {t('calendar.boldIsSchoolDay')}
      </Text>
    </Group>
  );
}

function MonthList({ calendar }: { calendar: SchoolCalendar }) {
  const { t } = useTranslation('settings');
  const { byDay, monthName, schoolDays } = useMonthTools(calendar);
  return (
    <List listStyleType="none" spacing="sm" p={0}>
      {monthsOf(calendar.from).map((m) => {
        const closed = m.days.map((d) => byDay.get(d.day)).filter((d): d is NonSchoolDay => Boolean(d));
        const count = schoolDays(m);
        return (
          <List.Item key={`${m.year}-${m.month}`}>
            <Title order={3} size="h5">
              {monthName(m)}
            </Title>
            <Text size="sm" c="dimmed">
              {t('calendar.monthSchoolDays', { count, formatted: formatNumber(count) })}
            </Text>
            {closed.length > 0 ? (
              <List size="sm" withPadding>
                {closed.map((d) => (
                  <List.Item key={d.id}>{`${formatDate(d.day)}: ${d.label} (${t(`dayKind.${d.kind}`)})`}</List.Item>
                ))}
              </List>
            ) : null}
          </List.Item>
        );
      })}
    </List>
  );
}

/** The school year at a glance: a small table per month (non-school days shaded and named), or a list. */
export function YearGrid({ calendar, view }: { calendar: SchoolCalendar; view: 'months' | 'list' }) {
  if (view === 'list') return <MonthList calendar={calendar} />;
  return (
    <>
      <Legend />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
        {monthsOf(calendar.from).map((m) => (
          <MonthTable key={`${m.year}-${m.month}`} month={m} calendar={calendar} />
        ))}
      </SimpleGrid>
    </>
  );
}
