import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** On the home page, for everyone on staff: raise a barrier, and follow the ones already raised. */
export function BarrierHomeCard() {
  const { t } = useTranslation('actionPlans');
  return (
    <Card withBorder padding="lg" my="md">
      <Title order={2} size="h4" mb="xs">
        {t('barriers.homeTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('barriers.homeText')}
      </Text>
      <Group gap="md">
        <Anchor component={Link} to="/barriers/new">
          {t('barriers.raise')}
        </Anchor>
        <Anchor component={Link} to="/barriers/mine">
          {t('barriers.mine')}
        </Anchor>
      </Group>
    </Card>
  );
}
