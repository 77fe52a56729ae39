import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { BarrierTable } from './BarrierTable.tsx';

/** The barriers the reader raised, with the teams' answers (never their internal notes). */
export default function MyBarriersPage() {
  const { t } = useTranslation('actionPlans');
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('barriers.mine')}
        subtitle={t('barriers.mineIntro')}
        actions={
          <Button component={Link} to="/barriers/new">
            {t('barriers.raise')}
          </Button>
        }
      />
      <BarrierTable scope="mine" showRaiser={false} />
    </Stack>
  );
}
