import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { DataSourceQuery } from '../../../common/schemas/action-plans.ts';
import { useCreateActionPlan, useDataSourcePlans, useTeamActionPlans } from '../../api/action-plans.ts';
import { isApiError } from '../../api/client.ts';
import { useImplementationTeam } from '../../api/implementation-teams.ts';
import { dayOf, formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { readSourceSearch, sourceSearch } from './sourceLink.ts';

/**
 * A team's action plans (active first) and, for its members, a form to start one. Reached from
 * "Plan an action" (`?kind=&id=...`), the new plan opens straight on its first item, written from that record.
 */
export default function ActionPlansPage() {
  const { t } = useTranslation('actionPlans');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const source = readSourceSearch(params);
  const team = useImplementationTeam(id);
  const plans = useTeamActionPlans(id);
  const create = useCreateActionPlan(id);
  const [title, setTitle] = useState('');
  if (isApiError(plans.error, 'not_found')) return <NotFoundPage />;
  if (plans.error) return <ErrorAlert error={plans.error} />;
  if (!plans.data || !team.data) return <Loading />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    create.mutate(
      { title },
      {
        onSuccess: (plan) =>
          void navigate(source ? `/action-plans/${plan.id}/items/new?${sourceSearch(source)}` : `/action-plans/${plan.id}`),
      },
    );
  };
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/implementation-teams/${id}`} size="sm">
        {t('plans.back', { team: team.data.name })}
      </Anchor>
      <PageHeader title={t('plans.title', { team: team.data.name })} subtitle={t('plans.intro')} />
      {source && plans.data.abilities.create ? <SourceNote source={source} /> : null}
      {plans.data.items.length === 0 ? (
        <Text c="dimmed">{t('plans.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.titleLabel')}</Table.Th>
                <Table.Th>{t('plans.initiative')}</Table.Th>
                <Table.Th>{t('plan.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/action-plans/${p.id}`}>
                      {p.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatDate(dayOf(p.createdAt))} ·{' '}
                      {t('plans.counts', {
                        open: p.counts.open,
                        inProgress: p.counts.in_progress,
                        done: p.counts.done,
                        dropped: p.counts.dropped,
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.initiative?.name ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge color={p.active ? 'blue' : 'gray'} variant="light">
                      {p.active ? t('plans.active') : t('plans.closed')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {plans.data.abilities.create ? (
        <form onSubmit={submit} noValidate>
          <Group align="flex-end">
            <TextInput
              label={t('plans.new')}
              placeholder={t('plans.titleLabel')}
              required
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
              {t('plans.create')}
            </Button>
          </Group>
          <ErrorAlert error={create.error} />
        </form>
      ) : null}
    </Stack>
  );
}

/** Which record the new plan's first item will be written from. */
function SourceNote({ source }: { source: DataSourceQuery }) {
  const { t } = useTranslation('actionPlans');
  const facts = useDataSourcePlans(source);
  if (!facts.data) return null;
  return (
    <Alert color="blue" variant="light">
      {t('fromSource.startingFrom', { source: `${t(`sources.${source.kind}`)}: ${facts.data.source.label}` })}
    </Alert>
  );
}
