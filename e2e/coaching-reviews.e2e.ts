// Journey: the coach sees an overdue plan review first on the coaching page, opens the plan and
// records the review (planned vs held computed for them); the flag goes. The teacher (phone, 390 px)
// acknowledges a review of their plan with a note; the principal sees the decision, not the notes.
// axe and no sideways scroll on every screen.
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
let coach: Page;
let teacher: Page;
let principal: Page;
const stamp = Date.now().toString(36);
let teacherPlanId = '';

type Overdue = { items: { planId: string; planTitle: string; reviewDate: string }[] };
type Plans = { items: { id: string; title: string; status: string; members: { id: string }[] }[] };

beforeAll(async () => {
  browser = await launchBrowser();
  coach = await newPage(browser);
  teacher = await newPage(browser, { phone: true });
  principal = await newPage(browser);
  for (const page of [coach, teacher, principal]) page.setDefaultTimeout(30_000);
  await signInAs(coach, DEMO.coach);
  await signInAs(teacher, DEMO.teacher);
  await signInAs(principal, DEMO.principal);
});

afterAll(async () => {
  await browser?.close();
});

describe('coaching plan reviews journey', () => {
  it('the coach records an overdue review from the coaching page and the flag goes', async () => {
    const overdue = await apiAs<Overdue>(coach, 'GET', '/api/coaching/reviews/overdue');
    expect(overdue.items.length).toBeGreaterThan(0);
    const { planId, planTitle } = overdue.items[0]!;
    await coach.goto('/coaching');
    const section = coach.getByRole('region', { name: 'Overdue plan reviews' });
    await section.waitFor();
    await expectNoAxeViolations(coach, 'coaching page with overdue reviews');
    await screenshot(coach, 'coaching-overdue-reviews');
    await section.getByRole('link', { name: planTitle }).first().click();
    await heading(coach, planTitle).waitFor();
    const reviews = coach.getByRole('region', { name: 'Reviews' });
    await reviews.getByText('Overdue', { exact: true }).first().waitFor();
    await reviews.getByRole('button', { name: 'Record a review' }).click();
    const dialog = coach.getByRole('dialog', { name: 'Record a plan review' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Partly' }).check();
    await dialog.getByLabel('What the data said').fill(`Exit tickets up to 70% ${stamp}`);
    await dialog.getByLabel('Decision').selectOption({ label: 'Change focus' });
    await dialog.getByLabel('Next steps').fill('Focus on questioning next.');
    await expectNoAxeViolations(coach, 'record a review dialog');
    await screenshot(coach, 'coaching-review-dialog');
    await dialog.getByRole('button', { name: 'Record review' }).click();
    await dialog.waitFor({ state: 'detached' });
    await reviews.getByText(`Exit tickets up to 70% ${stamp}`).waitFor();
    await reviews.getByText('Awaiting the coachee').first().waitFor();
    const after = await apiAs<Overdue>(coach, 'GET', '/api/coaching/reviews/overdue');
    expect(after.items.filter((i) => i.planId === planId)).toHaveLength(overdue.items.filter((i) => i.planId === planId).length - 1);
    await expectNoAxeViolations(coach, 'plan page with reviews');
    await screenshot(coach, 'coaching-plan-reviews');
  });

  it('the teacher acknowledges a review on a phone; the principal sees the decision without the notes', async () => {
    const me = await apiAs<{ person: { id: string } }>(teacher, 'GET', '/api/me');
    const plans = await apiAs<Plans>(teacher, 'GET', `/api/coaching/plans?personId=${me.person.id}`);
    // The teacher may be on several plans (a coach's and the principal's): open the one with a review to acknowledge.
    const mine = plans.items.filter((p) => p.status === 'active' && p.members.some((m) => m.id === me.person.id));
    for (const plan of mine) {
      const list = await apiAs<{ items: { abilities: { acknowledge: boolean } }[] }>(
        teacher,
        'GET',
        `/api/coaching/plans/${plan.id}/reviews`,
      );
      if (list.items.some((review) => review.abilities.acknowledge)) teacherPlanId = plan.id;
    }
    expect(teacherPlanId, 'a plan of the teacher with a review waiting for them').toBeTruthy();
    await teacher.goto(`/coaching/plans/${teacherPlanId}`);
    const reviews = teacher.getByRole('region', { name: 'Reviews' });
    await reviews.getByRole('button', { name: 'Acknowledge' }).first().click();
    const dialog = teacher.getByRole('dialog');
    await dialog.getByLabel("Coachee's note").fill(`Agreed ${stamp}`);
    await expectNoAxeViolations(teacher, 'acknowledge dialog (phone)');
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await dialog.waitFor({ state: 'detached' });
    await reviews.getByText(`Agreed ${stamp}`).waitFor();
    await expectNoAxeViolations(teacher, 'plan reviews (phone)');
    await expectNoSidewaysScroll(teacher, 'plan reviews (phone)');
    await screenshot(teacher, 'coaching-plan-reviews-phone');

    await principal.goto(`/coaching/plans/${teacherPlanId}`);
    const seen = principal.getByRole('region', { name: 'Reviews' });
    await seen.getByText('Notes and next steps stay between the coach and the coachee.').first().waitFor();
    await seen.getByText('Acknowledged', { exact: true }).first().waitFor();
    expect(await seen.getByText(`Agreed ${stamp}`).count()).toBe(0);
    await expectNoAxeViolations(principal, 'plan reviews (principal)');
  });
});
