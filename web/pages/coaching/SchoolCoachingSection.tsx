import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CoachingPersonSummary } from '../../../common/schemas/coaching.ts';
import { useSchoolCoaching } from '../../api/coaching.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/personName.ts';
import { focusLabel, PHASE_COLOR } from './format.ts';
import { SessionList } from './SessionList.tsx';
import { useSessionPages } from '../../api/coaching.ts';

function Focus({ s }: { s: CoachingPersonSummary }) {
  const parts = [...s.focusItems.map(focusLabel), ...s.focusComponents];
  return <Text size="sm">{parts.join(' · ') || '—'}</Text>;
}

function PlanStatus({ s }: { s: CoachingPersonSummary }) {
  const { t } = useTranslation('coaching');
  if (!s.activePlan)
    return (
      <Text size="sm" c="dimmed">
        {t('caseload.noPlan')}
      </Text>
    );
  return (
    <Group gap={6}>
      <Anchor component={Link} to={`/coaching/plans/${s.activePlan.id}`} size="sm">
        {s.activePlan.title}
      </Anchor>
      {s.activePlan.delivery.behind ? (
        <Badge color="red" variant="light" maw="none">
          {t('plan.behind')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** The sessions of one person as a leader sees them, a page at a time: that they happened; notes only when shared. */
function PersonSessions({ person, meId }: { person: CoachingPersonSummary['person']; meId: string }) {
  const { t } = useTranslation('coaching');
  const pages = useSessionPages({ personId: person.id });
  return (
    <Stack gap="sm" component="section" aria-labelledby="person-sessions-title">
      <Title order={3} size="h4" id="person-sessions-title">
        {t('school.sessionsOf', { name: personName(person) })}
      </Title>
      <SessionList pages={pages} meId={meId} />
    </Stack>
  );
}

/** Coaching in a leader's schools: counts, dates and focus for each coached person - never notes. */
export function SchoolCoachingSection({ meId }: { meId: string }) {
  const { t } = useTranslation('coaching');
  const isPhone = useIsPhone();
  const school = useSchoolCoaching();
  const [openId, setOpenId] = useState<string | null>(null);
  if (school.error) return <ErrorAlert error={school.error} />;
  if (!school.data) return <Loading />;
  const items = school.data.items;
  const open = items.find((s) => s.person.id === openId);
  const toggle = (s: CoachingPersonSummary) => (
    <Button
      size="compact-sm"
      variant="default"
      onClick={() => setOpenId(openId === s.person.id ? null : s.person.id)}
      aria-expanded={openId === s.person.id}
      aria-label={t('school.showSessions', { name: personName(s.person) })}
    >
      {t('school.sessions')}
    </Button>
  );
  const num = (n: number | null) => (n === null ? '—' : formatNumber(n));
  return (
    <Stack gap="sm" component="section" aria-labelledby="school-coaching-title">
      <Title order={2} size="h3" id="school-coaching-title">
        {t('school.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('school.privacy')}
      </Text>
      {items.length === 0 ? <Text role="status">{t('school.empty')}</Text> : null}
      {isPhone ? (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="school-coaching-title">
          {items.map((s) => (
            <Paper component="li" key={s.person.id} withBorder p="sm">
              <Stack gap={4}>
                <Text fw={600}>{personName(s.person)}</Text>
                <Text size="sm">{t('school.counts', { term: num(s.sessionsThisTerm), year: num(s.sessionsThisYear) })}</Text>
                <Text size="sm">
                  {t('caseload.last')}: {s.lastSessionOn ? formatDate(s.lastSessionOn) : t('caseload.never')}
                </Text>
                <Focus s={s} />
                <PlanStatus s={s} />
                {toggle(s)}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : items.length ? (
        <Table verticalSpacing="sm">
          <Table.Caption>{t('school.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('school.person')}</Table.Th>
              <Table.Th scope="col">{t('school.thisTerm')}</Table.Th>
              <Table.Th scope="col">{t('school.thisYear')}</Table.Th>
              <Table.Th scope="col">{t('caseload.last')}</Table.Th>
              <Table.Th scope="col">{t('school.focus')}</Table.Th>
              <Table.Th scope="col">{t('caseload.cycle')}</Table.Th>
              <Table.Th scope="col">{t('caseload.plan')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.person.id}>
                <Table.Td>{personName(s.person)}</Table.Td>
                <Table.Td>{num(s.sessionsThisTerm)}</Table.Td>
                <Table.Td>{num(s.sessionsThisYear)}</Table.Td>
                <Table.Td>{s.lastSessionOn ? formatDate(s.lastSessionOn) : t('caseload.never')}</Table.Td>
                <Table.Td>
                  <Focus s={s} />
                </Table.Td>
                <Table.Td style={{ minWidth: '7.5rem' }}>
                  {s.cyclePhase ? (
                    <Badge color={PHASE_COLOR[s.cyclePhase]} variant="light" maw="none">
                      {t(`phase.${s.cyclePhase}`)}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <PlanStatus s={s} />
                </Table.Td>
                <Table.Td>{toggle(s)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {open ? <PersonSessions person={open.person} meId={meId} /> : null}
    </Stack>
  );
}
