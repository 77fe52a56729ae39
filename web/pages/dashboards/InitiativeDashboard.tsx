import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FIDELITY_MIN_GROUP } from '../../../common/implementation.ts';
import { IMPLEMENTATION_STAGES } from '../../../common/implementation.ts';
import type { DashboardInitiative } from '../../../common/schemas/dashboards.ts';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { FidelityTrendChart } from '../implementation/FidelityTrendChart.tsx';
import { HEALTH_COLOR, STAGE_COLOR } from '../implementation/health.ts';
import { OutcomeTrend } from './OutcomeTrend.tsx';

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4} component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** A number that opens the records behind it. */
function Figure({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to}>
      {children}
    </Anchor>
  );
}

/**
 * One initiative on a dashboard, its parts side by side: stage, driver health, training, coaching,
 * fidelity by component and outcomes over time, each chart with its text table. Every number links
 * to the page that holds its records, all of them readable by whoever reads a dashboard: the stage
 * page, a driver's card, the training sessions with their attendance, the coaching assignments, the
 * fidelity page and a measure's values. The stage, fidelity and outcome pages narrow to the school
 * on a school's dashboard; the training and coaching pages list the whole initiative's records.
 */
export function InitiativeDashboard({ i, minCount, orgUnitId }: { i: DashboardInitiative; minCount: number; orgUnitId?: string }) {
  const { t } = useTranslation(['outcomes', 'implementation']);
  const base = `/initiatives/${i.id}`;
  const school = orgUnitId ? `?school=${orgUnitId}` : '';
  const at = i.fidelity.people ? Math.round((i.fidelity.atFidelity / i.fidelity.people) * 100) : null;
  return (
    <Card withBorder component="article" aria-labelledby={`initiative-${i.id}`}>
      <Stack gap="md">
        <Title order={2} size="h4" id={`initiative-${i.id}`}>
          <Anchor component={Link} to={base}>
            {i.name}
          </Anchor>
        </Title>
        {i.asOf ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.asOf', { time: formatDateTime(i.asOf) })}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <Part title={t('dashboard.stage')}>
            {orgUnitId ? (
              <Group gap="xs">
                <Badge color={STAGE_COLOR[i.stage.current ?? 'exploration']} variant="light">
                  {t(`implementation:stages.${i.stage.current ?? 'exploration'}`)}
                </Badge>
                <Figure to={`${base}/stages${school}`}>{t('dashboard.stageChecklist')}</Figure>
              </Group>
            ) : (
              <List size="sm" listStyleType="none">
                {IMPLEMENTATION_STAGES.map((s) => (
                  <List.Item key={s}>
                    {t(`implementation:stages.${s}`)}: <Figure to={`${base}/stages`}>{formatNumber(i.stage.counts[s])}</Figure>
                  </List.Item>
                ))}
              </List>
            )}
          </Part>
          <Part title={t('dashboard.drivers')}>
            <List size="sm" listStyleType="none">
              {i.drivers.map((d) => (
                <List.Item key={d.driver}>
                  {/* Wraps in a narrow column, so the health badge is never cut off. */}
                  <Group gap={6} wrap="wrap">
                    <Text size="sm">{t(`implementation:drivers.${d.driver}`)}</Text>
                    <Anchor component={Link} to={`${base}/drivers#driver-${d.driver}`}>
                      <Badge color={HEALTH_COLOR[d.health]} variant="light">
                        {t(`implementation:health.${d.health}`)}
                      </Badge>
                    </Anchor>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Part>
          <Part title={t('dashboard.training')}>
            <List size="sm">
              <List.Item>
                <Figure to={`${base}/training`}>
                  {t('dashboard.sessions', { count: i.training.sessions, upcoming: formatNumber(i.training.upcomingSessions) })}
                </Figure>
              </List.Item>
              <List.Item>
                <Figure to={`${base}/training`}>
                  {t('dashboard.trained', { count: i.training.trained, marked: formatNumber(i.training.marked) })}
                </Figure>
              </List.Item>
              <List.Item>
                {i.training.attendancePct === null ? (
                  t('dashboard.noAttendance')
                ) : (
                  <Figure to={`${base}/training`}>{t('dashboard.attendance', { pct: formatNumber(i.training.attendancePct) })}</Figure>
                )}
              </List.Item>
            </List>
          </Part>
          <Part title={t('dashboard.coaching')}>
            <List size="sm">
              <List.Item>
                <Figure to={`${base}/coaching`}>{t('dashboard.coached', { count: i.coaching.coached })}</Figure>
              </List.Item>
              <List.Item>
                <Figure to={`${base}/coaching`}>
                  {t('dashboard.coachingSessions', { count: i.coaching.sessions, weeks: i.coaching.weeks })}
                </Figure>
              </List.Item>
              <List.Item>
                {i.coaching.perTeacher === null ? (
                  t('dashboard.noDosage')
                ) : (
                  <Figure to={`${base}/coaching`}>{t('dashboard.perTeacher', { n: formatNumber(i.coaching.perTeacher) })}</Figure>
                )}
              </List.Item>
            </List>
          </Part>
        </SimpleGrid>
        <Part title={t('dashboard.fidelity')}>
          <Text size="sm">
            {at === null ? (
              t('dashboard.noChecks')
            ) : i.fidelity.suppressed ? (
              t('implementation:overview.atFidelitySuppressed', { min: FIDELITY_MIN_GROUP })
            ) : (
              <Figure to={`${base}/fidelity${school}`}>
                {t('dashboard.atFidelity', { count: i.fidelity.people, at: formatNumber(i.fidelity.atFidelity), pct: formatNumber(at) })}
              </Figure>
            )}
          </Text>
          {i.fidelity.components.length ? <FidelityTrendChart components={i.fidelity.components} to={`${base}/fidelity${school}`} /> : null}
        </Part>
        <Part title={t('dashboard.outcomes')}>
          {i.outcomes.length === 0 ? (
            <Text size="sm">{t('dashboard.noMeasures')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {i.outcomes.map((o) => (
                <div key={o.measureId}>
                  <OutcomeTrend series={o} minCount={minCount} valuesUrl={`/outcomes/measures/${o.measureId}${school}`} />
                </div>
              ))}
            </SimpleGrid>
          )}
        </Part>
      </Stack>
    </Card>
  );
}
