// Journey: a forgotten password, by e-mail. A staff member asks for a reset on the sign-in page; the
// e-mail leaves Trellis through SMTP (a local smtp-server, e2e/global-setup.ts); they open its link,
// choose a new password with the keyboard and sign in. The older invitation link no longer works,
// and the district admin's Outbox shows the e-mail as sent, without its link. axe on every screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPasswordLink } from '../server/test/mailbox.ts';
import {
  accountMenu,
  apiAs,
  baseURL,
  DEMO,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  fillSignIn,
  heading,
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
} from './browser.ts';
import { waitForEmail } from './mail.ts';

const ROSA = 'rosa.alvarez@sunshine.example';
const NEW_PASSWORD = 'Rosa chose this one 2026';

let browser: Browser;
let admin: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newPage(browser);
  await signInAs(admin, DEMO.admin);
  // A staff member with an account of her own, so no demo sign-in changes.
  const rosa = await apiAs<{ id: string }>(admin, 'POST', '/api/people', { givenName: 'Rosa', familyName: 'Alvarez', email: ROSA });
  await apiAs(admin, 'POST', `/api/people/${rosa.id}/invite`);
});
afterAll(async () => {
  await browser?.close();
});

/** axe, then a screenshot to look at. */
async function check(page: Page, name: string) {
  await expectNoAxeViolations(page, name);
  await screenshot(page, name);
}

describe('a forgotten password, by e-mail', () => {
  it('asks on the sign-in page, reads the e-mail, sets a new password from its link and signs in', async () => {
    const invitation = await waitForEmail(ROSA, 0);
    expect(invitation.subject).toBe('You are invited to Trellis');

    const page = await newPage(browser);
    await page.goto('/');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await heading(page, 'Reset your password').waitFor();
    await page.getByRole('textbox', { name: 'E-mail' }).fill(ROSA);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Check your e-mail' }).waitFor();

    const mail = await waitForEmail(ROSA, 1);
    expect(mail.subject).toBe('Reset your Trellis password');
    expect(mail.headers.from).toBe('Sunshine Trellis <trellis@sunshine.example>');
    const link = setPasswordLink(mail);
    expect(link.origin).toBe(baseURL());

    // The newer link revoked the invitation's.
    const old = setPasswordLink(invitation);
    await page.goto(`${old.pathname}${old.search}`);
    await page.getByLabel(/^New password/).fill('Someone else tries this 1');
    await page.getByLabel(/^Repeat the new password/).fill('Someone else tries this 1');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'This link does not work' }).waitFor();
    await page.getByText('a newer link replaced it').waitFor();
    await check(page, 'desktop-40-reset-revoked-link');

    // The e-mailed link, by keyboard: type, Tab to the next field, Enter to save.
    await page.goto(`${link.pathname}${link.search}`);
    await heading(page, 'Choose a new password').waitFor();
    await check(page, 'desktop-41-reset-from-email');
    await page.getByLabel(/^New password/).focus();
    await page.keyboard.type(NEW_PASSWORD);
    await page.getByLabel(/^Repeat the new password/).focus();
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your password was changed' }).waitFor();
    await check(page, 'desktop-42-reset-done');

    await page.goto('/');
    await fillSignIn(page, ROSA, NEW_PASSWORD);
    await accountMenu(page).waitFor();
    await page.context().close();
  });

  it('the district admin’s Outbox shows the e-mail as sent, its link withheld (desktop and phone)', async () => {
    for (const phone of [false, true]) {
      const page = phone ? await newPage(browser, { phone: true }) : admin;
      if (phone) await signInAs(page, DEMO.admin);
      await page.goto('/outbox');
      await heading(page, 'Outbox').waitFor();
      const email = page
        .getByRole('listitem')
        .filter({ hasText: `To ${ROSA}` })
        .filter({ hasText: 'Reset your Trellis password' })
        .first();
      await email.getByText('Sent', { exact: true }).waitFor();
      await email.getByText(/^1 attempt · Sent /).waitFor();
      await email.locator('summary').click();
      await email.getByText('The set-password link in this e-mail went only to the recipient.', { exact: false }).waitFor();
      expect(await email.innerText()).not.toContain('token=');
      await check(page, `${phone ? 'phone' : 'desktop'}-43-outbox-sent-link-withheld`);
      if (phone) {
        await expectNoSidewaysScroll(page, 'outbox (phone)');
        await page.context().close();
      }
    }
  });

  it('an e-mail the mail server refuses shows as not sent, with its answer, in Spanish on a phone', async () => {
    // e2e/global-setup.ts: the mail server refuses this address for good (550).
    const refused = 'no.such.person@sunshine.example';
    const person = await apiAs<{ id: string }>(admin, 'POST', '/api/people', { givenName: 'Nadie', familyName: 'Aquí', email: refused });
    await apiAs(admin, 'POST', `/api/people/${person.id}/invite`);
    const page = await newPage(browser, { phone: true, locale: 'es-ES' });
    await signInAs(page, DEMO.admin);
    await apiAs(page, 'PATCH', '/api/me', { locale: 'es' });
    try {
      await page.goto('/outbox?status=failed');
      await heading(page, 'Bandeja de salida').waitFor();
      const email = page
        .getByRole('listitem')
        .filter({ hasText: `Para ${refused}` })
        .first();
      await email.getByText('No enviado', { exact: true }).waitFor();
      await email.getByText('El servidor de correo rechazó este correo; Trellis no lo vuelve a intentar.').waitFor();
      await email.getByText(/^Última respuesta del servidor de correo: .*550.*No such mailbox here/).waitFor();
      expect(await page.getByRole('combobox', { name: 'Estado' }).inputValue()).toBe('failed');
      await check(page, 'phone-44-outbox-refused-es');
      await expectNoSidewaysScroll(page, 'outbox refused e-mail (phone, Spanish)');
    } finally {
      await apiAs(page, 'PATCH', '/api/me', { locale: 'en' });
      await page.context().close();
    }
  });
});
