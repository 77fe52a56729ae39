import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PATHWAY_CATEGORIES } from '../../../common/competency.ts';
import type { PathwaySummary } from '../../../common/schemas/pathways.ts';
import { usePathways } from '../../api/pathways.ts';
import { useMe } from '../../api/session.ts';
import { formatNumber } from '../../app/format.ts';
import { ActiveBadge } from '../../components/ActiveBadge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PathwayFormModal } from './PathwayFormModal.tsx';

function PathwayCard({ pathway }: { pathway: PathwaySummary }) {
  const { t } = useTranslation('pathways');
  const steps = pathway.steps.filter((s) => s.active);
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`pathway-${pathway.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4" id={`pathway-${pathway.id}`}>
            <Anchor component={Link} to={`/pathways/${pathway.id}`}>
              {pathway.name}
            </Anchor>
          </Title>
          {pathway.active ? null : <ActiveBadge active={false} />}
        </Group>
        {pathway.function ? (
          <Badge variant="light" color="gray" style={{ alignSelf: 'flex-start' }}>
            {t(`function.${pathway.function}`)}
          </Badge>
        ) : null}
        {pathway.description ? <Text size="sm">{pathway.description}</Text> : null}
        <Text size="sm" c="dimmed">
          {t('pathways.stepCount', { count: steps.length, formatted: formatNumber(steps.length) })}
        </Text>
        {steps.length > 0 ? (
          <List type="ordered" size="sm" spacing={2}>
            {steps.map((s) => (
              <List.Item key={s.id}>{s.title}</List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Every career pathway of the district, grouped by category (instructional, leadership, central office). */
export default function PathwaysPage() {
  const { t } = useTranslation('pathways');
  const me = useMe();
  const navigate = useNavigate();
  const [showInactive, setShowInactive] = useState(false);
  const [adding, setAdding] = useState(false);
  const pathways = usePathways(showInactive ? 'all' : 'true');
  const editor = me.abilities.manageFrameworks;

  return (
    <>
      <PageHeader
        title={t('pathways.title')}
        subtitle={t('pathways.subtitle')}
        actions={
          <>
            <Button variant="default" component={Link} to="/pathways/compare">
              {t('compare.open')}
            </Button>
            {me.abilities.managePeople ? (
              <Button variant="default" component={Link} to="/pathways/placements">
                {t('bulk.open')}
              </Button>
            ) : null}
            {editor ? <Button onClick={() => setAdding(true)}>{t('pathways.add')}</Button> : null}
          </>
        }
      />
      {editor ? (
        <Switch
          mb="md"
          label={t('pathways.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
      ) : null}
      <ErrorAlert error={pathways.error} />
      {pathways.isPending ? <Loading /> : null}
      {pathways.data?.items.length === 0 ? <Text role="status">{t('pathways.empty')}</Text> : null}
      {pathways.data && pathways.data.items.length > 0 ? (
        <Stack gap="xl">
          {PATHWAY_CATEGORIES.map((category) => {
            const items = pathways.data.items.filter((p) => p.category === category);
            if (items.length === 0) return null;
            return (
              <section key={category} aria-labelledby={`category-${category}`}>
                <Title order={2} size="h3" mb="sm" id={`category-${category}`}>
                  {t(`category.${category}`)}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                  {items.map((p) => (
                    <PathwayCard key={p.id} pathway={p} />
                  ))}
                </SimpleGrid>
              </section>
            );
          })}
        </Stack>
      ) : null}
      {adding ? (
        <PathwayFormModal
          onClose={() => setAdding(false)}
          onSaved={(p) => {
            setAdding(false);
            notifySuccess(t('pathway.saved', { name: p.name }));
            void navigate(`/pathways/${p.id}`);
          }}
        />
      ) : null}
    </>
  );
}
