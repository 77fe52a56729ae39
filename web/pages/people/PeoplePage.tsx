import { Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../../common/roles.ts';
import { useAllOrgUnits } from '../../api/org-units.ts';
import { usePeople, type ActiveFilter } from '../../api/people.ts';
import { useMe } from '../../api/session.ts';
import { formatNumber } from '../../app/format.ts';
import { ActiveFilterSelect } from '../../components/ActiveFilterSelect.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useDebouncedSearch, useUrlState } from '../../components/useUrlState.ts';
import { PeopleResults } from './PeopleResults.tsx';

const LIMIT = 50;

/** The staff directory: search, filters by unit, role and status, and paging. */
export default function PeoplePage() {
  const { t } = useTranslation();
  const { t: tPathways } = useTranslation('pathways');
  const me = useMe();
  const [filters, setFilters] = useUrlState({ q: '', orgUnitId: '', role: '', active: 'true', offset: '0' });
  const [search, setSearch] = useDebouncedSearch(filters.q, (q) => setFilters({ q }));
  const units = useAllOrgUnits();
  const offset = Number(filters.offset) || 0;
  const people = usePeople(
    {
      q: filters.q || undefined,
      orgUnitId: filters.orgUnitId || undefined,
      role: (filters.role || undefined) as StaffRole | undefined,
      active: filters.active as ActiveFilter,
      limit: LIMIT,
      offset,
    },
    me.abilities.viewPeople,
  );
  if (!me.abilities.viewPeople) return <NotAllowed />;

  const unitOptions = (units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name }));
  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={people.data ? t('people.total', { count: people.data.total, formatted: formatNumber(people.data.total) }) : undefined}
        actions={
          me.abilities.managePeople ? (
            <>
              <Button variant="default" component={Link} to="/evaluators">
                {tPathways('evaluators.title')}
              </Button>
              <Button component={Link} to="/people/new">
                {t('people.add')}
              </Button>
            </>
          ) : null
        }
      />
      <Group align="flex-end" mb="md" gap="sm" role="search" aria-label={t('people.filters')}>
        <TextInput
          label={t('common.search')}
          description={t('people.searchHelp')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('people.unit')}
          value={filters.orgUnitId}
          onChange={(e) => setFilters({ orgUnitId: e.currentTarget.value })}
          data={[{ value: '', label: t('people.allUnits') }, ...unitOptions]}
        />
        <NativeSelect
          label={t('field.role')}
          value={filters.role}
          onChange={(e) => setFilters({ role: e.currentTarget.value })}
          data={[{ value: '', label: t('people.allRoles') }, ...STAFF_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))]}
        />
        <ActiveFilterSelect value={filters.active} onChange={(active) => setFilters({ active })} />
      </Group>
      <ErrorAlert error={people.error} />
      {people.isPending ? <Loading /> : null}
      {people.data?.items.length === 0 ? <Text role="status">{t('people.empty')}</Text> : null}
      {people.data && people.data.items.length > 0 ? <PeopleResults people={people.data.items} /> : null}
      {people.data ? (
        <Pager offset={offset} limit={LIMIT} total={people.data.total} onChange={(o) => setFilters({ offset: String(o) })} />
      ) : null}
    </>
  );
}
