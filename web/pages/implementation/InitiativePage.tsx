import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FIDELITY_MIN_GROUP, IMPLEMENTATION_STAGES } from '../../../common/implementation.ts';
import type { InitiativeOverview } from '../../../common/schemas/implementation-overview.ts';
import { isApiError } from '../../api/client.ts';
import { useInitiativeOverview } from '../../api/initiative-overview.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { ChosenInFitReview } from '../assessments/ChosenInFitReview.tsx';
import { FidelityTrendChart } from './FidelityTrendChart.tsx';
import { HEALTH_COLOR, STAGE_COLOR } from './health.ts';

/** The initiative at a glance: stage by school, driver health, fidelity by component, reach, open work. */
export default function InitiativePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('implementation');
  const { t: tp } = useTranslation('actionPlans');
  const overview = useInitiativeOverview(id);
  const me = useMe();

  if (isApiError(overview.error, 'not_found')) return <NotAllowed />;
  if (overview.error) return <ErrorAlert error={overview.error} />;
  if (!overview.data) return <Loading />;
  const o = overview.data;
  const base = `/initiatives/${o.initiative.id}`;
  const links: [string, string][] = [
    [`${base}/stages`, t('overview.links.stages')],
    [`${base}/drivers`, t('overview.links.drivers')],
    [`${base}/training`, t('overview.links.training')],
    [`${base}/coaching`, t('overview.links.coaching')],
    [`${base}/fidelity`, t('overview.links.fidelity')],
    [`${base}/pdsa`, t('overview.links.pdsa')],
    [`/implementation-teams?initiative=${o.initiative.id}`, t('overview.links.teams')],
  ];
  if (me.abilities.raiseBarriers) links.push([`/barriers/new?initiativeId=${o.initiative.id}`, tp('barriers.raise')]);
  if (me.abilities.manageInitiatives) links.push(['/barriers', tp('barriers.all')]);
  if (me.abilities.manageInitiatives) links.unshift([`${base}/setup`, t('overview.links.setup')]);

  return (
    <Stack gap="lg">
      <PageHeader title={o.initiative.name} subtitle={o.initiative.purpose || undefined} />
      <nav aria-label={t('overview.sections')}>
        <Group gap="md" wrap="wrap">
          {links.map(([to, label]) => (
            <Anchor key={to} component={Link} to={to}>
              {label}
            </Anchor>
          ))}
        </Group>
      </nav>
      <ChosenInFitReview initiativeId={o.initiative.id} />
      {!o.initiative.hasProfile || !o.initiative.hasTool ? (
        <Text c="orange.9">{!o.initiative.hasProfile ? t('overview.noProfile') : t('overview.noTool')}</Text>
      ) : null}
      <StageSection o={o} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DriverSection o={o} />
        <ReachSection o={o} />
      </SimpleGrid>
      <FidelitySection o={o} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <PdsaSection o={o} />
        <ActionItemSection o={o} />
      </SimpleGrid>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function StageSection({ o }: { o: InitiativeOverview }) {
  const { t } = useTranslation('implementation');
  return (
    <Section title={t('overview.stageTitle')}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
        {IMPLEMENTATION_STAGES.map((stage) => (
          <Stack key={stage} gap={2}>
            <Text size="xl" fw={700}>
              {formatNumber(o.stageCounts[stage])}
            </Text>
            <Text size="sm">{t(`stages.${stage}`)}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      {o.stages.length === 0 ? (
        <Text c="dimmed">{t('overview.noSchools')}</Text>
      ) : (
        <ScrollRegion label={t('overview.stageTable')}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('overview.school')}</Table.Th>
                <Table.Th scope="col">{t('overview.stage')}</Table.Th>
                <Table.Th scope="col">{t('overview.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.stages.slice(0, 50).map((s) => (
                <Table.Tr key={s.orgUnitId}>
                  <Table.Th scope="row">{s.district ? t('overview.districtLevel', { name: s.orgUnitName }) : s.orgUnitName}</Table.Th>
                  <Table.Td>
                    <Badge variant="light" color={STAGE_COLOR[s.stage]} tt="none">
                      {t(`stages.${s.stage}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{s.enteredAt ? formatDate(s.enteredAt) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {o.stages.length > 50 ? (
        <Anchor component={Link} to={`/initiatives/${o.initiative.id}/stages`} mt="sm" display="inline-block">
          {t('overview.allStages', { count: o.stages.length })}
        </Anchor>
      ) : null}
    </Section>
  );
}

function DriverSection({ o }: { o: InitiativeOverview }) {
  const { t } = useTranslation('implementation');
  return (
    <Section title={t('overview.driverTitle')}>
      <List spacing="xs" listStyleType="none" ml={0} pl={0}>
        {o.drivers.map((d) => (
          <List.Item key={d.driver}>
            <Group gap="sm" wrap="nowrap" justify="space-between">
              <Text>{t(`drivers.${d.driver}`)}</Text>
              <Badge variant="light" color={HEALTH_COLOR[d.health]} tt="none">
                {t(`health.${d.health}`)}
              </Badge>
            </Group>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}

function ReachSection({ o }: { o: InitiativeOverview }) {
  const { t } = useTranslation('implementation');
  const pct = o.fidelity.people ? Math.round((o.fidelity.atFidelity / o.fidelity.people) * 100) : null;
  return (
    <Section title={t('overview.reachTitle')}>
      <List spacing="xs">
        <List.Item>
          {pct === null
            ? t('overview.noChecks')
            : o.fidelity.suppressed
              ? t('overview.atFidelitySuppressed', { min: FIDELITY_MIN_GROUP })
              : t('overview.atFidelity', { count: o.fidelity.people, at: formatNumber(o.fidelity.atFidelity), pct: formatNumber(pct) })}
        </List.Item>
        <List.Item>{t('overview.coached', { count: o.reach.coached, n: formatNumber(o.reach.coached) })}</List.Item>
        <List.Item>{t('overview.trained', { count: o.reach.trained, n: formatNumber(o.reach.trained) })}</List.Item>
        <List.Item>
          {t('overview.sessions', {
            count: o.reach.trainingSessions,
            n: formatNumber(o.reach.trainingSessions),
            upcoming: formatNumber(o.reach.upcomingSessions),
          })}
        </List.Item>
      </List>
    </Section>
  );
}

function FidelitySection({ o }: { o: InitiativeOverview }) {
  const { t } = useTranslation('implementation');
  return (
    <Section title={t('overview.fidelityTitle')}>
      <Text size="sm" mb="sm">
        {t('overview.threshold', { pct: formatNumber(o.initiative.fidelityThresholdPct) })}
      </Text>
      {o.fidelity.components.length === 0 ? (
        <Text c="dimmed">{t('overview.noChecks')}</Text>
      ) : (
        <FidelityTrendChart components={o.fidelity.components} />
      )}
    </Section>
  );
}

function PdsaSection({ o }: { o: InitiativeOverview }) {
  const { t } = useTranslation('implementation');
  return (
    <Section title={t('overview.pdsaTitle', { count: o.openPdsaCount, n: formatNumber(o.openPdsaCount) })}>
      {o.openPdsa.length === 0 ? (
        <Text c="dimmed">{t('overview.noPdsa')}</Text>
      ) : (
        <List spacing="xs">
          {o.openPdsa.map((p) => (
            <List.Item key={p.id}>
              <Anchor component={Link} to={`/initiatives/${o.initiative.id}/pdsa/${p.id}`}>
                {p.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {[p.orgUnitName, p.component, t(`pdsaStatuses.${p.status}`)].filter(Boolean).join(' · ')}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

function ActionItemSection({ o }: { o: InitiativeOverview }) {
  const { t } = useTranslation('implementation');
  return (
    <Section title={t('overview.actionTitle', { count: o.openActionItemCount, n: formatNumber(o.openActionItemCount) })}>
      {o.actionItems.length === 0 ? (
        <Text c="dimmed">{t('overview.noActions')}</Text>
      ) : (
        <List spacing="xs">
          {o.actionItems.map((a) => (
            <List.Item key={a.id}>
              <Text>{a.text}</Text>
              <Text size="sm" c={a.overdue ? 'red.8' : 'dimmed'}>
                {t(a.overdue ? 'overview.actionOverdue' : 'overview.actionDue', {
                  owner: a.ownerName,
                  date: formatDate(a.dueOn),
                  team: a.teamName,
                })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
