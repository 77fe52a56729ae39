// Journey: an admin edits the non-negotiables, adds a term and a holiday to the school calendar and
// removes them again, on a desktop and on a phone (axe clean, no sideways scroll); a teacher who was
// just sent a coaching session sees the count on the notifications bell, opens it and marks all read.
import { randomUUID } from 'node:crypto';
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

const tag = randomUUID().slice(0, 6);
// A school year no other journey writes to, so the calendar here is ours alone.
const YEAR = '2028-29';

interface NonNegotiables {
  scoredObservationsPerTerm: number;
  feedbackWithinSchoolDays: number;
  observationFrameworkId: string | null;
  version: number;
}

let browser: Browser;
let original: NonNegotiables;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Starts the year empty (a journey stopped half way on a reused server leaves its rows behind). */
async function emptyYear(page: Page) {
  const calendar = await apiAs<{ terms: { id: string }[]; nonSchoolDays: { id: string }[] }>(
    page,
    'GET',
    `/api/school-calendar?schoolYear=${YEAR}`,
  );
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const urls = [
    ...calendar.terms.map((x) => `/api/school-calendar/terms/${x.id}`),
    ...calendar.nonSchoolDays.map((x) => `/api/school-calendar/non-school-days/${x.id}`),
  ];
  for (const url of urls) expect((await page.request.delete(url, { headers: { 'x-csrf-token': csrfToken } })).status()).toBe(204);
}

async function editNonNegotiables(page: Page, label: string, scored: number, feedback: number) {
  await page.goto('/settings/observations');
  await heading(page, 'Observation settings').waitFor();
  await page.getByRole('tab', { name: 'Non-negotiables', selected: true }).waitFor();
  const perTerm = page.getByRole('textbox', { name: /scored observations per teacher/i });
  const days = page.getByRole('textbox', { name: /feedback within/i });
  await perTerm.waitFor();
  await expectNoAxeViolations(page, `${label} non-negotiables`);
  await expectNoSidewaysScroll(page, `${label} non-negotiables`);
  await screenshot(page, `settings-non-negotiables-${label}`);
  // Out of range first: the form says so and sends nothing.
  await perTerm.fill('99');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Enter a whole number from 0 to 20.').waitFor();
  await perTerm.fill(String(scored));
  await days.fill(String(feedback));
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Non-negotiables saved.').waitFor();
  await page.reload();
  await perTerm.waitFor({ timeout: 30_000 });
  await expect.poll(() => perTerm.inputValue(), { timeout: 15_000 }).toBe(String(scored));
  expect(await days.inputValue()).toBe(String(feedback));
}

async function openCalendar(page: Page, label: string) {
  await page.goto('/settings/observations');
  await page.getByRole('link', { name: 'School calendar' }).first().click();
  await heading(page, 'School calendar').waitFor();
  await page.getByRole('combobox', { name: 'School year' }).selectOption(YEAR);
  await page
    .getByText(`No terms in ${YEAR} yet.`)
    .or(page.getByRole('heading', { name: 'Terms' }))
    .first()
    .waitFor();
  await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(YEAR);
  void label;
}

async function addTerm(page: Page, name: string, startsOn: string, endsOn: string) {
  await page.getByRole('button', { name: 'Add a term' }).click();
  const dialog = page.getByRole('dialog', { name: `Add a term to ${YEAR}` });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  // Ends before it starts: refused in the form.
  await dialog.getByLabel('First day').fill(endsOn);
  await dialog.getByLabel('Last day').fill(startsOn);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByText("The end date can't be before the start date.").waitFor();
  await dialog.getByLabel('First day').fill(startsOn);
  await dialog.getByLabel('Last day').fill(endsOn);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(name, { exact: true }).first().waitFor();
}

async function addHoliday(page: Page, label: string, day: string) {
  const form = page.getByRole('form', { name: 'Add a holiday, break or closure' });
  await form.getByLabel('Day (or first day)').fill(day);
  await form.getByRole('combobox', { name: 'Kind' }).selectOption('holiday');
  await form.getByRole('textbox', { name: 'Name' }).fill(label);
  await form.getByRole('button', { name: 'Add' }).click();
  await page.getByText(`${label}: 1 day added.`).waitFor();
  // The same day again: refused, and the page says which day is already there.
  await form.getByLabel('Day (or first day)').fill(day);
  await form.getByRole('textbox', { name: 'Name' }).fill(`${label} again`);
  await form.getByRole('button', { name: 'Add' }).click();
  await page.getByRole('alert').filter({ hasText: 'Already on the calendar' }).waitFor();
}

describe('observation settings and the school calendar', () => {
  it('an admin edits the non-negotiables on a desktop', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.admin);
    original = await apiAs<NonNegotiables>(page, 'GET', '/api/settings/non-negotiables');
    await editNonNegotiables(page, 'desktop', original.scoredObservationsPerTerm + 1, original.feedbackWithinSchoolDays + 1);
    await page.context().close();
  });

  it('an admin finds the observation types and adds to the action-step library on a desktop', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.admin);
    await page.goto('/settings/observations');
    await heading(page, 'Observation settings').waitFor();
    // The other tabs, kept in the URL.
    await page.getByRole('tab', { name: 'Observation types' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('types');
    await page.getByRole('heading', { name: 'Walkthrough', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'observation types');
    await screenshot(page, 'settings-types-desktop');
    await page.getByRole('tab', { name: 'Action-step library' }).click();
    await page.getByRole('searchbox', { name: 'Search the library' }).waitFor();
    // A new step, tagged with a competency of the published framework, then found by its words.
    const stepTitle = `Narrate what students do well before correcting ${tag}`;
    await page.getByRole('button', { name: 'Add an action step' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an action step' });
    await dialog.getByRole('textbox', { name: 'What to do' }).fill(stepTitle);
    await dialog.getByRole('textbox', { name: 'Practice prompt' }).fill('Rehearse three narrations with a colleague');
    const competency = dialog.getByRole('combobox', { name: 'Competency' });
    const choosable = competency.locator('option:not([disabled]):not([value=""])');
    await choosable.first().waitFor({ state: 'attached' });
    await competency.selectOption((await choosable.first().getAttribute('value'))!);
    await expectNoAxeViolations(page, 'action-step dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Action step saved.').waitFor();
    await page.getByRole('searchbox', { name: 'Search the library' }).fill(tag);
    await page.getByRole('listitem', { name: stepTitle }).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Action-step library' }).getByRole('listitem').count()).toBe(1);
    await expectNoAxeViolations(page, 'action-step library');
    await screenshot(page, 'settings-library-desktop');
    await page.getByRole('button', { name: `Deactivate: ${stepTitle}` }).click();
    await page.getByText('Action step deactivated.').waitFor();

    await page.context().close();
  });

  it('an admin adds a term and a holiday to the school calendar on a desktop', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.admin);
    await emptyYear(page);
    await openCalendar(page, 'desktop');
    await addTerm(page, `Fall ${tag}`, '2028-08-14', '2028-12-15');
    await addHoliday(page, `Thanksgiving ${tag}`, '2028-11-23');
    // The month view names the day; the term shows its school days (18 weeks less the holiday).
    await page
      .getByRole('table', { name: /November 2028/ })
      .getByText(`Thanksgiving ${tag}`, { exact: false })
      .waitFor({ state: 'attached' });
    await page
      .getByRole('row', { name: new RegExp(`Fall ${tag}`) })
      .getByRole('cell', { name: '89', exact: true })
      .waitFor();
    await expectNoAxeViolations(page, 'school calendar');
    await expectNoSidewaysScroll(page, 'school calendar');
    await screenshot(page, 'settings-calendar-desktop');
    await page
      .locator('label')
      .filter({ hasText: /^List$/ })
      .click();
    await page.getByText(/: Thanksgiving .* \(Holiday\)/).waitFor();
    await page.context().close();
  });

  it('on a phone: the admin puts the non-negotiables back', async () => {
    const page = await newPage(browser, { phone: true });
    await signInAs(page, DEMO.admin);
    await editNonNegotiables(page, 'phone', original.scoredObservationsPerTerm, original.feedbackWithinSchoolDays);
    await page.context().close();
  });

  it('on a phone: the admin adds a term and a holiday, then removes them and the desktop ones', async () => {
    const page = await newPage(browser, { phone: true });
    await signInAs(page, DEMO.admin);
    await openCalendar(page, 'phone');
    await addTerm(page, `Spring ${tag}`, '2029-01-08', '2029-05-25');
    await addHoliday(page, `MLK Day ${tag}`, '2029-01-15');
    await expectNoAxeViolations(page, 'school calendar on a phone');
    await expectNoSidewaysScroll(page, 'school calendar on a phone');
    await screenshot(page, 'settings-calendar-phone');

    for (const label of [`MLK Day ${tag}`, `Thanksgiving ${tag}`]) {
      await page.getByRole('button', { name: new RegExp(`^Remove ${label}`) }).click();
      await page
        .getByRole('dialog', { name: `Remove ${label}?` })
        .getByRole('button', { name: 'Remove' })
        .click();
      await page.getByText(`${label} removed.`).waitFor();
    }
    for (const name of [`Spring ${tag}`, `Fall ${tag}`]) {
      await page.getByRole('button', { name: `Remove ${name}` }).click();
      await page
        .getByRole('dialog', { name: `Remove ${name}?` })
        .getByRole('button', { name: 'Remove' })
        .click();
      await page.getByText(`${name} removed.`).waitFor();
    }
    await page.getByText(`No terms in ${YEAR} yet.`).waitFor();
    await page.context().close();
  });

  it('a teacher sees the notifications bell with the unread count, opens one and marks all read', async () => {
    const coach = await newPage(browser);
    await signInAs(coach, DEMO.coach);
    const teacher = await newPage(browser, { phone: true });
    await signInAs(teacher, DEMO.teacher);
    const me = await apiAs<{ user: { person: { id: string } } }>(teacher, 'GET', '/api/auth/session');
    const startsAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    for (let i = 0; i < 2; i += 1) {
      await apiAs(coach, 'POST', '/api/coaching/logs', {
        attendeeIds: [me.user.person.id],
        status: 'scheduled',
        startsAt,
        durationMinutes: 30,
        activity: 'co_planning',
      });
    }
    await coach.context().close();

    await teacher.reload();
    const bell = teacher.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await bell.waitFor();
    const unread = Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
    expect(unread).toBeGreaterThanOrEqual(2);
    await bell.click();
    const menu = teacher.getByRole('menu');
    const item = menu.getByRole('menuitem', { name: /scheduled a coaching session \(Co-planning\)/ }).first();
    await item.waitFor();
    await expectNoAxeViolations(teacher, 'notifications menu');
    await expectNoSidewaysScroll(teacher, 'notifications menu');
    await screenshot(teacher, 'notifications-phone');
    // Opening one marks it read and goes to its page.
    await item.click();
    await expect.poll(() => new URL(teacher.url()).pathname).toBe('/coaching');
    await teacher.getByRole('button', { name: `Notifications, ${unread - 1} unread` }).waitFor();
    await teacher.getByRole('button', { name: /^Notifications/ }).click();
    await teacher.getByRole('menuitem', { name: 'Mark all read' }).click();
    await teacher.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    await teacher.context().close();
  });
});
