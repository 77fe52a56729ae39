// Journey: HR sets a district goal; a principal sets Palm Grove's priorities, adds a school goal
// aligned to the district goal and a team goal under it, records a quarterly check-in; writes the
// ILT's reflection and self-assessment; holds a 1:1 with an ILT member with an agenda and a decision.
// axe and a screenshot on each screen, the goals page at phone width too.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../common/schemas/settings.ts';
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

type Person = { id: string; givenName: string; familyName: string; preferredName: string | null };
let browser: Browser;
let principal: Page;
let phone: Page;
let hr: Page;
let schoolId = '';
let teamId = '';
let member: Person;
const stamp = Date.now().toString(36);
const year = schoolYearOf(new Date().toISOString().slice(0, 10));
const districtGoal = `Every child reads by grade 3 ${stamp}`;
const priority = `Literacy ${stamp}`;
const schoolGoal = `Grade 3 reading at 70% ${stamp}`;
const teamGoal = `Daily guided reading ${stamp}`;
const iltName = `ILT ${stamp}`;
const nameOf = (p: Person) => `${p.preferredName || p.givenName} ${p.familyName}`;

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
  await apiAs(hr, 'POST', '/api/team-goals', { level: 'district', schoolYear: year, title: districtGoal, target: '80% proficient' });
  const teachers = await apiAs<{ items: Person[] }>(principal, 'GET', `/api/people?orgUnitId=${schoolId}&role=teacher&limit=5`);
  member = teachers.items[0]!;
  const team = await apiAs<{ id: string }>(principal, 'POST', '/api/teams', { schoolId, name: iltName, kind: 'ilt' });
  teamId = team.id;
  await apiAs(principal, 'POST', `/api/teams/${teamId}/members`, { personId: member.id, role: 'member' });
});

afterAll(async () => {
  await browser?.close();
});

/** A Mantine select in the open dialog, whichever role it renders with. */
const field = (page: Page, label: string) => {
  const dialog = page.getByRole('dialog');
  return dialog
    .getByRole('combobox', { name: label, exact: true })
    .or(dialog.getByRole('textbox', { name: label, exact: true }))
    .first();
};

async function choose(page: Page, label: string, option: string | RegExp) {
  await field(page, label).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('team goals and 1:1s journey', () => {
  it('a principal sets priorities, a school goal aligned to the district goal, a team goal and a check-in', async () => {
    await principal.goto(`/schools/${schoolId}`);
    await principal.getByRole('link', { name: 'Goals' }).click();
    await heading(principal, 'Palm Grove Elementary: priorities and goals').waitFor();
    const count = await principal.getByRole('textbox', { name: /^Priority \d$/ }).count();
    await principal.getByRole('button', { name: 'Add priority' }).click();
    await principal.getByRole('textbox', { name: `Priority ${count + 1}` }).fill(priority);
    await principal.getByRole('button', { name: 'Save priorities' }).click();
    await principal.getByRole('heading', { name: `Priority ${count + 1}: ${priority}` }).waitFor();

    await principal
      .getByRole('region', { name: `Priority ${count + 1}: ${priority}` })
      .getByRole('button', { name: 'Add school goal' })
      .click();
    const dialog = principal.getByRole('dialog', { name: 'Add school goal' });
    await dialog.getByRole('textbox', { name: 'Goal' }).fill(schoolGoal);
    await choose(principal, 'Aligned to district goal', districtGoal);
    await dialog.getByRole('textbox', { name: 'Target' }).fill('70%');
    await expectNoAxeViolations(principal, 'add school goal');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await principal.getByText(`Aligned to: ${districtGoal}`).waitFor();

    await principal.getByRole('listitem').filter({ hasText: schoolGoal }).first().getByRole('button', { name: 'Add team goal' }).click();
    const teamDialog = principal.getByRole('dialog', { name: 'Add team goal' });
    await choose(principal, 'Team', iltName);
    await teamDialog.getByRole('textbox', { name: 'Goal' }).fill(teamGoal);
    await teamDialog.getByRole('button', { name: 'Save' }).click();
    await teamDialog.waitFor({ state: 'hidden' });

    const card = principal.getByRole('listitem').filter({ hasText: teamGoal }).last();
    await card.getByRole('button', { name: 'Record check-in' }).click();
    const checkIn = principal.getByRole('dialog', { name: `Check-in: ${teamGoal}` });
    await choose(principal, 'Status', 'At risk');
    await checkIn.getByRole('textbox', { name: 'Note' }).fill('Two of four classes read daily');
    await checkIn.getByRole('button', { name: 'Record check-in' }).click();
    await checkIn.waitFor({ state: 'hidden' });
    await card.getByText('At risk').waitFor();
    expect(await card.getByText(/Two of four classes read daily/).count()).toBe(1);
    await expectNoAxeViolations(principal, 'school goals');
    await screenshot(principal, 'team-goals-school');

    await phone.goto(`/schools/${schoolId}/goals`);
    await phone.getByText(teamGoal).waitFor();
    await expectNoSidewaysScroll(phone, 'school goals (phone)');
    await screenshot(phone, 'team-goals-school-phone');
  });

  it('the principal writes the ILT reflection and self-assessment', async () => {
    await principal.goto(`/teams/${teamId}`);
    await principal.getByRole('link', { name: 'Reflection' }).click();
    await heading(principal, `${iltName}: reflection and self-assessment`).waitFor();
    await principal.getByRole('textbox', { name: 'Team composition reflection' }).fill('Veteran leads, two new members; we pair them.');
    const radios = principal.getByRole('radio');
    if ((await radios.count()) > 0) await radios.nth(1).check();
    await principal.getByRole('button', { name: 'Save' }).click();
    await principal.getByText('Reflection saved').waitFor();
    await expectNoAxeViolations(principal, 'team reflection');
    await screenshot(principal, 'team-reflection');
    await phone.goto(`/teams/${teamId}/reflection`);
    await heading(phone, `${iltName}: reflection and self-assessment`).waitFor();
    await expectNoSidewaysScroll(phone, 'team reflection (phone)');
    await screenshot(phone, 'team-reflection-phone');
  });

  it('the principal holds a 1:1 with an ILT member: agenda ticked, a decision recorded', async () => {
    await principal.goto('/one-on-ones');
    await heading(principal, '1:1s').waitFor();
    await principal.getByRole('button', { name: 'New 1:1' }).click();
    const dialog = principal.getByRole('dialog', { name: 'New 1:1' });
    await field(principal, 'With').fill(member.familyName);
    await principal
      .getByRole('option', { name: new RegExp(nameOf(member)) })
      .first()
      .click();
    await dialog.getByLabel('Meets at').fill('2026-10-01T15:00');
    await dialog.getByRole('textbox', { name: 'Agenda topics' }).fill('Data review\nCoverage plan');
    await expectNoAxeViolations(principal, 'new 1:1');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const drawer = principal.getByRole('dialog', { name: /^1:1 · / });
    await drawer.getByRole('checkbox', { name: 'Data review' }).check();
    await drawer.getByRole('textbox', { name: 'Decisions' }).fill('Move data day to Tuesdays');
    await expectNoAxeViolations(principal, '1:1 drawer');
    await screenshot(principal, 'one-on-one-drawer');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await principal.getByRole('cell', { name: '1 of 2 done' }).waitFor();
    await expectNoAxeViolations(principal, '1:1 list');
    await screenshot(principal, 'one-on-ones');
  });
});
