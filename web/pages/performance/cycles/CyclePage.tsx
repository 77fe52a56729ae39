import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Cycle } from '../../../../common/schemas/performance-cycles.ts';
import { useCycle, useCycleAction, useUnmatched } from '../../../api/performance-cycles.ts';
import { useMe } from '../../../api/session.ts';
import { formatDate, formatNumber } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { NotAllowed } from '../../../components/NotAllowed.tsx';
import { PageHeader, usePageTitle } from '../../../components/PageHeader.tsx';
import { ScrollRegion } from '../../../components/ScrollRegion.tsx';
import { STATUS_COLOR } from './CyclesPage.tsx';

/** HR: a cycle's details; open it (with progress), sync it with the roster, see who has no rubric. */
export default function CyclePage() {
  const { t } = useTranslation('performance');
  const me = useMe();
  const { id = '' } = useParams();
  const cycle = useCycle(id);
  const action = useCycleAction(id);
  const c = cycle.data;
  const unmatched = useUnmatched(id, 0, !!c && c.status !== 'draft');
  usePageTitle(c?.title ?? t('cycles.title'));
  if (!me.abilities.managePerformance) return <NotAllowed />;
  if (!c) return cycle.error ? <ErrorAlert error={cycle.error} /> : <Loading />;
  const run = (name: 'open' | 'sync' | 'close') => action.mutate({ action: name, version: c.version });
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/performance/cycles" size="sm">
        {t('cycles.back')}
      </Anchor>
      <PageHeader
        title={c.title}
        subtitle={
          <Badge variant="light" color={STATUS_COLOR[c.status]}>
            {t(`cycles.status.${c.status}`)}
          </Badge>
        }
      />
      <ErrorAlert error={action.error} />
      <Text fw={600}>
        {t('cycles.detail.counts', {
          plans: formatNumber(c.counts.plans),
          selfAssessed: formatNumber(c.counts.selfAssessed),
          signed: formatNumber(c.counts.signed),
        })}
      </Text>
      {c.progress ? <JobProgress cycle={c} /> : null}
      {c.plannedElsewhere.length > 0 ? (
        <Alert color="blue" title={t('cycles.detail.elsewhereTitle')}>
          <Stack gap={4}>
            <Text size="sm">{t('cycles.detail.elsewhereHelp', { year: c.schoolYear })}</Text>
            {c.plannedElsewhere.map((o) => (
              <Anchor key={o.cycleId} component={Link} to={`/performance/cycles/${o.cycleId}`} size="sm">
                {t('cycles.detail.elsewhereCycle', { title: o.title, count: o.people, people: formatNumber(o.people) })}
              </Anchor>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {c.job?.state === 'failed' ? <Alert color="red">{t('cycles.detail.jobFailed')}</Alert> : null}
      <Group>
        {c.abilities.open ? (
          <Button onClick={() => run('open')} loading={action.isPending}>
            {t('cycles.detail.open')}
          </Button>
        ) : null}
        {c.abilities.sync ? (
          <Button variant="default" onClick={() => run('sync')} loading={action.isPending}>
            {t('cycles.detail.sync')}
          </Button>
        ) : null}
        {c.abilities.close ? (
          <Button variant="default" color="red" onClick={() => run('close')} loading={action.isPending}>
            {t('cycles.detail.close')}
          </Button>
        ) : null}
      </Group>
      {c.abilities.open ? <Text size="sm">{t('cycles.detail.openHelp')}</Text> : null}
      {c.abilities.sync ? <Text size="sm">{t('cycles.detail.syncHelp')}</Text> : null}
      <Details cycle={c} />
      {c.status !== 'draft' ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('cycles.detail.unmatched')}
            </Title>
            <Text size="sm">{t('cycles.detail.unmatchedHelp')}</Text>
            {!unmatched.data ? (
              <Loading />
            ) : unmatched.data.total === 0 ? (
              <Text>{t('cycles.detail.unmatchedNone')}</Text>
            ) : (
              <ScrollRegion label={t('cycles.detail.unmatched')}>
                <Table>
                  <Table.Caption>{t('cycles.detail.unmatchedCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('cycles.detail.person')}</Table.Th>
                      <Table.Th scope="col">{t('cycles.detail.school')}</Table.Th>
                      <Table.Th scope="col">{t('cycles.detail.roles')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {unmatched.data.items.map((p) => (
                      <Table.Tr key={p.planId}>
                        <Table.Th scope="row">
                          <Anchor component={Link} to={`/people/${p.personId}`}>
                            {p.name}
                          </Anchor>
                        </Table.Th>
                        <Table.Td>{p.orgUnitName ?? ''}</Table.Td>
                        <Table.Td>{p.roles.map((r) => t(`role.${r}`, { ns: 'app' })).join(', ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            )}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}

function JobProgress({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('performance');
  const { done, total } = cycle.progress!;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Stack gap="xs" maw={640}>
      <Text role="status" fw={600}>
        {cycle.status === 'opening' ? t('cycles.detail.opening') : t('cycles.detail.syncing')}
      </Text>
      <Progress value={percent} size="xl" aria-label={t('cycles.detail.progressLabel')} />
      <Text aria-hidden="true">{t('cycles.detail.progress', { done: formatNumber(done), total: formatNumber(total), percent })}</Text>
    </Stack>
  );
}

function Details({ cycle: c }: { cycle: Cycle }) {
  const { t } = useTranslation('performance');
  const population = [
    ...c.population.roles.map((r) => t(`role.${r}`, { ns: 'app' })),
    ...c.names.steps.map((s) => s.title),
    ...c.names.orgUnits.map((u) => u.name),
  ];
  const weights = Object.entries(c.ratingMethod.weights);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text>
          <b>{t('cycles.col.year')}:</b> {c.schoolYear}
        </Text>
        <Text>
          <b>{t('cycles.detail.population')}:</b> {population.length ? population.join(' · ') : t('cycles.everyone')}
        </Text>
        <Text fw={700}>{t('cycles.detail.phases')}</Text>
        <Stack component="ul" gap={2} m={0}>
          {c.phases.map((p) => (
            <li key={p.key}>
              {t(`cycles.phase.${p.key}`)}: {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
            </li>
          ))}
        </Stack>
        <Text>
          <b>{t('cycles.detail.checkIns')}:</b> {c.checkInDates.map((d) => formatDate(d)).join(' · ')}
        </Text>
        <Text>
          <b>{t('cycles.detail.rating')}:</b>{' '}
          {c.ratingMethod.overall ? t('cycles.detail.overallWeighted') : t('cycles.detail.perCompetency')}
          {c.ratingMethod.overall && weights.length === 0 ? ` (${t('cycles.detail.equalWeights')})` : ''}
        </Text>
        {weights.length ? (
          <Stack component="ul" gap={2} m={0}>
            {weights.map(([id, w]) => {
              const item = c.names.competencies.find((x) => x.id === id);
              return <li key={id}>{`${item?.code ?? ''} ${item?.title ?? id}: ${formatNumber(w)}%`}</li>;
            })}
          </Stack>
        ) : null}
        {c.ratingMethod.cutScores.map((cut) => (
          <Text key={cut.label} size="sm">
            {`≥ ${formatNumber(cut.min)}: ${cut.label}`}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
