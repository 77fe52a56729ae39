// Journey: a coach logs a held session with a teacher of their caseload and schedules the next one
// (desktop); the teacher rates it and shares it with their school leaders (phone, 390 px); the
// principal sees in "coaching in my schools" that it happened - without the notes before sharing,
// with them after - a page of sessions at a time. The log form preselects the coachee's active plan.
// The coach's plan page (planned vs delivered chart and table) and a cycle page on both sizes. axe
// and no sideways scroll on every screen.
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
const notes = `Modeled cold calling with wait time ${stamp}`;
const minutes = 37;
let planId = '';
let cycleId = '';

const localValue = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};
type Caseload = {
  items: { person: { id: string; givenName: string; familyName: string }; plan: { title: string; status: string } | null }[];
};
type SessionPage = { items: { id: string; view: string; notes?: string }[]; total: number; nextCursor: string | null };

/** The title of Michelle's active plan as the caseload names it (the newest active one), else 'None'. */
async function michellesPlan(page: Page) {
  const caseload = await apiAs<Caseload>(page, 'GET', '/api/coaching/caseload');
  const plan = caseload.items.find((i) => i.person.familyName === 'Reyes')!.plan;
  return plan?.status === 'active' ? plan.title : 'None';
}
const selectedText = (page: Page, label: string) =>
  page
    .getByRole('dialog')
    .getByLabel(label, { exact: true })
    .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
const sessionCard = (page: Page) =>
  page
    .getByRole('article')
    .filter({ hasText: `${minutes} min` })
    .filter({ hasText: 'Held' });

beforeAll(async () => {
  browser = await launchBrowser();
  coach = await newPage(browser);
  teacher = await newPage(browser, { phone: true });
  principal = await newPage(browser);
  for (const page of [coach, teacher, principal]) {
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    page.setDefaultTimeout(30_000);
  }
  await signInAs(coach, DEMO.coach);
  await signInAs(teacher, DEMO.teacher);
  await signInAs(principal, DEMO.principal);
});

afterAll(async () => {
  await browser?.close();
});

describe('coaching journey', () => {
  it('the coach logs a held session and schedules the next one from the caseload', async () => {
    await coach.goto('/coaching');
    await heading(coach, 'Coaching').waitFor();
    await coach.getByRole('heading', { name: 'My caseload' }).waitFor();
    await expectNoAxeViolations(coach, 'coaching caseload');
    await expectNoSidewaysScroll(coach, 'coaching caseload');
    await coach.getByRole('button', { name: 'Log a session with Michelle Reyes' }).click();
    const dialog = coach.getByRole('dialog', { name: 'Log a coaching session' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('checkbox', { name: 'Michelle Reyes' }).isChecked()).toBe(true);
    // The plan follows the people picked: Michelle's active plan, none without her, hers again.
    const plan = await michellesPlan(coach);
    expect(plan).not.toBe('None');
    await expect.poll(() => selectedText(coach, 'Plan')).toBe(plan);
    await dialog.getByRole('checkbox', { name: 'Michelle Reyes' }).uncheck();
    await expect.poll(() => selectedText(coach, 'Plan')).toBe('None');
    await dialog.getByRole('checkbox', { name: 'Michelle Reyes' }).check();
    await expect.poll(() => selectedText(coach, 'Plan')).toBe(plan);
    await dialog.getByLabel('Duration (minutes)').fill(String(minutes));
    await dialog.getByLabel('Activity').selectOption({ label: 'Modeling' });
    await dialog.getByLabel('Notes').fill(notes);
    await dialog.getByLabel('Next steps').fill('Try it with the exit ticket tomorrow.');
    await expectNoAxeViolations(coach, 'log a session dialog');
    await screenshot(coach, 'coaching-log-dialog');
    await dialog.getByRole('button', { name: 'Save session' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await coach.getByRole('button', { name: 'Log a session with Michelle Reyes' }).click();
    await dialog.waitFor();
    await dialog.getByText('Scheduled', { exact: true }).click();
    await dialog.getByLabel('Date and time').fill(localValue(new Date(Date.now() + 2 * 86_400_000)));
    await dialog.getByLabel('Activity').selectOption({ label: 'Co-planning' });
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = coach.getByRole('row').filter({ hasText: 'Michelle Reyes' });
    await expect.poll(() => row.textContent()).not.toContain('None scheduled');
    await screenshot(coach, 'coaching-caseload');
  });

  it('the teacher rates the session and shares it, on a phone', async () => {
    await teacher.goto('/coaching');
    await teacher.getByRole('heading', { name: 'My coaching' }).waitFor();
    const card = teacher.getByRole('article').filter({ hasText: notes });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('How helpful was this session?');
    await expectNoAxeViolations(teacher, 'my coaching (phone)');
    await expectNoSidewaysScroll(teacher, 'my coaching (phone)');
    // Keyboard, as a screen-reader user would: focus the fourth star and press Space.
    await card.getByRole('radio', { name: '4 stars' }).focus();
    await teacher.keyboard.press('Space');
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('Your rating');
    const rated = await apiAs<{ items: { notes?: string; attendees: { helpfulness?: number | null }[] }[] }>(
      teacher,
      'GET',
      '/api/coaching/logs',
    );
    expect(rated.items.find((l) => l.notes === notes)?.attendees[0]?.helpfulness).toBe(4);
    await screenshot(teacher, 'coaching-teacher-phone');
  });

  it('the principal sees that coaching happened, and the notes only once shared', async () => {
    // Enough sessions for a second page: the coach logs last school year's (outside every plan and this year's counts).
    const michelleId = (await apiAs<Caseload>(coach, 'GET', '/api/coaching/caseload')).items.find((i) => i.person.familyName === 'Reyes')!
      .person.id;
    const before = (await apiAs<SessionPage>(principal, 'GET', `/api/coaching/logs?personId=${michelleId}&limit=1`)).total;
    for (let i = 0; i < 21 - before; i++) {
      const startsAt = new Date(Date.now() - (400 + 7 * i) * 86_400_000).toISOString();
      await apiAs(coach, 'POST', '/api/coaching/logs', {
        attendeeIds: [michelleId],
        status: 'held',
        startsAt,
        durationMinutes: 30,
        activity: 'feedback',
        notes: `Last year ${stamp}`,
      });
    }
    const { total } = await apiAs<SessionPage>(principal, 'GET', `/api/coaching/logs?personId=${michelleId}`);
    expect(total).toBeGreaterThan(20);

    await principal.goto('/coaching');
    await principal.getByRole('heading', { name: 'Coaching in my schools' }).waitFor();
    await principal.getByRole('button', { name: 'Sessions of Michelle Reyes' }).click();
    const card = sessionCard(principal);
    await card.first().waitFor();
    await expect.poll(() => card.first().textContent()).toContain('Only the coach and the people coached see the notes');
    expect(await principal.getByText(notes).count()).toBe(0);
    // A page of sessions at a time, with the count; "show more" loads the next page.
    const sessions = principal.getByRole('region', { name: 'Sessions of Michelle Reyes' });
    const count = sessions.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ sessions?$/ });
    await expect.poll(() => count.textContent()).toBe(`Showing 20 of ${total} sessions`);
    expect(await sessions.getByRole('article').count()).toBe(20);
    const more = sessions.getByRole('button', { name: 'Show more sessions' });
    await more.click();
    await expect.poll(() => count.textContent()).toBe(`Showing ${Math.min(total, 40)} of ${total} sessions`);
    await expect.poll(() => sessions.getByRole('article').count()).toBe(Math.min(total, 40));
    if (total <= 40) expect(await more.count()).toBe(0);
    expect(await principal.getByText(`Last year ${stamp}`).count()).toBe(0);
    await expectNoAxeViolations(principal, 'coaching in my schools');
    await expectNoSidewaysScroll(principal, 'coaching in my schools');
    await screenshot(principal, 'coaching-principal-before-share');

    const teacherCard = teacher.getByRole('article').filter({ hasText: notes });
    await teacherCard.getByRole('switch', { name: 'Share the notes with my school leaders' }).click({ force: true });
    await expect.poll(() => teacherCard.getByRole('switch').isChecked(), { timeout: 15_000 }).toBe(true);

    await principal.reload();
    await principal.getByRole('button', { name: 'Sessions of Michelle Reyes' }).click({ timeout: 30_000 });
    await principal.getByText(notes).waitFor();
    await screenshot(principal, 'coaching-principal-after-share');
  });

  it('the principal pages through a teacher’s sessions through the API, never seeing unshared notes', async () => {
    const michelleId = (await apiAs<Caseload>(coach, 'GET', '/api/coaching/caseload')).items.find((i) => i.person.familyName === 'Reyes')!
      .person.id;
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const query: string = `personId=${michelleId}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: SessionPage = await apiAs<SessionPage>(principal, 'GET', `/api/coaching/logs?${query}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      if (page.nextCursor) expect(page.items).toHaveLength(3);
      for (const item of page.items) if (item.view === 'summary') expect(item).not.toHaveProperty('notes');
      seen.push(...page.items.map((i) => i.id));
      total = page.total;
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
    expect(total).toBeGreaterThan(3);
    const tooMany = await principal.request.get(`/api/coaching/logs?personId=${michelleId}&limit=101`);
    expect(tooMany.status()).toBe(400);
  });

  it('the coach’s plan page shows planned vs delivered (chart and table) and the cycle its phases', async () => {
    const caseload = await apiAs<{ items: { person: { id: string; givenName: string; familyName: string } }[] }>(
      coach,
      'GET',
      '/api/coaching/caseload',
    );
    const michelle = caseload.items.find((i) => i.person.familyName === 'Reyes')!.person;
    const today = new Date();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const start = new Date(today.getFullYear(), today.getMonth() - 2, 1);
    planId = (
      await apiAs<{ id: string }>(coach, 'POST', '/api/coaching/plans', {
        title: `Checks for understanding ${stamp}`,
        memberIds: [michelle.id],
        focusComponents: ['Guided reading'],
        activities: ['modeling', 'feedback', 'co_planning'],
        sessionMinutes: 40,
        phases: [
          { startsOn: iso(start), sessionsPerMonth: 4, criterion: null },
          {
            startsOn: iso(new Date(today.getFullYear(), today.getMonth() + 1, 1)),
            sessionsPerMonth: 2,
            criterion: 'Once students answer in full sentences',
          },
        ],
        startsOn: iso(start),
        endsOn: iso(new Date(today.getFullYear(), today.getMonth() + 4, 0)),
      })
    ).id;
    cycleId = (
      await apiAs<{ id: string }>(coach, 'POST', '/api/coaching/cycles', {
        coacheeId: michelle.id,
        planId,
        goal: `Every student answers a check ${stamp}`,
      })
    ).id;
    await checkPlanAndCycle(coach, 'desktop');
    await coach.getByRole('button', { name: 'Move to Learn' }).click();
    await coach.getByRole('button', { name: 'Back to Identify' }).waitFor();
  });

  it('on a phone: the caseload, the log-session form, the plan and the cycle', async () => {
    const page = await newPage(browser, { phone: true });
    page.setDefaultTimeout(30_000);
    await signInAs(page, DEMO.coach);
    await page.goto('/coaching');
    await page.getByRole('button', { name: 'Log a session with Michelle Reyes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a coaching session' });
    await dialog.getByLabel('Notes').waitFor();
    // Two active plans now (the demo's and the one made above): the newest started is preselected.
    await expect.poll(() => selectedText(page, 'Plan')).toBe(await michellesPlan(page));
    await expectNoAxeViolations(page, 'log a session dialog (phone)');
    await expectNoSidewaysScroll(page, 'log a session dialog (phone)');
    await page.screenshot({ path: 'e2e/screenshots/coaching-log-dialog-phone.png' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectNoAxeViolations(page, 'caseload (phone)');
    await expectNoSidewaysScroll(page, 'caseload (phone)');
    await screenshot(page, 'coaching-caseload-phone');
    await checkPlanAndCycle(page, 'phone');
  });
});

async function checkPlanAndCycle(page: Page, size: string) {
  await page.goto(`/coaching/plans/${planId}`);
  await heading(page, `Checks for understanding ${stamp}`).waitFor({ timeout: 30_000 });
  await page.getByRole('table', { name: 'Sessions planned and delivered per month' }).waitFor();
  await page.getByText('Behind plan').first().waitFor();
  await expectNoAxeViolations(page, `plan page (${size})`);
  await expectNoSidewaysScroll(page, `plan page (${size})`);
  await screenshot(page, `coaching-plan-${size}`);
  await page.goto(`/coaching/cycles/${cycleId}`);
  await heading(page, 'Coaching cycle with Michelle Reyes').waitFor({ timeout: 30_000 });
  await expectNoAxeViolations(page, `cycle page (${size})`);
  await expectNoSidewaysScroll(page, `cycle page (${size})`);
  await screenshot(page, `coaching-cycle-${size}`);
}
