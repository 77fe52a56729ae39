import { Badge, Button, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingSession } from '../../../common/schemas/training-sessions.ts';
import { attendanceTemplateUrl, useAttendance, useImportAttendance, useRecordAttendance } from '../../api/drivers.ts';
import { formatDateTime } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { personName } from '../../components/personName.ts';
import { DriverCsvImport } from './DriverCsvImport.tsx';
import { PeopleMultiPicker } from './PeopleMultiPicker.tsx';

/** Who attended one session: the list, marking people present or absent in bulk, and a CSV upload. */
export function AttendanceModal({
  initiativeId,
  session,
  canRecord,
  onClose,
}: {
  initiativeId: string;
  session: TrainingSession;
  canRecord: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('implementation');
  const attendance = useAttendance(initiativeId, session.id);
  const record = useRecordAttendance(initiativeId, session.id);
  const importCsv = useImportAttendance(initiativeId, session.id);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const mark = (attended: boolean) =>
    record.mutate(
      { personIds, attended },
      {
        onSuccess: (r) => {
          notifySuccess(t('driverPlans.attendance.result', r));
          setPersonIds([]);
        },
      },
    );
  return (
    <AppModal opened onClose={onClose} title={t('driverPlans.attendance.title', { topic: session.topic })}>
      <Stack>
        <Text size="sm" c="dimmed">
          {formatDateTime(session.startsAt)}
        </Text>
        {attendance.isPending ? <Loading /> : null}
        <ErrorAlert error={attendance.error} />
        {attendance.data ? (
          attendance.data.items.length ? (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('driverPlans.attendance.people')}</Table.Th>
                  <Table.Th>{t('driverPlans.attendance.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attendance.data.items.map((row) => (
                  <Table.Tr key={row.person.id}>
                    <Table.Td>{personName(row.person)}</Table.Td>
                    <Table.Td>
                      <Badge color={row.attended ? 'green' : 'gray'} variant="light">
                        {row.attended ? t('driverPlans.attendance.present') : t('driverPlans.attendance.absent')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm">{t('driverPlans.attendance.none')}</Text>
          )
        ) : null}
        {canRecord ? (
          <>
            <Divider />
            <PeopleMultiPicker label={t('driverPlans.attendance.people')} value={personIds} onChange={setPersonIds} />
            <ErrorAlert error={record.error} />
            <Group justify="flex-end">
              <Button variant="default" disabled={personIds.length === 0} loading={record.isPending} onClick={() => mark(false)}>
                {t('driverPlans.attendance.markAbsent')}
              </Button>
              <Button disabled={personIds.length === 0} loading={record.isPending} onClick={() => mark(true)}>
                {t('driverPlans.attendance.markPresent')}
              </Button>
            </Group>
            <Divider />
            <Title order={3} size="h5">
              {t('driverPlans.attendance.csv')}
            </Title>
            <DriverCsvImport
              help={t('driverPlans.attendance.csvHelp')}
              templateUrl={attendanceTemplateUrl(initiativeId)}
              mutation={importCsv}
            />
          </>
        ) : null}
      </Stack>
    </AppModal>
  );
}
