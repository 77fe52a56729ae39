import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TrainingSession } from '../../../common/schemas/training-sessions.ts';
import { useTrainingSessions } from '../../api/drivers.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AttendanceModal } from './AttendanceModal.tsx';
import { DriverPagesNav } from './DriverPagesNav.tsx';
import { SessionFormModal } from './SessionFormModal.tsx';

/** /initiatives/:id/training: the training plan's sessions through the year, scheduling, and attendance. */
export default function TrainingPage() {
  const { t } = useTranslation('implementation');
  const { id = '' } = useParams();
  const sessions = useTrainingSessions(id);
  const [editing, setEditing] = useState<TrainingSession | 'new' | null>(null);
  const [attendanceOf, setAttendanceOf] = useState<TrainingSession | null>(null);
  if (sessions.isPending) return <Loading />;
  if (sessions.error) return <ErrorAlert error={sessions.error} />;
  const { initiative, items, components, abilities } = sessions.data;
  return (
    <>
      <PageHeader
        title={t('driverPlans.trainingTitle', { name: initiative.name })}
        actions={abilities.manageTraining ? <Button onClick={() => setEditing('new')}>{t('driverPlans.training.add')}</Button> : null}
      />
      <DriverPagesNav initiativeId={id} current="training" />
      {items.length === 0 ? (
        <Text>{t('driverPlans.training.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Caption>{t('driverPlans.training.sessions')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('driverPlans.training.startsAt')}</Table.Th>
                <Table.Th>{t('driverPlans.training.topic')}</Table.Th>
                <Table.Th>{t('driverPlans.training.component')}</Table.Th>
                <Table.Th>{t('driverPlans.training.trainer')}</Table.Th>
                <Table.Th>{t('driverPlans.training.location')}</Table.Th>
                <Table.Th>{t('driverPlans.training.attendance')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDateTime(s.startsAt)}</Table.Td>
                  <Table.Td>{s.topic}</Table.Td>
                  <Table.Td>{s.item ? `${s.item.code ?? ''} ${s.item.statement}`.trim() : '—'}</Table.Td>
                  <Table.Td>
                    {s.trainerName}
                    {s.trainerQualification ? (
                      <Text size="xs" c="dimmed">
                        {s.trainerQualification}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{s.location || '—'}</Table.Td>
                  <Table.Td>{t('driverPlans.training.attendedCount', { attended: s.attended, recorded: s.recorded })}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setAttendanceOf(s)}
                        aria-label={`${t('driverPlans.training.attendance')}: ${s.topic}`}
                      >
                        {t('driverPlans.training.attendance')}
                      </Button>
                      {abilities.manageTraining ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setEditing(s)}
                          aria-label={`${t('driverPlans.training.edit')}: ${s.topic}`}
                        >
                          {t('driverPlans.training.edit')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? (
        <SessionFormModal
          initiativeId={id}
          components={components}
          session={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {attendanceOf ? (
        <AttendanceModal
          initiativeId={id}
          session={attendanceOf}
          canRecord={abilities.recordAttendance}
          onClose={() => setAttendanceOf(null)}
        />
      ) : null}
    </>
  );
}
