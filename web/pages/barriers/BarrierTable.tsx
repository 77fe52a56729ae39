import { Anchor, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBarriers } from '../../api/barriers.ts';
import { dayOf, formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/personName.ts';
import { BarrierStatusBadge } from '../action-plans/StatusBadge.tsx';

/** A list of barriers (`scope`: `mine`, `all` or a team id) with an open / answered / all filter. */
export function BarrierTable({ scope, showRaiser }: { scope: string; showRaiser: boolean }) {
  const { t } = useTranslation('actionPlans');
  const [status, setStatus] = useState(scope === 'mine' ? '' : 'open');
  const list = useBarriers(scope, status);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('barriers.show')}
        value={status || 'all'}
        onChange={(v) => setStatus(v === 'all' ? '' : v)}
        data={(['open', 'closed', 'all'] as const).map((v) => ({ value: v, label: t(`barriers.filters.${v}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {!list.data ? (
        list.error ? null : (
          <Loading />
        )
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('barriers.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('barriers.description')}</Table.Th>
                {showRaiser ? <Table.Th>{t('barriers.raisedBy')}</Table.Th> : null}
                <Table.Th>{t('barriers.routedTo')}</Table.Th>
                <Table.Th>{t('plan.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/barriers/${b.id}`} lineClamp={2}>
                      {b.description}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`barriers.kinds.${b.kind}`)} · {b.initiative.name} · {b.school.name} · {formatDate(dayOf(b.createdAt))}
                    </Text>
                    {scope === 'mine' && b.answer ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {t('barriers.answer')}: {b.answer}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {showRaiser ? <Table.Td>{personName(b.raisedBy)}</Table.Td> : null}
                  <Table.Td>{b.routedTeam.name}</Table.Td>
                  <Table.Td>
                    <BarrierStatusBadge status={b.status} />
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
