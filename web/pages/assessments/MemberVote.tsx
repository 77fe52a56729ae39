import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VotingState } from '../../../common/schemas/assessment-voting.ts';
import type { AdministrationDetail } from '../../../common/schemas/assessments.ts';
import { useVote } from '../../api/assessment-voting.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ReadOnlyScore } from './ItemScorer.tsx';
import { label, VoteDistribution, VotersLine } from './LiveVoting.tsx';

/**
 * A member's screen during the live voting, on a phone: the item the team is on with its anchors,
 * the points of the scale as large buttons (a tap is the vote; another tap before the reveal
 * changes it), "your vote is in, waiting for N others", then the votes revealed together and the
 * consensus the team records. Someone who attends without voting follows the same screen without
 * the buttons.
 */
export function MemberVote({ administration, voting }: { administration: AdministrationDetail; voting: VotingState }) {
  const { t } = useTranslation('assessments');
  const vote = useVote(administration.id);
  const scale = administration.content.scale;
  const items = administration.content.sections.flatMap((s) => s.items.map((item) => ({ item, section: s.title })));
  const at = items.findIndex((x) => x.item.id === voting.itemId);
  const current = items[at];
  if (!current) {
    return (
      <Paper withBorder p="md">
        <Text role="status">{t('voting.waitingForItem')}</Text>
      </Paper>
    );
  }
  const canVote = voting.abilities.vote && voting.state === 'open';
  const others = voting.expected - voting.voted;
  const score = administration.scores.find((s) => s.itemId === current.item.id);
  return (
    <Paper withBorder p="md" component="section" aria-label={t('voting.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('record.position', { section: current.section, n: at + 1, of: items.length })}
        </Text>
        <Title order={2} size="h3">
          {current.item.text}
        </Title>
        {current.item.guidance ? <Text c="dimmed">{current.item.guidance}</Text> : null}
        {canVote ? (
          <>
            <Text>{t('voting.tapToVote')}</Text>
            <div role="radiogroup" aria-label={t('voting.yourVote')}>
              <SimpleGrid cols={1} spacing="xs">
                {scale.map((p) => (
                  <Button
                    key={p.value}
                    role="radio"
                    aria-checked={voting.myVote === p.value}
                    variant={voting.myVote === p.value ? 'filled' : 'default'}
                    size="lg"
                    h="auto"
                    py="sm"
                    disabled={vote.isPending}
                    onClick={() => vote.mutate({ itemId: current.item.id, value: p.value })}
                    styles={{
                      inner: { justifyContent: 'flex-start' },
                      label: { whiteSpace: 'normal', flexDirection: 'column', alignItems: 'flex-start', textAlign: 'left' },
                    }}
                  >
                    <strong>
                      {p.value} · {p.label}
                    </strong>
                    {p.anchor ? <span style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 400 }}>{p.anchor}</span> : null}
                  </Button>
                ))}
              </SimpleGrid>
            </div>
            <Text fw={600} role="status" aria-live="polite">
              {voting.myVote === null
                ? t('voting.notYet')
                : others > 0
                  ? t('voting.voteIn', { score: label(scale, voting.myVote), count: others })
                  : t('voting.voteInAll', { score: label(scale, voting.myVote) })}
            </Text>
            <ErrorAlert error={vote.error} />
          </>
        ) : null}
        {voting.state === 'open' && !voting.abilities.vote ? <VotersLine voting={voting} /> : null}
        {voting.reveal ? <VoteDistribution scale={scale} reveal={voting.reveal} myVote={voting.myVote} /> : null}
        {voting.state === 'revealed' ? <Text>{t('voting.discussing')}</Text> : null}
        {voting.state === 'decided' ? (
          <ReadOnlyScore administration={administration} value={score?.value ?? null} note={score?.note ?? ''} />
        ) : null}
      </Stack>
    </Paper>
  );
}
