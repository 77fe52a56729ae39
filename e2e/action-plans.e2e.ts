/**
 * Action plans and practice-policy feedback (issue 15 parts 5 and 6) in the browser: every page on a
 * desktop and a phone (axe, no sideways scroll, no error), and a coach raising a barrier with the
 * keyboard that lands in the school team's queue and on the coach's own list.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, heading, launchBrowser, newPage, signInAs, surveyPage } from './browser.ts';

let browser: Browser;
let admin: Page;
let phone: Page;
let coach: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  [admin, phone, coach] = await Promise.all([newPage(browser), newPage(browser, { phone: true }), newPage(browser)]);
  for (const page of [admin, phone, coach]) page.setDefaultTimeout(30_000);
  await signInAs(admin, DEMO.admin);
  await signInAs(phone, DEMO.principal);
  await signInAs(coach, DEMO.coach);
});

afterAll(async () => {
  await browser?.close();
});

type Items<T> = { items: T[] };
const survey = (page: Page, url: string, name: string) => surveyPage(page, url, `action-plans-${name}`);

describe('action plans and barriers', () => {
  it('every page opens, passes axe and fits a desktop and a phone', async () => {
    const teams = await apiAs<Items<{ id: string; kind: string; name: string }>>(admin, 'GET', '/api/implementation-teams');
    const school = teams.items.find((t) => t.kind === 'school' && t.name.startsWith('Palm Grove'))!;
    const district = teams.items.find((t) => t.kind === 'district')!;
    const plans = await apiAs<Items<{ id: string }>>(admin, 'GET', `/api/implementation-teams/${school.id}/action-plans`);
    expect(plans.items.length).toBeGreaterThan(0);
    const plan = await apiAs<{ items: { id: string }[] }>(admin, 'GET', `/api/action-plans/${plans.items[0]!.id}`);
    const barriers = await apiAs<Items<{ id: string }>>(admin, 'GET', '/api/barriers');
    expect(barriers.items.length).toBeGreaterThan(0);
    const planUrl = `/action-plans/${plans.items[0]!.id}`;

    const pages: [Page, string, string][] = [
      [admin, `/implementation-teams/${school.id}/action-plans`, 'plans'],
      [admin, planUrl, 'plan'],
      [admin, `${planUrl}/items/${plan.items[0]!.id}`, 'item'],
      [admin, `${planUrl}/items/new`, 'new-item'],
      [admin, '/barriers', 'barriers-all'],
      [admin, `/implementation-teams/${district.id}/barriers`, 'barriers-queue'],
      [admin, `/barriers/${barriers.items[0]!.id}`, 'barrier'],
      [phone, planUrl, 'plan-phone'],
      [phone, `${planUrl}/items/new`, 'new-item-phone'],
      [phone, `${planUrl}/items/${plan.items[0]!.id}`, 'item-phone'],
      [coach, '/barriers/mine', 'barriers-mine'],
      [coach, '/barriers/new', 'raise'],
    ];
    for (const [page, url, name] of pages) await survey(page, url, name);
  });

  it('a coach raises a barrier with the keyboard; it reaches the school team and the coach’s own list', async () => {
    await coach.goto('/barriers/new');
    await heading(coach, 'Raise a barrier').waitFor();
    /** Chooses an option of a select with the keyboard: type to narrow (searchable ones), arrow down to it, Enter. */
    const pick = async (label: string, option: string) => {
      const name = new RegExp(`^${label}`);
      const field = coach.getByRole('combobox', { name }).or(coach.getByRole('textbox', { name })).first();
      await field.focus();
      // The form fills in what it can (the coach's own school): nothing to choose then.
      if ((await field.inputValue()) === option) return;
      if (await field.isEditable()) await coach.keyboard.type(option.slice(0, 4));
      await coach.keyboard.press('ArrowDown');
      const choice = coach.getByRole('option', { name: option }).first();
      await choice.waitFor();
      for (let i = 0; i < 20 && (await choice.getAttribute('data-combobox-selected')) === null; i++)
        await coach.keyboard.press('ArrowDown');
      await coach.keyboard.press('Enter');
      await expect.poll(() => field.inputValue()).toBe(option);
    };
    await pick('What kind of barrier', 'Schedule');
    await pick('The initiative it blocks', 'Foundations Structured Literacy');
    await pick('School', 'Palm Grove Elementary');
    const text = `Grade 2 literacy block collides with the assembly schedule ${Date.now()}`;
    await coach.getByRole('textbox', { name: /^What happens, and what it blocks/ }).focus();
    await coach.keyboard.type(text);
    await coach.getByRole('button', { name: 'Send to the team' }).focus();
    await coach.keyboard.press('Enter');
    await coach
      .getByText(/^Sent to Palm Grove/)
      .first()
      .waitFor();

    await surveyPage(coach, '/barriers/mine', 'action-plans-barriers-mine-after');
    await coach.getByText(text).first().waitFor();
    const teams = await apiAs<Items<{ id: string; kind: string; name: string }>>(admin, 'GET', '/api/implementation-teams');
    const school = teams.items.find((t) => t.kind === 'school' && t.name.startsWith('Palm Grove'))!;
    await admin.goto(`/implementation-teams/${school.id}/barriers`);
    await admin.getByText(text).first().waitFor();
  });

  it('a district team member plans an action from an outcome value: the new item starts with the problem written from it', async () => {
    const measures = await apiAs<{ items: { id: string; name: string }[] }>(phone, 'GET', '/api/outcomes/measures');
    const fluency = measures.items.find((m) => m.name.startsWith('Oral reading fluency'))!;
    expect(fluency, 'the demo fluency measure').toBeTruthy();
    await phone.goto(`/outcomes/measures/${fluency.id}`);
    await phone
      .getByRole('link', { name: /^Plan an action on Coral Bay Elementary/ })
      .first()
      .click();
    await heading(phone, 'Plan an action').waitFor();
    await surveyPage(phone, phone.url().replace(/^https?:\/\/[^/]+/, ''), 'action-plan-from-source-phone');
    const addTo = phone.getByRole('link', { name: /^Add an item to / });
    if ((await addTo.count()) > 0) await addTo.first().click();
    else {
      // No plan of the principal's teams fits yet: start one; it opens on its first item.
      await phone
        .getByRole('link', { name: /^Start a new plan for / })
        .first()
        .click();
      await phone.getByRole('textbox', { name: /^New action plan/ }).fill('Reading fluency');
      await phone.getByRole('button', { name: 'Create plan' }).click();
    }
    const problem = phone.getByRole('textbox', { name: /^The problem, as the data shows it/ });
    await problem.waitFor();
    expect(await problem.inputValue()).toContain('Coral Bay Elementary');
  });
});
