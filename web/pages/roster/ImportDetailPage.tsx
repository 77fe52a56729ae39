import { Anchor, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RosterImport } from '../../../common/schemas/roster.ts';
import { isApiError } from '../../api/client.ts';
import { rosterImportKeys, useRosterImport } from '../../api/roster.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { ApplyProgress } from './ApplyProgress.tsx';
import { ImportSteps, type ImportStep } from './ImportSteps.tsx';
import { ResultStep } from './ResultStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';

const STEP_OF: Record<RosterImport['status'], ImportStep> = {
  validated: 'review',
  running: 'apply',
  applied: 'result',
  failed: 'result',
  discarded: 'result',
};

/** Import wizard, steps 2-4 for one upload: review the dry run, apply with progress, result. */
export default function ImportDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const roster = useRosterImport(id);
  const queryClient = useQueryClient();
  const status = roster.data?.status;
  const previous = useRef(status);

  // When a run finishes, what it changed (people, units, the list of imports) is stale.
  useEffect(() => {
    if (previous.current === 'running' && status && status !== 'running') {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['org-units'] });
      void queryClient.invalidateQueries({ queryKey: rosterImportKeys.list });
    }
    previous.current = status;
  }, [status, queryClient]);

  if (!me.abilities.importRoster) return <NotAllowed />;
  if (isApiError(roster.error, 'not_found')) return <NotFoundPage />;
  const step = roster.data ? STEP_OF[roster.data.status] : 'review';
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/import" size="sm">
        {t('import.back')}
      </Anchor>
      <PageHeader title={t(`import.stepTitle.${step}`)} subtitle={t('import.title')} />
      <ImportSteps current={step} />
      <ErrorAlert error={roster.error} />
      {roster.isPending ? <Loading /> : null}
      {roster.data?.status === 'validated' ? <ReviewStep roster={roster.data} /> : null}
      {roster.data?.status === 'running' ? <ApplyProgress roster={roster.data} /> : null}
      {roster.data && step === 'result' ? <ResultStep roster={roster.data} /> : null}
    </Stack>
  );
}
