import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useActionPlan, useActionPlanOptions, useCreateActionPlanItem } from '../../api/action-plans.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { ProtocolStepper } from './ProtocolStepper.tsx';

/** A new action plan item, written step by step through the problem-solving protocol (a page, so it fits a phone). */
export default function NewItemPage() {
  const { t } = useTranslation('actionPlans');
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const plan = useActionPlan(planId);
  const options = useActionPlanOptions(planId);
  const create = useCreateActionPlanItem(planId);
  const error = plan.error ?? options.error;
  if (isApiError(error, 'not_found')) return <NotFoundPage />;
  if (error) return <ErrorAlert error={error} />;
  if (!plan.data || !options.data) return <Loading />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/action-plans/${planId}`} size="sm">
        {t('item.back', { plan: plan.data.title })}
      </Anchor>
      <PageHeader title={t('protocol.title', { plan: plan.data.title })} />
      <ProtocolStepper
        options={options.data}
        saving={create.isPending}
        onCancel={() => void navigate(`/action-plans/${planId}`)}
        onSave={async (input) => {
          const item = await create.mutateAsync(input);
          void navigate(`/action-plans/${planId}/items/${item.id}`);
        }}
      />
    </Stack>
  );
}
