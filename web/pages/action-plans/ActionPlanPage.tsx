import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ActionPlanItem } from '../../../common/schemas/action-plans.ts';
import { useActionPlan, useUpdateActionPlan } from '../../api/action-plans.ts';
import { isApiError } from '../../api/client.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { ItemStatusBadge } from './StatusBadge.tsx';

/** Due and review dates with their flags (words, not colour alone). */
export function ItemDates({ item }: { item: ActionPlanItem }) {
  const { t } = useTranslation('actionPlans');
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('plan.dueOn')}: {formatDate(item.dueOn)}{' '}
        {item.overdue ? (
          <Badge color="red" variant="light" size="sm">
            {t('plan.overdue')}
          </Badge>
        ) : null}
      </Text>
      <Text size="sm">
        {t('plan.reviewOn')}: {formatDate(item.reviewOn)}{' '}
        {item.reviewDue ? (
          <Badge color="yellow" variant="light" size="sm">
            {t('plan.reviewDue')}
          </Badge>
        ) : null}
      </Text>
    </Stack>
  );
}

/** One action plan: its items soonest due first, each linking to its page; members add items through the protocol. */
export default function ActionPlanPage() {
  const { t } = useTranslation('actionPlans');
  const { planId = '' } = useParams();
  const plan = useActionPlan(planId);
  const update = useUpdateActionPlan(planId);
  if (isApiError(plan.error, 'not_found')) return <NotFoundPage />;
  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/implementation-teams/${p.team.id}/action-plans`} size="sm">
        {t('plan.back', { team: p.team.name })}
      </Anchor>
      <PageHeader
        title={p.title}
        subtitle={[p.team.name, p.initiative?.name].filter(Boolean).join(' · ')}
        actions={
          p.abilities.edit ? (
            <Group>
              {p.active ? (
                <Button component={Link} to={`/action-plans/${p.id}/items/new`}>
                  {t('plan.newItem')}
                </Button>
              ) : null}
              <Button variant="default" loading={update.isPending} onClick={() => update.mutate({ version: p.version, active: !p.active })}>
                {p.active ? t('plans.close') : t('plans.reopen')}
              </Button>
            </Group>
          ) : null
        }
      />
      <ErrorAlert error={update.error} />
      {p.active ? null : <Text c="dimmed">{t('plan.closedNote')}</Text>}
      {p.items.length === 0 ? (
        <Text c="dimmed">{t('plan.noItems')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.problem')}</Table.Th>
                <Table.Th>{t('plan.owner')}</Table.Th>
                <Table.Th>{t('plan.dueOn')}</Table.Th>
                <Table.Th>{t('plan.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/action-plans/${p.id}/items/${item.id}`}>
                      {item.problem}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`sources.${item.source.kind}`)}
                      {item.source.label ? `: ${item.source.label}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{personName(item.owner)}</Table.Td>
                  <Table.Td>
                    <ItemDates item={item} />
                  </Table.Td>
                  <Table.Td>
                    <ItemStatusBadge status={item.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
