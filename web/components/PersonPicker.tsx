import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../api/people.ts';
import { personName } from './personName.ts';

/**
 * Searches the active people the reader may see (optionally of one school, optionally leaving one
 * out, e.g. the person whose evaluator is being chosen) and picks one.
 */
export function PersonPicker({
  label,
  value,
  onChange,
  orgUnitId,
  exclude,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  orgUnitId?: string;
  exclude?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const people = usePeople({ q: q || undefined, orgUnitId, limit: 20, active: 'true' });
  const data = (people.data?.items ?? [])
    .filter((p) => p.id !== exclude)
    .map((p) => ({ value: p.id, label: p.primaryRole ? `${personName(p)} · ${p.primaryRole.orgUnitName}` : personName(p) }));
  return (
    <Select
      label={label}
      placeholder={t('personPicker.placeholder')}
      required
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={onChange}
      filter={({ options }) => options}
      nothingFoundMessage={people.isFetching ? t('personPicker.searching') : t('personPicker.nobody')}
    />
  );
}
