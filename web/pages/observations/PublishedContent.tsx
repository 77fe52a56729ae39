import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation } from '../../../common/schemas/observations.ts';
import { formatNumber, formatTime } from '../../app/format.ts';
import { StepOrigin, StepSummary } from './ActionStepsSection.tsx';
import { competencyName } from './ScoringSection.tsx';
import { StepStatusAction } from './StepStatusAction.tsx';
import { AttachmentsToggle } from '../../components/Attachments.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

const pre = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** What a published observation says: scores or look-fors, glows and grows, steps, notes. */
export function PublishedContent({ o }: { o: Observation }) {
  const { t } = useTranslation('observations');
  const notesById = new Map(o.notes.map((n) => [n.id, n]));
  const competencyById = new Map((o.rubric?.criteria ?? []).filter((c) => c.item).map((c) => [c.item!.id, competencyName(c)]));
  const allSteps = [...o.actionSteps, ...o.openActionSteps];
  return (
    <Stack gap="lg">
      {o.rubric ? (
        <Section title={o.kind === 'fidelity' ? t('read.fidelityScores', { tool: o.rubric.title }) : t('read.scores')}>
          {o.rubric.criteria.map((c) => {
            const score = o.scores.find((s) => s.criterionId === c.id);
            const index = o.rubric!.levels.findIndex((l, i) => (l.id ?? c.descriptors[i]?.scaleLevelId) === score?.scaleLevelId);
            const level = index >= 0 ? o.rubric!.levels[index] : undefined;
            return (
              <Paper key={c.id} withBorder p="sm" radius="md">
                <Stack gap={4}>
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <Text fw={600} size="sm" style={{ ...pre, flex: '1 1 14rem' }}>
                      {competencyName(c)}
                    </Text>
                    <Badge
                      variant={level ? 'filled' : 'outline'}
                      color={level?.proficient ? 'green' : level ? 'blue' : 'gray'}
                      style={{ flexShrink: 0 }}
                    >
                      {level
                        ? `${level.label}${level.levelScore !== null ? ` (${formatNumber(level.levelScore)})` : ''}`
                        : t('read.notScored')}
                    </Badge>
                  </Group>
                  {level && c.descriptors[index]?.description ? (
                    <Text size="sm" c="dimmed" style={pre}>
                      {c.descriptors[index]!.description}
                    </Text>
                  ) : null}
                  {score?.comment ? (
                    <Text size="sm" style={pre}>
                      {score.comment}
                    </Text>
                  ) : null}
                  {score?.citedNoteIds.length ? (
                    <Text size="xs" c="dimmed">
                      {t('read.evidence')}{' '}
                      {score.citedNoteIds
                        .map((id) => notesById.get(id))
                        .filter((n) => !!n)
                        .map((n) => `${formatTime(n.notedAt)} “${n.body}”`)
                        .join(' · ')}
                    </Text>
                  ) : null}
                </Stack>
              </Paper>
            );
          })}
        </Section>
      ) : null}
      {o.lookForResults.length ? (
        <Section title={t('read.lookFors')}>
          <Stack gap={4} component="ul" className="obs-plain-list">
            {o.lookForResults.map((l) => (
              <li key={l.lookFor}>
                <Text size="sm">
                  <strong>{l.lookFor}</strong>: {t(l.seen === null ? 'lookFors.unknown' : l.seen ? 'lookFors.seen' : 'lookFors.notSeen')}
                  {l.comment ? ` — ${l.comment}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        </Section>
      ) : null}
      <Section title={t('feedback.glows')}>
        <Text size="sm" style={pre}>
          {o.glows || '—'}
        </Text>
      </Section>
      <Section title={t('feedback.grows')}>
        <Text size="sm" style={pre}>
          {o.grows || '—'}
        </Text>
      </Section>
      <Section title={t('steps.heading')}>
        {o.actionSteps.length ? (
          <Stack gap="xs" component="ul" className="obs-plain-list">
            {o.actionSteps.map((s) => (
              <Paper key={s.id} withBorder p="sm" radius="md" component="li">
                <StepSummary step={s} observationId={o.id} />
                <StepStatusAction step={s} observationId={o.id} />
                <AttachmentsToggle owner={`/api/action-steps/${s.id}`} />
              </Paper>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('steps.none')}
          </Text>
        )}
      </Section>
      {o.actionStepChecks.length ? (
        <Section title={t('checks.heading')}>
          <Stack gap={4} component="ul" className="obs-plain-list">
            {o.actionStepChecks.map((c) => {
              // An earlier step still open can be moved on from here too.
              const open = o.actionSteps.some((s) => s.id === c.actionStepId)
                ? undefined
                : o.openActionSteps.find((s) => s.id === c.actionStepId);
              const step = allSteps.find((s) => s.id === c.actionStepId);
              return (
                <li key={c.actionStepId}>
                  <Text size="sm">
                    <strong>{step?.title ?? t('checks.aStep')}</strong>
                    {step?.item?.humanCode ? ` (${step.item.humanCode})` : ''}: {t(`checks.${c.result}`)}
                    {c.comment ? ` — ${c.comment}` : ''}
                  </Text>
                  {step ? <StepOrigin step={step} observationId={o.id} /> : null}
                  {open ? <StepStatusAction step={open} observationId={o.id} /> : null}
                </li>
              );
            })}
          </Stack>
        </Section>
      ) : null}
      {o.notes.length ? (
        <Section title={t('notes.heading')}>
          <Stack gap={4} component="ol" className="obs-plain-list">
            {[...o.notes]
              .sort((a, b) => a.position - b.position)
              .map((n) => (
                <li key={n.id}>
                  <Text size="sm" style={pre}>
                    <Text span c="dimmed" size="xs">
                      {formatTime(n.notedAt)}
                    </Text>{' '}
                    {n.body}
                    {n.itemId && competencyById.get(n.itemId) ? (
                      <Text span c="dimmed" size="xs">
                        {' '}
                        · {competencyById.get(n.itemId)}
                      </Text>
                    ) : null}
                  </Text>
                </li>
              ))}
          </Stack>
        </Section>
      ) : null}
    </Stack>
  );
}
