import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The "Status" filter of a list: active, inactive or all (the API's `active` parameter). */
export function ActiveFilterSelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('common.status')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: 'true', label: t('filter.active') },
        { value: 'false', label: t('filter.inactive') },
        { value: 'all', label: t('filter.all') },
      ]}
    />
  );
}
