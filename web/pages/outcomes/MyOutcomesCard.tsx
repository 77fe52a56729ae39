import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePersonOutcomes } from '../../api/outcomes.ts';
import { useMe } from '../../api/session.ts';
import { outcomeText } from './OutcomeFigure.tsx';

/**
 * "My outcomes" on the home page: the latest of each of the signed-in teacher's own outcome values,
 * linking to all of them. Shown only where the district keeps values per teacher and there are some.
 */
export function MyOutcomesCard() {
  const { t } = useTranslation('outcomes');
  const me = useMe();
  const outcomes = usePersonOutcomes(me.person.id, !me.guest);
  const o = outcomes.data;
  if (!o?.perTeacherAllowed || o.measures.length === 0) return null;
  return (
    <Card component="section" withBorder padding="md" mb="lg" aria-labelledby="my-outcomes">
      <Title order={2} size="h4" mb="xs" id="my-outcomes">
        {t('person.mineTitle')}
      </Title>
      <List size="sm" listStyleType="none" spacing={4}>
        {o.measures.map((m) => {
          const latest = m.points.at(-1);
          return (
            <List.Item key={m.measureId}>
              <Text size="sm" span fw={500}>
                {m.name}
              </Text>
              {latest ? ` · ${latest.period.label}: ${outcomeText(t, latest, m.unit, o.minCount)}` : null}
            </List.Item>
          );
        })}
      </List>
      <Anchor component={Link} to={`/people/${me.person.id}/outcomes`} size="sm" mt="xs" display="block">
        {t('person.openMine')}
      </Anchor>
    </Card>
  );
}
