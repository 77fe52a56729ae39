import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePathways } from '../../api/pathways.ts';

/** The active steps of the active pathways, grouped by pathway. */
export function StepSelect({ value, onChange, error }: { value: string | null; onChange: (id: string | null) => void; error?: string }) {
  const { t } = useTranslation('pathways');
  const pathways = usePathways('true');
  const data = (pathways.data?.items ?? [])
    .map((p) => ({
      group: p.name,
      items: p.steps.filter((s) => s.active).map((s) => ({ value: s.id, label: s.title })),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <Select
      label={t('placement.step')}
      placeholder={t('placement.stepPlaceholder')}
      required
      searchable
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage={t('placement.noSteps')}
    />
  );
}
