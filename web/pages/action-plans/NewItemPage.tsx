import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useActionPlan, useActionPlanOptions, useCreateActionPlanItem, useDataSourcePlans } from '../../api/action-plans.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { ProtocolStepper } from './ProtocolStepper.tsx';
import { readSourceSearch } from './sourceLink.ts';
import { problemFromSource } from './sourceProblem.ts';

/**
 * A new action plan item, written step by step through the problem-solving protocol (a page, so it
 * fits a phone). Reached through "Plan an action" (`?kind=&id=...`), it starts from that record: the
 * source set and the problem written from its data.
 */
export default function NewItemPage() {
  const { t } = useTranslation('actionPlans');
  const { planId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const source = readSourceSearch(params);
  const plan = useActionPlan(planId);
  const options = useActionPlanOptions(planId);
  const facts = useDataSourcePlans(source);
  const create = useCreateActionPlanItem(planId);
  const error = plan.error ?? options.error ?? facts.error;
  if (isApiError(plan.error, 'not_found')) return <NotFoundPage />;
  if (error) return <ErrorAlert error={error} />;
  if (!plan.data || !options.data || (source && !facts.data)) return <Loading />;
  const prefill =
    source && facts.data ? { source, label: facts.data.source.label, problem: problemFromSource(t, facts.data.source) } : undefined;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/action-plans/${planId}`} size="sm">
        {t('item.back', { plan: plan.data.title })}
      </Anchor>
      <PageHeader title={t('protocol.title', { plan: plan.data.title })} />
      <ProtocolStepper
        options={options.data}
        prefill={prefill}
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
