import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSchoolDays } from '../api/observations.ts';
import { formatDate } from '../app/format.ts';

/**
 * Under a date or `datetime-local` input (district wall time): says so when the day picked is one
 * of the district's non-school days, so nobody schedules onto a holiday without noticing.
 */
export function NonSchoolDayNote({ value }: { value: string }) {
  const { t } = useTranslation();
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null;
  const days = useSchoolDays(day ?? '', day);
  const closed = days.data?.nonSchoolDays.find((d) => d.day === day);
  if (!day || !closed) return null;
  return (
    <Text size="sm" c="orange.9" role="status">
      {t('common.nonSchoolDay', { date: formatDate(day), label: closed.label })}
    </Text>
  );
}
