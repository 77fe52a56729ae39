import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScalePoint } from '../../../common/assessments.ts';
import type { VoteReveal, VotingState } from '../../../common/schemas/assessment-voting.ts';
import { useOpenItem, useReveal } from '../../api/assessment-voting.ts';
import { formatDateTime } from '../../app/format.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The revealed votes: how many chose each point of the scale (never who chose what). */
export function VoteDistribution({ scale, reveal, myVote }: { scale: ScalePoint[]; reveal: VoteReveal; myVote?: number | null }) {
  const { t } = useTranslation('assessments');
  const point = (value: number) => scale.find((p) => p.value === value);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('voting.revealed', { voted: reveal.voted, expected: reveal.expected })}
      </Title>
      {reveal.forced ? (
        <Text size="sm">
          {t('voting.forcedNote', {
            name: reveal.revealedBy?.name ?? t('voting.someone'),
            when: formatDateTime(reveal.revealedAt),
            voted: reveal.voted,
            expected: reveal.expected,
          })}
        </Text>
      ) : null}
      {reveal.distribution.map((d) => (
        <div key={d.value}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text>
              {d.value} · {point(d.value)?.label ?? ''}
            </Text>
            <Text fw={600}>{t('voting.votes', { count: d.count })}</Text>
          </Group>
          <Progress value={reveal.voted > 0 ? (d.count / reveal.voted) * 100 : 0} aria-hidden size="lg" />
        </div>
      ))}
      {myVote !== undefined && myVote !== null ? <Text size="sm">{t('voting.yourVoteWas', { score: label(scale, myVote) })}</Text> : null}
    </Stack>
  );
}

export const label = (scale: ScalePoint[], value: number) => {
  const p = scale.find((x) => x.value === value);
  return p ? `${p.value} · ${p.label}` : String(value);
};

/** Who has voted on the open item, and whom the team is still waiting for (never how anyone voted). */
export function VotersLine({ voting }: { voting: VotingState }) {
  const { t } = useTranslation('assessments');
  const waiting = voting.voters.filter((v) => !v.voted).map((v) => v.person.name);
  return (
    <Stack gap={2} role="status" aria-live="polite">
      <Text fw={600}>{t('voting.votedOf', { voted: voting.voted, expected: voting.expected })}</Text>
      {waiting.length ? <Text size="sm">{t('voting.waitingFor', { list: waiting.join(', ') })}</Text> : null}
    </Stack>
  );
}

/**
 * The facilitator's (or note taker's) controls of the live voting for the item on their screen:
 * open it for votes, follow who has voted, reveal the votes (or reveal them early, after a
 * confirmation: the early reveal is recorded), then read the distribution and record the consensus
 * below. The page moves on to the next item once the consensus is saved.
 */
export function FacilitatorControls({
  administrationId,
  scale,
  voting,
  itemId,
}: {
  administrationId: string;
  scale: ScalePoint[];
  voting: VotingState;
  itemId: string;
}) {
  const { t } = useTranslation('assessments');
  const open = useOpenItem(administrationId);
  const reveal = useReveal(administrationId);
  const [confirming, setConfirming] = useState(false);
  const isCurrent = voting.itemId === itemId;
  const everyone = voting.voted >= voting.expected;
  const doReveal = (force: boolean) => reveal.mutate({ itemId, force }, { onSuccess: () => setConfirming(false) });
  return (
    <Paper withBorder p="md" component="section" aria-label={t('voting.title')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('voting.title')}
        </Title>
        {!isCurrent ? (
          <>
            <Text size="sm">{voting.itemId ? t('voting.teamElsewhere') : t('voting.notStarted')}</Text>
            <Group>
              <Button loading={open.isPending} onClick={() => open.mutate(itemId)}>
                {t('voting.open')}
              </Button>
            </Group>
          </>
        ) : null}
        {isCurrent && voting.state === 'open' ? (
          <>
            <VotersLine voting={voting} />
            <Group>
              <Button disabled={!everyone} loading={reveal.isPending && !confirming} onClick={() => doReveal(false)}>
                {t('voting.reveal')}
              </Button>
              {!everyone ? (
                <Button variant="default" onClick={() => setConfirming(true)}>
                  {t('voting.revealNow')}
                </Button>
              ) : null}
            </Group>
          </>
        ) : null}
        {isCurrent && voting.reveal ? <VoteDistribution scale={scale} reveal={voting.reveal} /> : null}
        {isCurrent && voting.state === 'revealed' ? <Text size="sm">{t('voting.discuss')}</Text> : null}
        {isCurrent && voting.state === 'decided' ? <Text size="sm">{t('voting.decided')}</Text> : null}
        <ErrorAlert error={open.error ?? (confirming ? null : reveal.error)} />
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('voting.revealNow')}
        confirmLabel={t('voting.revealNow')}
        loading={reveal.isPending}
        error={reveal.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => doReveal(true)}
      >
        {t('voting.revealNowConfirm', { voted: voting.voted, expected: voting.expected })}
      </ConfirmModal>
    </Paper>
  );
}
