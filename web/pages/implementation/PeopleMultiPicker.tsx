import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../api/people.ts';
import { personName } from '../../components/personName.ts';

/** Searches active people of the district by name and picks several; chosen names stay shown while searching on. */
export function PeopleMultiPicker({ label, value, onChange }: { label: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('implementation');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [names, setNames] = useState<Record<string, string>>({});
  const people = usePeople({ q: q || undefined, limit: 20, active: 'true' });
  const found = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.primaryRole ? `${personName(p)} · ${p.primaryRole.orgUnitName}` : personName(p),
  }));
  const chosen = value.filter((id) => !found.some((f) => f.value === id)).map((id) => ({ value: id, label: names[id] ?? id }));
  return (
    <MultiSelect
      label={label}
      placeholder={t('driverPlans.attendance.peopleHint')}
      searchable
      data={[...chosen, ...found]}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(ids) => {
        setNames((before) => ({ ...before, ...Object.fromEntries(found.map((f) => [f.value, f.label])) }));
        onChange(ids);
      }}
    />
  );
}
