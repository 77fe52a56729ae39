import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { groupBy } from '../../../common/collections.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { usePeople } from '../../api/people.ts';
import { formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/personName.ts';

const LIMIT = 200;
const OTHER = 'other';

/** The unit's current staff, grouped by their primary role here ("other roles" when it is elsewhere). */
export function SchoolStaff({ orgUnitId }: { orgUnitId: string }) {
  const { t } = useTranslation();
  const people = usePeople({ orgUnitId, active: 'true', limit: LIMIT });
  if (people.isPending) return <Loading />;
  if (people.error) return <ErrorAlert error={people.error} />;
  const { items, total } = people.data;
  const groups = groupBy(items, (p) => (p.primaryRole?.orgUnitId === orgUnitId ? p.primaryRole.role : OTHER));
  // Leaders first: a principal on a phone should not scroll past every assistant to find them.
  const order = [...[...STAFF_ROLES].reverse(), OTHER].filter((role) => groups.has(role as never));

  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('school.staffTitle', { count: total, formatted: formatNumber(total) })}
      </Title>
      {items.length === 0 ? <Text>{t('school.noStaff')}</Text> : null}
      {order.map((role) => {
        const members = groups.get(role as never) ?? [];
        const heading = role === OTHER ? t('school.otherRoles') : t(`rolePlural.${role}`);
        return (
          <section key={role} aria-labelledby={`group-${role}`}>
            <Title order={3} size="h4" id={`group-${role}`} mb="xs">
              {heading} ({formatNumber(members.length)})
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {members.map((person) => (
                <Paper component="li" key={person.id} withBorder p="xs">
                  <Anchor component={Link} to={`/people/${person.id}`}>
                    {personName(person)}
                  </Anchor>
                  {person.email ? (
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {person.email}
                    </Text>
                  ) : null}
                </Paper>
              ))}
            </SimpleGrid>
          </section>
        );
      })}
      {total > items.length ? (
        <Anchor component={Link} to={`/people?orgUnitId=${orgUnitId}`}>
          {t('school.seeAll', { count: total, formatted: formatNumber(total) })}
        </Anchor>
      ) : null}
    </Stack>
  );
}
