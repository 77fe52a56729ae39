// E-mail notifications on the account page: the teacher sends new action steps to the daily digest
// and turns replies off, on a desktop and on a phone; the choice is kept after a reload.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
} from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Prefs = { deliveries: Record<string, string>; version: number };

describe('e-mail notification preferences', () => {
  it.each([false, true])('the teacher chooses digest and off, and they stay (phone: %s)', async (phone) => {
    const page = await newPage(browser, { phone });
    await signInAs(page, DEMO.teacher);
    await page.goto('/account');
    await heading(page, 'Your account').waitFor();
    const section = page.getByRole('region', { name: 'E-mail notifications' });
    await section.getByRole('combobox', { name: 'A new action step' }).click();
    await page.getByRole('option', { name: 'Daily digest' }).click();
    await section.getByRole('combobox', { name: 'A reply on an observation' }).click();
    await page.getByRole('option', { name: 'Off' }).click();
    await section.getByRole('button', { name: 'Save e-mail preferences' }).click();
    await section.getByRole('status').filter({ hasText: 'Your e-mail preferences were saved.' }).waitFor();
    await expectNoAxeViolations(page, `account e-mail preferences (${phone ? 'phone' : 'desktop'})`);
    if (phone) await expectNoSidewaysScroll(page, 'account e-mail preferences');
    await screenshot(page, `notification-preferences-${phone ? 'phone' : 'desktop'}`);

    await page.reload();
    await expect.poll(() => section.getByRole('combobox', { name: 'A new action step' }).inputValue()).toBe('Daily digest');
    expect(await section.getByRole('combobox', { name: 'A reply on an observation' }).inputValue()).toBe('Off');
    // Back to the defaults for the next run and the other journeys.
    const saved = await apiAs<Prefs>(page, 'GET', '/api/me/notification-preferences');
    await apiAs(page, 'PUT', '/api/me/notification-preferences', {
      deliveries: { ...saved.deliveries, action_step_assigned: 'immediately', observation_reply: 'immediately' },
      version: saved.version,
    });
    await page.context().close();
  });
});

describe('the district’s notification settings', () => {
  it.each([false, true])('the admin sets the morning hour and the e-mail language, and they stay (phone: %s)', async (phone) => {
    const page = await newPage(browser, { phone });
    await signInAs(page, DEMO.admin);
    await page.goto('/settings/notifications');
    await heading(page, 'Notification settings').waitFor();
    const form = page.getByRole('form', { name: 'Notification settings' });
    await form.getByRole('combobox', { name: 'Send reminders and the digest from' }).selectOption('06:00');
    await form.getByRole('combobox', { name: 'E-mail language' }).selectOption('Español');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Notification settings saved.').waitFor();
    await expectNoAxeViolations(page, `notification settings (${phone ? 'phone' : 'desktop'})`);
    if (phone) await expectNoSidewaysScroll(page, 'notification settings');
    await screenshot(page, `notification-settings-${phone ? 'phone' : 'desktop'}`);

    await page.reload();
    await expect.poll(() => form.getByRole('combobox', { name: 'Send reminders and the digest from' }).inputValue()).toBe('6');
    expect(await form.getByRole('combobox', { name: 'E-mail language' }).inputValue()).toBe('es');
    // Back to the defaults for the next run and the other journeys.
    const saved = await apiAs<{ version: number }>(page, 'GET', '/api/settings/notifications');
    await apiAs(page, 'PUT', '/api/settings/notifications', { digestHour: 7, defaultLocale: 'en', version: saved.version });
    await page.context().close();
  });
});
