import { Anchor, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CreateTeamInput, TEAM_KINDS, type TeamKind } from '../../../common/schemas/teams.ts';
import { isApiError } from '../../api/client.ts';
import { useOrgUnit } from '../../api/org-units.ts';
import { TEAMS_TEMPLATE_CSV, useCreateTeam, useImportTeams, useTeams } from '../../api/teams.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { CsvImportModal } from './CsvImportModal.tsx';
import { GradeTeamsModal } from './GradeTeamsModal.tsx';

function NewTeamModal({ schoolId, onClose }: { schoolId: string; onClose: () => void }) {
  const { t } = useTranslation('teams');
  const navigate = useNavigate();
  const create = useCreateTeam();
  const form = useForm({
    initialValues: { name: '', kind: 'grade_level' as TeamKind },
    ...schemaForm(CreateTeamInput, t, { toInput: (values: { name: string; kind: TeamKind }) => ({ schoolId, ...values }) }),
  });
  const submit = form.onSubmit(
    (input) =>
      create.mutate(input, {
        onSuccess: (team) => {
          notifySuccess(t('teams.created', { name: team.name }));
          void navigate(`/teams/${team.id}`);
        },
      }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t('teams.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('teams.name')} required {...form.getInputProps('name')} maxLength={120} data-autofocus />
          <Select
            label={t('teams.kind')}
            required
            allowDeselect={false}
            data={TEAM_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            {...form.getInputProps('kind')}
            onChange={(v) => v && form.setFieldValue('kind', v as TeamKind)}
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** A school's teams: kind, leads and member counts; new team and CSV import for those who manage them. */
export default function TeamsPage() {
  const { t } = useTranslation('teams');
  const { id = '' } = useParams();
  const [showEnded, setShowEnded] = useState(false);
  const [dialog, setDialog] = useState<'new' | 'import' | 'byGrade' | null>(null);
  const school = useOrgUnit(id);
  const teams = useTeams(id, showEnded);
  const importTeams = useImportTeams(id);
  if (isApiError(teams.error, 'not_found')) return <NotFoundPage />;
  if (isApiError(teams.error, 'forbidden')) return <NotAllowed />;
  if (teams.error) return <ErrorAlert error={teams.error} />;
  if (!teams.data) return <Loading />;
  const list = teams.data;
  const schoolName = school.data?.name ?? list.items[0]?.school.name ?? '';
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/schools/${id}`} size="sm">
        {t('teams.back')}
      </Anchor>
      <PageHeader
        title={t('teams.title', { school: schoolName })}
        actions={
          list.abilities.create ? (
            <>
              <Button onClick={() => setDialog('new')}>{t('teams.new')}</Button>
              <Button variant="default" onClick={() => setDialog('byGrade')}>
                {t('gradeTeams.open')}
              </Button>
              <Button variant="default" onClick={() => setDialog('import')}>
                {t('teams.import')}
              </Button>
            </>
          ) : null
        }
      />
      <Checkbox label={t('teams.showEnded')} checked={showEnded} onChange={(e) => setShowEnded(e.currentTarget.checked)} />
      {list.items.length === 0 ? (
        <Text c="dimmed">{t('teams.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={340}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('teams.name')}</Table.Th>
                <Table.Th>{t('teams.kind')}</Table.Th>
                <Table.Th>{t('teams.leads')}</Table.Th>
                <Table.Th>{t('teams.members')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/teams/${team.id}`}>
                      {team.name}
                    </Anchor>
                    {team.current ? null : (
                      <Text span c="dimmed" size="sm">
                        {' '}
                        · {t('teams.ended')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`kind.${team.kind}`)}</Table.Td>
                  <Table.Td>
                    {team.leads.length ? (
                      team.leads.map(personName).join(', ')
                    ) : (
                      <Text span c="dimmed" size="sm">
                        {t('teams.noLead')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t('teams.memberCount', { count: team.memberCount })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog === 'new' ? <NewTeamModal schoolId={id} onClose={() => setDialog(null)} /> : null}
      {dialog === 'byGrade' ? <GradeTeamsModal schoolId={id} onClose={() => setDialog(null)} /> : null}
      <CsvImportModal
        opened={dialog === 'import'}
        onClose={() => setDialog(null)}
        templateUrl={TEAMS_TEMPLATE_CSV}
        mutation={importTeams}
      />
    </Stack>
  );
}
