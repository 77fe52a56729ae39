import { Button, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CoachingAssignment } from '../../../common/schemas/initiative-coaching.ts';
import { coachingTemplateUrl, useImportInitiativeCoaching, useInitiativeCoaching } from '../../api/drivers.ts';
import { formatDate } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import { AssignCoachingModal } from './AssignCoachingModal.tsx';
import { CoachingReviews } from './CoachingReviews.tsx';
import { DriverCsvImport } from './DriverCsvImport.tsx';
import { DriverPagesNav } from './DriverPagesNav.tsx';

/** /initiatives/:id/coaching: who coaches whom on which component, bulk and CSV assignment, and the coaching-system reviews. */
export default function InitiativeCoachingPage() {
  const { t } = useTranslation('implementation');
  const { id = '' } = useParams();
  const coaching = useInitiativeCoaching(id);
  const importCsv = useImportInitiativeCoaching(id);
  const [editing, setEditing] = useState<CoachingAssignment | 'new' | null>(null);
  const [csvOpen, setCsvOpen] = useState(false);
  if (coaching.isPending) return <Loading />;
  if (coaching.error) return <ErrorAlert error={coaching.error} />;
  const data = coaching.data;
  const manage = data.abilities.manageCoaching;
  return (
    <>
      <PageHeader
        title={t('driverPlans.coachingTitle', { name: data.initiative.name })}
        actions={
          manage ? (
            <>
              <Button variant="default" onClick={() => setCsvOpen(true)}>
                {t('driverPlans.coaching.csv')}
              </Button>
              <Button onClick={() => setEditing('new')}>{t('driverPlans.coaching.assign')}</Button>
            </>
          ) : null
        }
      />
      <DriverPagesNav initiativeId={id} current="coaching" />
      <Title order={2} size="h3" mb="sm">
        {t('driverPlans.coaching.assignments')}
      </Title>
      {data.items.length === 0 ? (
        <Text>{t('driverPlans.coaching.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('driverPlans.coaching.coach')}</Table.Th>
                <Table.Th>{t('driverPlans.coaching.person')}</Table.Th>
                <Table.Th>{t('driverPlans.coaching.component')}</Table.Th>
                <Table.Th>{t('driverPlans.coaching.plan')}</Table.Th>
                <Table.Th>{t('driverPlans.coaching.startsOn')}</Table.Th>
                <Table.Th>{t('driverPlans.coaching.endsOn')}</Table.Th>
                {manage ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{personName(a.coach)}</Table.Td>
                  <Table.Td>{personName(a.person)}</Table.Td>
                  <Table.Td>{a.item ? `${a.item.code ?? ''} ${a.item.statement}`.trim() : '—'}</Table.Td>
                  <Table.Td>{a.coachingPlan?.title ?? t('driverPlans.coaching.noPlan')}</Table.Td>
                  <Table.Td>{formatDate(a.startsOn)}</Table.Td>
                  <Table.Td>{a.endsOn ? formatDate(a.endsOn) : '—'}</Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(a)}
                        aria-label={`${t('driverPlans.coaching.nextComponent')}: ${personName(a.person)}`}
                      >
                        {t('driverPlans.coaching.nextComponent')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CoachingReviews initiativeId={id} data={data} />
      {editing ? (
        <AssignCoachingModal
          initiativeId={id}
          components={data.components}
          assignment={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <AppModal opened={csvOpen} onClose={() => setCsvOpen(false)} title={t('driverPlans.import.title')}>
        <DriverCsvImport
          help={t('driverPlans.coaching.csvHelp')}
          templateUrl={coachingTemplateUrl(id)}
          mutation={importCsv}
          onApplied={() => setCsvOpen(false)}
        />
      </AppModal>
    </>
  );
}
