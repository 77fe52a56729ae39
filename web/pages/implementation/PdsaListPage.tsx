import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PDSA_STATUSES } from '../../../common/implementation.ts';
import { usePdsaCycles, usePdsaOptions } from '../../api/pdsa.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { NewPdsaModal } from './NewPdsaModal.tsx';

/** /initiatives/:id/pdsa: the initiative's PDSA cycles by school, component and step; a new cycle starts here. */
export default function PdsaListPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('implementation');
  const [filters, setFilters] = useUrlState({ orgUnitId: '', itemId: '', status: '' });
  const options = usePdsaOptions(id);
  const cycles = usePdsaCycles(id, filters);
  const [creating, setCreating] = useState(false);
  if (options.error) return <ErrorAlert error={options.error} />;
  if (!options.data) return <Loading />;
  const o = options.data;
  const canCreate = o.schools.some((s) => s.canCreate);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/initiatives/${id}/stages`} size="sm">
        {t('pdsa.backToStages')}
      </Anchor>
      <PageHeader
        title={t('pdsa.listTitle', { name: o.initiative.name })}
        subtitle={t('pdsa.intro')}
        actions={canCreate ? <Button onClick={() => setCreating(true)}>{t('pdsa.new')}</Button> : null}
      />
      <Group align="flex-end">
        <Select
          label={t('pdsa.school')}
          clearable
          placeholder={t('pdsa.all')}
          data={o.schools.map((s) => ({ value: s.id, label: s.name }))}
          value={filters.orgUnitId || null}
          onChange={(v) => setFilters({ orgUnitId: v ?? '' })}
        />
        <Select
          label={t('pdsa.component')}
          clearable
          placeholder={t('pdsa.all')}
          data={o.components.map((c) => ({ value: c.id, label: c.code ? `${c.code} ${c.name}` : c.name }))}
          value={filters.itemId || null}
          onChange={(v) => setFilters({ itemId: v ?? '' })}
        />
        <Select
          label={t('pdsa.status')}
          clearable
          placeholder={t('pdsa.all')}
          data={PDSA_STATUSES.map((s) => ({ value: s, label: t(`pdsaStatuses.${s}`) }))}
          value={filters.status || null}
          onChange={(v) => setFilters({ status: v ?? '' })}
        />
      </Group>
      {cycles.error ? <ErrorAlert error={cycles.error} /> : null}
      {!cycles.data ? (
        cycles.error ? null : (
          <Loading />
        )
      ) : cycles.data.items.length === 0 ? (
        <Text c="dimmed">{t('pdsa.empty')}</Text>
      ) : (
        <ScrollRegion label={t('pdsa.tableLabel')}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pdsa.title')}</Table.Th>
                <Table.Th>{t('pdsa.school')}</Table.Th>
                <Table.Th>{t('pdsa.component')}</Table.Th>
                <Table.Th>{t('pdsa.status')}</Table.Th>
                <Table.Th>{t('pdsa.result')}</Table.Th>
                <Table.Th>{t('pdsa.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cycles.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/initiatives/${id}/pdsa/${c.id}`}>
                      {c.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.school.name}</Table.Td>
                  <Table.Td>
                    {c.component ? (c.component.code ? `${c.component.code} ${c.component.name}` : c.component.name) : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={c.status === 'closed' ? 'gray' : 'blue'}>
                      {t(`pdsaStatuses.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{c.problem ? t(`pdsaProblems.${c.problem}`) : ''}</Table.Td>
                  <Table.Td>{formatDate(c.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {creating ? <NewPdsaModal initiativeId={id} options={o} onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
