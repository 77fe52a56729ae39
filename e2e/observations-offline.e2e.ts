// Journey: an observation draft loses nothing. Text typed just before the tab closes is there when
// it reopens (kept on the device, then sent); with the network gone the screen says "kept on this
// device", typing goes on, and everything is saved when the network returns; a change that arrives
// after the observation was published (from another device) stays on screen with a copy button.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
  signInFresh,
} from './browser.ts';

/** expect.poll with room for a busy machine (the default second is too short under load). */
const eventually = <T>(fn: () => T | Promise<T>, opts: { timeout?: number } = {}) => expect.poll(fn, { timeout: opts.timeout ?? 15_000 });

interface Observation {
  id: string;
  version: number;
  status: string;
  glows: string;
  grows: string;
  notes: { body: string }[];
  scores: unknown[];
}

let browser: Browser;
let page: Page;
let context: BrowserContext;
let otherDevice: Page;
let id = '';
const stamp = Date.now().toString(36);

const status = (p: Page) => p.getByTestId('autosave-status');
const saved = (p: Page) => eventually(() => status(p).textContent(), { timeout: 15_000 }).toMatch(/Saved at/);
const server = () => apiAs<Observation>(otherDevice, 'GET', `/api/observations/${id}`);

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, { phone: true });
  context = page.context();
  otherDevice = await newPage(browser);
  await signInAs(page, DEMO.principal);
  await signInFresh(otherDevice, DEMO.principal);
  const types = await apiAs<{ items: { id: string; kind: string }[] }>(page, 'GET', '/api/observation-types?active=true');
  const people = await apiAs<{ items: { id: string; givenName: string; familyName: string }[] }>(page, 'GET', '/api/people?q=Reyes');
  const teacher = people.items.find((p) => p.givenName === 'Michelle')!;
  const draft = await apiAs<Observation>(page, 'POST', '/api/observations', {
    typeId: types.items.find((t) => t.kind === 'scored')!.id,
    observedPersonId: teacher.id,
    observedOn: new Date().toISOString().slice(0, 10),
    classLabel: `Offline journey ${stamp}`,
  });
  id = draft.id;
});

afterAll(async () => {
  await browser?.close();
});

describe('an observation draft survives closing the tab and losing the network', () => {
  it('text typed just before the tab closes is there when it reopens, and is then saved', async () => {
    await page.goto(`/observations/${id}?section=finish`);
    const glows = page.getByLabel(/^Glows/);
    await glows.fill(`Typed just before the tab closed ${stamp}`);
    // Closed well before the 0.8 s autosave pause ends: only the copy on the device has it.
    await page.close();
    page = await context.newPage();
    await page.goto(`/observations/${id}?section=finish`);
    await eventually(() => page.getByLabel(/^Glows/).inputValue()).toBe(`Typed just before the tab closed ${stamp}`);
    await saved(page);
    expect((await server()).glows).toBe(`Typed just before the tab closed ${stamp}`);
  });

  it('offline, the screen says the change is kept on this device; typing goes on; back online it saves', async () => {
    await page.getByRole('tab', { name: /^Notes/ }).click();
    await context.setOffline(true);
    const box = page.getByLabel(/^New note/);
    await box.fill(`No network in room 12 ${stamp}`);
    await box.press('Enter');
    await eventually(() => status(page).textContent(), { timeout: 10_000 }).toMatch(
      /Offline: kept on this device, will send when back online/,
    );
    await box.fill(`Still typing offline ${stamp}`);
    await box.press('Enter');
    await eventually(() => page.getByLabel(/^Note at/).count()).toBe(2);
    await expectNoAxeViolations(page, 'capture offline (phone)');
    await expectNoSidewaysScroll(page, 'capture offline (phone)');
    await screenshot(page, 'observation-offline-phone');
    expect((await server()).notes).toHaveLength(0);

    await context.setOffline(false);
    await saved(page);
    expect((await server()).notes.map((n) => n.body)).toEqual([`No network in room 12 ${stamp}`, `Still typing offline ${stamp}`]);

    // Left while still offline: the list of observations sends it once the network is back.
    await context.setOffline(true);
    await box.fill(`Left while offline ${stamp}`);
    await box.press('Enter');
    await eventually(() => status(page).textContent()).toMatch(/Offline/);
    await page.close();
    await context.setOffline(false);
    page = await context.newPage();
    await page.goto('/observations');
    await eventually(async () => (await server()).notes.length).toBe(3);
    await page.goto(`/observations/${id}`);
    await eventually(() => page.getByLabel(/^Note at/).count()).toBe(3);
  });

  it('two devices editing one draft: the second save shows both versions and the person chooses', async () => {
    await otherDevice.goto(`/observations/${id}?section=finish`);
    await otherDevice.getByLabel(/^Glows/).fill(`Glows from the laptop ${stamp}`);
    await saved(otherDevice);
    await page.getByRole('tab', { name: 'Feedback and publish' }).click();
    await page.getByLabel(/^Grows/).fill(`Grows from the phone ${stamp}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else saved this draft first' });
    await eventually(() => alert.isVisible()).toBe(true);
    await eventually(() => alert.getByText(new RegExp(`Glows from the laptop ${stamp}`)).isVisible()).toBe(true);
    await eventually(() => alert.getByText(new RegExp(`Grows from the phone ${stamp}`)).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'draft conflict (phone)');
    await expectNoSidewaysScroll(page, 'draft conflict (phone)');
    await screenshot(page, 'observation-conflict-phone');
    await alert.getByRole('button', { name: 'Use the saved version' }).click();
    await eventually(() => page.getByLabel(/^Glows/).inputValue()).toBe(`Glows from the laptop ${stamp}`);
    await page.getByLabel(/^Grows/).fill(`Grows from the phone, again ${stamp}`);
    await saved(page);
    const both = await server();
    expect([both.glows, both.grows]).toEqual([`Glows from the laptop ${stamp}`, `Grows from the phone, again ${stamp}`]);
  });

  it('a change that arrives after the observation was published stays on screen, with a copy button', async () => {
    // A score, so the observation can be published.
    await page.getByRole('tab', { name: 'Scores' }).click();
    await page.getByRole('radio').first().click();
    await eventually(async () => (await server()).scores.length).toBe(1);
    await page.getByRole('tab', { name: 'Feedback and publish' }).click();
    await context.setOffline(true);
    await page.getByLabel(/^Grows/).fill(`Written offline after publishing ${stamp}`);
    await eventually(() => status(page).textContent(), { timeout: 10_000 }).toMatch(/Offline/);
    // Meanwhile, on another device, the observation is published.
    const current = await server();
    await apiAs(otherDevice, 'POST', `/api/observations/${id}/publish`, { version: current.version });

    await context.setOffline(false);
    const alert = page.getByRole('alert').filter({ hasText: 'Your last changes were not saved' });
    await eventually(() => alert.isVisible(), { timeout: 15_000 }).toBe(true);
    await eventually(() => alert.getByText(new RegExp(`Written offline after publishing ${stamp}`)).isVisible()).toBe(true);
    await eventually(() => alert.getByRole('button', { name: 'Copy' }).isVisible()).toBe(true);
    await eventually(() => status(page).textContent()).toBe('Not saved');
    await expectNoAxeViolations(page, 'published meanwhile (phone)');
    await expectNoSidewaysScroll(page, 'published meanwhile (phone)');
    await screenshot(page, 'observation-published-meanwhile-phone');
    expect((await server()).grows).not.toContain('Written offline after publishing');

    // Opening the published observation (or reloading) keeps the unsent text on screen.
    await alert.getByRole('button', { name: 'Open the published observation' }).click();
    await eventually(() => page.getByRole('button', { name: 'Revise the observation with my text' }).isVisible()).toBe(true);
    await page.reload();
    const kept = page.getByRole('alert').filter({ hasText: 'Your last changes were not saved' });
    await eventually(() => kept.getByText(new RegExp(`Written offline after publishing ${stamp}`)).isVisible()).toBe(true);
    await kept.getByRole('button', { name: 'Discard my copy' }).click();
    await eventually(() => kept.count()).toBe(0);
  });
});
