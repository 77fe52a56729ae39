import { Anchor, Badge, Button, Group, MultiSelect, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { TEAM_ROLES, type TeamDetail, type TeamMember, type TeamRole } from '../../../common/schemas/teams.ts';
import { isApiError } from '../../api/client.ts';
import { useAddTeamMember, useAddTeamMembersByRole, useChangeTeamRole, useEndTeamMember, useTeam, useUpdateTeam } from '../../api/teams.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { EditTeamModal } from './EditTeamModal.tsx';

function AddMemberModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const { t } = useTranslation('teams');
  const add = useAddTeamMember(team.id);
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState<TeamRole>('member');
  const [startsOn, setStartsOn] = useState(todayIso());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!personId) return;
    add.mutate({ personId, role, startsOn }, { onSuccess: () => (notifySuccess(t('team.added')), onClose()) });
  };
  return (
    <AppModal opened onClose={onClose} title={t('team.addMember')}>
      <form onSubmit={submit}>
        <Stack>
          <PersonPicker label={t('form.person')} value={personId} onChange={setPersonId} orgUnitId={team.school.id} />
          <Select
            label={t('team.role')}
            allowDeselect={false}
            data={TEAM_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            value={role}
            onChange={(v) => v && setRole(v as TeamRole)}
          />
          <TextInput
            type="date"
            label={t('form.startsOn')}
            required
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
          />
          <ErrorAlert error={add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!personId}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function AddByRoleModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const { t } = useTranslation('teams');
  const { t: tApp } = useTranslation();
  const add = useAddTeamMembersByRole(team.id);
  const [roles, setRoles] = useState<string[]>(['teacher']);
  return (
    <AppModal opened onClose={onClose} title={t('team.addByRole')}>
      <Stack>
        <MultiSelect
          label={t('team.rolesLabel')}
          description={t('team.rolesHelp')}
          data={STAFF_ROLES.map((r) => ({ value: r, label: tApp(`role.${r}`) }))}
          value={roles}
          onChange={setRoles}
        />
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button
            loading={add.isPending}
            disabled={roles.length === 0}
            onClick={() =>
              add.mutate({ roles }, { onSuccess: (r) => (notifySuccess(t('team.addedByRole', { count: r.added })), onClose()) })
            }
          >
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function MembersTable({ members, actions }: { members: TeamMember[]; actions?: (m: TeamMember) => React.ReactNode }) {
  const { t } = useTranslation('teams');
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('team.person')}</Table.Th>
            <Table.Th>{t('team.role')}</Table.Th>
            <Table.Th>{t('team.since')}</Table.Th>
            <Table.Th>{t('team.until')}</Table.Th>
            {actions ? <Table.Th>{t('team.end')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{personName(m.person)}</Table.Td>
              <Table.Td>{m.role === 'lead' ? <Badge variant="light">{t('role.lead')}</Badge> : t('role.member')}</Table.Td>
              <Table.Td>{formatDate(m.startsOn)}</Table.Td>
              <Table.Td>{m.endsOn ? formatDate(m.endsOn) : ''}</Table.Td>
              {actions ? <Table.Td>{actions(m)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A team: its current members (lead first), add or end a membership, make a lead, and the history. */
export default function TeamPage() {
  const { t } = useTranslation('teams');
  const { t: tPerformance } = useTranslation('performance');
  const { id = '' } = useParams();
  const team = useTeam(id);
  const end = useEndTeamMember(id);
  const changeRole = useChangeTeamRole(id);
  const endTeam = useUpdateTeam(id);
  const [dialog, setDialog] = useState<'add' | 'byRole' | 'edit' | 'endTeam' | { end: TeamMember } | null>(null);
  if (isApiError(team.error, 'not_found')) return <NotFoundPage />;
  if (isApiError(team.error, 'forbidden')) return <NotAllowed />;
  if (team.error) return <ErrorAlert error={team.error} />;
  if (!team.data) return <Loading />;
  const d = team.data;
  const manage = d.abilities.manage && d.current;
  const current = d.members.filter((m) => m.current);
  const history = d.members.filter((m) => !m.current);
  const close = () => setDialog(null);
  return (
    <Stack gap="lg">
      <Group gap="md">
        <Anchor component={Link} to={`/schools/${d.school.id}/teams`} size="sm">
          {t('team.back')}
        </Anchor>
        <Anchor component={Link} to={`/teams/${d.id}/reflection`} size="sm">
          {tPerformance('teamGoals.reflection.link')}
        </Anchor>
      </Group>
      <PageHeader
        title={d.name}
        subtitle={t('team.subtitle', { kind: t(`kind.${d.kind}`), school: d.school.name, date: formatDate(d.startsOn) })}
        actions={
          manage ? (
            <>
              <Button onClick={() => setDialog('add')}>{t('team.addMember')}</Button>
              <Button variant="default" onClick={() => setDialog('byRole')}>
                {t('team.addByRole')}
              </Button>
              <Button variant="default" onClick={() => setDialog('edit')}>
                {t('edit.open')}
              </Button>
              <Button variant="default" color="red" onClick={() => setDialog('endTeam')}>
                {t('team.endTeam')}
              </Button>
            </>
          ) : null
        }
      />
      <ErrorAlert error={changeRole.error} />
      <Title order={2} size="h3">
        {t('team.current')}
      </Title>
      {current.length === 0 ? (
        <Text c="dimmed">{t('team.noMembers')}</Text>
      ) : (
        <MembersTable
          members={current}
          actions={
            manage
              ? (m) => (
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="light"
                      loading={changeRole.isPending && changeRole.variables?.memberId === m.id}
                      onClick={() => changeRole.mutate({ memberId: m.id, version: m.version, role: m.role === 'lead' ? 'member' : 'lead' })}
                      aria-label={`${m.role === 'lead' ? t('team.makeMember') : t('team.makeLead')}: ${personName(m.person)}`}
                    >
                      {m.role === 'lead' ? t('team.makeMember') : t('team.makeLead')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setDialog({ end: m })}
                      aria-label={`${t('team.end')}: ${personName(m.person)}`}
                    >
                      {t('team.end')}
                    </Button>
                  </Group>
                )
              : undefined
          }
        />
      )}
      <Title order={2} size="h3">
        {t('team.history')}
      </Title>
      {history.length === 0 ? <Text c="dimmed">{t('team.noHistory')}</Text> : <MembersTable members={history} />}
      {dialog === 'add' ? <AddMemberModal team={d} onClose={close} /> : null}
      {dialog === 'byRole' ? <AddByRoleModal team={d} onClose={close} /> : null}
      {dialog === 'edit' ? <EditTeamModal team={d} onClose={close} /> : null}
      <ConfirmModal
        opened={typeof dialog === 'object' && dialog !== null}
        title={t('team.end')}
        confirmLabel={t('team.end')}
        danger
        loading={end.isPending}
        error={end.error}
        onClose={close}
        onConfirm={() => {
          if (typeof dialog !== 'object' || dialog === null) return;
          end.mutate(
            { memberId: dialog.end.id, version: dialog.end.version },
            { onSuccess: () => (notifySuccess(t('team.saved')), close()) },
          );
        }}
      >
        {typeof dialog === 'object' && dialog !== null ? t('team.endConfirm', { name: personName(dialog.end.person) }) : ''}
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'endTeam'}
        title={t('team.endTeam')}
        confirmLabel={t('team.endTeam')}
        danger
        loading={endTeam.isPending}
        error={endTeam.error}
        onClose={close}
        onConfirm={() =>
          endTeam.mutate({ version: d.version, endsOn: todayIso() }, { onSuccess: () => (notifySuccess(t('team.saved')), close()) })
        }
      >
        {t('team.endTeamConfirm')}
      </ConfirmModal>
    </Stack>
  );
}
