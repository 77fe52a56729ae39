import { Anchor, Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { schoolYearOf } from '../../../common/schemas/settings.ts';
import { useSchoolCalendar } from '../../api/settings.ts';
import { useMe } from '../../api/session.ts';
import { todayIso } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { NonSchoolDaysSection } from './NonSchoolDaysSection.tsx';
import { TermsSection } from './TermsSection.tsx';
import { YearGrid } from './YearGrid.tsx';

function yearChoices(current: string): string[] {
  const start = Number(current.slice(0, 4));
  return [-1, 0, 1, 2].map((d) => `${start + d}-${String((start + d + 1) % 100).padStart(2, '0')}`);
}

/** HR and admins: the district school calendar of a school year (terms, non-school days, the months at a glance). */
export default function SchoolCalendarPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const thisYear = schoolYearOf(todayIso());
  const [url, setUrl] = useUrlState({ year: thisYear, view: 'months' });
  const years = yearChoices(thisYear);
  const schoolYear = years.includes(url.year) || /^\d{4}-\d{2}$/.test(url.year) ? url.year : thisYear;
  const calendar = useSchoolCalendar(schoolYear);
  if (!me.abilities.manageObservationSettings) return <NotAllowed />;
  const data = calendar.data?.schoolYear === schoolYear ? calendar.data : undefined;
  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        actions={
          <Anchor component={Link} to="/settings/observations">
            {t('page.title')}
          </Anchor>
        }
      />
      <NativeSelect
        label={t('calendar.schoolYear')}
        value={schoolYear}
        onChange={(e) => setUrl({ year: e.currentTarget.value })}
        data={(years.includes(schoolYear) ? years : [schoolYear, ...years]).map((y) => ({ value: y, label: y }))}
        w={{ base: '100%', xs: 200 }}
        mb="md"
      />
      <ErrorAlert error={calendar.error} />
      {!data && !calendar.error ? <Loading /> : null}
      {data ? (
        <Stack gap="xl">
          <TermsSection calendar={data} />
          <NonSchoolDaysSection calendar={data} />
          <section aria-labelledby="year-view">
            <Group justify="space-between" mb="sm" gap="sm">
              <Text component="h2" fw={700} size="lg" id="year-view">
                {t('calendar.atAGlance')}
              </Text>
              <SegmentedControl
                aria-label={t('calendar.view')}
                value={url.view === 'list' ? 'list' : 'months'}
                onChange={(view) => setUrl({ view })}
                data={[
                  { value: 'months', label: t('calendar.months') },
                  { value: 'list', label: t('calendar.list') },
                ]}
              />
            </Group>
            <YearGrid calendar={data} view={url.view === 'list' ? 'list' : 'months'} />
          </section>
        </Stack>
      ) : null}
    </>
  );
}
