import { Anchor, Badge, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PLAN_STATUSES } from '../../../common/performance.ts';
import { usePlans } from '../../api/performance-plans.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const HR_LINKS = [
  { to: '/performance/cycles', label: 'hub.links.cycles', ability: 'managePerformance' },
  { to: '/performance/templates', label: 'hub.links.templates', ability: 'managePerformance' },
  { to: '/performance/import', label: 'hub.links.import', ability: 'managePerformance' },
  { to: '/performance/expectations', label: 'hub.links.expectations', ability: 'managePerformance' },
  { to: '/performance/professionalism', label: 'hub.links.professionalism', ability: 'managePerformance' },
  { to: '/performance/completion', label: 'hub.links.completion', ability: 'viewPerformanceCompletion' },
] as const;

function MyPlans() {
  const { t } = useTranslation('performance');
  const mine = usePlans('mine');
  if (mine.isPending) return <Loading />;
  if (mine.error) return <ErrorAlert error={mine.error} />;
  if (mine.data.items.length === 0) return <Text c="dimmed">{t('hub.noPlan')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {mine.data.items.map((p) => (
        <Paper key={p.id} withBorder p="sm" radius="sm">
          <Group justify="space-between" align="flex-start">
            <Anchor component={Link} to={`/performance/plans/${p.id}`} fw={600}>
              {p.cycle.title}
            </Anchor>
            <Badge variant="light">{t(`plan.status.${p.status}`)}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {p.cycle.schoolYear}
            {p.evaluatorName ? ` · ${t('plan.evaluatorIs', { name: p.evaluatorName })}` : ''}
          </Text>
          <Text size="sm" mt={4}>
            {t(`plan.next.${p.status}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Evaluating() {
  const { t } = useTranslation('performance');
  const [status, setStatus] = useState<string | null>(null);
  const list = usePlans('evaluating', status ?? undefined);
  if (list.isPending && !status) return <Loading />;
  if (!status && list.data?.items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="evaluating-heading">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="evaluating-heading">
          {t('hub.evaluating')}
        </Title>
        <Select
          label={t('hub.statusFilter')}
          placeholder={t('hub.allStatuses')}
          clearable
          w={220}
          data={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plan.status.${s}`) }))}
          value={status}
          onChange={setStatus}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? <Text c="dimmed">{t('hub.noneWithStatus')}</Text> : null}
      {list.data && list.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('hub.col.person')}</Table.Th>
                <Table.Th scope="col">{t('hub.col.school')}</Table.Th>
                <Table.Th scope="col">{t('hub.col.cycle')}</Table.Th>
                <Table.Th scope="col">{t('hub.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/performance/plans/${p.id}`}>
                      {p.person.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.school?.name ?? '—'}</Table.Td>
                  <Table.Td>{p.cycle.title}</Table.Td>
                  <Table.Td>{t(`plan.status.${p.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

/** /performance: my plan(s) with the next step, the plans I evaluate, and HR's pages. */
export default function PerformanceHubPage() {
  const { t } = useTranslation('performance');
  const me = useMe();
  const links = HR_LINKS.filter((l) => me.abilities[l.ability]);
  return (
    <>
      <PageHeader title={t('hub.title')} />
      <Stack gap="xl">
        <Stack gap="sm" component="section" aria-labelledby="mine-heading">
          <Title order={2} size="h3" id="mine-heading">
            {t('hub.mine')}
          </Title>
          <MyPlans />
          <Anchor component={Link} to="/district-goals" size="sm">
            {t('districtGoals.link')}
          </Anchor>
        </Stack>
        <Evaluating />
        {links.length > 0 ? (
          <Stack gap="xs" component="section" aria-labelledby="manage-heading">
            <Title order={2} size="h3" id="manage-heading">
              {t('hub.manage')}
            </Title>
            <Group gap="md">
              {links.map((l) => (
                <Anchor key={l.to} component={Link} to={l.to}>
                  {t(l.label)}
                </Anchor>
              ))}
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}
