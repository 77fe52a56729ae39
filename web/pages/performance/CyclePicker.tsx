import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useViewCycles } from '../../api/performance-views.ts';

/** The cycle a district view shows, kept in the address (`?cycle=`); the newest by default. */
export function useCycleParam(): [string | null, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const cycles = useViewCycles();
  const chosen = params.get('cycle');
  const first = cycles.data?.items[0]?.id ?? null;
  const set = (id: string) =>
    setParams(
      (p) => {
        p.set('cycle', id);
        return p;
      },
      { replace: true },
    );
  useEffect(() => {
    if (!chosen && first) set(first);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, first]);
  return [chosen ?? first, set];
}

export function CyclePicker({ value, onChange }: { value: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation('performance');
  const cycles = useViewCycles();
  return (
    <Select
      label={t('views.completion.cycle')}
      allowDeselect={false}
      maw={360}
      value={value}
      onChange={(v) => v && onChange(v)}
      data={(cycles.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.schoolYear})` }))}
    />
  );
}
