// Journey: HR starts the district's professionalism expectations from the suggested list (when the
// district has none yet); a principal documents a concern about a teacher of their school and opens
// an improvement plan from it, with a goal, and starts it; the teacher (on a phone) sees the
// concern and the plan and responds to both. axe and a screenshot on each screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, expectNoAxeViolations, expectNoSidewaysScroll, heading, launchBrowser, newPage, screenshot, signInAs } from './browser.ts';

let browser: Browser;
let hr: Page;
let principal: Page;
let teacher: Page;
let teacherName = '';
const stamp = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  hr = await newPage(browser);
  principal = await newPage(browser);
  teacher = await newPage(browser, { phone: true });
  for (const page of [hr, principal, teacher]) page.setDefaultTimeout(30_000);
  await signInAs(hr, DEMO.hr);
  await signInAs(principal, DEMO.principal);
  await signInAs(teacher, DEMO.teacher);
  const me = await apiAs<{ person: { givenName: string; familyName: string; preferredName: string | null } }>(teacher, 'GET', '/api/me');
  teacherName = `${me.person.preferredName || me.person.givenName} ${me.person.familyName}`;
});

afterAll(async () => {
  await browser?.close();
});

describe('professionalism journey', () => {
  it('HR uses the suggested list of expectations and escalation steps', async () => {
    await hr.goto('/performance/expectations');
    await heading(hr, 'Professionalism expectations').waitFor();
    const suggest = hr.getByRole('button', { name: 'Use the suggested list' });
    if (await suggest.isVisible()) await suggest.click();
    await hr.getByText('Punctuality', { exact: true }).waitFor();
    await hr.getByText('Written expectations', { exact: true }).waitFor();
    await expectNoAxeViolations(hr, 'professionalism expectations');
    await screenshot(hr, 'professionalism-expectations');
  });

  it('a principal documents a concern and opens an improvement plan from it', async () => {
    await principal.goto('/performance/professionalism');
    await heading(principal, 'Professionalism').waitFor();
    await expectNoAxeViolations(principal, 'professionalism list');
    await principal.getByRole('button', { name: 'Document a concern' }).click();
    const dialog = principal.getByRole('dialog', { name: 'Document a concern' });
    await dialog.getByRole('combobox', { name: 'Person' }).fill(teacherName.split(' ').at(-1)!);
    await principal.getByRole('option', { name: new RegExp(`^${teacherName}`) }).first().click();
    await dialog.getByRole('textbox', { name: 'Expectation' }).click();
    await principal.getByRole('option', { name: 'Punctuality' }).click();
    await dialog.getByLabel('Date it happened').fill('2026-09-14');
    await dialog.getByRole('textbox', { name: 'What happened' }).fill(`Late to first period three times (${stamp}).`);
    await expectNoAxeViolations(principal, 'document a concern');
    await screenshot(principal, 'professionalism-document-concern');
    await dialog.getByRole('button', { name: 'Document a concern' }).click();
    await heading(principal, 'Concern: Punctuality').waitFor();
    await principal.getByRole('button', { name: 'Open an improvement plan' }).click();
    const planDialog = principal.getByRole('dialog', { name: 'Open an improvement plan' });
    await planDialog.getByLabel('Starts on').fill('2026-10-01');
    await planDialog.getByLabel('Ends on').fill('2026-12-15');
    await planDialog.getByRole('button', { name: 'Create' }).click();
    await heading(principal, `Improvement plan: ${teacherName}`).waitFor();
    await principal.getByRole('button', { name: 'Add a goal' }).click();
    await principal.getByRole('textbox', { name: 'Goal 1' }).fill('On time every day');
    await principal.getByRole('button', { name: 'Save', exact: true }).click();
    await principal.getByText('Saved.').first().waitFor();
    await principal.getByRole('button', { name: /Start the plan/ }).click();
    await principal.getByText('Active', { exact: true }).waitFor();
    await expectNoAxeViolations(principal, 'improvement plan');
    await screenshot(principal, 'professionalism-improvement-plan');
  });

  it('the teacher sees the concern and the plan on a phone and responds', async () => {
    await teacher.goto('/performance/professionalism');
    await heading(teacher, 'Professionalism').waitFor();
    await expectNoSidewaysScroll(teacher, 'professionalism list on a phone');
    await screenshot(teacher, 'professionalism-teacher-phone');
    const concerns = await apiAs<{ items: { id: string; description: string }[] }>(teacher, 'GET', '/api/professionalism/concerns');
    const concern = concerns.items.find((c) => c.description.includes(stamp))!;
    expect(concern).toBeTruthy();
    await teacher.goto(`/performance/concerns/${concern.id}`);
    await heading(teacher, 'Concern: Punctuality').waitFor();
    await teacher.getByRole('textbox', { name: 'Your response' }).fill('The bus route changed; I have a new one.');
    await teacher.getByRole('button', { name: 'Save my response' }).click();
    await teacher.getByText('Saved.').first().waitFor();
    await expectNoAxeViolations(teacher, 'concern, the person');
    await screenshot(teacher, 'professionalism-concern-phone');
    const plans = await apiAs<{ items: { id: string; concernId: string | null }[] }>(teacher, 'GET', '/api/improvement-plans');
    const plan = plans.items.find((p) => p.concernId === concern.id)!;
    await teacher.goto(`/performance/improvement-plans/${plan.id}`);
    await teacher.getByText('On time every day').waitFor();
    await teacher.getByRole('textbox', { name: 'Your response' }).fill('I will sign in at 7:45.');
    await teacher.getByRole('button', { name: 'Save my response' }).click();
    await teacher.getByText('Saved.').first().waitFor();
    await expectNoAxeViolations(teacher, 'improvement plan, the person');
    await expectNoSidewaysScroll(teacher, 'improvement plan on a phone');
    await screenshot(teacher, 'professionalism-plan-phone');
  });
});
