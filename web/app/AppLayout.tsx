import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/session.ts';
import { Loading } from '../components/Loading.tsx';
import { NotificationsBell } from '../components/NotificationsBell.tsx';
import { MainNav } from './MainNav.tsx';
import { SecondFactorBanner } from './SecondFactorBanner.tsx';
import { useIsPhone } from './responsive.ts';
import { UserMenu } from './UserMenu.tsx';

/** The signed-in frame: header (brand, district, user menu), navigation, and the page in <main>. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [navOpened, nav] = useDisclosure(false);
  const isPhone = useIsPhone();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After moving to another page, start keyboard and screen-reader users at its content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    nav.close();
    mainRef.current?.focus();
  }, [pathname]); // eslint-disable-line react-hooks/exhaustive-deps

  const navHidden = isPhone && !navOpened;
  // On a phone the open menu covers the page: keep Tab inside it, and let Escape close it.
  const menuOverPage = isPhone && navOpened;
  const burgerRef = useRef<HTMLButtonElement>(null);
  useHotkeys([
    [
      'Escape',
      () => {
        if (!menuOverPage) return;
        nav.close();
        burgerRef.current?.focus();
      },
    ],
  ]);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              ref={burgerRef}
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={navOpened}
              aria-controls="app-navigation"
            />
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never">
              {t('app.name')}
            </Anchor>
            <Text visibleFrom="xs" truncate="end" c="dimmed">
              {me.district.name}
            </Text>
          </Group>
          {/* A vendor guest is sent no notifications (the API answers it 404). */}
          {me.guest ? null : <NotificationsBell />}
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id="app-navigation"
        aria-label={t('shell.navigation')}
        p="sm"
        style={{ overflowY: 'auto' }}
        inert={navHidden}
        aria-hidden={navHidden || undefined}
      >
        <Text hiddenFrom="xs" fw={600} px="sm" pb="sm">
          {me.district.name}
        </Text>
        <MainNav />
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={mainRef} tabIndex={-1} inert={menuOverPage} aria-hidden={menuOverPage || undefined}>
        <Suspense fallback={<Loading />}>
          <SecondFactorBanner />
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
