// Journey 1: each demo role sees exactly the navigation its access allows; sign-out; a wrong password.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMenu, DEMO, expectNoAxeViolations, fillSignIn, heading, launchBrowser, mainNav, newPage, signInAs } from './browser.ts';

const GROWTH = ['Observations', 'Coaching', 'Performance', 'Implementation', 'Caseloads', 'School tracker', 'Calendar'];
const ALL_ITEMS = [
  'Home',
  'Schools',
  'People',
  ...GROWTH,
  'Frameworks',
  'Career pathways',
  'Observation settings',
  'Spanish translations',
  'Import roster',
  'Audit log',
  'Integrations',
  'Sign-in and SSO',
  'Outbox',
  'Notification settings',
  'Background jobs',
  'Account',
];

/** What each role's navigation lists, in menu order (README: demo sign-ins; ARCHITECTURE: Access). */
const ROLES: { role: keyof typeof DEMO; name: string; nav: string[]; district?: boolean }[] = [
  { role: 'admin', name: 'Dana Whitfield', nav: ALL_ITEMS, district: true },
  {
    role: 'hr',
    name: 'Rafael Ortega',
    district: true,
    nav: [
      'Home',
      'Schools',
      'People',
      ...GROWTH,
      'Frameworks',
      'Career pathways',
      'Observation settings',
      'Spanish translations',
      'Account',
    ],
  },
  { role: 'principal', name: 'Lorena Castillo', nav: ['Home', 'Schools', 'People', ...GROWTH, 'Frameworks', 'Career pathways', 'Account'] },
  { role: 'coach', name: 'Terrence Boateng', nav: ['Home', 'Schools', 'People', ...GROWTH, 'Frameworks', 'Career pathways', 'Account'] },
  {
    role: 'teacher',
    name: 'Michelle Reyes',
    nav: [
      'Home',
      'Schools',
      'Observations',
      'Coaching',
      'Performance',
      'Implementation',
      'Calendar',
      'Frameworks',
      'Career pathways',
      'Account',
    ],
  },
];

/** The h1 of the page each navigation item opens (a leader of one school goes straight to its tracker). */
const PAGE_TITLES: Record<string, string | RegExp> = {
  Schools: 'Schools',
  People: 'People',
  Observations: 'Observations',
  Coaching: 'Coaching',
  Performance: 'Performance',
  Implementation: 'Initiatives',
  Caseloads: 'Caseloads',
  'School tracker': /^(School tracker|Palm Grove Elementary)$/,
  Calendar: 'Calendar',
  'Observation settings': 'Observation settings',
  'Spanish translations': 'Spanish translations',
  Frameworks: 'Frameworks',
  'Career pathways': 'Career pathways',
  Integrations: 'Integrations',
  'Sign-in and SSO': 'Sign-in and single sign-on',
  'Import roster': 'Import roster',
  'Audit log': 'Audit log',
  Outbox: 'Outbox',
  'Notification settings': 'Notification settings',
  'Background jobs': 'Background jobs',
  Account: 'Your account',
};

async function navLinks(page: Page): Promise<string[]> {
  const links = mainNav(page).getByRole('link');
  await links.first().waitFor();
  return (await links.allInnerTexts()).map((text) => text.trim());
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('navigation by role', () => {
  it.each(ROLES)('$role sees exactly $nav', async ({ role, name, nav, district }) => {
    const page = await newPage(browser);
    await signInAs(page, DEMO[role]);
    await heading(page, `Welcome, ${name.split(' ')[0]}`).waitFor();
    expect(await navLinks(page)).toEqual(nav);
    const cards = page.getByRole('list', { name: 'What you can do' }).getByRole('heading', { level: 2 });
    if (district) {
      // HR and admins get the district's figures instead (e2e/content.e2e.ts), not a grid of links.
      await page.getByRole('region', { name: 'Observations', exact: true }).waitFor();
      expect(await cards.count()).toBe(0);
    } else {
      // Everyone else is offered the same destinations as cards (everything but Home itself).
      expect((await cards.allInnerTexts()).map((text) => text.trim())).toEqual(nav.filter((item) => item !== 'Home'));
    }
    // The current page is marked for screen readers.
    expect(await mainNav(page).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    await expectNoAxeViolations(page, `home page of ${role}`);

    // Every item opens its own page (not "You don't have access to this page").
    for (const item of nav.filter((i) => i !== 'Home')) {
      await mainNav(page).getByRole('link', { name: item, exact: true }).click();
      await heading(page, PAGE_TITLES[item]!).waitFor();
      expect(await mainNav(page).getByRole('link', { name: item, exact: true }).getAttribute('aria-current')).toBe('page');
    }
    await page.context().close();
  });

  it('keeps the current page link readable while the mouse is over it', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.admin);
    await mainNav(page).getByRole('link', { name: 'Schools', exact: true }).click();
    await heading(page, 'Schools').waitFor();
    await mainNav(page).getByRole('link', { name: 'Schools', exact: true }).hover();
    await expectNoAxeViolations(page, 'schools page with the pointer on its navigation link');
    await page.context().close();
  });

  it('a teacher who opens an admin page by its address is told it is not for them', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.teacher);
    for (const address of [
      '/people',
      '/import',
      '/audit',
      '/outbox',
      '/settings/jobs',
      '/settings/notifications',
      '/settings/observations',
      '/settings/calendar',
    ]) {
      await page.goto(address);
      await heading(page, "You don't have access to this page").waitFor();
    }
    await page.context().close();
  });
});

describe('on a phone, by keyboard', () => {
  /** Where the keyboard focus is, and whether it can be seen (not covered by something else). */
  const focusState = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return {
        name: (el.innerText || el.getAttribute('aria-label') || el.tagName).trim(),
        inNav: !!el.closest('nav'),
        seen: !!top && (el === top || el.contains(top)),
      };
    });

  it('opens the burger menu, keeps the focus in sight, and closes it with Escape', async () => {
    const page = await newPage(browser, { phone: true });
    await signInAs(page, DEMO.principal);
    await heading(page, 'Welcome, Lorena').waitFor();
    const burger = page.getByRole('button', { name: 'Open navigation' });
    await burger.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Close navigation' }).waitFor();
    await mainNav(page).getByRole('link', { name: 'Account' }).click({ trial: true });

    // Tab walks the header, then the menu's links, each visible; past the last one the focus must
    // not go to the page hidden under the open menu.
    const walked: { name: string; inNav: boolean; seen: boolean }[] = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      walked.push(await focusState(page));
    }
    expect(walked.filter((f) => f.inNav).map((f) => f.name)).toEqual([
      'Home',
      'Schools',
      'People',
      ...GROWTH,
      'Frameworks',
      'Career pathways',
      'Account',
    ]);
    expect
      .soft(
        walked.filter((f) => !f.seen),
        'focus went behind the open menu',
      )
      .toEqual([]);

    // Escape closes the menu and gives the focus back to the burger.
    await page.keyboard.press('Escape');
    expect.soft(await page.getByRole('button', { name: 'Open navigation' }).count(), 'Escape closes the menu').toBe(1);
    expect
      .soft(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls')), 'focus returns to the burger')
      .toBe('app-navigation');
    await page.context().close();
  });
});

describe('signing in and out', () => {
  it('signs out from the account menu and then needs to sign in again', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.principal);
    await accountMenu(page).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await heading(page, 'Sign in to Trellis').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    // The session is gone on the server too: a signed-in page sends the visitor back to sign in.
    await page.goto('/people');
    await heading(page, 'Sign in to Trellis').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/people');
    expect((await page.request.get('/api/auth/session')).status()).toBe(401);
    await page.context().close();
  });

  it('says so when the password is wrong, and signs in with the right one', async () => {
    const page = await newPage(browser);
    await page.goto('/sign-in');
    await fillSignIn(page, DEMO.coach, 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('The e-mail or password is not correct.');
    await expectNoAxeViolations(page, 'sign-in page with an error');
    await fillSignIn(page, DEMO.coach, 'Trellis-demo-2026');
    await accountMenu(page).waitFor();
    await page.context().close();
  });
});
