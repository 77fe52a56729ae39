import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFitReviews } from '../../api/fit-reviews.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { NewFitReviewModal } from './NewFitReviewModal.tsx';

export const FIT_STATUS_COLOR: Record<string, string> = { open: 'blue', decided: 'gray' };

/** /assessments/fit-reviews: the fit reviews the reader may see, newest first; those who may start one do it here. */
export default function FitReviewsPage() {
  const { t } = useTranslation('assessments');
  const list = useFitReviews();
  const [creating, setCreating] = useState(false);
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Loading />;
  const { items, abilities } = list.data;
  const canStart = abilities.teams.length > 0 || abilities.withoutTeam;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/assessments" size="sm">
        {t('instruments.back')}
      </Anchor>
      <PageHeader
        title={t('fit.title')}
        subtitle={t('fit.intro')}
        actions={canStart ? <Button onClick={() => setCreating(true)}>{t('fit.new')}</Button> : null}
      />
      {items.length === 0 ? (
        <Text c="dimmed">{t('fit.empty')}</Text>
      ) : (
        <ScrollRegion label={t('fit.tableLabel')}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {(['title', 'who', 'where', 'candidates', 'status', 'initiatives', 'created'] as const).map((col) => (
                  <Table.Th key={col} scope="col">
                    {t(`fit.col.${col}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/assessments/fit-reviews/${r.id}`}>
                      {r.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{r.team?.name ?? t('fit.alone')}</Table.Td>
                  <Table.Td>{r.orgUnit.name}</Table.Td>
                  <Table.Td>{formatNumber(r.candidates)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={FIT_STATUS_COLOR[r.status]}>
                      {t(`fit.statuses.${r.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.initiatives.length === 0
                      ? '—'
                      : r.initiatives.map((i, n) => (
                          <span key={i.id}>
                            {n > 0 ? ', ' : null}
                            <Anchor component={Link} to={`/initiatives/${i.id}`}>
                              {i.name}
                            </Anchor>
                          </span>
                        ))}
                  </Table.Td>
                  <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {creating ? <NewFitReviewModal abilities={abilities} onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
