import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../api/people.ts';
import { personName } from '../../components/personName.ts';

/** Searches the people the reader may see (optionally of one school) and picks one. */
export function PersonPicker({
  label,
  value,
  onChange,
  orgUnitId,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  orgUnitId?: string;
}) {
  const { t } = useTranslation('teams');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const people = usePeople({ q: q || undefined, orgUnitId, limit: 20, active: 'true' });
  const data = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.primaryRole ? `${personName(p)} · ${p.primaryRole.orgUnitName}` : personName(p),
  }));
  return (
    <Select
      label={label}
      placeholder={t('form.personPlaceholder')}
      required
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={onChange}
      filter={({ options }) => options}
      nothingFoundMessage={people.isFetching ? t('form.searching') : t('form.nobody')}
    />
  );
}
