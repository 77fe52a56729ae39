import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../common/schemas/org-units.ts';
import { ORG_UNIT_TYPES, type OrgUnitType } from '../../../common/roles.ts';
import { useOrgUnits } from '../../api/org-units.ts';
import type { ActiveFilter } from '../../api/people.ts';
import { useMe } from '../../api/session.ts';
import { formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ActiveBadge } from '../../components/ActiveBadge.tsx';
import { ActiveFilterSelect } from '../../components/ActiveFilterSelect.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useDebouncedSearch, useUrlState } from '../../components/useUrlState.ts';
import { OrgUnitActiveModal } from './OrgUnitActiveModal.tsx';
import { OrgUnitFormModal } from './OrgUnitFormModal.tsx';

const LIMIT = 50;

type Dialog = { kind: 'add' } | { kind: 'edit'; unit: OrgUnit } | { kind: 'active'; unit: OrgUnit } | null;

/** Schools and departments: search, filter by type and status, staff counts; admins add and edit. */
export default function SchoolsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlState({ q: '', type: '', active: 'true', offset: '0' });
  const [search, setSearch] = useDebouncedSearch(filters.q, (q) => setFilters({ q }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const offset = Number(filters.offset) || 0;
  const units = useOrgUnits({
    q: filters.q || undefined,
    type: (filters.type || undefined) as OrgUnitType | undefined,
    active: filters.active as ActiveFilter,
    limit: LIMIT,
    offset,
  });

  const actions = (unit: OrgUnit) => (
    <Group gap="xs" wrap="nowrap">
      {unit.abilities.update ? (
        <Button
          size="xs"
          variant="default"
          onClick={() => setDialog({ kind: 'edit', unit })}
          aria-label={t('schools.editNamed', { name: unit.name })}
        >
          {t('common.edit')}
        </Button>
      ) : null}
      {unit.abilities.deactivate ? (
        <Button
          size="xs"
          variant="default"
          onClick={() => setDialog({ kind: 'active', unit })}
          aria-label={unit.active ? t('schools.deactivateNamed', { name: unit.name }) : t('schools.reactivateNamed', { name: unit.name })}
        >
          {unit.active ? t('common.deactivate') : t('common.reactivate')}
        </Button>
      ) : null}
    </Group>
  );
  const items = units.data?.items ?? [];
  const typeLabel = (unit: OrgUnit) => t(`orgUnitType.${unit.type}`);

  return (
    <>
      <PageHeader
        title={t('schools.title')}
        actions={me.abilities.manageOrgUnits ? <Button onClick={() => setDialog({ kind: 'add' })}>{t('schools.add')}</Button> : null}
      />
      <Group align="flex-end" mb="md" gap="sm" role="search" aria-label={t('schools.filters')}>
        <TextInput
          label={t('common.search')}
          description={t('schools.searchHelp')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('field.type')}
          value={filters.type}
          onChange={(e) => setFilters({ type: e.currentTarget.value })}
          data={[
            { value: '', label: t('schools.allTypes') },
            ...ORG_UNIT_TYPES.map((type) => ({ value: type, label: t(`orgUnitType.${type}`) })),
          ]}
        />
        <ActiveFilterSelect value={filters.active} onChange={(active) => setFilters({ active })} />
      </Group>
      <ErrorAlert error={units.error} />
      {units.isPending ? <Loading /> : null}
      {units.data && items.length === 0 ? <Text role="status">{t('schools.empty')}</Text> : null}
      {items.length > 0 && isPhone ? (
        <Stack component="ul" gap="sm" aria-label={t('schools.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((unit) => (
            <Paper component="li" key={unit.id} withBorder p="sm">
              <Anchor component={Link} to={`/schools/${unit.id}`} fw={600}>
                {unit.name}
              </Anchor>
              <Text size="sm">
                {typeLabel(unit)} · {t('schools.staffCount', { count: unit.staffCount, formatted: formatNumber(unit.staffCount) })}
              </Text>
              <Group justify="space-between" mt="xs">
                <ActiveBadge active={unit.active} />
                {actions(unit)}
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : null}
      {items.length > 0 && !isPhone ? (
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Caption>{t('schools.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('field.name')}</Table.Th>
              <Table.Th scope="col">{t('field.type')}</Table.Th>
              <Table.Th scope="col">{t('field.identifier')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('schools.staff')}
              </Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((unit) => (
              <Table.Tr
                key={unit.id}
                className="clickable-row"
                onClick={(e) => (e.target as HTMLElement).closest('a,button') || void navigate(`/schools/${unit.id}`)}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/schools/${unit.id}`}>
                    {unit.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{typeLabel(unit)}</Table.Td>
                <Table.Td>{unit.identifier}</Table.Td>
                <Table.Td ta="right">{formatNumber(unit.staffCount)}</Table.Td>
                <Table.Td>
                  <ActiveBadge active={unit.active} />
                </Table.Td>
                <Table.Td>{actions(unit)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {units.data ? (
        <Pager offset={offset} limit={LIMIT} total={units.data.total} onChange={(o) => setFilters({ offset: String(o) })} />
      ) : null}
      {dialog?.kind === 'add' || dialog?.kind === 'edit' ? (
        <OrgUnitFormModal
          unit={dialog.kind === 'edit' ? dialog.unit : undefined}
          onClose={() => setDialog(null)}
          onSaved={(unit) => {
            setDialog(null);
            notifySuccess(t('schools.saved', { name: unit.name }));
          }}
        />
      ) : null}
      {dialog?.kind === 'active' ? <OrgUnitActiveModal unit={dialog.unit} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
