import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Person, RoleAssignment } from '../../../common/schemas/people.ts';
import { formatDate } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { AddRoleModal } from './AddRoleModal.tsx';
import { EndRoleModal } from './EndRoleModal.tsx';

/** "Current", "Ended" or "Inactive"/"Starts later" for an assignment. */
function StateBadge({ assignment }: { assignment: RoleAssignment }) {
  const { t } = useTranslation();
  if (assignment.current)
    return (
      <Badge color="green" variant="light">
        {t('roles.current')}
      </Badge>
    );
  if (assignment.active && assignment.beginDate && !assignment.endDate)
    return (
      <Badge color="blue" variant="light">
        {t('roles.upcoming')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="light">
      {t('roles.ended')}
    </Badge>
  );
}

/** The person's current roles and role history, with add/end for those who may manage roles. */
export function RoleAssignments({ person }: { person: Person }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<RoleAssignment | null>(null);
  const manage = person.abilities.manageRoles;
  const current = person.roleAssignments.filter((a) => a.current);
  const history = [...person.roleAssignments].sort((a, b) => (b.beginDate ?? '').localeCompare(a.beginDate ?? ''));
  const roleName = (a: RoleAssignment) => t(`role.${a.role}`) + (a.isPrimary ? ` (${t('roles.primary')})` : '');
  const dates = (a: RoleAssignment) => {
    const begin = formatDate(a.beginDate);
    const end = formatDate(a.endDate);
    if (begin && end) return t('roles.dates', { begin, end });
    if (begin) return t('roles.since', { begin });
    return end ? t('roles.until', { end }) : '';
  };
  const endButton = (a: RoleAssignment) =>
    manage && a.active && !a.endDate ? (
      <Button
        size="xs"
        variant="default"
        onClick={() => setEnding(a)}
        aria-label={t('roles.endNamed', { role: t(`role.${a.role}`), unit: a.orgUnitName })}
      >
        {t('roles.end')}
      </Button>
    ) : null;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('roles.currentTitle')}
        </Title>
        {manage ? (
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('roles.add')}
          </Button>
        ) : null}
      </Group>
      {current.length === 0 ? <Text>{t('roles.noCurrent')}</Text> : null}
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('roles.currentTitle')}>
        {current.map((a) => (
          <Paper component="li" key={a.id} withBorder p="sm">
            <Group justify="space-between">
              <div>
                <Text fw={600}>{roleName(a)}</Text>
                <Anchor component={Link} to={`/schools/${a.orgUnitId}`} size="sm">
                  {a.orgUnitName}
                </Anchor>
                <Text size="sm">{dates(a)}</Text>
              </div>
              {endButton(a)}
            </Group>
          </Paper>
        ))}
      </Stack>

      <Title order={2} size="h3">
        {t('roles.historyTitle')}
      </Title>
      {history.length === 0 ? (
        <Text>{t('roles.noHistory')}</Text>
      ) : isPhone ? (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('roles.historyTitle')}>
          {history.map((a) => (
            <Paper component="li" key={a.id} withBorder p="sm">
              <Group justify="space-between">
                <Text fw={600}>{roleName(a)}</Text>
                <StateBadge assignment={a} />
              </Group>
              <Text size="sm">{a.orgUnitName}</Text>
              <Text size="sm">{dates(a)}</Text>
              {endButton(a)}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Caption>{t('roles.historyCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('field.role')}</Table.Th>
              <Table.Th scope="col">{t('people.unit')}</Table.Th>
              <Table.Th scope="col">{t('field.beginDate')}</Table.Th>
              <Table.Th scope="col">{t('field.endDate')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              {manage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{roleName(a)}</Table.Td>
                <Table.Td>{a.orgUnitName}</Table.Td>
                <Table.Td>{a.beginDate ? formatDate(a.beginDate) : t('common.none')}</Table.Td>
                <Table.Td>{a.endDate ? formatDate(a.endDate) : t('common.none')}</Table.Td>
                <Table.Td>
                  <StateBadge assignment={a} />
                </Table.Td>
                {manage ? <Table.Td>{endButton(a)}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding ? <AddRoleModal person={person} onClose={() => setAdding(false)} /> : null}
      {ending ? <EndRoleModal person={person} assignment={ending} onClose={() => setEnding(null)} /> : null}
    </Stack>
  );
}
