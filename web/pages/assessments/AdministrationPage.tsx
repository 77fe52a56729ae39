import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AdministrationDetail } from '../../../common/schemas/assessments.ts';
import { isApiError } from '../../api/client.ts';
import { useAdministration, useCloseAdministration } from '../../api/assessments.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { AttendeesModal } from './AttendeesModal.tsx';
import { ItemScorer } from './ItemScorer.tsx';
import { LowItems } from './LowItems.tsx';

/** Section and total results as a table (the same figures the results page charts). */
export function ResultsTable({ a }: { a: AdministrationDetail }) {
  const { t } = useTranslation('assessments');
  const pct = (value: number | null) => (value === null ? '—' : t('results.pct', { pct: formatNumber(value) }));
  return (
    <ScrollRegion label={t('results.tableLabel')}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('results.section')}</Table.Th>
            <Table.Th scope="col">{t('results.score')}</Table.Th>
            <Table.Th scope="col">{t('results.percent')}</Table.Th>
            <Table.Th scope="col">{t('results.scored')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {a.results.sections.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Th scope="row">{s.title}</Table.Th>
              <Table.Td>{t('results.sumOfMax', { sum: formatNumber(s.sum), max: formatNumber(s.max) })}</Table.Td>
              <Table.Td>{pct(s.pct)}</Table.Td>
              <Table.Td>{t('results.scoredOf', { scored: s.scored, count: s.items })}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('results.total')}</Table.Th>
            <Table.Td>{t('results.sumOfMax', { sum: formatNumber(a.results.total.sum), max: formatNumber(a.results.total.max) })}</Table.Td>
            <Table.Td>{pct(a.results.total.pct)}</Table.Td>
            <Table.Td>{t('results.scoredOf', { scored: a.results.total.scored, count: a.results.total.items })}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** /assessments/administrations/:id: record the consensus score item by item (on a phone too), see the results, close. */
export default function AdministrationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('assessments');
  const query = useAdministration(id);
  const close = useCloseAdministration(id);
  const [index, setIndex] = useState(0);
  const [closing, setClosing] = useState(false);
  const [editingAttendees, setEditingAttendees] = useState(false);
  if (isApiError(query.error, 'not_found')) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const a = query.data;
  const items = a.content.sections.flatMap((s) => s.items.map((item) => ({ item, section: s.title })));
  const current = items[Math.min(index, items.length - 1)];
  const scored = new Map(a.scores.map((s) => [s.itemId, s.value]));
  const resultsLink = a.team
    ? `/assessments/results?instrumentId=${a.instrument.id}&teamId=${a.team.id}`
    : `/assessments/results?instrumentId=${a.instrument.id}&orgUnitId=${a.orgUnit.id}`;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={a.team ? `/assessments?teamId=${a.team.id}` : '/assessments'} size="sm">
        {t('administrations.back')}
      </Anchor>
      <PageHeader
        title={a.title || t('administrations.instrumentVersion', { name: a.instrument.name, number: a.versionNumber })}
        subtitle={
          <Group gap="xs">
            <Badge variant="light" color={a.status === 'open' ? 'blue' : 'gray'}>
              {t(`administrationStatuses.${a.status}`)}
            </Badge>
            <Text size="sm">{[a.team?.name ?? a.soloPerson?.name, a.orgUnit.name, formatDate(a.heldOn)].filter(Boolean).join(' · ')}</Text>
          </Group>
        }
        actions={
          a.abilities.manage ? (
            <>
              {a.team ? (
                <Button variant="default" onClick={() => setEditingAttendees(true)}>
                  {t('record.editAttendees')}
                </Button>
              ) : null}
              <Button variant="default" onClick={() => setClosing(true)}>
                {t('record.close')}
              </Button>
            </>
          ) : null
        }
      />
      {a.attendees.length ? (
        <Text size="sm">
          {t('record.attendees', { list: a.attendees.map((p) => `${p.person.name} (${t(`roles.${p.role}`)})`).join(', ') })}
        </Text>
      ) : null}
      {current ? (
        <>
          <Select
            label={t('record.goTo')}
            allowDeselect={false}
            data={items.map((x, i) => ({
              value: String(i),
              label: `${i + 1}. ${x.item.text.slice(0, 80)}${scored.has(x.item.id) ? ` (${scored.get(x.item.id)})` : ''}`,
            }))}
            value={String(Math.min(index, items.length - 1))}
            onChange={(v) => v !== null && setIndex(Number(v))}
          />
          <ItemScorer
            key={current.item.id}
            administration={a}
            item={current.item}
            section={current.section}
            position={{ n: Math.min(index, items.length - 1) + 1, of: items.length }}
            onNext={() => setIndex((i) => Math.min(i + 1, items.length - 1))}
          />
        </>
      ) : null}
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('results.title')}
        </Title>
        <Anchor component={Link} to={resultsLink}>
          {t('results.overTime')}
        </Anchor>
      </Group>
      {a.results.targetPct ? <Text>{t('builder.targetIs', { pct: a.results.targetPct })}</Text> : null}
      <ResultsTable a={a} />
      <LowItems administration={a} />
      {editingAttendees ? <AttendeesModal administration={a} onClose={() => setEditingAttendees(false)} /> : null}
      <ConfirmModal
        opened={closing}
        title={t('record.close')}
        confirmLabel={t('record.close')}
        loading={close.isPending}
        error={close.error}
        onClose={() => setClosing(false)}
        onConfirm={() => close.mutate(a.version, { onSuccess: () => (setClosing(false), notifySuccess(t('record.closed'))) })}
      >
        <Text>{t('record.closeConfirm', { count: a.results.total.items - a.results.total.scored })}</Text>
      </ConfirmModal>
    </Stack>
  );
}
