import { Anchor, Badge, Box, Button, Group, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { IMPLEMENTATION_TEAM_ROLES } from '../../../common/implementation.ts';
import type { ImplementationTeamDetail, ImplementationTeamMember } from '../../../common/schemas/implementation-teams.ts';
import { isApiError } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import {
  IMPLEMENTATION_MEMBERS_TEMPLATE_CSV,
  useChangeImplementationRole,
  useEndImplementationMember,
  useImplementationTeam,
  useImplementationTeams,
  useImportImplementationMembers,
} from '../../api/implementation-teams.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { CsvImportModal } from '../teams/CsvImportModal.tsx';
import { AddMembersModal, NewMeetingModal } from './TeamMemberModals.tsx';
import { TeamFormModal } from './TeamFormModal.tsx';

function MembersTable({ team, members }: { team: ImplementationTeamDetail; members: ImplementationTeamMember[] }) {
  const { t } = useTranslation('implementation');
  const changeRole = useChangeImplementationRole(team.id);
  const [ending, setEnding] = useState<ImplementationTeamMember | null>(null);
  const end = useEndImplementationMember(team.id);
  const manage = team.abilities.manageMembers && team.active;
  return (
    <>
      <ErrorAlert error={changeRole.error} />
      <Table.ScrollContainer minWidth={420}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('teams.person')}</Table.Th>
              <Table.Th>{t('teams.role')}</Table.Th>
              <Table.Th>{t('teams.since')}</Table.Th>
              <Table.Th>{t('teams.until')}</Table.Th>
              {manage ? <Table.Th>{t('teams.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{personName(m.person)}</Table.Td>
                <Table.Td>{t(`teamRoles.${m.role}`)}</Table.Td>
                <Table.Td>{formatDate(m.startsOn)}</Table.Td>
                <Table.Td>{m.endsOn ? formatDate(m.endsOn) : ''}</Table.Td>
                {manage ? (
                  <Table.Td>
                    {m.current ? (
                      <Group gap="xs" wrap="nowrap">
                        <Menu>
                          <Menu.Target>
                            <Button size="xs" variant="default" aria-label={t('teams.changeRoleOf', { name: personName(m.person) })}>
                              {t('teams.changeRole')}
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {IMPLEMENTATION_TEAM_ROLES.filter((r) => r !== m.role).map((r) => (
                              <Menu.Item
                                key={r}
                                onClick={() =>
                                  changeRole.mutate(
                                    { memberId: m.id, version: m.version, role: r },
                                    { onSuccess: () => notifySuccess(t('teams.roleChanged')) },
                                  )
                                }
                              >
                                {t(`teamRoles.${r}`)}
                              </Menu.Item>
                            ))}
                          </Menu.Dropdown>
                        </Menu>
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          onClick={() => setEnding(m)}
                          aria-label={t('teams.endOf', { name: personName(m.person) })}
                        >
                          {t('teams.end')}
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {ending ? (
        <ConfirmModal
          opened
          danger
          title={t('teams.endTitle')}
          confirmLabel={t('teams.end')}
          loading={end.isPending}
          error={end.error}
          onClose={() => setEnding(null)}
          onConfirm={() => end.mutate({ memberId: ending.id, version: ending.version }, { onSuccess: () => setEnding(null) })}
        >
          {t('teams.endConfirm', { name: personName(ending.person) })}
        </ConfirmModal>
      ) : null}
    </>
  );
}

/** Label and value pairs whose values may be links. */
function Facts({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'minmax(6rem, 30%) 1fr', gap: '6px 16px' }}>
      {rows.map((r) => (
        <Box key={r.label} style={{ display: 'contents' }}>
          <Text component="dt" fw={600}>
            {r.label}
          </Text>
          <Box component="dd" m={0} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {r.value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** An implementation team: terms of reference, who it reports to, its members and roles, its meetings. */
export default function TeamPage() {
  const { t } = useTranslation('implementation');
  const { t: tp } = useTranslation('actionPlans');
  const me = useMe();
  const { id = '' } = useParams();
  const team = useImplementationTeam(id);
  const list = useImplementationTeams();
  const importMembers = useImportImplementationMembers();
  const [dialog, setDialog] = useState<'edit' | 'add' | 'import' | 'meeting' | null>(null);
  if (isApiError(team.error, 'not_found')) return <NotFoundPage />;
  if (team.error) return <ErrorAlert error={team.error} />;
  if (!team.data) return <Loading />;
  const d = team.data;
  const current = d.members.filter((m) => m.current);
  const history = d.members.filter((m) => !m.current);
  const close = () => setDialog(null);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/implementation-teams" size="sm">
        {t('teams.back')}
      </Anchor>
      <PageHeader
        title={d.name}
        subtitle={`${t(`teamKinds.${d.kind}`)} · ${d.orgUnit.name}${d.active ? '' : ` · ${t('teams.retired')}`}`}
        actions={
          <>
            {d.abilities.editRecords ? <Button onClick={() => setDialog('meeting')}>{t('teams.newMeeting')}</Button> : null}
            {d.abilities.edit && list.data ? (
              <Button variant="default" onClick={() => setDialog('edit')}>
                {t('teams.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Group gap="md" component="nav" aria-label={tp('plans.link')}>
        <Anchor component={Link} to={`/implementation-teams/${d.id}/action-plans`}>
          {tp('plans.link')}
        </Anchor>
        {d.abilities.editRecords || me.abilities.manageInitiatives ? (
          <Anchor component={Link} to={`/implementation-teams/${d.id}/barriers`}>
            {tp('barriers.queueLink')}
          </Anchor>
        ) : null}
      </Group>
      <Facts
        rows={[
          { label: t('teams.initiative'), value: d.initiative?.name ?? t('teams.noInitiative') },
          {
            label: t('teams.reportsTo'),
            value: d.reportsTo ? (
              <Anchor component={Link} to={`/implementation-teams/${d.reportsTo.id}`}>
                {d.reportsTo.name}
              </Anchor>
            ) : (
              t('teams.reportsToNone')
            ),
          },
          ...(d.reportsWhat ? [{ label: t('teams.reportsWhat'), value: d.reportsWhat }] : []),
          ...(d.reportingTeams.length
            ? [
                {
                  label: t('teams.reportingTeams'),
                  value: (
                    <Group gap="sm">
                      {d.reportingTeams.map((r) => (
                        <Anchor key={r.id} component={Link} to={`/implementation-teams/${r.id}`}>
                          {r.name}
                        </Anchor>
                      ))}
                    </Group>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Group gap="md">
        <Anchor component={Link} to={`/assessments?teamId=${d.id}`}>
          {t('assessments:team.results')}
        </Anchor>
        {d.active ? (
          <Anchor component={Link} to={`/assessments/new?teamId=${d.id}`}>
            {t('assessments:team.start')}
          </Anchor>
        ) : null}
      </Group>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('teams.termsOfReference')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} c={d.termsOfReference ? undefined : 'dimmed'}>
          {d.termsOfReference || t('teams.noTerms')}
        </Text>
      </Stack>

      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('teams.membersTitle', { count: current.length })}
          </Title>
          {d.abilities.manageMembers && d.active ? (
            <Group gap="xs">
              <Button size="sm" onClick={() => setDialog('add')}>
                {t('teams.addMembers')}
              </Button>
              <Button size="sm" variant="default" onClick={() => setDialog('import')}>
                {t('teams.importMembers')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {current.length ? <MembersTable team={d} members={current} /> : <Text c="dimmed">{t('teams.noMembers')}</Text>}
        {history.length ? (
          <details>
            <summary>{t('teams.history', { count: history.length })}</summary>
            <MembersTable team={d} members={history} />
          </details>
        ) : null}
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('teams.meetings')}
        </Title>
        {d.meetings.length === 0 ? (
          <Text c="dimmed">{t('teams.noMeetings')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('teams.meeting.meetsAt')}</Table.Th>
                  <Table.Th>{t('teams.meeting.agenda')}</Table.Th>
                  <Table.Th>{t('teams.meeting.decisions')}</Table.Th>
                  <Table.Th>{t('teams.meeting.openItems')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.meetings.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/implementation-teams/${d.id}/meetings/${m.id}`}>
                        {formatDateTime(m.meetsAt)}
                      </Anchor>
                      {m.reviewed ? (
                        <Badge ml="xs" variant="light" size="sm">
                          {t('teams.meeting.reviewed')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {m.agenda}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t('teams.meeting.decisionCount', { count: m.decisions })}</Table.Td>
                    <Table.Td>{t('teams.meeting.openItemCount', { count: m.openActionItems })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      {dialog === 'edit' && list.data ? <TeamFormModal list={list.data} team={d} onClose={close} /> : null}
      {dialog === 'add' ? <AddMembersModal team={d} onClose={close} /> : null}
      {dialog === 'meeting' ? <NewMeetingModal team={d} onClose={close} /> : null}
      <CsvImportModal
        opened={dialog === 'import'}
        onClose={close}
        templateUrl={IMPLEMENTATION_MEMBERS_TEMPLATE_CSV}
        mutation={importMembers}
        help={t('teams.import.help')}
        errorLabel={(code) => t(`teams.import.error.${code}`)}
      />
    </Stack>
  );
}
