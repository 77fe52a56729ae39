// Journey 4: a survey of every page, on a desktop and on a phone (390x844): axe-core (WCAG 2.1 AA),
// no sideways scrolling on the phone, the navigation through the burger menu, and a screenshot of
// each page for a person to look at. Then the UI in Spanish: navigation words and dates.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPasswordLink } from '../server/test/mailbox.ts';
import {
  accountMenu,
  apiAs,
  DEMO,
  expectNoAxeViolations,
  expectNoCutOffText,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  mainNav,
  newPage,
  openFromNav,
  screenshot,
  signInAs,
} from './browser.ts';
import { carriesSetPasswordLink, waitForEmailThat } from './mail.ts';

type Messages = { [key: string]: string | Messages };
const es = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../common/i18n/es/app.json'), 'utf8')) as Messages;
/** A Spanish text by its i18n key, e.g. esText('nav.people') === 'Personal'. */
const esText = (key: string): string => key.split('.').reduce<Messages | string>((node, part) => (node as Messages)[part]!, es) as string;

const VIEWPORTS = [
  { phone: false, name: 'desktop' },
  { phone: true, name: 'phone' },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Checks a page that has finished loading: axe, (phone) no sideways scroll, and a screenshot. */
async function survey(page: Page, viewport: string, name: string) {
  await expectNoAxeViolations(page, `${name} (${viewport})`, { soft: true });
  await expectNoCutOffText(page, `${name} (${viewport})`);
  if (viewport === 'phone') await expectNoSidewaysScroll(page, `${name} (${viewport})`);
  await screenshot(page, `${viewport}-${name}`);
}

/** Goes to a top-level page through the navigation: the sidebar, or on a phone the burger menu. */
async function navigate(page: Page, phone: boolean, item: string, opts: { survey?: string } = {}) {
  if (phone) {
    expect(await mainNav(page).count(), 'the navigation is hidden behind the burger').toBe(0);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const link = mainNav(page).getByRole('link', { name: item, exact: true });
    await link.click({ trial: true }); // waits for the menu to finish sliding in
    expect(await page.getByRole('button', { name: 'Close navigation' }).getAttribute('aria-expanded')).toBe('true');
    if (opts.survey) await survey(page, 'phone', opts.survey);
    await link.click();
    await mainNav(page).waitFor({ state: 'hidden' });
  } else {
    await openFromNav(page, item);
  }
}

describe.each(VIEWPORTS)('every page on a $name', ({ phone, name: viewport }) => {
  let admin: Page;
  beforeAll(async () => {
    admin = await newPage(browser, { phone });
  });
  afterAll(async () => {
    await admin?.context().close();
  });

  it('signed out: sign-in, forgot password (before and after sending), reset link that does not work', async () => {
    const page = await newPage(browser, { phone });
    await page.goto('/');
    await heading(page, 'Sign in to Trellis').waitFor();
    await survey(page, viewport, '01-sign-in');

    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await heading(page, 'Reset your password').waitFor();
    await survey(page, viewport, '02-forgot-password');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(DEMO.teacher);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').filter({ hasText: 'Check your e-mail' }).waitFor();
    await survey(page, viewport, '03-forgot-password-sent');

    await page.goto('/reset-password');
    await page.getByRole('alert').filter({ hasText: 'This link does not work' }).waitFor();
    await survey(page, viewport, '04-reset-password-bad-link');

    // An e-mail's unsubscribe link: one click, no sign-in; a link not signed by Trellis is refused.
    await page.goto('/unsubscribe?token=bm90LWEtdG9rZW4.c2lnbmF0dXJl');
    await heading(page, 'Stop e-mails').waitFor();
    await survey(page, viewport, '04b-unsubscribe');
    await page.getByRole('button', { name: 'Stop these e-mails' }).click();
    await page.getByRole('alert').filter({ hasText: 'This link does not work' }).waitFor();
    await page.context().close();
  });

  it('signed in as the district admin: every page', async () => {
    await signInAs(admin, DEMO.admin);
    await heading(admin, 'Welcome, Dana').waitFor();
    await survey(admin, viewport, '10-home');

    await navigate(admin, phone, 'Schools', { survey: phone ? '11-navigation-open' : undefined });
    await heading(admin, 'Schools').waitFor();
    await admin
      .getByRole('status')
      .filter({ hasText: /^Showing 1–\d+ of \d+$/ })
      .waitFor();
    await survey(admin, viewport, '12-schools');

    await admin.getByRole('link', { name: 'Palm Grove Elementary' }).click();
    await heading(admin, 'Palm Grove Elementary').waitFor();
    await admin.getByRole('heading', { level: 2, name: /^Staff \(\d+\)$/ }).waitFor();
    await survey(admin, viewport, '13-school');

    await admin.getByRole('link', { name: 'Teams' }).click();
    await heading(admin, 'Teams at Palm Grove Elementary').waitFor();
    await survey(admin, viewport, '13a-teams');
    await admin.getByRole('link', { name: 'Grade 3' }).click();
    await heading(admin, 'Grade 3').waitFor();
    await admin.getByRole('heading', { name: 'History' }).waitFor();
    await survey(admin, viewport, '13b-team');
    await navigate(admin, phone, 'Caseloads');
    await heading(admin, 'Caseloads').waitFor();
    await survey(admin, viewport, '13c-caseloads');
    await navigate(admin, phone, 'Observations');
    await heading(admin, 'Observations').waitFor();
    await admin.getByRole('link', { name: 'Walkthrough report' }).click();
    await heading(admin, 'Walkthrough report').waitFor();
    await admin.getByRole('columnheader', { name: 'Look-for' }).waitFor();
    await survey(admin, viewport, '13d-walkthroughs');
    await navigate(admin, phone, 'Schools');
    await admin.getByRole('link', { name: 'Palm Grove Elementary' }).click();
    await heading(admin, 'Palm Grove Elementary').waitFor();

    await admin.getByRole('link', { name: 'Michelle Reyes' }).click();
    await heading(admin, 'Michelle Reyes').waitFor();
    await admin.getByRole('heading', { name: 'Change history' }).waitFor();
    await admin.getByRole('heading', { name: 'Role history' }).waitFor();
    await admin.getByRole('heading', { name: /^Primary evaluator, \d{4}-\d{2}$/ }).waitFor();
    await survey(admin, viewport, '14-person');

    await navigate(admin, phone, 'People');
    await heading(admin, 'People').waitFor();
    await admin
      .getByRole('status')
      .filter({ hasText: /^Showing 1–50 of \d+$/ })
      .waitFor();
    await survey(admin, viewport, '15-people');

    await admin.getByRole('link', { name: 'Evaluators' }).click();
    await heading(admin, 'Evaluators').waitFor();
    await admin
      .getByRole('status')
      .filter({ hasText: /^Showing 1–50 of \d+$/ })
      .waitFor();
    await survey(admin, viewport, '15a-evaluators');

    await admin.goto('/pathways/placements');
    await heading(admin, 'Place people on a step').waitFor();
    await survey(admin, viewport, '15b-bulk-placement');

    await navigate(admin, phone, 'Import roster');
    await heading(admin, 'Import roster').waitFor();
    await admin.getByRole('heading', { name: 'Past imports' }).waitFor();
    await admin.getByText('No roster has been imported yet.').waitFor();
    await survey(admin, viewport, '16-import');

    await navigate(admin, phone, 'Audit log');
    await heading(admin, 'Audit log').waitFor();
    await admin
      .getByRole('status')
      .filter({ hasText: /^\d+ entries shown\.$/ })
      .waitFor();
    await survey(admin, viewport, '17-audit-log');

    await navigate(admin, phone, 'Outbox');
    await heading(admin, 'Outbox').waitFor();
    const email = admin
      .getByRole('listitem')
      .filter({ hasText: `To ${DEMO.teacher}` })
      .first();
    await email.waitFor();
    await survey(admin, viewport, '18-outbox');
    await email.locator('summary').click();
    // The reset link went to the teacher only: the outbox keeps the e-mail without it.
    await email.getByText('The set-password link in this e-mail went only to the recipient', { exact: false }).waitFor();
    expect(await email.innerText()).not.toContain('token=');
    await survey(admin, viewport, '19-outbox-email-open');
    // Notification e-mails keep their links; a long one without a hyphen to break at must wrap too.
    await email.locator('pre').evaluate((pre) => {
      const a = document.createElement('a');
      a.href = '#';
      a.textContent = `${location.origin}/observations/${'x'.repeat(60)}`;
      pre.append(a);
    });
    if (phone) await expectNoSidewaysScroll(admin, 'outbox e-mail with an unbroken link (phone)');

    // The demo's start queued its school-summary refreshes as background jobs.
    await navigate(admin, phone, 'Background jobs');
    await heading(admin, 'Background jobs').waitFor();
    await admin.getByRole('listitem').filter({ hasText: "Refresh the district view's school summaries" }).first().waitFor();
    await survey(admin, viewport, '19b-jobs');

    await navigate(admin, phone, 'Account');
    await heading(admin, 'Your account').waitFor();
    await survey(admin, viewport, '20-account');

    await admin.goto('/no-such-page');
    await heading(admin, 'Page not found').waitFor();
    await survey(admin, viewport, '21-not-found');

    await admin.goto('/people/00000000-0000-4000-8000-000000000000');
    await heading(admin, 'Page not found').waitFor();
    await survey(admin, viewport, '22-person-not-found');
  });

  it('signed out: the reset-password form from the e-mailed link', async () => {
    // The teacher's e-mail, as the local SMTP server received it (e2e/global-setup.ts).
    const link = setPasswordLink(await waitForEmailThat(DEMO.teacher, carriesSetPasswordLink));
    const page = await newPage(browser, { phone });
    await page.goto(link.pathname + link.search);
    await heading(page, 'Choose a new password').waitFor();
    await page.getByLabel(/^New password/).waitFor();
    await survey(page, viewport, '05-reset-password');
    await page.context().close();
  });
});

describe('in Spanish', () => {
  const NAV_ES = [
    'home',
    'schools',
    'people',
    'observations',
    'coaching',
    'performance',
    'implementation',
    'caseloads',
    'tracker',
    'calendar',
    'frameworks',
    'pathways',
    'settings',
    'translations',
    'import',
    'audit',
    'integrations',
    'signIn',
    'outbox',
    'notificationSettings',
    'jobs',
    'account',
  ].map((key) => esText(`nav.${key}`));
  let admin: Page;
  beforeAll(async () => {
    admin = await newPage(browser);
    await signInAs(admin, DEMO.admin);
  });
  afterAll(async () => {
    // Leave the admin in English for other runs on this server, whatever happened above.
    if (admin) await apiAs(admin, 'PATCH', '/api/me', { locale: 'en' });
    await admin?.context().close();
  });

  it('switches on the account page: the navigation and the audit dates read in Spanish', async () => {
    await openFromNav(admin, 'Account');
    await heading(admin, 'Your account').waitFor();
    // The radio follows the saved user record, so it turns on when the server has answered.
    await admin.getByRole('radio', { name: 'Español' }).click();
    await heading(admin, esText('account.title')).waitFor();
    await admin
      .getByRole('status')
      .filter({ hasText: esText('account.languageSaved') })
      .waitFor();
    expect(await admin.getByRole('radio', { name: 'Español' }).isChecked()).toBe(true);
    expect(await admin.evaluate(() => document.documentElement.lang)).toBe('es');
    const nav = admin.getByRole('navigation', { name: esText('shell.navigation') });
    expect((await nav.getByRole('link').allInnerTexts()).map((text) => text.trim())).toEqual(NAV_ES);
    expect(NAV_ES).toContain('Personal');
    expect(NAV_ES).toContain('Escuelas');
    await survey(admin, 'desktop', '30-account-es');

    await openFromNav(admin, esText('nav.audit'));
    await heading(admin, esText('audit.title')).waitFor();
    const table = admin.getByRole('table', { name: esText('audit.caption') });
    const newest = table.getByRole('row').nth(1);
    await newest.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(
      ['when', 'who', 'action', 'entity', 'changes'].map((key) => esText(`audit.col.${key}`)),
    );
    // The newest entry is this very change of language, dated the Spanish way ("23 nov 2026, 21:45").
    // (Reading the log is audited too, after the read: ask for the change itself.)
    const { items } = await apiAs<{ items: { at: string; action: string }[] }>(
      admin,
      'GET',
      '/api/audit?action=user.update_locale&limit=1',
    );
    expect(items[0]!.action).toBe('user.update_locale');
    const cells = (await newest.getByRole('cell').allTextContents()).map((text) => text.trim());
    expect(cells[2]).toBe(esText('audit.action.user.update_locale'));
    const expected = await admin.evaluate(
      (at) => new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)),
      items[0]!.at,
    );
    expect(cells[0]).toBe(expected);
    expect(cells[0]).toMatch(/^\d{1,2} [a-z]{3,4}\.? \d{4}, \d{1,2}:\d{2}$/);
    await survey(admin, 'desktop', '31-audit-log-es');

    // A phone signed in as the same admin opens in Spanish too (the language is saved with the user).
    const phone = await newPage(browser, { phone: true });
    await signInAs(phone, DEMO.admin);
    await heading(phone, esText('home.greeting').replace('{{name}}', 'Dana')).waitFor();
    await phone.getByRole('button', { name: esText('shell.openNavigation') }).click();
    const phoneNav = phone.getByRole('navigation', { name: esText('shell.navigation') });
    await phoneNav.getByRole('link', { name: esText('nav.audit') }).click({ trial: true });
    expect((await phoneNav.getByRole('link').allInnerTexts()).map((text) => text.trim())).toEqual(NAV_ES);
    await survey(phone, 'phone', '32-navigation-es');
    await phoneNav.getByRole('link', { name: esText('nav.audit') }).click();
    await heading(phone, esText('audit.title')).waitFor();
    await phone.getByRole('list', { name: esText('audit.caption') }).waitFor();
    await survey(phone, 'phone', '33-audit-log-es');
    await phone.context().close();

    // And back to English the same way.
    await openFromNav(admin, esText('nav.account'));
    await admin.getByRole('radio', { name: 'English' }).click();
    await heading(admin, 'Your account').waitFor();
    await admin.getByRole('status').filter({ hasText: 'Your language was saved.' }).waitFor();
    expect((await mainNav(admin).getByRole('link').allInnerTexts()).map((text) => text.trim())).toContain('People');
    expect(await accountMenu(admin).count()).toBe(1);
  });
});
