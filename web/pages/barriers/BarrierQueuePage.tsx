import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useImplementationTeam } from '../../api/implementation-teams.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { BarrierTable } from './BarrierTable.tsx';

/** A team's queue: the barriers it holds or first held, open ones first shown (its members, HR and admins). */
export default function BarrierQueuePage() {
  const { t } = useTranslation('actionPlans');
  const { id = '' } = useParams();
  const team = useImplementationTeam(id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/implementation-teams/${id}`} size="sm">
        {t('plans.back', { team: team.data?.name ?? '' })}
      </Anchor>
      <PageHeader title={t('barriers.queue', { team: team.data?.name ?? '' })} />
      <BarrierTable scope={id} showRaiser />
    </Stack>
  );
}
