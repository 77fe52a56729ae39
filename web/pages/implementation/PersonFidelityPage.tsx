import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PersonFidelity } from '../../../common/schemas/fidelity.ts';
import { isApiError } from '../../api/client.ts';
import { usePersonFidelity } from '../../api/fidelity.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { componentLabel, pct } from './fidelity-format.ts';
import { FidelityTrend } from './FidelityTrend.tsx';

type Entry = PersonFidelity['initiatives'][number];

/** The person's checks on one initiative, newest first, each opening in the observation page. */
function Checks({ entry }: { entry: Entry }) {
  const { t } = useTranslation('implementation');
  const caption = t('fidelity.person.checksCaption', { initiative: entry.initiative.name });
  return (
    <ScrollRegion label={caption}>
      <Table striped withTableBorder>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fidelity.person.date')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.person.score')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.person.result')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.person.observer')}</Table.Th>
            <Table.Th scope="col">{t('fidelity.person.tool')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.checks.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/observations/${c.observationId}`}>
                  {formatDate(c.checkedOn)}
                </Anchor>
              </Table.Th>
              <Table.Td>{c.status === 'draft' ? t('fidelity.person.draft') : pct(t, c.scorePct)}</Table.Td>
              <Table.Td>
                {c.atFidelity === null ? (
                  t('fidelity.none')
                ) : (
                  <Badge variant="light" color={c.atFidelity ? 'teal' : 'orange'}>
                    {c.atFidelity ? t('fidelity.person.atFidelity') : t('fidelity.person.notYet')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{c.observer.name}</Table.Td>
              <Table.Td>
                {c.tool.title}
                {c.tool.retired ? ` (${t('fidelity.person.retired')})` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function InitiativeCard({ entry }: { entry: Entry }) {
  const { t } = useTranslation('implementation');
  const published = entry.checks.filter((c) => c.status === 'published' && c.scorePct !== null).reverse();
  const months = published.map((c) => ({ month: c.checkedOn, components: [{ itemId: 'score', averagePct: c.scorePct }] }));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`fid-${entry.initiative.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id={`fid-${entry.initiative.id}`}>
            {entry.initiative.name}
          </Title>
          <Text size="sm">{t('fidelity.person.threshold', { threshold: formatNumber(entry.initiative.thresholdPct) })}</Text>
        </Group>
        {entry.components.length > 0 ? (
          <Stack component="ul" gap={4} p={0} style={{ listStyle: 'none' }}>
            {entry.components.map((c) => (
              <Text component="li" size="sm" key={c.itemId}>
                {t('fidelity.person.component', {
                  component: componentLabel(c),
                  latest: pct(t, c.latestPct),
                  average: pct(t, c.averagePct),
                  count: c.checks,
                })}
              </Text>
            ))}
          </Stack>
        ) : null}
        {published.length > 1 ? (
          <FidelityTrend
            components={[{ itemId: 'score', humanCode: null, title: t('fidelity.person.score') }]}
            months={months}
            byDay
            caption={t('fidelity.person.trendCaption', { initiative: entry.initiative.name })}
          />
        ) : null}
        <Checks entry={entry} />
      </Stack>
    </Card>
  );
}

/** /people/:id/fidelity: a person's own fidelity on each initiative, for whom the fidelity policy lets read it. */
export default function PersonFidelityPage() {
  const { t } = useTranslation('implementation');
  const { id = '' } = useParams();
  const fidelity = usePersonFidelity(id);
  if (isApiError(fidelity.error, 'not_found')) return <NotFoundPage />;
  if (fidelity.error) return <ErrorAlert error={fidelity.error} />;
  if (!fidelity.data) return <Loading />;
  const d = fidelity.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/people/${d.person.id}`} size="sm">
        {d.person.name}
      </Anchor>
      <PageHeader title={t('fidelity.person.title', { name: d.person.name })} subtitle={t('fidelity.person.subtitle')} />
      {d.initiatives.length === 0 ? <Text>{t('fidelity.person.empty')}</Text> : null}
      {d.initiatives.map((entry) => (
        <InitiativeCard key={entry.initiative.id} entry={entry} />
      ))}
    </Stack>
  );
}
