import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseloadEntry } from '../../../common/schemas/coaching.ts';
import { useCaseload } from '../../api/coaching.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { personName } from '../../components/personName.ts';
import { CycleFormModal } from './CycleFormModal.tsx';
import { PHASE_COLOR } from './format.ts';
import { LogSessionModal } from './LogSessionModal.tsx';
import { PlanFormModal } from './PlanFormModal.tsx';

type Dialog = { kind: 'log' | 'plan' | 'cycle'; personId?: string } | null;

function PlanCell({ entry }: { entry: CaseloadEntry }) {
  const { t } = useTranslation('coaching');
  if (!entry.plan)
    return (
      <Text size="sm" c="dimmed">
        {t('caseload.noPlan')}
      </Text>
    );
  return (
    <Group gap={6}>
      <Anchor component={Link} to={`/coaching/plans/${entry.plan.id}`} size="sm">
        {entry.plan.title}
      </Anchor>
      {entry.plan.status === 'closed' ? (
        <Badge color="gray" variant="light">
          {t('planStatus.closed')}
        </Badge>
      ) : null}
      {entry.plan.behind ? (
        <Badge color="red" variant="light" maw="none">
          {t('plan.behind')}
        </Badge>
      ) : null}
    </Group>
  );
}

function CycleCell({ entry }: { entry: CaseloadEntry }) {
  const { t } = useTranslation('coaching');
  if (!entry.cycle)
    return (
      <Text size="sm" c="dimmed">
        {t('caseload.noCycle')}
      </Text>
    );
  return (
    <Anchor component={Link} to={`/coaching/cycles/${entry.cycle.id}`} size="sm">
      <Badge color={PHASE_COLOR[entry.cycle.phase]} variant="light" maw="none" style={{ cursor: 'pointer' }}>
        {t(`phase.${entry.cycle.phase}`)}
      </Badge>
    </Anchor>
  );
}

/** A coach's caseload: each coachee's plan, cycle phase, last and next session, and what to do next. */
export function CaseloadSection() {
  const { t } = useTranslation('coaching');
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const caseload = useCaseload();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (caseload.error) return <ErrorAlert error={caseload.error} />;
  if (!caseload.data) return <Loading />;
  const items = caseload.data.items;
  const people = items.map((i) => i.person);
  const close = () => setDialog(null);

  const actions = (entry: CaseloadEntry) => {
    const name = personName(entry.person);
    return (
      <Group gap={6}>
        <Button
          size="compact-sm"
          onClick={() => setDialog({ kind: 'log', personId: entry.person.id })}
          aria-label={t('caseload.logFor', { name })}
        >
          {t('caseload.log')}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => setDialog({ kind: 'plan', personId: entry.person.id })}
          aria-label={t('caseload.planFor', { name })}
        >
          {t('caseload.newPlan')}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => setDialog({ kind: 'cycle', personId: entry.person.id })}
          aria-label={t('caseload.cycleFor', { name })}
        >
          {t('caseload.newCycle')}
        </Button>
      </Group>
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="caseload-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="caseload-title">
          {t('caseload.title')}
        </Title>
        {items.length ? <Button onClick={() => setDialog({ kind: 'log' })}>{t('caseload.logSession')}</Button> : null}
      </Group>
      {items.length === 0 ? <Text role="status">{t('caseload.empty')}</Text> : null}
      {isPhone ? (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="caseload-title">
          {items.map((entry) => (
            <Paper component="li" key={entry.person.id} withBorder p="sm">
              <Stack gap={6}>
                <Text fw={600}>{personName(entry.person)}</Text>
                <PlanCell entry={entry} />
                <CycleCell entry={entry} />
                <Text size="sm">
                  {t('caseload.last')}: {entry.lastSessionAt ? formatDate(entry.lastSessionAt) : t('caseload.never')}
                </Text>
                <Text size="sm">
                  {t('caseload.next')}: {entry.nextSessionAt ? formatDateTime(entry.nextSessionAt) : t('caseload.noneScheduled')}
                </Text>
                {actions(entry)}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : items.length ? (
        <Table verticalSpacing="sm">
          <Table.Caption>{t('caseload.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('caseload.coachee')}</Table.Th>
              <Table.Th scope="col">{t('caseload.plan')}</Table.Th>
              <Table.Th scope="col">{t('caseload.cycle')}</Table.Th>
              <Table.Th scope="col">{t('caseload.last')}</Table.Th>
              <Table.Th scope="col">{t('caseload.next')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.person.id}>
                <Table.Td>{personName(entry.person)}</Table.Td>
                <Table.Td>
                  <PlanCell entry={entry} />
                </Table.Td>
                <Table.Td style={{ minWidth: '7.5rem' }}>
                  <CycleCell entry={entry} />
                </Table.Td>
                <Table.Td>{entry.lastSessionAt ? formatDate(entry.lastSessionAt) : t('caseload.never')}</Table.Td>
                <Table.Td>{entry.nextSessionAt ? formatDateTime(entry.nextSessionAt) : t('caseload.noneScheduled')}</Table.Td>
                <Table.Td>{actions(entry)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {dialog?.kind === 'log' ? (
        <LogSessionModal
          people={people}
          attendeeIds={dialog.personId ? [dialog.personId] : []}
          onClose={close}
          onSaved={(log) => {
            close();
            notifySuccess(log.status === 'held' ? t('form.savedHeld') : t('form.savedScheduled'));
          }}
        />
      ) : null}
      {dialog?.kind === 'plan' ? (
        <PlanFormModal
          people={people}
          memberIds={dialog.personId ? [dialog.personId] : []}
          onClose={close}
          onSaved={(plan) => void navigate(`/coaching/plans/${plan.id}`)}
        />
      ) : null}
      {dialog?.kind === 'cycle' ? (
        <CycleFormModal
          people={people}
          coacheeId={dialog.personId}
          onClose={close}
          onSaved={(cycle) => void navigate(`/coaching/cycles/${cycle.id}`)}
        />
      ) : null}
    </Stack>
  );
}
