import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AppAbilities, Me } from '../../common/schemas/auth.ts';
import { useMe } from '../api/session.ts';

interface NavItem {
  to: string;
  label: string;
  /** Shown only when the user has this ability; always shown without one. */
  ability?: keyof AppAbilities;
}

/** The pages a signed-in user may open, in menu order. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/schools', label: 'nav.schools' },
  { to: '/people', label: 'nav.people', ability: 'viewPeople' },
  { to: '/observations', label: 'nav.observations' },
  { to: '/coaching', label: 'nav.coaching' },
  { to: '/performance', label: 'nav.performance' },
  { to: '/initiatives', label: 'nav.implementation' },
  { to: '/caseloads', label: 'nav.caseloads', ability: 'caseloads' },
  { to: '/tracker', label: 'nav.tracker', ability: 'viewTracker' },
  { to: '/calendar', label: 'nav.calendar' },
  { to: '/frameworks', label: 'nav.frameworks' },
  { to: '/pathways', label: 'nav.pathways' },
  { to: '/settings/observations', label: 'nav.settings', ability: 'manageObservationSettings' },
  { to: '/settings/translations', label: 'nav.translations', ability: 'manageFrameworks' },
  { to: '/import', label: 'nav.import', ability: 'importRoster' },
  { to: '/audit', label: 'nav.audit', ability: 'viewAudit' },
  { to: '/integrations', label: 'nav.integrations', ability: 'viewAudit' },
  // District admins (the API checks canManageSignIn, the same grant as viewAudit).
  { to: '/settings/sign-in', label: 'nav.signIn', ability: 'viewAudit' },
  { to: '/outbox', label: 'nav.outbox', ability: 'viewOutbox' },
  { to: '/settings/notifications', label: 'nav.notificationSettings', ability: 'manageNotificationSettings' },
  { to: '/settings/jobs', label: 'nav.jobs', ability: 'manageJobs' },
  { to: '/account', label: 'nav.account' },
];

/**
 * The menu of this user: the items their abilities allow; a vendor guest gets its initiative and
 * its account only (every other page would answer it 404).
 */
export function navItemsFor(me: Me): NavItem[] {
  if (me.guest) {
    return [
      { to: `/initiatives/${me.guest.initiativeId}`, label: 'nav.implementation' },
      { to: '/account', label: 'nav.account' },
    ];
  }
  return NAV_ITEMS.filter((item) => !item.ability || me.abilities[item.ability]);
}

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** Role-aware navigation from `Me.abilities`; the current page is marked with aria-current. */
export function MainNav() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const items = navItemsFor(me);
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => {
        const active = isActive(pathname, item.to);
        return (
          <li key={item.to}>
            <NavLink
              component={Link}
              to={item.to}
              label={t(item.label)}
              active={active}
              aria-current={active ? 'page' : undefined}
              fw={active ? 600 : 400}
            />
          </li>
        );
      })}
    </Stack>
  );
}
