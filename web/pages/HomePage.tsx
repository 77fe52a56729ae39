import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/session.ts';
import { navItemsFor } from '../app/MainNav.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { DistrictHome } from './home/DistrictHome.tsx';
import { GrowthWidgets } from './home/GrowthWidgets.tsx';
import { BarrierHomeCard } from './barriers/BarrierHomeCard.tsx';
import { MyOutcomesCard } from './outcomes/MyOutcomesCard.tsx';

/** A card for each thing the user can do. */
function NavCards() {
  const { t } = useTranslation();
  const me = useMe();
  const cards = navItemsFor(me).filter((item) => item.to !== '/');
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 3 }}
      component="ul"
      aria-label={t('home.cardsLabel')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {cards.map((item) => {
        const key = item.label.replace('nav.', '');
        return (
          <Card component="li" key={item.to} withBorder padding="lg">
            <Title order={2} size="h4" mb="xs">
              <Anchor component={Link} to={item.to}>
                {t(item.label)}
              </Anchor>
            </Title>
            <Text size="sm">{t(`home.cards.${key}`)}</Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

/**
 * Greets the user. HR and district admins see the district's figures, each linking to its list
 * (DistrictHome); everyone else their growth and a card for each thing they can do.
 */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const district = me.abilities.viewDistrictTracker;
  // A vendor guest has one page in Trellis: its initiative.
  if (me.guest) return <Navigate to={`/initiatives/${me.guest.initiativeId}`} replace />;
  return (
    <>
      <PageHeader title={t('home.greeting', { name: me.person.givenName })} subtitle={t('home.subtitle', { district: me.district.name })} />
      {district ? <DistrictHome /> : null}
      <GrowthWidgets />
      <MyOutcomesCard />
      {me.abilities.raiseBarriers ? <BarrierHomeCard /> : null}
      {district ? null : <NavCards />}
    </>
  );
}
