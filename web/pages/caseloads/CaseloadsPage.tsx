import { Anchor, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadAssignment } from '../../../common/schemas/caseloads.ts';
import { CASELOADS_TEMPLATE_CSV, useCaseloadAssignments, useEndAssignment, useImportCaseloads } from '../../api/teams.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../app/format.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import { CsvImportModal } from '../teams/CsvImportModal.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { AssignModal } from './AssignModal.tsx';

/**
 * A coach's caseload: who, since when (and until when, with the history shown); the people they
 * coach through a team they lead. Those who assign caseloads pick any coach of their scope, assign
 * (one, a team, a school), end an assignment, or import a CSV.
 */
export default function CaseloadsPage() {
  const { t } = useTranslation('teams');
  const me = useMe();
  const [coach, setCoach] = useState<string | null>(null);
  const [showEnded, setShowEnded] = useState(false);
  const [dialog, setDialog] = useState<'assign' | 'import' | { end: CaseloadAssignment } | null>(null);
  const list = useCaseloadAssignments({ coachPersonId: coach ?? undefined, includeEnded: showEnded });
  const end = useEndAssignment();
  const importCaseloads = useImportCaseloads();
  if (!me.abilities.caseloads) return <NotAllowed />;
  const manage = me.abilities.manageTeams;
  const close = () => setDialog(null);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('caseload.title')}
        actions={
          manage ? (
            <>
              <Button onClick={() => setDialog('assign')}>{t('caseload.assign')}</Button>
              <Button variant="default" onClick={() => setDialog('import')}>
                {t('caseload.import')}
              </Button>
            </>
          ) : null
        }
      />
      {manage ? (
        <Group align="flex-end">
          <PersonPicker label={t('caseload.viewCoach')} value={coach} onChange={setCoach} />
          {coach ? (
            <Button variant="subtle" onClick={() => setCoach(null)}>
              {t('caseload.mine')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      <Checkbox label={t('caseload.showEnded')} checked={showEnded} onChange={(e) => setShowEnded(e.currentTarget.checked)} />
      <ErrorAlert error={list.error} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <>
          <Title order={2} size="h3">
            {coach && list.data.items[0]
              ? t('caseload.of', { name: personName(list.data.items[0].coach) })
              : coach
                ? t('caseload.title')
                : t('caseload.mine')}
          </Title>
          {list.data.items.length === 0 ? (
            <Text c="dimmed">{t('caseload.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={340}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('caseload.coachee')}</Table.Th>
                    <Table.Th>{t('caseload.since')}</Table.Th>
                    <Table.Th>{t('caseload.until')}</Table.Th>
                    {manage ? <Table.Th>{t('caseload.end')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{personName(a.coachee)}</Table.Td>
                      <Table.Td>{formatDate(a.startsOn)}</Table.Td>
                      <Table.Td>{a.endsOn ? formatDate(a.endsOn) : ''}</Table.Td>
                      {manage ? (
                        <Table.Td>
                          {a.abilities.end ? (
                            <Button
                              size="compact-sm"
                              variant="default"
                              onClick={() => setDialog({ end: a })}
                              aria-label={`${t('caseload.end')}: ${personName(a.coachee)}`}
                            >
                              {t('caseload.end')}
                            </Button>
                          ) : a.current ? null : (
                            <Text size="sm" c="dimmed">
                              {t('caseload.ended')}
                            </Text>
                          )}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {list.data.teamCoachees.length ? (
            <>
              <Title order={2} size="h3">
                {t('caseload.throughTeams')}
              </Title>
              <Table.ScrollContainer minWidth={340}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('caseload.coachee')}</Table.Th>
                      <Table.Th>{t('caseload.team')}</Table.Th>
                      <Table.Th>{t('caseload.since')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.teamCoachees.map((x) => (
                      <Table.Tr key={`${x.team.id}-${x.person.id}`}>
                        <Table.Td>{personName(x.person)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/teams/${x.team.id}`}>
                            {x.team.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{formatDate(x.since)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          ) : null}
        </>
      ) : null}
      {dialog === 'assign' ? <AssignModal coachPersonId={coach} onClose={close} /> : null}
      <CsvImportModal opened={dialog === 'import'} onClose={close} templateUrl={CASELOADS_TEMPLATE_CSV} mutation={importCaseloads} />
      <ConfirmModal
        opened={typeof dialog === 'object' && dialog !== null}
        title={t('caseload.end')}
        confirmLabel={t('caseload.end')}
        danger
        loading={end.isPending}
        error={end.error}
        onClose={close}
        onConfirm={() => {
          if (typeof dialog !== 'object' || dialog === null) return;
          end.mutate({ id: dialog.end.id, version: dialog.end.version }, { onSuccess: () => (notifySuccess(t('team.saved')), close()) });
        }}
      >
        {t('caseload.endConfirm')}
      </ConfirmModal>
    </Stack>
  );
}
