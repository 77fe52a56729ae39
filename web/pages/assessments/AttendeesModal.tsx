import { Select, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMINISTRATION_ROLES, type AdministrationRole } from '../../../common/assessments.ts';
import type { AdministrationDetail } from '../../../common/schemas/assessments.ts';
import { useSetAttendees } from '../../api/assessments.ts';
import { useImplementationTeam } from '../../api/implementation-teams.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { personName } from '../../components/personName.ts';

/** Who attends a team's open administration, and in which role: the attendees and the team's current members. */
export function AttendeesModal({ administration, onClose }: { administration: AdministrationDetail; onClose: () => void }) {
  const { t } = useTranslation('assessments');
  const team = useImplementationTeam(administration.team!.id);
  const save = useSetAttendees(administration.id);
  const [roles, setRoles] = useState<Record<string, AdministrationRole | ''>>(
    Object.fromEntries(administration.attendees.map((a) => [a.person.id, a.role])),
  );
  if (team.error) return <ErrorAlert error={team.error} />;
  const people = new Map(administration.attendees.map((a) => [a.person.id, a.person.name]));
  for (const m of team.data?.members.filter((m) => m.current) ?? [])
    if (!people.has(m.person.id)) people.set(m.person.id, personName(m.person));
  const submit = () =>
    save.mutate(
      {
        version: administration.version,
        attendees: Object.entries(roles)
          .filter(([, role]) => role)
          .map(([personId, role]) => ({ personId, role: role as AdministrationRole })),
      },
      { onSuccess: () => (notifySuccess(t('record.attendeesSaved')), onClose()) },
    );
  return (
    <AppModal opened onClose={onClose} title={t('record.editAttendees')}>
      {!team.data ? (
        <Loading />
      ) : (
        <Stack>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('administrations.person')}</Table.Th>
                <Table.Th>{t('administrations.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...people.entries()].map(([id, name]) => (
                <Table.Tr key={id}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('administrations.roleOf', { name })}
                      placeholder={t('administrations.notAttending')}
                      clearable
                      data={ADMINISTRATION_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                      value={roles[id] || null}
                      onChange={(v) => setRoles((r) => ({ ...r, [id]: (v ?? '') as AdministrationRole | '' }))}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ErrorAlert error={save.error} />
          <FormModalFooter onCancel={onClose} saving={save.isPending} onSubmit={submit} />
        </Stack>
      )}
    </AppModal>
  );
}
