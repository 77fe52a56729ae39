import { Anchor, Badge, Button, Card, CloseButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PathwayStep } from '../../../common/schemas/pathways.ts';
import { formatNumber } from '../../app/format.ts';
import { ActiveBadge } from '../../components/ActiveBadge.tsx';
import { DetailList } from '../../components/DetailList.tsx';
import { formatPayBand } from './format.ts';

export type StepAction = 'edit' | 'up' | 'down' | 'active' | 'equivalence';

/** The rubrics a reader opens from a step: each framework's published one, and its draft for editors. */
export function StepRubricLinks({ step }: { step: PathwayStep }) {
  const { t } = useTranslation('pathways');
  if (step.rubrics.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('step.noRubric')}
      </Text>
    );
  return (
    <Group gap="xs">
      {step.rubrics.map((r) => (
        <Anchor key={r.rubricId} component={Link} to={`/rubrics/${r.rubricId}`} size="sm">
          {t('step.rubricLink', { framework: r.frameworkTitle, version: formatNumber(r.versionNumber) })}
          {r.status === 'draft' ? (
            <Badge ml={6} size="sm" variant="light" color="yellow">
              {t('status.draft')}
            </Badge>
          ) : null}
        </Anchor>
      ))}
    </Group>
  );
}

/** One rung of the ladder: role, pay band, prerequisites, responsibilities, equivalences, rubric. */
export function StepCard({
  step,
  number,
  isFirst,
  isLast,
  nextStepId,
  onAction,
  onRemoveEquivalence,
}: {
  step: PathwayStep;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  nextStepId?: string;
  onAction: (action: StepAction) => void;
  onRemoveEquivalence: (equivalenceId: string) => void;
}) {
  const { t } = useTranslation('pathways');
  const editor = step.abilities.update;
  const p = step.prerequisites;
  const rows: [string, string][] = [
    [t('field.payBand'), formatPayBand(t, step.payBandMinUsd, step.payBandMaxUsd)],
    [
      t('field.minYearsExperience'),
      p.minYearsExperience === null
        ? t('step.noMinimum')
        : t('step.years', { count: p.minYearsExperience, formatted: formatNumber(p.minYearsExperience) }),
    ],
    [t('field.credentials'), p.credentials.length ? p.credentials.join('; ') : t('step.noneRequired')],
    [t('field.evidence'), p.evidence.length ? p.evidence.join('; ') : t('step.noneRequired')],
  ];
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={`step-${step.id}`}
      style={step.active ? undefined : { opacity: 0.75 }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('step.number', { number: formatNumber(number) })}
              {step.responsibilityLevel !== null ? ` · ${t('step.level', { level: formatNumber(step.responsibilityLevel) })}` : ''}
            </Text>
            <Title order={2} size="h3" id={`step-${step.id}`}>
              {step.title}
            </Title>
          </Stack>
          <Group gap="xs">
            {step.staffRole ? <Badge variant="light">{t(`role.${step.staffRole}`)}</Badge> : null}
            {step.active ? null : <ActiveBadge active={false} />}
          </Group>
        </Group>
        {step.summary ? <Text>{step.summary}</Text> : null}
        <DetailList rows={rows} />
        {step.responsibilities.length > 0 ? (
          <div>
            <Text fw={600} size="sm">
              {t('field.responsibilities')}
            </Text>
            <List size="sm" spacing={2}>
              {step.responsibilities.map((r, i) => (
                <List.Item key={i}>{r}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {step.equivalences.length > 0 ? (
          <div>
            <Text fw={600} size="sm">
              {t('step.equivalentTo')}
            </Text>
            <List size="sm" spacing={2}>
              {step.equivalences.map((e) => (
                <List.Item key={e.id}>
                  <Group gap={6} wrap="nowrap">
                    <span>
                      <Anchor component={Link} to={`/pathways/${e.step.pathwayId}`}>
                        {e.step.pathwayName}
                      </Anchor>
                      {` · ${e.step.title} (${e.dimensions.map((d) => t(`dimension.${d}`)).join(', ')})`}
                      {e.notes ? ` — ${e.notes}` : ''}{' '}
                      <Anchor component={Link} to={`/pathways/compare?a=${step.id}&b=${e.step.id}`} size="sm">
                        {t('compare.short')}
                      </Anchor>
                    </span>
                    {editor ? (
                      <CloseButton
                        size="sm"
                        aria-label={t('equivalence.remove', { name: e.step.title })}
                        onClick={() => onRemoveEquivalence(e.id)}
                      />
                    ) : null}
                  </Group>
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        <div>
          <Text fw={600} size="sm">
            {t('step.rubric')}
          </Text>
          <StepRubricLinks step={step} />
        </div>
        <Group gap="xs" className="no-print">
          {nextStepId ? (
            <Button size="xs" variant="subtle" component={Link} to={`/pathways/compare?a=${step.id}&b=${nextStepId}`}>
              {t('step.compareNext')}
            </Button>
          ) : null}
          {editor ? (
            <>
              <Button size="xs" variant="default" onClick={() => onAction('edit')} aria-label={t('step.editNamed', { name: step.title })}>
                {t('common.edit')}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={isFirst}
                onClick={() => onAction('up')}
                aria-label={t('step.moveUpNamed', { name: step.title })}
              >
                {t('step.moveUp')}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={isLast}
                onClick={() => onAction('down')}
                aria-label={t('step.moveDownNamed', { name: step.title })}
              >
                {t('step.moveDown')}
              </Button>
              <Button size="xs" variant="default" onClick={() => onAction('equivalence')}>
                {t('equivalence.add')}
              </Button>
              <Button size="xs" variant="default" onClick={() => onAction('active')}>
                {step.active ? t('common.deactivate') : t('common.reactivate')}
              </Button>
            </>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
