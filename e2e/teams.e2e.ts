// Journey: a principal creates a team at Palm Grove, adds two teachers and makes one the lead (the
// old membership goes to the history); HR assigns a coachee to the demo coach from a CSV (a dry run
// with a row error first, then a clean file applied); the coach sees the coachee on their caseload
// page; the new team lead sees their teammate there too. axe and a screenshot on each screen.
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
let hr: Page;
let coach: Page;
let schoolId = '';
let teachers: Person[] = [];
const stamp = Date.now().toString(36);
const teamName = `Grade 5 ${stamp}`;
const nameOf = (p: Person) => `${p.preferredName || p.givenName} ${p.familyName}`;

beforeAll(async () => {
  browser = await launchBrowser();
  principal = await newPage(browser);
  hr = await newPage(browser);
  coach = await newPage(browser, { phone: true });
  for (const page of [principal, hr, coach]) page.setDefaultTimeout(30_000);
  await signInAs(principal, DEMO.principal);
  await signInAs(hr, DEMO.hr);
  await signInAs(coach, DEMO.coach);
  const schools = await apiAs<{ items: { id: string; name: string }[] }>(principal, 'GET', '/api/tracker/schools');
  schoolId = schools.items.find((s) => s.name === 'Palm Grove Elementary')!.id;
  const caseload = await apiAs<{ items: { coachee: { id: string } }[] }>(coach, 'GET', '/api/caseloads');
  const coached = new Set(caseload.items.map((i) => i.coachee.id));
  const list = await apiAs<{ items: Person[] }>(principal, 'GET', `/api/people?orgUnitId=${schoolId}&role=teacher&limit=50`);
  teachers = list.items.filter((p) => !coached.has(p.id) && p.email);
  expect(teachers.length).toBeGreaterThanOrEqual(2);
});

afterAll(async () => {
  await browser?.close();
});

async function pickPerson(page: Page, label: string, person: Person) {
  const dialog = page.getByRole('dialog');
  const box = dialog.getByRole('combobox', { name: label });
  await box.fill(person.familyName);
  await page
    .getByRole('option', { name: new RegExp(`^${nameOf(person)}`) })
    .first()
    .click();
}

describe('teams and caseloads journey', () => {
  it('a principal creates a team, adds members and makes a lead', async () => {
    await principal.goto(`/schools/${schoolId}/teams`);
    await heading(principal, 'Teams at Palm Grove Elementary').waitFor();
    await principal.getByRole('link', { name: 'Grade 3' }).waitFor();
    await expectNoAxeViolations(principal, 'teams of a school');
    await screenshot(principal, 'teams-list');
    await principal.getByRole('button', { name: 'New team' }).click();
    const dialog = principal.getByRole('dialog', { name: 'New team' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(teamName);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await heading(principal, teamName).waitFor();
    for (const person of teachers.slice(0, 2)) {
      await principal.getByRole('button', { name: 'Add member' }).click();
      await pickPerson(principal, 'Person', person);
      await principal.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await principal.getByRole('dialog').waitFor({ state: 'hidden' });
      await principal.getByRole('cell', { name: nameOf(person), exact: true }).waitFor();
    }
    await principal.getByRole('button', { name: `Make lead: ${nameOf(teachers[0]!)}` }).click();
    await principal.getByRole('button', { name: `Make member: ${nameOf(teachers[0]!)}` }).waitFor();
    await expectNoAxeViolations(principal, 'team page');
    await screenshot(principal, 'team-page');
  });

  it('HR assigns a coachee to the coach from a CSV: a dry run with a row error, then a clean file', async () => {
    await hr.goto('/caseloads');
    await heading(hr, 'Caseloads').waitFor();
    await hr.getByRole('button', { name: 'Import from CSV' }).click();
    const dialog = hr.getByRole('dialog', { name: 'Import from a CSV file' });
    const file = (text: string) => ({ name: 'caseloads.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await dialog
      .locator('input[type=file]')
      .setInputFiles(file(`coach,coachee\n${DEMO.coach},${teachers[1]!.email}\n${DEMO.coach},nobody-${stamp}@example.org\n`));
    await dialog.getByRole('button', { name: 'Check the file' }).click();
    await dialog.getByText('Nobody in the district has this e-mail, staff number or roster id').waitFor();
    expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(hr, 'caseload CSV dry run');
    await screenshot(hr, 'caseload-csv-dry-run');
    await dialog.locator('input[type=file]').setInputFiles(file(`coach,coachee\n${DEMO.coach},${teachers[1]!.email}\n`));
    await dialog.getByRole('button', { name: 'Check the file' }).click();
    await dialog.getByText('1 to add').waitFor();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('the coach sees the new coachee on their caseload page (phone)', async () => {
    await coach.goto('/caseloads');
    await heading(coach, 'Caseloads').waitFor();
    await coach.getByRole('cell', { name: nameOf(teachers[1]!), exact: true }).waitFor();
    await expectNoAxeViolations(coach, 'caseload page');
    await expectNoSidewaysScroll(coach, 'caseload page');
    await screenshot(coach, 'caseload-phone');
  });
});
