import { ActionIcon, Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent } from '../../../common/schemas/calendar.ts';
import { CALENDAR_EVENT_KINDS } from '../../../common/schemas/calendar.ts';
import { useCalendar } from '../../api/calendar.ts';
import { usePeople } from '../../api/people.ts';
import { useMe } from '../../api/session.ts';
import { formatMonth, todayIso } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import { AgendaList } from './AgendaList.tsx';
import { isMonth, KIND_COLORS, monthOf, monthRange, shiftMonth } from './calendar-dates.ts';
import { EventDetails } from './EventDetails.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { SubscribePanel } from './SubscribePanel.tsx';

/**
 * /calendar: a person's scheduled observations, feedback meetings and coaching sessions for one
 * month (kept in the URL with the person): a month grid on wider screens, an agenda on phones.
 * Leaders pick a person in their scope; everyone can subscribe from their calendar app.
 */
export default function CalendarPage() {
  const { t } = useTranslation('calendar');
  const me = useMe();
  const [state, setState] = useUrlState({ month: '', person: '' });
  const month = isMonth(state.month) ? state.month : monthOf(todayIso());
  const { from, to } = monthRange(month);
  const calendar = useCalendar(state.person, from, to);
  const wide = useMediaQuery('(min-width: 600px)', true);
  const [open, setOpen] = useState<CalendarEvent | null>(null);
  const [subscribing, setSubscribing] = useState(false);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  // Kept while another month loads: unmounting the picker then would throw away what is being typed.
  const [viewOthers, setViewOthers] = useState(false);
  const viewOthersNow = calendar.data?.abilities.viewOthers;
  if (viewOthersNow !== undefined && viewOthersNow !== viewOthers) setViewOthers(viewOthersNow);
  const people = usePeople({ q: query || undefined, active: 'true', limit: 20 }, viewOthers);
  const label = formatMonth(month);

  const options = new Map<string, string>();
  if (calendar.data) options.set(calendar.data.person.id, calendar.data.person.name);
  for (const person of people.data?.items ?? []) options.set(person.id, personName(person));
  options.delete(me.person.id);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('description')}
        actions={
          <Button variant="light" onClick={() => setSubscribing(true)}>
            {t('subscribe.button')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('previousMonth')}
              onClick={() => setState({ month: shiftMonth(month, -1) })}
            >
              <span aria-hidden>‹</span>
            </ActionIcon>
            <Title order={2} size="h3" aria-live="polite" style={{ minWidth: 0 }}>
              {label}
            </Title>
            <ActionIcon variant="default" size="lg" aria-label={t('nextMonth')} onClick={() => setState({ month: shiftMonth(month, 1) })}>
              <span aria-hidden>›</span>
            </ActionIcon>
            <Button variant="subtle" size="compact-sm" onClick={() => setState({ month: '' })}>
              {t('today')}
            </Button>
          </Group>
          {viewOthers ? (
            <Select
              label={t('person')}
              placeholder={t('personPlaceholder')}
              searchable
              clearable
              w={{ base: '100%', xs: 280 }}
              data={[{ value: '', label: t('myCalendar') }, ...[...options].map(([value, name]) => ({ value, label: name }))]}
              value={state.person}
              searchValue={search}
              onSearchChange={setSearch}
              onChange={(value) => setState({ person: value ?? '' })}
              filter={({ options: list }) => list}
            />
          ) : null}
        </Group>
        <Group gap="xs">
          {CALENDAR_EVENT_KINDS.map((kind) => (
            <Badge key={kind} variant="dot" color={KIND_COLORS[kind]} styles={{ root: { color: 'var(--mantine-color-text)' } }}>
              {t(`legend.${kind}`)}
            </Badge>
          ))}
          <Badge variant="outline" color="gray" className="cal-closed" styles={{ root: { color: 'var(--mantine-color-text)' } }}>
            {t('nonSchoolLegend')}
          </Badge>
        </Group>
        <ErrorAlert error={calendar.error} />
        {calendar.isPending ? (
          <Loading />
        ) : calendar.data ? (
          <>
            {wide ? (
              <MonthGrid month={month} events={calendar.data.events} nonSchoolDays={calendar.data.nonSchoolDays} onOpen={setOpen} />
            ) : (
              <AgendaList month={month} events={calendar.data.events} nonSchoolDays={calendar.data.nonSchoolDays} onOpen={setOpen} />
            )}
            {wide && calendar.data.events.length === 0 ? <Text c="dimmed">{t('noEvents')}</Text> : null}
            <Text size="sm" c="dimmed">
              {t('timeZoneNote', { zone: calendar.data.timeZone })}
            </Text>
            <EventDetails event={open} onClose={() => setOpen(null)} />
          </>
        ) : null}
      </Stack>
      <AppModal opened={subscribing} onClose={() => setSubscribing(false)} title={t('subscribe.title')}>
        <SubscribePanel />
      </AppModal>
    </>
  );
}
