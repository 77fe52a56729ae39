import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { BarrierTable } from './BarrierTable.tsx';

/** Every barrier of the district (HR and admins; the API answers anyone else 403). */
export default function AllBarriersPage() {
  const { t } = useTranslation('actionPlans');
  return (
    <Stack gap="lg">
      <PageHeader title={t('barriers.all')} />
      <BarrierTable scope="all" showRaiser />
    </Stack>
  );
}
