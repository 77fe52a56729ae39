import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AdministrationDetail } from '../../../common/schemas/assessments.ts';
import { isApiError } from '../../api/client.ts';
import { useAdministrationLive, useOpenItem } from '../../api/assessment-voting.ts';
import { useAdministration, useCloseAdministration } from '../../api/assessments.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LiveStatus } from '../../components/LiveStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { AttendeesModal } from './AttendeesModal.tsx';
import { ItemScorer } from './ItemScorer.tsx';
import { FacilitatorControls } from './LiveVoting.tsx';
import { MemberVote } from './MemberVote.tsx';
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

/** The next item to score after `from`: the next one without a consensus score, else simply the next. */
function nextItemIndex(ids: string[], scored: Map<string, number>, from: number): number {
  for (let step = 1; step < ids.length; step++) {
    const i = (from + step) % ids.length;
    if (!scored.has(ids[i]!)) return i;
  }
  return Math.min(from + 1, ids.length - 1);
}

/**
 * /assessments/administrations/:id: record the consensus score item by item (on a phone too), see
 * the results, close. A team's open administration is followed live: the facilitator (or note
 * taker) opens an item for votes and reveals them, members vote on their phones, every screen moves
 * to the item the team is on; one person scoring alone (or a team around a table that skips the
 * votes) records the scores directly as before.
 */
export default function AdministrationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('assessments');
  const query = useAdministration(id);
  const close = useCloseAdministration(id);
  const live = Boolean(query.data?.team) && query.data?.status === 'open';
  const { voting, mode } = useAdministrationLive(id, live);
  const openItem = useOpenItem(id);
  const [index, setIndex] = useState(0);
  const [followed, setFollowed] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [editingAttendees, setEditingAttendees] = useState(false);
  if (isApiError(query.error, 'not_found')) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const a = query.data;
  const items = a.content.sections.flatMap((s) => s.items.map((item) => ({ item, section: s.title })));
  const scored = new Map(a.scores.map((s) => [s.itemId, s.value]));
  const v = live ? voting.data : undefined;
  // Every screen moves to the item the team is on when it changes (opened here or elsewhere).
  const liveItem = v?.itemId ?? null;
  if (liveItem !== followed) {
    setFollowed(liveItem);
    const at = items.findIndex((x) => x.item.id === liveItem);
    if (at >= 0) setIndex(at);
  }
  const current = items[Math.min(index, items.length - 1)];
  const running = Boolean(v?.abilities.run);
  const following = Boolean(v && !a.abilities.score && (v.abilities.vote || v.itemId));
  /** After a consensus is saved (or the item skipped): the next item, opened for votes when the voting is run from here. */
  const next = () => {
    const to = nextItemIndex(
      items.map((x) => x.item.id),
      scored,
      Math.min(index, items.length - 1),
    );
    setIndex(to);
    if (running && items[to]) openItem.mutate(items[to].item.id);
  };
  const resultsLink = a.team
    ? `/assessments/results?instrumentId=${a.instrument.id}&teamId=${a.team.id}`
    : `/assessments/results?instrumentId=${a.instrument.id}&orgUnitId=${a.orgUnit.id}`;
  return (
    <Stack gap="lg">
      {a.fitCandidate ? (
        <Anchor component={Link} to={`/assessments/fit-reviews/${a.fitCandidate.reviewId}`} size="sm">
          {t('fit.backToReview', { title: a.fitCandidate.reviewTitle })}
        </Anchor>
      ) : (
        <Anchor component={Link} to={a.team ? `/assessments?teamId=${a.team.id}` : '/assessments'} size="sm">
          {t('administrations.back')}
        </Anchor>
      )}
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
      {live ? <LiveStatus mode={mode} /> : null}
      {a.attendees.length ? (
        <Text size="sm">
          {t('record.attendees', { list: a.attendees.map((p) => `${p.person.name} (${t(`roles.${p.role}`)})`).join(', ') })}
        </Text>
      ) : null}
      {following && v ? <MemberVote administration={a} voting={v} /> : null}
      {current && !following ? (
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
          {running && v ? (
            <FacilitatorControls administrationId={a.id} scale={a.content.scale} voting={v} itemId={current.item.id} />
          ) : null}
          <ErrorAlert error={openItem.error} />
          <ItemScorer
            key={current.item.id}
            administration={a}
            item={current.item}
            section={current.section}
            position={{ n: Math.min(index, items.length - 1) + 1, of: items.length }}
            onNext={running ? next : () => setIndex((i) => Math.min(i + 1, items.length - 1))}
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
