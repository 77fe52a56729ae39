import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../api/org-units.ts';
import { usePeople } from '../../api/people.ts';
import { useObservationTypes } from '../../api/settings.ts';
import { personName } from '../../components/personName.ts';

export interface DistrictFilterValues {
  school: string;
  observer: string;
  observerName: string;
  type: string;
  status: string;
  from: string;
  to: string;
}

/** An observer found by name: the people directory searched as one types. */
function ObserverPicker({ value, name, onChange }: { value: string; name: string; onChange: (id: string, name: string) => void }) {
  const { t } = useTranslation('district');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const people = usePeople({ q: q || undefined, limit: 20 }, q.length >= 2);
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: personName(p) }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: name || value });
  return (
    <Select
      label={t('observations.observer')}
      placeholder={t('observations.observerPlaceholder')}
      searchable
      clearable
      data={options}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id ?? '', option?.label ?? '')}
      nothingFoundMessage={q.length >= 2 ? t('observations.nobody') : t('observations.typeTwo')}
      filter={({ options: all }) => all}
      w={{ base: '100%', sm: 220 }}
    />
  );
}

/** HR's filters of the district's observations: school, observer, type, status and dates. */
export function DistrictFilters({
  values,
  onChange,
}: {
  values: DistrictFilterValues;
  onChange: (patch: Partial<DistrictFilterValues>) => void;
}) {
  const { t } = useTranslation('district');
  const schools = useOrgUnits({ type: 'school', active: 'all', limit: 1000 });
  const types = useObservationTypes('all');
  return (
    <Group gap="sm" align="flex-end" className="obs-stack-on-phone">
      <Select
        label={t('observations.school')}
        searchable
        data={[
          { value: '', label: t('observations.anySchool') },
          ...(schools.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
        ]}
        value={values.school}
        onChange={(v) => onChange({ school: v ?? '' })}
        allowDeselect={false}
        w={{ base: '100%', sm: 220 }}
      />
      <ObserverPicker
        value={values.observer}
        name={values.observerName}
        onChange={(observer, observerName) => onChange({ observer, observerName })}
      />
      <Select
        label={t('observations.type')}
        data={[
          { value: '', label: t('observations.anyType') },
          ...(types.data?.items ?? []).map((ty) => ({ value: ty.id, label: ty.name })),
        ]}
        value={values.type}
        onChange={(v) => onChange({ type: v ?? '' })}
        allowDeselect={false}
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label={t('observations.status')}
        data={[
          { value: '', label: t('observations.anyStatus') },
          { value: 'published', label: t('observations.published') },
          { value: 'draft', label: t('observations.draft') },
        ]}
        value={values.status}
        onChange={(v) => onChange({ status: v ?? '' })}
        allowDeselect={false}
        w={{ base: '100%', sm: 190 }}
      />
      <TextInput
        type="date"
        label={t('observations.from')}
        value={values.from}
        onChange={(e) => onChange({ from: e.currentTarget.value })}
        w={{ base: '100%', sm: 160 }}
      />
      <TextInput
        type="date"
        label={t('observations.to')}
        value={values.to}
        onChange={(e) => onChange({ to: e.currentTarget.value })}
        w={{ base: '100%', sm: 160 }}
      />
    </Group>
  );
}
