import { Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_RATINGS } from '../../../../common/performance.ts';
import type { Review } from '../../../../common/schemas/performance-review.ts';
import { saveReview } from '../../../api/performance-review.ts';
import { formatNumber } from '../../../app/format.ts';
import { ConflictAlert, SaveError, SaveStatus } from './PlanChrome.tsx';
import { CriterionRating, type RatingDraft } from './CriterionRating.tsx';
import { useAutosave } from './useAutosave.ts';

type GoalDraft = { rating: Review['goals'][number]['rating']; comment: string };
interface Draft {
  ratings: Record<string, RatingDraft>;
  goals: Record<string, GoalDraft>;
  summary: string;
}

const draftOf = (r: Review): Draft => ({
  ratings: Object.fromEntries(
    r.criteria.map((c) => [c.itemId, { scaleLevelId: c.rating?.scaleLevelId ?? null, comment: c.rating?.comment ?? '' }]),
  ),
  goals: Object.fromEntries(r.goals.map((g) => [g.id, { rating: g.rating, comment: g.comment }])),
  summary: r.summary,
});

/**
 * The evaluator's side of the review: a rating per competency with the evidence beside it, goal
 * ratings and the summary, saved as they type. `onSaved` hands the saved review up (its version).
 */
export function ReviewEditor({ review, onSaved }: { review: Review; onSaved: (r: Review) => void }) {
  const { t } = useTranslation('performance');
  const [draft, setDraft] = useState<Draft>(() => draftOf(review));
  const [overall, setOverall] = useState(review.overall);
  const readOnly = !review.abilities.edit;
  const save = useAutosave<Draft>(async (d, version) => {
    const saved = await saveReview(review.plan.id, {
      version,
      ratings: Object.entries(d.ratings)
        .filter(([, r]) => r.scaleLevelId || r.comment)
        .map(([itemId, r]) => ({ itemId, ...r })),
      goals: Object.entries(d.goals).map(([goalId, g]) => ({ goalId, ...g })),
      summary: d.summary,
    });
    setOverall(saved.overall);
    onSaved(saved);
    return saved.plan.version;
  }, review.plan.version);
  const change = (next: Partial<Draft>) => {
    const merged = { ...draft, ...next };
    setDraft(merged);
    save.schedule(merged);
  };
  const theirs = save.state.kind === 'conflict' ? (save.state.theirs as Review | null) : null;
  return (
    <Stack gap="md">
      {save.state.kind === 'conflict' ? (
        <ConflictAlert
          onTheirs={() => {
            if (theirs) {
              setDraft(draftOf(theirs));
              onSaved(theirs);
            }
            save.resolve(theirs?.plan.version ?? save.version.current, null);
          }}
          onMine={() => save.resolve(theirs?.plan.version ?? save.version.current, draft)}
        />
      ) : null}
      <SaveError state={save.state} />
      {overall.enabled ? (
        <Paper withBorder p="md">
          <Text fw={600} data-testid="overall">
            {overall.score === null
              ? t('review.overall.none')
              : t('review.overall.value', { score: formatNumber(overall.score), label: overall.label ?? '—' })}
          </Text>
        </Paper>
      ) : null}
      <Title order={2} size="h4">
        {t('review.competencies')}
      </Title>
      {review.criteria.map((c) => (
        <CriterionRating
          key={c.itemId}
          criterion={c}
          readOnly={readOnly}
          value={draft.ratings[c.itemId]!}
          onChange={(next) => change({ ratings: { ...draft.ratings, [c.itemId]: next } })}
        />
      ))}
      <Title order={2} size="h4">
        {t('review.goals')}
      </Title>
      {review.goals.length === 0 ? <Text c="dimmed">{t('review.noGoals')}</Text> : null}
      {review.goals.map((g) => {
        const value = draft.goals[g.id]!;
        const set = (next: Partial<GoalDraft>) => change({ goals: { ...draft.goals, [g.id]: { ...value, ...next } } });
        return (
          <Paper key={g.id} withBorder p="md">
            <Stack gap="xs">
              <Radio.Group label={g.title} value={value.rating ?? ''} onChange={(v) => set({ rating: (v || null) as GoalDraft['rating'] })}>
                <Group gap="md" mt={4} wrap="wrap">
                  {GOAL_RATINGS.map((r) => (
                    <Radio key={r} value={r} label={t(`review.goalRating.${r}`)} disabled={readOnly} />
                  ))}
                </Group>
              </Radio.Group>
              <Textarea
                label={t('review.goalComment', { title: g.title })}
                autosize
                minRows={2}
                value={value.comment}
                readOnly={readOnly}
                onChange={(e) => set({ comment: e.currentTarget.value })}
              />
            </Stack>
          </Paper>
        );
      })}
      <Textarea
        label={t('review.summary')}
        autosize
        minRows={4}
        value={draft.summary}
        readOnly={readOnly}
        onChange={(e) => change({ summary: e.currentTarget.value })}
      />
      {readOnly ? null : <SaveStatus state={save.state} onRetry={() => void save.flush()} />}
    </Stack>
  );
}
