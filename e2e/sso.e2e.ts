// Journey: a district admin adds an OpenID provider on the Sign-in and SSO page (test connection
// first), then a teacher opens the district's sign-in link, clicks "Sign in with ...", signs in at
// the (real, local) provider and lands in Trellis; the admin, whose provider sign-in used one
// factor, enters Trellis's code after it (and goes straight in when the provider reports a second
// factor); with two-factor sign-in required of everyone, the teacher is taken to set up an app
// after the provider; someone without an account is refused with a clear page, in English and in
// Spanish. Desktop and phone, keyboard, axe on every page.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../server/test/oidc-provider.ts';
import {
  accountMenu,
  apiAs,
  authenticatorCode,
  baseURL,
  codeInput,
  DEMO,
  DEMO_PASSWORD,
  fillSignIn,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  newPage,
  openFromNav,
  screenshot,
  signInAs,
} from './browser.ts';

const tag = randomUUID().slice(0, 6);
const label = `Test IdP ${tag}`;

let browser: Browser;
let idp: TestProvider;
let providerId: string | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  idp = await startTestProvider({ redirectUris: [`${baseURL()}/api/auth/sso/callback`], title: 'District identity provider' });
});
afterAll(async () => {
  // Leave the demo district as other journeys expect it: passwords on, no enabled provider of ours.
  // (The admin keeps password sign-in even when passwords are off: the break-glass way in.)
  if (providerId) {
    const page = await newPage(browser);
    await signInAs(page, DEMO.admin);
    const overview = await apiAs<{
      passwordSignIn: boolean;
      requireTwoFactor: boolean;
      settingsVersion: number;
      providers: { id: string; version: number }[];
    }>(page, 'GET', '/api/sso');
    if (!overview.passwordSignIn || overview.requireTwoFactor) {
      await apiAs(page, 'PUT', '/api/sso/settings', { version: overview.settingsVersion, passwordSignIn: true, requireTwoFactor: false });
    }
    const mine = overview.providers.find((p) => p.id === providerId);
    if (mine) await apiAs(page, 'PATCH', `/api/sso/providers/${providerId}`, { version: mine.version, enabled: false });
    await page.context().close();
  }
  await browser?.close();
  await idp?.close();
});

/**
 * At the provider's own page: types the account and continues (as a person would); with
 * `secondFactor` the provider also took a code from the person's phone (its ID token then says
 * `amr: ["pwd", "otp"]`).
 */
async function signInAtProvider(page: Page, email: string, opts: { secondFactor?: boolean } = {}) {
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.getByLabel('Account e-mail').fill(email);
  if (opts.secondFactor) await page.getByLabel('Also confirmed with a code from my phone').check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('single sign-on', () => {
  it('an admin adds the district’s provider, testing the connection first', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.admin);
    await openFromNav(page, 'Sign-in and SSO');
    await heading(page, 'Sign-in and single sign-on').waitFor();
    await page.getByText('Register this address as the redirect').waitFor();
    await expectNoAxeViolations(page, 'sign-in settings');
    await screenshot(page, 'sso-settings-desktop');

    await page.getByRole('button', { name: 'Add a provider' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an identity provider' });
    await dialog.getByLabel('Provider', { exact: true }).selectOption('custom');
    await dialog.getByRole('textbox', { name: 'Button label' }).fill(label);
    const issuer = dialog.getByRole('textbox', { name: 'Issuer URL' });
    // A typo first: the test says what is wrong before anyone depends on it.
    await issuer.fill(`${idp.issuer}/typo`);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await dialog.getByText('No OpenID configuration was found at this address').waitFor();
    await issuer.fill(idp.issuer);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await dialog.getByText('The provider answered').waitFor();
    await dialog.getByRole('textbox', { name: 'Client ID' }).fill(idp.clientId);
    await dialog.getByLabel(/^Client secret/).fill(idp.clientSecret);
    // Left unticked: Trellis counts this provider's second factor only when its sign-in reports one.
    const enforces = dialog.getByRole('checkbox', { name: 'This provider enforces multi-factor sign-in for everyone' });
    expect(await enforces.isChecked()).toBe(false);
    await enforces.scrollIntoViewIfNeeded();
    await screenshot(page, 'sso-provider-dialog-mfa-desktop');
    await dialog.getByRole('textbox', { name: 'Client ID' }).scrollIntoViewIfNeeded();
    await expectNoAxeViolations(page, 'add provider dialog');
    await screenshot(page, 'sso-provider-dialog-desktop');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`${label} was added.`).waitFor();
    await page.getByRole('button', { name: `Edit ${label}` }).waitFor();
    const { providers } = await apiAs<{ providers: { id: string; displayName: string }[] }>(page, 'GET', '/api/sso');
    providerId = providers.find((p) => p.displayName === label)!.id;
    // Passwords cannot be turned off from a password session (no lock-out by a typo).
    await expect.poll(() => page.getByRole('switch', { name: 'Staff may sign in with a password' }).isDisabled()).toBe(true);
    await page.getByText('sign out and sign in again with single sign-on').waitFor();
    await page.context().close();
  });

  it('a teacher signs in with the district’s provider from the shared link (keyboard, desktop)', async () => {
    expect(providerId).not.toBeNull();
    const page = await newPage(browser);
    await page.goto('/sign-in?district=sunshine');
    const button = page.getByRole('link', { name: `Sign in with ${label}` });
    await button.waitFor();
    await page.getByText('Signing in to Sunshine Public Schools').waitFor();
    await expectNoAxeViolations(page, 'sign-in with SSO');
    await screenshot(page, 'sso-sign-in-desktop');
    await button.focus();
    await page.keyboard.press('Enter');
    await signInAtProvider(page, DEMO.teacher);
    await accountMenu(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // The device remembers the district: the plain sign-in page offers it after signing out.
    await accountMenu(page).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: `Sign in with ${label}` }).waitFor();
    await page.context().close();
  });

  it('the admin, signed in with SSO, turns passwords off; staff then see only the provider, admins keep a way in', async () => {
    const admin = await newPage(browser);
    await admin.goto('/sign-in?district=sunshine');
    await admin.getByRole('link', { name: `Sign in with ${label}` }).click();
    await signInAtProvider(admin, DEMO.admin);
    // The provider reported one factor: Trellis asks for the admin's code, as after a password.
    await heading(admin, 'Enter your code').waitFor();
    expect(new URL(admin.url()).search).toBe('');
    expect((await admin.request.get('/api/auth/session')).status()).toBe(401);
    await expectNoAxeViolations(admin, 'code step after the provider');
    await screenshot(admin, 'sso-code-step-after-provider-desktop');
    await codeInput(admin).fill(await authenticatorCode(DEMO.admin));
    await admin.keyboard.press('Enter');
    await accountMenu(admin).waitFor();
    await admin.goto('/settings/sign-in');
    const passwords = admin.getByRole('switch', { name: 'Staff may sign in with a password' });
    await expect.poll(() => passwords.isEnabled()).toBe(true);
    await passwords.click({ force: true });
    await admin.getByText('Saved: staff now sign in with single sign-on only.').waitFor();
    await admin.getByText('Password sign-in is off:').waitFor();
    await screenshot(admin, 'sso-settings-passwords-off-desktop');

    const staff = await newPage(browser, { phone: true });
    await staff.goto('/sign-in?district=sunshine');
    await staff.getByText('Sunshine Public Schools signs in with single sign-on.').waitFor();
    expect(await staff.getByLabel(/^password/i).count()).toBe(0);
    await expectNoAxeViolations(staff, 'sign-in, SSO only (phone)');
    await screenshot(staff, 'sso-sign-in-sso-only-phone');
    // The break-glass form is there for district admins; a teacher's correct password is refused.
    await staff.getByRole('button', { name: 'District administrators: sign in with a password' }).click();
    await fillSignIn(staff, DEMO.teacher, DEMO_PASSWORD);
    await staff.getByText('Your district signs in with single sign-on: use the button above.').waitFor();
    await staff.context().close();

    await passwords.click({ force: true });
    await admin.getByText('Password sign-in is on.', { exact: true }).waitFor();
    await admin.getByText('Saved: staff may sign in with a password again.').waitFor();
    await admin.context().close();
  });

  it('an admin whose provider reports a second factor goes straight in', async () => {
    const admin = await newPage(browser);
    await admin.goto('/sign-in?district=sunshine');
    await admin.getByRole('link', { name: `Sign in with ${label}` }).click();
    await signInAtProvider(admin, DEMO.admin, { secondFactor: true });
    await accountMenu(admin).waitFor();
    const session = await apiAs<{ user: { adminGrant: string; secondFactor: unknown } }>(admin, 'GET', '/api/auth/session');
    expect(session.user).toMatchObject({ adminGrant: 'district_admin', secondFactor: { required: true, satisfied: true } });
    await admin.context().close();
  });

  it('with two-factor sign-in required of everyone, a teacher sets up an app after the provider (phone)', async () => {
    const admin = await newPage(browser, { phone: true });
    await signInAs(admin, DEMO.admin);
    await admin.goto('/settings/sign-in');
    const everyone = admin.getByRole('switch', { name: 'Require two-factor sign-in for everyone' });
    await everyone.click({ force: true });
    await admin.getByText('Everyone signs in with a second factor.', { exact: true }).waitFor();
    await expectNoAxeViolations(admin, 'sign-in settings, two-factor for everyone (phone)');
    await expectNoSidewaysScroll(admin, 'sign-in settings (phone)');
    await screenshot(admin, 'sso-settings-two-factor-phone');

    const phone = await newPage(browser, { phone: true });
    await phone.goto('/sign-in?district=sunshine');
    await phone.getByRole('link', { name: `Sign in with ${label}` }).click();
    await signInAtProvider(phone, DEMO.teacher);
    await heading(phone, 'Set up two-factor sign-in').waitFor();
    await phone.getByRole('img', { name: /QR code that adds Trellis/ }).waitFor();
    expect((await phone.request.get('/api/auth/session')).status()).toBe(401);
    await expectNoAxeViolations(phone, 'set up after the provider (phone)');
    await expectNoSidewaysScroll(phone, 'set up after the provider (phone)');
    await screenshot(phone, 'sso-enrol-after-provider-phone');
    // Back to sign-in instead: nothing was set up and nothing opened.
    await phone.getByRole('button', { name: 'Back to sign-in' }).click();
    await phone.getByRole('link', { name: `Sign in with ${label}` }).waitFor();
    await phone.context().close();

    const { settingsVersion: now } = await apiAs<{ settingsVersion: number }>(admin, 'GET', '/api/sso');
    await apiAs(admin, 'PUT', '/api/sso/settings', { version: now, requireTwoFactor: false });
    await admin.context().close();
  });

  it('someone without an account is refused with a clear page, on a phone, in English and Spanish', async () => {
    for (const [locale, title, text] of [
      ['en-US', 'You could not be signed in', 'there is no active Trellis account for you'],
      ['es-ES', 'No se pudo iniciar su sesión', 'no hay ninguna cuenta activa de Trellis'],
    ] as const) {
      const page = await newPage(browser, { phone: true, locale });
      await page.goto('/sign-in?district=sunshine');
      const button = page.getByRole('link', { name: new RegExp(label) });
      await button.waitFor();
      await expectNoAxeViolations(page, `sign-in with SSO (phone, ${locale})`);
      await expectNoSidewaysScroll(page, `sign-in with SSO (phone, ${locale})`);
      await screenshot(page, `sso-sign-in-phone-${locale}`);
      await button.click();
      await signInAtProvider(page, `nobody-${tag}@sunshine.example`);
      await heading(page, title).waitFor();
      await page.getByText(text).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in/refused');
      await expectNoAxeViolations(page, `refused (${locale})`);
      await expectNoSidewaysScroll(page, `refused (${locale})`);
      await screenshot(page, `sso-refused-phone-${locale}`);
      // The way back leads to the district's buttons again.
      await page.getByRole('link', { name: /back to sign-in|volver al inicio de sesión/i }).click();
      await page.getByRole('link', { name: new RegExp(label) }).waitFor();
      await page.context().close();
    }
  });
});

describe('signing everyone out', () => {
  it('an admin signs the whole district out after a confirmation naming the consequence, and keeps their own session', async () => {
    const teacher = await newPage(browser);
    await signInAs(teacher, DEMO.teacher);
    const admin = await newPage(browser);
    await signInAs(admin, DEMO.admin);
    await admin.goto('/settings/sign-in');
    await admin.locator('#main').getByRole('button', { name: 'Sign everyone out' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Sign everyone in the district out?' });
    await dialog.getByText(/is signed out at once and must sign in again/).waitFor();
    await expectNoAxeViolations(admin, 'sign everyone out: confirmation');
    await screenshot(admin, 'sso-settings-sign-everyone-out-confirm');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await teacher.request.get('/api/auth/session')).status()).toBe(200);
    await admin.locator('#main').getByRole('button', { name: 'Sign everyone out' }).click();
    await dialog.getByRole('button', { name: 'Sign everyone out' }).click();
    await admin.getByText(/^\d+ sessions? (was|were) ended\.$/).waitFor();
    expect((await teacher.request.get('/api/auth/session')).status()).toBe(401);
    expect((await admin.request.get('/api/auth/session')).status()).toBe(200);
    await screenshot(admin, 'sso-settings-sign-everyone-out-done');
    await teacher.context().close();
    await admin.context().close();
  });

  it('is not offered to HR, who may not open the sign-in settings', async () => {
    const hr = await newPage(browser);
    await signInAs(hr, DEMO.hr);
    await hr.goto('/settings/sign-in');
    await heading(hr, "You don't have access to this page").waitFor();
    expect(await hr.getByRole('button', { name: 'Sign everyone out' }).count()).toBe(0);
    await hr.context().close();
  });
});
