import { Anchor, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { schoolYearOf } from '../../../common/schemas/settings.ts';
import type { SchoolGoals, TeamGoal } from '../../../common/schemas/team-goals.ts';
import { isApiError } from '../../api/client.ts';
import { useSchoolGoals } from '../../api/team-goals.ts';
import { todayIso } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { GoalCardFrame } from './GoalCardFrame.tsx';
import { CheckInModal, GoalModal, schoolYearChoices } from './GoalModals.tsx';
import { PrioritiesEditor } from './PrioritiesEditor.tsx';

function GoalCard({
  goal,
  view,
  onCheckIn,
  children,
}: {
  goal: TeamGoal;
  view: SchoolGoals;
  onCheckIn: (g: TeamGoal) => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation('performance');
  const parent = goal.parentGoalId
    ? (view.districtGoals.find((g) => g.id === goal.parentGoalId) ?? view.goals.find((g) => g.id === goal.parentGoalId))
    : null;
  return (
    <GoalCardFrame
      goal={goal}
      title={`${goal.teamName ? `${goal.teamName}: ` : ''}${goal.title}`}
      above={parent ? <Text size="sm">{t('teamGoals.alignedTo', { title: parent.title })}</Text> : null}
    >
      {goal.can.edit ? (
        <Group>
          <Button size="xs" variant="default" onClick={() => onCheckIn(goal)}>
            {t('teamGoals.checkIn.record')}
          </Button>
        </Group>
      ) : null}
      {children}
    </GoalCardFrame>
  );
}

/** A school's improvement priorities, its school goals and team goals in a tree, with quarterly check-ins. */
export default function SchoolGoalsPage() {
  const { t } = useTranslation('performance');
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const schoolYear = params.get('schoolYear') ?? schoolYearOf(todayIso());
  const goals = useSchoolGoals(id, schoolYear);
  const [adding, setAdding] = useState<{ level: 'school' | 'team'; priorityId?: string; parentGoalId?: string } | null>(null);
  const [checking, setChecking] = useState<TeamGoal | null>(null);

  if (isApiError(goals.error, 'not_found')) return <NotFoundPage />;
  if (goals.error) return <ErrorAlert error={goals.error} />;
  if (!goals.data) return <Loading />;
  const view = goals.data;
  const schoolGoals = view.goals.filter((g) => g.level === 'school');
  const teamGoalsOf = (parentId: string | null) => view.goals.filter((g) => g.level === 'team' && g.parentGoalId === parentId);
  const loose = view.goals.filter((g) => g.level === 'team' && !schoolGoals.some((s) => s.id === g.parentGoalId));
  const renderSchoolGoal = (g: TeamGoal) => (
    <GoalCard key={g.id} goal={g} view={view} onCheckIn={setChecking}>
      {teamGoalsOf(g.id).length ? (
        <Stack component="ul" gap="xs" pl="md" m={0} aria-label={t('teamGoals.teamGoalsOf', { title: g.title })}>
          {teamGoalsOf(g.id).map((tg) => (
            <GoalCard key={tg.id} goal={tg} view={view} onCheckIn={setChecking} />
          ))}
        </Stack>
      ) : null}
      {view.can.editTeamGoals ? (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setAdding({ level: 'team', parentGoalId: g.id, priorityId: g.priorityId ?? undefined })}
          >
            {t('teamGoals.addTeamGoal')}
          </Button>
        </Group>
      ) : null}
    </GoalCard>
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Anchor component={Link} to={`/schools/${id}`} size="sm">
          {t('teamGoals.back', { school: view.school.name })}
        </Anchor>
        <Anchor component={Link} to={`/district-goals?schoolYear=${view.schoolYear}`} size="sm">
          {t('districtGoals.link')}
        </Anchor>
      </Group>
      <PageHeader
        title={t('teamGoals.title', { school: view.school.name })}
        subtitle={t('teamGoals.subtitle')}
        actions={
          <Select
            label={t('teamGoals.schoolYear')}
            allowDeselect={false}
            w={140}
            data={schoolYearChoices(schoolYear)}
            value={schoolYear}
            onChange={(v) => v && setParams({ schoolYear: v })}
          />
        }
      />
      {view.can.editPriorities ? <PrioritiesEditor key={`${view.schoolYear}-${view.prioritiesVersion}`} view={view} /> : null}
      {view.priorities.length === 0 ? <Text>{t('teamGoals.noPriorities')}</Text> : null}
      {view.priorities.map((p) => (
        <Stack key={p.id} gap="xs" component="section" aria-labelledby={`priority-${p.id}`}>
          <Group justify="space-between">
            <Title order={2} size="h4" id={`priority-${p.id}`}>
              {t('teamGoals.priorityHeading', { n: p.position + 1, title: p.title })}
            </Title>
            {view.can.editSchoolGoals ? (
              <Button size="xs" variant="default" onClick={() => setAdding({ level: 'school', priorityId: p.id })}>
                {t('teamGoals.addSchoolGoal')}
              </Button>
            ) : null}
          </Group>
          {schoolGoals.some((g) => g.priorityId === p.id) ? (
            <Stack component="ul" gap="xs" p={0} m={0}>
              {schoolGoals.filter((g) => g.priorityId === p.id).map(renderSchoolGoal)}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('teamGoals.noGoals')}
            </Text>
          )}
        </Stack>
      ))}
      {loose.length || view.can.editTeamGoals ? (
        <Stack gap="xs" component="section" aria-labelledby="other-team-goals">
          <Group justify="space-between">
            <Title order={2} size="h4" id="other-team-goals">
              {t('teamGoals.otherTeamGoals')}
            </Title>
            {view.can.editTeamGoals ? (
              <Button size="xs" variant="default" onClick={() => setAdding({ level: 'team' })}>
                {t('teamGoals.addTeamGoal')}
              </Button>
            ) : null}
          </Group>
          <Stack component="ul" gap="xs" p={0} m={0}>
            {loose.map((g) => (
              <GoalCard key={g.id} goal={g} view={view} onCheckIn={setChecking} />
            ))}
          </Stack>
        </Stack>
      ) : null}
      {adding ? <GoalModal view={view} level={adding.level} defaults={adding} onClose={() => setAdding(null)} /> : null}
      {checking ? <CheckInModal goal={checking} onClose={() => setChecking(null)} /> : null}
    </Stack>
  );
}
