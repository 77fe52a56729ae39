import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.ts';
import {
  IMPLEMENTATION_MEMBERS_TEMPLATE_CSV,
  useImplementationTeams,
  useImportImplementationMembers,
} from '../../api/implementation-teams.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { CsvImportModal } from '../teams/CsvImportModal.tsx';
import { TeamFormModal } from './TeamFormModal.tsx';

/** The district's implementation teams: kind, school, initiative, facilitators, members; new team and member import. */
export default function TeamsPage() {
  const { t } = useTranslation('implementation');
  const teams = useImplementationTeams();
  const importMembers = useImportImplementationMembers();
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  if (isApiError(teams.error, 'not_found')) return <NotFoundPage />;
  if (teams.error) return <ErrorAlert error={teams.error} />;
  if (!teams.data) return <Loading />;
  const list = teams.data;
  const canCreate = list.abilities.createDistrictTeams || list.abilities.createSchoolTeamsAt.length > 0;
  const canImport = canCreate || list.items.some((i) => i.abilities.manageMembers);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('teams.title')}
        subtitle={t('teams.subtitle')}
        actions={
          <>
            {canCreate ? <Button onClick={() => setDialog('new')}>{t('teams.new')}</Button> : null}
            {canImport ? (
              <Button variant="default" onClick={() => setDialog('import')}>
                {t('teams.importMembers')}
              </Button>
            ) : null}
          </>
        }
      />
      {list.items.length === 0 ? (
        <Text c="dimmed">{t('teams.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('teams.name')}</Table.Th>
                <Table.Th>{t('teams.kind')}</Table.Th>
                <Table.Th>{t('teams.unit')}</Table.Th>
                <Table.Th>{t('teams.initiative')}</Table.Th>
                <Table.Th>{t('teams.facilitators')}</Table.Th>
                <Table.Th>{t('teams.members')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/implementation-teams/${team.id}`}>
                      {team.name}
                    </Anchor>
                    {team.reportsTo ? (
                      <Text size="xs" c="dimmed">
                        {t('teams.reportsToName', { name: team.reportsTo.name })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`teamKinds.${team.kind}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{team.orgUnit.name}</Table.Td>
                  <Table.Td>{team.initiative?.name ?? t('teams.noInitiative')}</Table.Td>
                  <Table.Td>{team.facilitators.length ? team.facilitators.map(personName).join(', ') : t('teams.noFacilitator')}</Table.Td>
                  <Table.Td>{t('teams.memberCount', { count: team.memberCount })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog === 'new' ? <TeamFormModal list={list} onClose={() => setDialog(null)} /> : null}
      <CsvImportModal
        opened={dialog === 'import'}
        onClose={() => setDialog(null)}
        templateUrl={IMPLEMENTATION_MEMBERS_TEMPLATE_CSV}
        mutation={importMembers}
        help={t('teams.import.help')}
        errorLabel={(code) => t(`teams.import.error.${code}`)}
      />
    </Stack>
  );
}
