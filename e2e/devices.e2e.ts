// Signed-in devices: a teacher signed in on a laptop and a phone sees both on her account page and
// signs the phone out from the laptop; an admin signs a coach out of every device from his person page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, expectNoAxeViolations, heading, launchBrowser, newPage, screenshot, signInAs, signInFresh } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('signed-in devices', () => {
  it('lists my devices and signs one out from another', async () => {
    const laptop = await newPage(browser);
    const phone = await newPage(browser, { phone: true });
    await signInFresh(phone, DEMO.teacher);
    await signInFresh(laptop, DEMO.teacher);
    await laptop.goto('/account');
    await heading(laptop, 'Your account').waitFor();
    const devices = laptop.getByRole('region', { name: 'Signed-in devices' });
    await devices.getByText('This device').waitFor();
    await expect.poll(() => devices.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    await expectNoAxeViolations(laptop, 'account page with devices');
    await screenshot(laptop, 'devices-desktop');

    await phone.goto('/account');
    await phone.getByRole('region', { name: 'Signed-in devices' }).getByText('This device').waitFor();
    await screenshot(phone, 'devices-phone');

    // The laptop signs every other device out, the phone among them: its next request is refused.
    await devices.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await laptop.getByText(/other devices? (was|were) signed out/).waitFor();
    await expect.poll(async () => (await phone.request.get('/api/me')).status()).toBe(401);
    await phone.goto('/account');
    await phone.getByRole('button', { name: 'Sign in' }).waitFor();
    await laptop.context().close();
    await phone.context().close();
  });

  it("lets an admin sign a coach out of every device from the coach's person page", async () => {
    const coach = await newPage(browser);
    await signInFresh(coach, DEMO.coach);
    const coachMe = await apiAs<{ person: { id: string } }>(coach, 'GET', '/api/me');
    const admin = await newPage(browser);
    await signInAs(admin, DEMO.admin);
    await admin.goto(`/people/${coachMe.person.id}`);
    await admin.getByRole('button', { name: 'Sign out of all devices' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Sign this person out everywhere?' });
    await expectNoAxeViolations(admin, 'end sessions dialog');
    await dialog.getByRole('button', { name: 'Sign out of all devices' }).click();
    await admin.getByText(/sessions? (was|were) ended/).waitFor();
    await expect.poll(async () => (await coach.request.get('/api/me')).status()).toBe(401);
    await admin.context().close();
    await coach.context().close();
  });
});
