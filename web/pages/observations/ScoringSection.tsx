import { Accordion, Badge, Button, Group, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBSERVATION_LIMITS } from '../../../common/observation.ts';
import type { ObservationRubric } from '../../../common/schemas/observations.ts';
import type { GridCriterion } from '../../../common/schemas/rubrics.ts';
import { formatNumber, formatTime } from '../../app/format.ts';
import { type DraftContent } from './content.ts';

type Score = DraftContent['scores'][number];
type Note = DraftContent['notes'][number];

/** "1.2 Plans for rigor" (the competency's code and statement). */
export function competencyName(c: Pick<GridCriterion, 'item' | 'description'>): string {
  if (c.item) return [c.item.humanCode, c.item.fullStatement].filter(Boolean).join(' ');
  return c.description ?? '';
}

/** The scale level id of a rubric column (the level's own id, else the descriptor's). */
export function levelIdAt(rubric: ObservationRubric, criterion: GridCriterion, index: number): string | null {
  return rubric.levels[index]?.id ?? criterion.descriptors[index]?.scaleLevelId ?? null;
}

/**
 * One competency's levels as native radio buttons sharing a name: Tab enters the group once (on
 * the chosen level, else the first), the arrow keys move between levels and choose them. Each
 * card is the radio's label, its descriptor read as the description.
 */
function LevelRadios({
  rubric,
  criterion,
  labelledBy,
  value,
  onChange,
}: {
  rubric: ObservationRubric;
  criterion: GridCriterion;
  labelledBy: string;
  value: string;
  onChange: (scaleLevelId: string) => void;
}) {
  const { t } = useTranslation('observations');
  const base = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('score.level')}
      </Text>
      <div role="radiogroup" aria-labelledby={labelledBy} className="obs-levels">
        {rubric.levels.map((level, i) => {
          const id = levelIdAt(rubric, criterion, i);
          if (!id) return null;
          const descriptor = criterion.descriptors[i]?.description;
          const checked = value === id;
          return (
            <label key={id} className="obs-level" data-checked={checked || undefined}>
              <input
                type="radio"
                className="obs-level-input"
                name={`${base}-level`}
                value={id}
                checked={checked}
                onChange={() => onChange(id)}
                aria-labelledby={`${base}-${i}`}
                aria-describedby={descriptor ? `${base}-${i}-d` : undefined}
              />
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm" id={`${base}-${i}`}>
                  {level.label}
                  {level.levelScore !== null ? ` (${formatNumber(level.levelScore)})` : ''}
                </Text>
                {descriptor ? (
                  <Text size="sm" c="dimmed" id={`${base}-${i}-d`} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {descriptor}
                  </Text>
                ) : null}
              </div>
            </label>
          );
        })}
      </div>
    </Stack>
  );
}

function CriterionScore({
  rubric,
  criterion,
  score,
  notes,
  onChange,
}: {
  rubric: ObservationRubric;
  criterion: GridCriterion;
  score: Score | undefined;
  notes: Note[];
  onChange: (score: Score | null) => void;
}) {
  const { t } = useTranslation('observations');
  const nameId = useId();
  const name = competencyName(criterion);
  const tagged = criterion.item ? notes.filter((n) => n.itemId === criterion.item!.id) : [];
  // Notes tagged with this competency first, then the rest.
  const ordered = [...tagged, ...notes.filter((n) => !tagged.includes(n))];
  const noteOptions = ordered.map((n) => ({
    value: n.id,
    label: `${formatTime(n.notedAt)} ${n.body.length > 80 ? `${n.body.slice(0, 80)}…` : n.body}`,
  }));
  const set = (patch: Partial<Score>) =>
    onChange({
      criterionId: criterion.id,
      scaleLevelId: score?.scaleLevelId ?? '',
      comment: score?.comment ?? '',
      citedNoteIds: score?.citedNoteIds ?? [],
      ...patch,
    });

  const chosen = rubric.levels.find((_, i) => levelIdAt(rubric, criterion, i) === score?.scaleLevelId);
  return (
    <Accordion.Item value={criterion.id}>
      <Accordion.Control>
        {criterion.domain ? (
          <Text size="xs" c="dimmed">
            {[criterion.domain.humanCode, criterion.domain.fullStatement].filter(Boolean).join(' ')}
          </Text>
        ) : null}
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }} id={nameId}>
          {name}
        </Text>
        <Group gap={6} mt={4}>
          <Badge variant={chosen ? 'filled' : 'outline'} color={chosen ? 'blue' : 'gray'}>
            {chosen ? chosen.label : t('read.notScored')}
          </Badge>
          {tagged.length ? <Badge variant="light">{t('score.taggedNotes', { count: tagged.length })}</Badge> : null}
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <LevelRadios
            rubric={rubric}
            criterion={criterion}
            labelledBy={nameId}
            value={score?.scaleLevelId ?? ''}
            onChange={(id) => set({ scaleLevelId: id })}
          />
          {score?.scaleLevelId ? (
            <Group>
              <Button size="compact-sm" variant="subtle" onClick={() => onChange(null)} aria-label={t('score.clearNamed', { name })}>
                {t('score.clear')}
              </Button>
            </Group>
          ) : null}
          <Textarea
            label={t('score.comment')}
            autosize
            minRows={2}
            maxLength={OBSERVATION_LIMITS.commentChars}
            value={score?.comment ?? ''}
            onChange={(e) => set({ comment: e.currentTarget.value })}
            disabled={!score?.scaleLevelId}
            description={score?.scaleLevelId ? undefined : t('score.chooseFirst')}
          />
          {notes.length ? (
            <MultiSelect
              label={t('score.cite')}
              placeholder={score?.citedNoteIds.length ? undefined : t('score.citePlaceholder')}
              data={noteOptions}
              value={score?.citedNoteIds ?? []}
              onChange={(value) => set({ citedNoteIds: value })}
              disabled={!score?.scaleLevelId}
              searchable
              hidePickedOptions
            />
          ) : null}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** Each competency of the teacher's rubric (one panel each, with its level shown when closed): choose a level (its descriptor beside it), comment, cite notes. */
export function ScoringSection({
  rubric,
  scores,
  notes,
  onChange,
}: {
  rubric: ObservationRubric;
  scores: Score[];
  notes: Note[];
  onChange: (scores: Score[]) => void;
}) {
  const { t } = useTranslation('observations');
  const scored = scores.filter((s) => s.scaleLevelId).length;
  // The first competency not scored yet starts open; the others open with a tap or Enter.
  const [firstOpen] = useState(() => {
    const next = rubric.criteria.find((c) => !scores.some((s) => s.criterionId === c.id && s.scaleLevelId)) ?? rubric.criteria[0];
    return next ? [next.id] : [];
  });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('score.progress', { scored, total: rubric.criteria.length, rubric: rubric.title })}
      </Text>
      <Accordion multiple defaultValue={firstOpen} variant="separated" order={3} chevronPosition="right">
        {rubric.criteria.map((criterion) => (
          <CriterionScore
            key={criterion.id}
            rubric={rubric}
            criterion={criterion}
            score={scores.find((s) => s.criterionId === criterion.id)}
            notes={notes}
            onChange={(next) =>
              onChange(
                next
                  ? [...scores.filter((s) => s.criterionId !== criterion.id), next]
                  : scores.filter((s) => s.criterionId !== criterion.id),
              )
            }
          />
        ))}
      </Accordion>
    </Stack>
  );
}
