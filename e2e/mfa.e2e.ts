// Journey: two-factor sign-in. The admin signs in with a code from the authenticator app (a wrong
// code first, by keyboard); the admin makes the demo coach HR: the coach's open session gets no HR
// access until verified (a banner says so), and signing in again on a phone the coach must set up
// an authenticator app (reading the key from the page) and save recovery codes before anything
// opens; the coach signs in again with a recovery code; HR signs in in Spanish on a phone; the
// teacher turns it on and off on the account page; the admin requires it of everyone on the
// Sign-in and SSO page, and the teacher must then set it up at sign-in and cannot turn it off; the
// admin resets the coach's factor from the person page, which signs the coach out.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpStep, totpCode } from '../server/services/auth/mfa/totp.ts';
import {
  accountMenu,
  apiAs,
  authenticatorCode,
  codeInput,
  DEMO,
  DEMO_PASSWORD,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  fillSignIn,
  heading,
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
  signInFresh,
} from './browser.ts';

let browser: Browser;
let admin: Page;
let coachPersonId = '';
let teacherPersonId = '';
let recoveryCodes: string[] = [];

const verifyButton = (page: Page) => page.getByRole('button', { name: /^(verify|verificar)$/i });

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  // Leave the district as other journeys expect it: two-factor sign-in not required of everyone.
  const settings = await apiAs<{ requireTwoFactor: boolean; settingsVersion: number }>(admin, 'GET', '/api/sso').catch(() => null);
  if (settings?.requireTwoFactor)
    await apiAs(admin, 'PUT', '/api/sso/settings', { version: settings.settingsVersion, requireTwoFactor: false }).catch(() => undefined);
  // Leave the demo coach as other journeys expect them: no grant, no factor (even after a failure).
  for (const personId of [coachPersonId, teacherPersonId].filter(Boolean)) {
    const status = await apiAs<{ enrolled: boolean }>(admin, 'GET', `/api/people/${personId}/two-factor`).catch(() => null);
    if (status?.enrolled) await apiAs(admin, 'POST', `/api/people/${personId}/two-factor/reset`).catch(() => undefined);
  }
  if (coachPersonId) await apiAs(admin, 'POST', `/api/people/${coachPersonId}/admin-grant`, { adminGrant: null }).catch(() => undefined);
  await browser?.close();
});

describe('two-factor sign-in', () => {
  it('the admin signs in with a code from the app, by keyboard, after a wrong one', async () => {
    admin = await newPage(browser);
    await admin.goto('/sign-in');
    await fillSignIn(admin, DEMO.admin, DEMO_PASSWORD);
    await heading(admin, 'Enter your code').waitFor();
    // The step's heading has the focus; the next Tab is the code field, which the phone fills from the app.
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Enter your code');
    await admin.keyboard.press('Tab');
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('one-time-code');
    await admin.keyboard.type('000000');
    await admin.keyboard.press('Enter');
    await admin.getByRole('alert').getByText('That code is not correct', { exact: false }).waitFor();
    await expectNoAxeViolations(admin, 'sign-in code step with an error');
    await screenshot(admin, 'mfa-code-step-desktop');
    await codeInput(admin).fill(await authenticatorCode(DEMO.admin));
    await admin.keyboard.press('Enter');
    await accountMenu(admin).waitFor();
    const session = await apiAs<{ user: { adminGrant: string; secondFactor: unknown } }>(admin, 'GET', '/api/auth/session');
    expect(session.user).toMatchObject({ adminGrant: 'district_admin', secondFactor: { required: true, satisfied: true } });

    await admin.goto('/account');
    await heading(admin, 'Account').waitFor();
    await admin.getByText('Required for your access').waitFor();
    await expectNoAxeViolations(admin, 'account page, two-factor sign-in on');
    await screenshot(admin, 'mfa-account-admin');
  });

  it('a session open when HR access is granted gets none of it until it passes a second factor', async () => {
    const coach = (await apiAs<{ items: { id: string; email: string }[] }>(admin, 'GET', '/api/people?q=Boateng')).items.find(
      (p) => p.email === DEMO.coach,
    )!;
    coachPersonId = coach.id;
    const open = await newPage(browser);
    await signInFresh(open, DEMO.coach);
    await apiAs(admin, 'POST', `/api/people/${coachPersonId}/admin-grant`, { adminGrant: 'hr' });
    await open.goto('/people');
    const banner = open.getByRole('alert').filter({ hasText: 'Two-factor sign-in needed' });
    await banner.waitFor();
    const me = (await apiAs<{ user: { abilities: { managePeople: boolean }; secondFactor: unknown } }>(open, 'GET', '/api/auth/session'))
      .user;
    expect(me).toMatchObject({ abilities: { managePeople: false }, secondFactor: { required: true, satisfied: false } });
    await expectNoAxeViolations(open, 'banner: grant waiting for two-factor sign-in');
    await screenshot(open, 'mfa-banner');
    await banner.getByRole('link', { name: 'Go to two-factor sign-in' }).click();
    await open.getByRole('button', { name: 'Set up two-factor sign-in' }).waitFor();
    await open.context().close();
  });

  it('a new HR user must set up an authenticator app on the phone before anything opens', async () => {
    const phone = await newPage(browser, { phone: true });
    await phone.goto('/sign-in');
    await fillSignIn(phone, DEMO.coach, DEMO_PASSWORD);
    await heading(phone, 'Set up two-factor sign-in').waitFor();
    const qr = phone.getByRole('img', { name: /QR code that adds Trellis/ });
    await qr.waitFor();
    expect(await phone.evaluate(() => document.readyState)).toBe('complete');
    expect((await phone.request.get('/api/auth/session')).status()).toBe(401);
    await expectNoAxeViolations(phone, 'forced enrolment (phone)');
    await expectNoSidewaysScroll(phone, 'forced enrolment (phone)');
    await screenshot(phone, 'mfa-enrol-phone');

    // The key as printed for typing in (groups of four), read as an authenticator app would take it.
    const secret = (await phone.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await phone.getByRole('textbox', { name: '6-digit code' }).fill(totpCode(secret, currentTotpStep()));
    await phone.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();

    await heading(phone, 'Save your recovery codes').waitFor();
    recoveryCodes = await phone.getByTestId('recovery-code').allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    const proceed = phone.getByRole('button', { name: 'Continue' });
    expect(await proceed.isDisabled()).toBe(true);
    await expectNoAxeViolations(phone, 'recovery codes (phone)');
    await expectNoSidewaysScroll(phone, 'recovery codes (phone)');
    await screenshot(phone, 'mfa-recovery-codes-phone');
    await phone.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
    await proceed.click();
    await accountMenu(phone).waitFor();
    expect(
      (await apiAs<{ user: { abilities: { managePeople: boolean } } }>(phone, 'GET', '/api/auth/session')).user.abilities.managePeople,
    ).toBe(true);
    await phone.context().close();
  });

  it('the new HR user signs in with a recovery code instead of the app', async () => {
    const page = await newPage(browser);
    await page.goto('/sign-in');
    await fillSignIn(page, DEMO.coach, DEMO_PASSWORD);
    await heading(page, 'Enter your code').waitFor();
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    const input = page.getByRole('textbox', { name: 'Recovery code' });
    await input.fill(recoveryCodes[0]!.toUpperCase());
    await expectNoAxeViolations(page, 'sign-in with a recovery code');
    await screenshot(page, 'mfa-recovery-step-desktop');
    await verifyButton(page).click();
    await page.getByText('You signed in with a recovery code. You have 9 left.').waitFor();
    await accountMenu(page).waitFor();
    await page.goto('/account');
    await page.getByText('9 unused recovery codes', { exact: false }).waitFor();
    await page.context().close();
  });

  it('HR signs in on a phone in Spanish with a code', async () => {
    const phone = await newPage(browser, { phone: true, locale: 'es-US' });
    await phone.goto('/sign-in');
    await fillSignIn(phone, DEMO.hr, DEMO_PASSWORD);
    await heading(phone, 'Escriba su código').waitFor();
    await expectNoAxeViolations(phone, 'code step in Spanish (phone)');
    await expectNoSidewaysScroll(phone, 'code step in Spanish (phone)');
    await screenshot(phone, 'mfa-code-step-phone-es');
    await codeInput(phone).fill(await authenticatorCode(DEMO.hr));
    await verifyButton(phone).click();
    await accountMenu(phone).waitFor();
    await phone.context().close();
  });

  it('the teacher turns two-factor sign-in on and off on the account page', async () => {
    const page = await newPage(browser);
    await signInFresh(page, DEMO.teacher);
    teacherPersonId = (await apiAs<{ user: { person: { id: string } } }>(page, 'GET', '/api/auth/session')).user.person.id;
    await page.goto('/account');
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const proof = page.getByRole('dialog', { name: 'Set up two-factor sign-in' });
    await proof.getByLabel('Current password').fill(DEMO_PASSWORD);
    await expectNoAxeViolations(page, 'account: confirm with password');
    await proof.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('img', { name: /QR code that adds Trellis/ }).waitFor();
    await expectNoAxeViolations(page, 'account: set up an authenticator app');
    await screenshot(page, 'mfa-account-setup');
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await page.getByRole('textbox', { name: '6-digit code' }).fill(totpCode(secret, currentTotpStep()));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    await page.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText('10 unused recovery codes', { exact: false }).waitFor();
    await screenshot(page, 'mfa-account-on');

    await page.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    const off = page.getByRole('dialog', { name: 'Turn off two-factor sign-in' });
    await off.getByRole('textbox', { name: '6-digit code' }).fill(totpCode(secret, currentTotpStep() + 1));
    await screenshot(page, 'mfa-account-turn-off');
    await off.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).waitFor();
    await page.context().close();
  });

  it('the admin requires it of everyone: the teacher sets it up at the next sign-in (phone) and cannot turn it off', async () => {
    await admin.goto('/settings/sign-in');
    const everyone = admin.getByRole('switch', { name: 'Require two-factor sign-in for everyone' });
    await everyone.waitFor();
    expect(await everyone.isChecked()).toBe(false);
    await everyone.focus();
    await admin.keyboard.press('Space');
    await admin.getByText('Saved: everyone now signs in with a second factor.').waitFor();
    await admin.getByText('Everyone signs in with a second factor.', { exact: true }).waitFor();
    await expectNoAxeViolations(admin, 'sign-in settings: two-factor for everyone');
    await screenshot(admin, 'mfa-required-for-everyone-settings');

    const phone = await newPage(browser, { phone: true });
    await phone.goto('/sign-in');
    await fillSignIn(phone, DEMO.teacher, DEMO_PASSWORD);
    await heading(phone, 'Set up two-factor sign-in').waitFor();
    await phone.getByText('your district requires it', { exact: false }).waitFor();
    const secret = (await phone.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await phone.getByRole('textbox', { name: '6-digit code' }).fill(totpCode(secret, currentTotpStep()));
    await phone.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await heading(phone, 'Save your recovery codes').waitFor();
    await phone.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
    await phone.getByRole('button', { name: 'Continue' }).click();
    await accountMenu(phone).waitFor();
    await phone.goto('/account');
    await phone.getByText('Required by your district').waitFor();
    await phone.getByText('Your district requires two-factor sign-in of everyone: it cannot be turned off.').waitFor();
    expect(await phone.getByRole('button', { name: 'Turn off two-factor sign-in' }).count()).toBe(0);
    await expectNoAxeViolations(phone, 'account: required by the district (phone)');
    await expectNoSidewaysScroll(phone, 'account: required by the district (phone)');
    await screenshot(phone, 'mfa-account-required-by-district-phone');
    await phone.context().close();

    await everyone.click({ force: true });
    await admin.getByText('Saved: two-factor sign-in is optional for staff again.').waitFor();
  });

  it("the admin resets the coach's factor from the person page: the coach is signed out and sets up again", async () => {
    const coachSession = await newPage(browser);
    await signInAs(coachSession, DEMO.coach, DEMO_PASSWORD, undefined, recoveryCodes[1]);

    await admin.goto(`/people/${coachPersonId}`);
    await admin.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await admin.getByRole('button', { name: 'Reset two-factor sign-in' }).click();
    const dialog = admin.getByRole('dialog', { name: /Reset two-factor sign-in for/ });
    await dialog.waitFor();
    await expectNoAxeViolations(admin, 'reset two-factor dialog');
    await screenshot(admin, 'mfa-reset-dialog');
    await dialog.getByRole('button', { name: 'Reset two-factor sign-in' }).click();
    await admin.getByText('Two-factor sign-in reset for', { exact: false }).waitFor();
    await admin.getByText('Not set up').waitFor();
    await screenshot(admin, 'mfa-person-after-reset');

    expect((await coachSession.request.get('/api/auth/session')).status()).toBe(401);
    await coachSession.goto('/sign-in');
    await fillSignIn(coachSession, DEMO.coach, DEMO_PASSWORD);
    await heading(coachSession, 'Set up two-factor sign-in').waitFor();
    await coachSession.context().close();
  });
});
