import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../common/schemas/people.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ActiveBadge } from '../../components/ActiveBadge.tsx';
import { personName } from '../../components/personName.ts';

/** The directory page: a table on wide screens, a card list on phones; names link to the person. */
export function PeopleResults({ people }: { people: PersonSummary[] }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const role = (p: PersonSummary) => (p.primaryRole ? t(`role.${p.primaryRole.role}`) : '');

  if (isPhone) {
    return (
      <Stack component="ul" gap="sm" aria-label={t('people.caption')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {people.map((person) => (
          <Paper component="li" key={person.id} withBorder p="sm">
            <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
              {personName(person)}
            </Anchor>
            {person.primaryRole ? (
              <Text size="sm">
                {role(person)} · {person.primaryRole.orgUnitName}
              </Text>
            ) : null}
            {person.email ? (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {person.email}
              </Text>
            ) : null}
            {person.active ? null : <ActiveBadge active={false} />}
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table highlightOnHover verticalSpacing="sm">
      <Table.Caption>{t('people.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('field.name')}</Table.Th>
          <Table.Th scope="col">{t('people.primaryRole')}</Table.Th>
          <Table.Th scope="col">{t('people.unit')}</Table.Th>
          <Table.Th scope="col">{t('field.email')}</Table.Th>
          <Table.Th scope="col">{t('field.identifier')}</Table.Th>
          <Table.Th scope="col">{t('common.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => (
          <Table.Tr
            key={person.id}
            className="clickable-row"
            onClick={(e) => (e.target as HTMLElement).closest('a') || void navigate(`/people/${person.id}`)}
          >
            <Table.Td>
              <Anchor component={Link} to={`/people/${person.id}`}>
                {person.familyName}, {person.preferredName || person.givenName}
              </Anchor>
            </Table.Td>
            <Table.Td>{role(person)}</Table.Td>
            <Table.Td>{person.primaryRole?.orgUnitName}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{person.email}</Table.Td>
            <Table.Td>{person.identifier}</Table.Td>
            <Table.Td>
              <ActiveBadge active={person.active} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
