import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../api/people.ts';
import { personName } from '../../components/personName.ts';

/** Searches the active people of the district by name. */
export function PersonPicker({
  label,
  value,
  onChange,
  exclude,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  exclude?: string;
}) {
  const { t } = useTranslation('pathways');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const people = usePeople({ q: q || undefined, limit: 20, active: 'true' });
  const data = (people.data?.items ?? [])
    .filter((p) => p.id !== exclude)
    .map((p) => ({ value: p.id, label: p.primaryRole ? `${personName(p)} · ${p.primaryRole.orgUnitName}` : personName(p) }));
  return (
    <Select
      label={label}
      required
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={onChange}
      filter={({ options }) => options}
      nothingFoundMessage={people.isFetching ? t('evaluator.searching') : t('evaluator.nobody')}
    />
  );
}
