import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Badge, Card, Divider, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidencePoint, ProfileCompetency } from '../../../common/schemas/profile.ts';
import { useCompetencyProfile } from '../../api/profile.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isApiError } from '../../api/client.ts';
import { levelAxis } from './levelAxis.ts';

const levelText = (p: EvidencePoint) => `${p.label ?? ''}${p.levelScore === null ? '' : ` (${formatNumber(p.levelScore)})`}`.trim();
const title = (c: ProfileCompetency) => `${c.humanCode ? `${c.humanCode} ` : ''}${c.statement}`;

function LatestBadge({ competency }: { competency: ProfileCompetency }) {
  const { t } = useTranslation('tracker');
  const latest = competency.latest;
  if (!latest)
    return (
      <Text size="sm" c="dimmed">
        {t('profile.noLatest')}
      </Text>
    );
  return (
    <Badge variant="light" color={latest.proficient ? 'teal' : 'orange'} style={{ textTransform: 'none' }}>
      {t('profile.latest', { level: levelText(latest) })}
    </Badge>
  );
}

/** One competency's trend: a small line chart, described for screen readers (the table view holds the numbers). */
function TrendCard({ competency }: { competency: ProfileCompetency }) {
  const { t } = useTranslation('tracker');
  const data = competency.points
    .filter((p) => p.levelScore !== null)
    .map((p) => ({ date: formatDate(p.observedAt), score: p.levelScore! }));
  const axis = levelAxis(
    competency.scaleLevels,
    data.map((d) => d.score),
  );
  const latest = competency.latest ? levelText(competency.latest) : t('profile.noLatest');
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={6}>
        <Title order={3} size="h5">
          {title(competency)}
        </Title>
        <Group gap="xs">
          <LatestBadge competency={competency} />
          <Text size="xs" c="dimmed">
            {t('profile.framework', { title: competency.framework.title, version: competency.framework.versionNumber })}
          </Text>
        </Group>
        <div
          role="img"
          aria-label={t('profile.chartLabel', { competency: title(competency), count: competency.points.length, level: latest })}
        >
          <LineChart
            h={140}
            data={data}
            dataKey="date"
            series={[{ name: 'score', label: t('profile.score'), color: 'teal.7' }]}
            curveType="linear"
            withDots
            tickLine="none"
            gridAxis="y"
            yAxisProps={{ domain: axis.domain, ticks: axis.ticks, allowDecimals: false, interval: 0 }}
            valueFormatter={(value) => formatNumber(value)}
          />
        </div>
      </Stack>
    </Card>
  );
}

function ProfileTable({ competencies }: { competencies: ProfileCompetency[] }) {
  const { t } = useTranslation('tracker');
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{t('profile.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('profile.competency')}</Table.Th>
            <Table.Th scope="col">{t('profile.date')}</Table.Th>
            <Table.Th scope="col">{t('profile.level')}</Table.Th>
            <Table.Th scope="col">{t('profile.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {competencies.flatMap((c) =>
            c.points.map((p, i) => (
              <Table.Tr key={p.id}>
                {i === 0 ? (
                  <Table.Th scope="rowgroup" rowSpan={c.points.length} style={{ verticalAlign: 'top' }}>
                    {title(c)}
                  </Table.Th>
                ) : null}
                <Table.Td>{formatDate(p.observedAt)}</Table.Td>
                <Table.Td>{levelText(p)}</Table.Td>
                <Table.Td>
                  {t(
                    `profile.sources.${['observation', 'self_assessment', 'training_assessment'].includes(p.source) ? p.source : 'other'}`,
                  )}
                </Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A person's competency profile: each competency's trend over time (charts, or the same points as a table). */
export function CompetencyProfile({ personId }: { personId: string }) {
  const { t } = useTranslation('tracker');
  const profile = useCompetencyProfile(personId);
  const [view, setView] = useState('chart');
  if (isApiError(profile.error, 'not_found') || isApiError(profile.error, 'forbidden')) return null;
  if (profile.error) return <ErrorAlert error={profile.error} />;
  if (!profile.data) return null;
  const { competencies } = profile.data;
  return (
    <Stack gap="sm">
      <Divider mb="sm" />
      <Group justify="space-between" align="center">
        <Title order={2} size="h3">
          {t('profile.title')}
        </Title>
        {competencies.length ? (
          <SegmentedControl
            aria-label={t('profile.show')}
            value={view}
            onChange={setView}
            data={[
              { value: 'chart', label: t('profile.chart') },
              { value: 'table', label: t('profile.table') },
            ]}
          />
        ) : null}
      </Group>
      {profile.data.view === 'development' ? (
        <Text size="sm" c="dimmed">
          {t('profile.coachView')}
        </Text>
      ) : null}
      {competencies.length === 0 ? (
        <Text c="dimmed">{t('profile.empty')}</Text>
      ) : view === 'table' ? (
        <ProfileTable competencies={competencies} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {competencies.map((c) => (
            <TrendCard key={c.itemId} competency={c} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
