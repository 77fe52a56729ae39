// Journey: a principal previews and applies grade-level teams from the roster's grades at Palm
// Grove (Grade 3 exists and is filled, Grade 4 is made), edits a team (name, kind, lead), and opens
// the school tracker filtered by a team, each row naming its teams (desktop and phone); HR imports
// evaluators from a CSV (a dry run with row errors, then a clean file). axe and screenshots at
// 1280 and 390 px on each screen.
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

type Person = { id: string; givenName: string; familyName: string; preferredName: string | null; email: string | null };
let browser: Browser;
let principal: Page;
let phone: Page;
let hr: Page;
let schoolId = '';
let teachers: Person[] = [];
const stamp = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  principal = await newPage(browser);
  phone = await newPage(browser, { phone: true });
  hr = await newPage(browser);
  for (const page of [principal, phone, hr]) page.setDefaultTimeout(30_000);
  await signInAs(principal, DEMO.principal);
  await signInAs(phone, DEMO.principal);
  await signInAs(hr, DEMO.hr);
  const schools = await apiAs<{ items: { id: string; name: string }[] }>(principal, 'GET', '/api/tracker/schools');
  schoolId = schools.items.find((s) => s.name === 'Palm Grove Elementary')!.id;
  const list = await apiAs<{ items: Person[] }>(principal, 'GET', `/api/people?orgUnitId=${schoolId}&role=teacher&limit=50`);
  teachers = list.items.filter((p) => p.email);
  expect(teachers.length).toBeGreaterThanOrEqual(2);
});

afterAll(async () => {
  await browser?.close();
});

async function pickOptions(page: Page, label: string, options: string[]) {
  const box = page.getByRole('dialog').getByLabel(new RegExp(`^${label}`));
  for (const option of options) {
    // The searchable list's field has no size of its own until typed in: focus it and type.
    await box.focus();
    await page.keyboard.type(option);
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  // Close the list by clicking outside it (Escape could close the dialog).
  await page.getByRole('dialog').locator('p').first().click();
}

describe('grade-level teams, team edit, tracker teams and evaluators CSV', () => {
  it('a principal previews grade-level teams from the roster, then applies them', async () => {
    await principal.goto(`/schools/${schoolId}/teams`);
    await heading(principal, 'Teams at Palm Grove Elementary').waitFor();
    await principal.getByRole('button', { name: 'Grade-level teams' }).click();
    const dialog = principal.getByRole('dialog', { name: 'Grade-level teams from the roster' });
    await pickOptions(principal, 'Grades', ['Grade 3', 'Grade 4']);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('cell', { name: /^Grade 4/ }).waitFor();
    await dialog.getByText('Existing team').waitFor();
    await dialog.getByText('New team', { exact: true }).waitFor();
    await expectNoAxeViolations(principal, 'grade-level teams preview');
    await screenshot(principal, 'teams-by-grade-preview');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await principal.getByRole('link', { name: 'Grade 4', exact: true }).waitFor();
    await screenshot(principal, 'teams-list-after-grades');
  });

  it('a principal renames a team, changes its kind and its lead', async () => {
    await principal.getByRole('link', { name: 'Grade 4', exact: true }).click();
    await heading(principal, 'Grade 4').waitFor();
    const member = principal.getByRole('cell').filter({ hasText: /\S/ }).first();
    const memberName = (await member.textContent())!.trim();
    await principal.getByRole('button', { name: 'Edit team' }).click();
    const dialog = principal.getByRole('dialog', { name: 'Edit team' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(`Grade 4 ${stamp}`);
    await dialog.getByLabel(/^Lead/).click();
    await principal.getByRole('option', { name: memberName, exact: true }).click();
    await expectNoAxeViolations(principal, 'edit team');
    await screenshot(principal, 'team-edit');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await heading(principal, `Grade 4 ${stamp}`).waitFor();
    await principal.getByRole('button', { name: `Make member: ${memberName}` }).waitFor();
    await screenshot(principal, 'team-page-edited');
  });

  it('the tracker names each teacher’s teams and filters by one (desktop and phone)', async () => {
    const teams = await apiAs<{ items: { id: string; name: string }[] }>(principal, 'GET', `/api/teams?schoolId=${schoolId}`);
    const grade3 = teams.items.find((x) => x.name === 'Grade 3')!;
    for (const page of [principal, phone]) {
      await page.goto(`/tracker/schools/${schoolId}?team=${grade3.id}`);
      await heading(page, 'Palm Grove Elementary').waitFor();
      await page
        .getByText(/Grade 3/)
        .first()
        .waitFor();
      await expectNoAxeViolations(page, 'tracker filtered by a team');
    }
    await expectNoSidewaysScroll(phone, 'tracker filtered by a team');
    await screenshot(principal, 'tracker-team-filter');
    await screenshot(phone, 'tracker-team-filter-phone');
  });

  it('HR imports evaluators from a CSV: a dry run with row errors, then a clean file', async () => {
    await hr.goto('/evaluators');
    await hr.getByRole('button', { name: 'Import from CSV' }).click();
    const dialog = hr.getByRole('dialog', { name: 'Import from a CSV file' });
    const file = (text: string) => ({ name: 'evaluators.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    const teacher = teachers[0]!;
    await dialog
      .locator('input[type=file]')
      .setInputFiles(
        file(
          `person,evaluator\n${teacher.email},${DEMO.principal}\nnobody-${stamp}@example.org,${DEMO.principal}\n${teacher.email},${DEMO.principal}\n`,
        ),
      );
    await dialog.getByRole('button', { name: 'Check the file' }).click();
    await dialog.getByText('Nobody in the district has this e-mail, staff number or roster id').waitFor();
    await dialog.getByText('The same row appears earlier in the file').waitFor();
    expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(hr, 'evaluators CSV dry run');
    await screenshot(hr, 'evaluators-csv-dry-run');
    await dialog.locator('input[type=file]').setInputFiles(file(`person,evaluator\n${teacher.email},${DEMO.principal}\n`));
    await dialog.getByRole('button', { name: 'Check the file' }).click();
    await dialog.getByText(/^1 (to add|already there)$/).waitFor();
    if (await dialog.getByRole('button', { name: 'Apply' }).isEnabled()) {
      await dialog.getByRole('button', { name: 'Apply' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    const evaluator = await apiAs<{ evaluator: { name: string } | null; source: string }>(hr, 'GET', `/api/people/${teacher.id}/evaluator`);
    expect(evaluator.source).toBe('assigned');
  });

  it('the evaluators and teams pages fit a phone', async () => {
    const hrPhone = await newPage(browser, { phone: true });
    await signInAs(hrPhone, DEMO.hr);
    await hrPhone.goto('/evaluators');
    await hrPhone.getByRole('button', { name: 'Import from CSV' }).waitFor();
    await hrPhone.getByRole('list', { name: 'Evaluators' }).getByRole('listitem').first().waitFor();
    await expectNoSidewaysScroll(hrPhone, 'evaluators page');
    await screenshot(hrPhone, 'evaluators-phone');
    await phone.goto(`/schools/${schoolId}/teams`);
    await heading(phone, 'Teams at Palm Grove Elementary').waitFor();
    await phone.getByRole('button', { name: 'Grade-level teams' }).click();
    await expectNoAxeViolations(phone, 'grade-level teams on a phone');
    await screenshot(phone, 'teams-by-grade-phone');
  });
});
