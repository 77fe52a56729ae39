import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { VersionDetail } from '../../../common/schemas/assessments.ts';
import { isApiError } from '../../api/client.ts';
import { useStartDraft, useVersion } from '../../api/assessments.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { InstrumentBuilder } from './InstrumentBuilder.tsx';

/** A version as it reads: its scale with anchors, then each section's items with guidance. */
function VersionContent({ version }: { version: VersionDetail }) {
  const { t } = useTranslation('assessments');
  return (
    <Stack gap="lg">
      <ScrollRegion label={t('builder.scale')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('builder.value')}</Table.Th>
              <Table.Th>{t('builder.label')}</Table.Th>
              <Table.Th>{t('builder.anchor')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {version.scale.map((p) => (
              <Table.Tr key={p.value}>
                <Table.Td>{p.value}</Table.Td>
                <Table.Td>{p.label}</Table.Td>
                <Table.Td>{p.anchor}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {version.targetPct ? <Text>{t('builder.targetIs', { pct: version.targetPct })}</Text> : null}
      {version.sections.map((s) => (
        <Stack key={s.id} gap="xs">
          <Title order={2} size="h4">
            {s.title}
          </Title>
          <ol>
            {s.items.map((i) => (
              <li key={i.id}>
                <Text>{i.text}</Text>
                {i.guidance ? (
                  <Text size="sm" c="dimmed">
                    {i.guidance}
                  </Text>
                ) : null}
              </li>
            ))}
          </ol>
        </Stack>
      ))}
    </Stack>
  );
}

/** /assessments/versions/:versionId: a draft opens in the builder for those who edit it; a published version reads, and may start the next draft. */
export default function VersionPage() {
  const { versionId = '' } = useParams();
  const { t } = useTranslation('assessments');
  const navigate = useNavigate();
  const query = useVersion(versionId);
  const startDraft = useStartDraft();
  if (isApiError(query.error, 'not_found')) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const v = query.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/assessments" size="sm">
        {t('instruments.back')}
      </Anchor>
      <PageHeader
        title={v.instrument.name}
        subtitle={
          <Group gap="xs">
            <Badge variant="light" color={v.status === 'draft' ? 'yellow' : 'green'}>
              {t('instruments.versionBadge', { number: v.versionNumber, status: t(`statuses.${v.status}`) })}
            </Badge>
            <Text size="sm">{t(`kinds.${v.instrument.kind}`)}</Text>
            {v.publishedAt ? <Text size="sm">{t('builder.publishedOn', { date: formatDate(v.publishedAt) })}</Text> : null}
          </Group>
        }
        actions={
          v.abilities.startDraft ? (
            <Button
              loading={startDraft.isPending}
              onClick={() => startDraft.mutate(v.instrument.id, { onSuccess: (d) => void navigate(`/assessments/versions/${d.id}`) })}
            >
              {t('builder.startDraft')}
            </Button>
          ) : null
        }
      />
      {v.instrument.sourceNote ? <Text size="sm">{t('builder.source', { note: v.instrument.sourceNote })}</Text> : null}
      <ErrorAlert error={startDraft.error} />
      {v.abilities.edit ? <InstrumentBuilder key={v.version} version={v} /> : <VersionContent version={v} />}
    </Stack>
  );
}
