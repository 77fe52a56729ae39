// Journey: performance management on the demo district. Every page of it (hub, plan and its
// check-ins and review, cycles, templates, import, completion, ratings, history, professionalism,
// school goals, team reflection, 1:1s) opens without an error, passes axe and does not scroll
// sideways, on a desktop and a phone; screenshots of each. Then the demo teacher and her principal
// sign her approved plan with their typed names, and the plan reads as signed.
import type { Browser, Page } from 'playwright-core';
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
let admin: Page;
let phone: Page;
let teacher: Page;
let principal: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  [admin, phone, teacher, principal] = await Promise.all([
    newPage(browser),
    newPage(browser, { phone: true }),
    newPage(browser),
    newPage(browser),
  ]);
  for (const page of [admin, phone, teacher, principal]) page.setDefaultTimeout(30_000);
  await signInAs(admin, DEMO.admin);
  await signInAs(phone, DEMO.principal);
  await signInAs(teacher, DEMO.teacher);
  await signInAs(principal, DEMO.principal);
});

afterAll(async () => {
  await browser?.close();
});

type Items<T> = { items: T[] };

/** Opens a page, waits for its heading and for its data, and checks it as a person would meet it. */
async function survey(page: Page, url: string, name: string) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .getByRole('status')
    .filter({ has: page.locator('.mantine-Loader-root') })
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  const errors = await page.getByRole('alert').filter({ hasText: 'Something went wrong' }).count();
  expect(errors, `${name} shows an error`).toBe(0);
  await expectNoAxeViolations(page, name, { soft: true });
  await expectNoSidewaysScroll(page, name);
  await screenshot(page, `performance-${name}`);
}

describe('performance pages', () => {
  it('every page opens, passes axe and fits a desktop and a phone', async () => {
    const principalPlans = await apiAs<Items<{ id: string }>>(principal, 'GET', '/api/performance/plans?scope=evaluating');
    expect(principalPlans.items.length).toBeGreaterThan(0);
    const planId = principalPlans.items[0]!.id;
    const cycles = await apiAs<Items<{ id: string; status: string }>>(admin, 'GET', '/api/performance/cycles');
    const open = cycles.items.find((c) => c.status === 'open')!;
    const concerns = await apiAs<Items<{ id: string; person: { id: string } }>>(admin, 'GET', '/api/professionalism/concerns');
    expect(concerns.items.length).toBeGreaterThan(0);
    const plans = await apiAs<Items<{ id: string }>>(admin, 'GET', '/api/improvement-plans');
    const schools = await apiAs<Items<{ id: string; name: string }>>(admin, 'GET', '/api/tracker/schools');
    const palm = schools.items.find((s) => s.name === 'Palm Grove Elementary')!;
    const teams = await apiAs<Items<{ id: string; name: string }>>(admin, 'GET', `/api/teams?schoolId=${palm.id}`);
    const me = await apiAs<{ person: { id: string } }>(teacher, 'GET', '/api/me');

    const pages: [Page, string, string][] = [
      [admin, '/performance', 'hub'],
      [admin, '/performance/cycles', 'cycles'],
      [admin, '/performance/cycles/new', 'cycle-new'],
      [admin, `/performance/cycles/${open.id}`, 'cycle'],
      [admin, '/performance/templates', 'templates'],
      [admin, '/performance/import', 'import'],
      [admin, '/performance/completion', 'completion'],
      [admin, '/performance/ratings', 'ratings'],
      [admin, '/performance/expectations', 'expectations'],
      [admin, '/performance/professionalism', 'professionalism'],
      [admin, `/performance/concerns/${concerns.items[0]!.id}`, 'concern'],
      [admin, `/people/${me.person.id}/performance`, 'history'],
      [admin, `/schools/${palm.id}/goals`, 'school-goals'],
      [admin, '/district-goals', 'district-goals'],
      [admin, `/teams/${teams.items[0]!.id}/reflection`, 'team-reflection'],
      [principal, '/one-on-ones', 'one-on-ones'],
      [principal, `/performance/plans/${planId}`, 'plan'],
      [principal, `/performance/plans/${planId}/check-ins`, 'check-ins'],
      [principal, `/performance/plans/${planId}/review`, 'review'],
      [phone, '/performance', 'hub-phone'],
      [phone, `/performance/plans/${planId}`, 'plan-phone'],
      [phone, `/performance/plans/${planId}/review`, 'review-phone'],
      [phone, '/performance/completion', 'completion-phone'],
      [phone, '/district-goals', 'district-goals-phone'],
    ];
    if (plans.items[0]) pages.push([admin, `/performance/improvement-plans/${plans.items[0].id}`, 'improvement-plan']);
    for (const [page, url, name] of pages) await survey(page, url, name);
  });
});

describe('district goals', () => {
  it('HR adds a district goal by keyboard and it lists with the goals aligned to it', async () => {
    await admin.goto('/district-goals');
    await heading(admin, 'District goals').waitFor();
    await admin.getByRole('button', { name: 'Add district goal' }).focus();
    await admin.keyboard.press('Enter');
    const dialog = admin.getByRole('dialog', { name: 'Add district goal' });
    await dialog.getByLabel(/^Goal/).fill('Every student reads on grade level by grade 3');
    await dialog.getByLabel('Measure').fill('Share of grade 3 students at benchmark');
    await dialog.getByLabel('Target').fill('80%');
    await dialog.getByLabel('Target').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const list = admin.getByRole('list', { name: 'District goals' });
    await list.getByText('Every student reads on grade level by grade 3').waitFor();
    await screenshot(admin, 'performance-district-goal-added');
  });
});

describe('signing a plan', () => {
  it('the teacher and her principal sign her approved plan with their typed names', async () => {
    const mine = await apiAs<Items<{ id: string; status: string }>>(teacher, 'GET', '/api/performance/plans?scope=mine');
    const plan = mine.items.find((p) => p.status === 'approved')!;
    expect(plan, 'the demo teacher has an approved plan to sign').toBeTruthy();

    await teacher.goto('/performance');
    await heading(teacher, /performance/i).waitFor();
    await teacher.goto(`/performance/plans/${plan.id}`);
    await teacher.getByRole('button', { name: /^sign/i }).first().click();
    const dialog = teacher.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill('Michelle Reyes');
    await dialog.getByRole('button', { name: /^sign/i }).click();
    await dialog.waitFor({ state: 'detached' });

    await principal.goto(`/performance/plans/${plan.id}`);
    await principal.getByRole('button', { name: /^sign/i }).first().click();
    const principalDialog = principal.getByRole('dialog');
    await principalDialog.getByRole('textbox').first().fill('Lorena Castillo');
    await principalDialog.getByRole('button', { name: /^sign/i }).click();
    await principalDialog.waitFor({ state: 'detached' });

    const signed = await apiAs<{ status: string; signatures: { typedName: string }[] }>(
      principal,
      'GET',
      `/api/performance/plans/${plan.id}`,
    );
    expect(signed.status).toBe('signed');
    expect(signed.signatures.map((s) => s.typedName).sort()).toEqual(['Lorena Castillo', 'Michelle Reyes']);
    await principal.reload();
    await principal
      .getByText(/signed/i)
      .first()
      .waitFor();
    await screenshot(principal, 'performance-plan-signed');
  });
});
