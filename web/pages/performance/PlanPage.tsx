import { Alert, Badge, Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { usePlan } from '../../api/performance-plans.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { FocusAreasSection } from './FocusAreasSection.tsx';
import { GoalsSection } from './GoalsSection.tsx';
import { PlanActions } from './PlanActions.tsx';
import { PlanTabs } from './PlanTabs.tsx';
import { ReflectionsSection } from './ReflectionsSection.tsx';
import { SelfAssessmentSection } from './SelfAssessmentSection.tsx';

/** /performance/plans/:id: self-assessment first, reflections, goals, focus areas, sign-off. */
export default function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('performance');
  const me = useMe();
  const query = usePlan(id);
  if (query.isPending) return <Loading />;
  if (isApiError(query.error, 'not_found')) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const plan = query.data;
  const isPerson = plan.person.id === me.person.id;
  return (
    <>
      <PageHeader
        title={
          isPerson ? t('plan.myTitle', { cycle: plan.cycle.title }) : t('plan.title', { name: plan.person.name, cycle: plan.cycle.title })
        }
        subtitle={[plan.school?.name, plan.evaluator ? t('plan.evaluatorIs', { name: plan.evaluator.name }) : t('plan.noEvaluator')]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <Badge size="lg" variant="light">
            {t(`plan.status.${plan.status}`)}
          </Badge>
        }
      />
      <PlanTabs planId={plan.id} />
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t(`plan.next.${plan.status}`)}
        </Text>
        {plan.returnNote ? (
          <Alert color="orange" title={t('plan.returned')}>
            {plan.returnNote}
          </Alert>
        ) : null}
        <SelfAssessmentSection plan={plan} isPerson={isPerson} />
        <Divider />
        <ReflectionsSection plan={plan} />
        <Divider />
        <GoalsSection plan={plan} />
        <Divider />
        <FocusAreasSection plan={plan} />
        <Divider />
        <PlanActions plan={plan} />
      </Stack>
    </>
  );
}
