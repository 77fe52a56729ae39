import { Alert, Anchor, Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OBSERVED_ROLES } from '../../../common/observation.ts';
import { TRACKER_SORT_KEYS, type SchoolTracker } from '../../../common/schemas/tracker.ts';
import { isApiError } from '../../api/client.ts';
import { trackerQuery, useSchoolTracker, type TrackerFilters } from '../../api/tracker.ts';
import { formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { LevelLegend, columnLabel } from './cells.tsx';
import { TrackerCards } from './TrackerCards.tsx';
import { TrackerTable } from './TrackerTable.tsx';

const DEFAULTS: TrackerFilters = { role: '', team: '', belowProficient: '', flags: '', sort: 'name' };

function FilterBar({
  tracker,
  filters,
  set,
}: {
  tracker: SchoolTracker;
  filters: TrackerFilters;
  set: (p: Partial<TrackerFilters>) => void;
}) {
  const { t } = useTranslation('tracker');
  const flags = filters.flags.split(',').filter(Boolean);
  const toggleFlag = (flag: string, on: boolean) => set({ flags: (on ? [...flags, flag] : flags.filter((f) => f !== flag)).join(',') });
  const sortOptions = [
    ...TRACKER_SORT_KEYS.filter((k) => k !== 'team' || tracker.teams.length > 0).map((k) => ({ value: k, label: t(`col.${k}`) })),
    ...tracker.columns.map((c) => ({ value: `item:${c.itemId}`, label: columnLabel(c) })),
  ];
  const filtered = filters.role || filters.team || filters.belowProficient || filters.flags;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('filters.role')}
        w={180}
        data={[{ value: '', label: t('filters.anyRole') }, ...OBSERVED_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
        value={filters.role}
        onChange={(v) => set({ role: v ?? '' })}
        allowDeselect={false}
      />
      {tracker.teams.length ? (
        <Select
          label={t('filters.team')}
          w={180}
          data={[
            { value: '', label: t('filters.anyTeam') },
            { value: 'none', label: t('filters.noTeam') },
            ...tracker.teams.map((x) => ({ value: x.id, label: x.name })),
          ]}
          value={filters.team}
          onChange={(v) => set({ team: v ?? '' })}
          allowDeselect={false}
        />
      ) : null}
      <Select
        label={t('filters.below')}
        w={240}
        searchable
        data={[
          { value: '', label: t('filters.anyCompetency') },
          ...tracker.columns.map((c) => ({ value: c.itemId, label: `${c.humanCode ?? ''} ${c.statement}`.trim() })),
        ]}
        value={filters.belowProficient}
        onChange={(v) => set({ belowProficient: v ?? '' })}
        allowDeselect={false}
      />
      <Select
        label={t('filters.sort')}
        w={260}
        data={sortOptions.flatMap((o) => [
          { value: o.value, label: `${o.label} (${t('sortAsc')})` },
          { value: `-${o.value}`, label: `${o.label} (${t('sortDesc')})` },
        ])}
        value={filters.sort}
        onChange={(v) => set({ sort: v ?? 'name' })}
        allowDeselect={false}
      />
      <Stack gap={6} pb={4}>
        <Checkbox
          label={t('filters.overdue')}
          checked={flags.includes('overdue')}
          onChange={(e) => toggleFlag('overdue', e.currentTarget.checked)}
        />
        {tracker.view === 'full' ? (
          <Checkbox
            label={t('filters.missing')}
            checked={flags.includes('missing')}
            onChange={(e) => toggleFlag('missing', e.currentTarget.checked)}
          />
        ) : null}
      </Stack>
      {filtered ? (
        <Button variant="subtle" onClick={() => set({ role: '', team: '', belowProficient: '', flags: '' })}>
          {t('filters.clear')}
        </Button>
      ) : null}
    </Group>
  );
}

/** One school's tracker: filters and sort in the URL, a sortable table (cards on phones), exports. */
export default function SchoolTrackerPage() {
  const { t } = useTranslation('tracker');
  const { id = '' } = useParams();
  const [filters, set] = useUrlState(DEFAULTS);
  const tracker = useSchoolTracker(id, filters);
  const phone = useIsPhone();
  if (isApiError(tracker.error, 'not_found')) return <NotFoundPage />;
  if (isApiError(tracker.error, 'forbidden')) return <NotAllowed />;
  if (tracker.error) return <ErrorAlert error={tracker.error} />;
  if (!tracker.data) return <Loading />;
  const data = tracker.data;
  const exportHref = (format: string) =>
    `/api/tracker/schools/${id}/export${trackerQuery(filters)}${trackerQuery(filters) ? '&' : '?'}format=${format}`;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/tracker" size="sm">
        {t('school.back')}
      </Anchor>
      <PageHeader
        title={data.school.name}
        subtitle={t('school.subtitle', { term: data.term?.name ?? t('school.noTerm'), required: data.requiredPerTerm })}
        actions={
          <>
            <Button component="a" variant="default" href={exportHref('csv')} download>
              {t('export.csv')}
            </Button>
            <Button component="a" variant="default" href={exportHref('xlsx')} download>
              {t('export.xlsx')}
            </Button>
          </>
        }
      />
      {data.view === 'development' ? <Alert color="blue">{t('school.coachView')}</Alert> : null}
      {data.columns.length === 0 ? <Alert color="yellow">{t('school.noRubric')}</Alert> : null}
      {data.truncated ? <Alert color="yellow">{t('school.truncated')}</Alert> : null}
      <FilterBar tracker={data} filters={filters} set={set} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('school.count', { shown: formatNumber(data.rows.length), total: formatNumber(data.total) })}
      </Text>
      {data.rows.length === 0 ? (
        <Text>{t('school.empty')}</Text>
      ) : phone ? (
        <TrackerCards tracker={data} />
      ) : (
        <>
          <LevelLegend tracker={data} />
          <TrackerTable tracker={data} sort={filters.sort} onSort={(sort) => set({ sort })} />
        </>
      )}
    </Stack>
  );
}
