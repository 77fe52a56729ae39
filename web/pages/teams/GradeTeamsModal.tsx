import { Button, Group, List, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { GRADE_CODES } from '../../../common/grades.ts';
import { GradeTeamsInput, type GradeTeamsResult } from '../../../common/schemas/teams.ts';
import { useGradeTeams } from '../../api/teams.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { personName } from '../../components/personName.ts';

interface Values {
  grades: string[];
  roles: string[];
}

/**
 * Grade-level teams from the roster: pick grades and roles, preview who joins each grade's team
 * (a dry run), then apply. A team of that name at the school is filled, else a new one is made.
 */
export function GradeTeamsModal({ schoolId, onClose }: { schoolId: string; onClose: () => void }) {
  const { t } = useTranslation('teams');
  const { t: tApp } = useTranslation();
  const request = useGradeTeams();
  const [preview, setPreview] = useState<GradeTeamsResult | null>(null);
  const gradeLabel = (code: string) => t(`grade.${code}`);
  const toInput = (v: Values, dryRun = true) => ({
    schoolId,
    roles: v.roles,
    // Named as the grade reads ("Grade 3"): a team already so named is filled.
    teams: v.grades.map((grade) => ({ grade, name: gradeLabel(grade) })),
    dryRun,
  });
  const initialValues: Values = { grades: [], roles: ['teacher'] };
  const form = useForm({
    initialValues,
    onValuesChange: () => setPreview(null),
    ...schemaForm(GradeTeamsInput, t, { toInput: (v: Values) => toInput(v) }),
  });
  const check = form.onSubmit((input) => request.mutate(input, { onSuccess: setPreview }), focusFirstError);
  const apply = () =>
    request.mutate(
      { ...GradeTeamsInput.parse(toInput(form.getValues(), false)) },
      {
        onSuccess: (result) => {
          notifySuccess(t('gradeTeams.applied', { count: result.counts.added }));
          onClose();
        },
      },
    );
  return (
    <AppModal opened onClose={onClose} title={t('gradeTeams.title')}>
      <form onSubmit={check} noValidate>
        <Stack>
          <Text size="sm">{t('gradeTeams.help')}</Text>
          <MultiSelect
            label={t('gradeTeams.grades')}
            required
            searchable
            data={GRADE_CODES.map((g) => ({ value: g, label: gradeLabel(g) }))}
            {...form.getInputProps('grades')}
          />
          <MultiSelect
            label={t('team.rolesLabel')}
            required
            data={STAFF_ROLES.map((r) => ({ value: r, label: tApp(`role.${r}`) }))}
            {...form.getInputProps('roles')}
          />
          <ErrorAlert error={request.error} />
          {preview ? (
            <Stack gap="xs" aria-live="polite">
              <List size="sm">
                <List.Item>{t('gradeTeams.newTeams', { count: preview.counts.newTeams })}</List.Item>
                <List.Item>{t('gradeTeams.toAdd', { count: preview.counts.added })}</List.Item>
                <List.Item>{t('import.unchanged', { count: preview.counts.unchanged })}</List.Item>
              </List>
              <Table.ScrollContainer minWidth={320}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('teams.name')}</Table.Th>
                      <Table.Th>{t('gradeTeams.joining')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.teams.map((team) => (
                      <Table.Tr key={team.grade}>
                        <Table.Td>
                          {team.name}
                          <Text size="xs" c="dimmed">
                            {team.teamId ? t('gradeTeams.existing') : t('gradeTeams.new')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {team.add.length ? (
                            team.add.map(personName).join(', ')
                          ) : (
                            <Text span c="dimmed" size="sm">
                              {t('gradeTeams.nobody')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" variant={preview ? 'default' : 'filled'} loading={request.isPending && !preview}>
              {t('gradeTeams.preview')}
            </Button>
            <Button
              onClick={apply}
              disabled={!preview || (preview.counts.added === 0 && preview.counts.newTeams === 0)}
              loading={request.isPending && !!preview}
            >
              {t('import.apply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
