import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDataSourcePlans } from '../../api/action-plans.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { readSourceSearch, sourceSearch } from './sourceLink.ts';
import { problemFromSource } from './sourceProblem.ts';

/**
 * /action-plans/from-source?kind=&id=...: where "Plan an action" on an assessment item or an outcome
 * value leads. Shows what the problem will be written from, then the active plans of the reader's
 * teams that take it (each opening the protocol with the source set) and the teams where they may
 * start a plan for it.
 */
export default function PlanFromSourcePage() {
  const { t } = useTranslation('actionPlans');
  const [params] = useSearchParams();
  const source = readSourceSearch(params);
  const answer = useDataSourcePlans(source);
  if (!source) return <NotFoundPage />;
  if (answer.error) return <ErrorAlert error={answer.error} />;
  if (!answer.data) return <Loading />;
  const { plans, teams } = answer.data;
  const search = sourceSearch(source);
  return (
    <Stack gap="lg">
      <PageHeader title={t('fromSource.title')} subtitle={t('fromSource.intro')} />
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('fromSource.source')}: {t(`sources.${source.kind}`)}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{problemFromSource(t, answer.data.source)}</Text>
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('fromSource.plans')}
        </Title>
        {plans.length === 0 ? (
          <Text c="dimmed">{teams.length ? t('fromSource.noPlans') : t('fromSource.noTeams')}</Text>
        ) : (
          <List spacing="xs">
            {plans.map((p) => (
              <List.Item key={p.id}>
                <Anchor component={Link} to={`/action-plans/${p.id}/items/new?${search}`}>
                  {t('fromSource.addTo', { plan: p.title })}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[p.team.name, p.initiative?.name].filter(Boolean).join(' · ')}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      {teams.length ? (
        <List spacing="xs">
          {teams.map((team) => (
            <List.Item key={team.id}>
              <Anchor component={Link} to={`/implementation-teams/${team.id}/action-plans?${search}`}>
                {t('fromSource.newPlan', { team: team.name })}
              </Anchor>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
