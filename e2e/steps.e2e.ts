// Journey: HR places a school's coaches on the teacher-leader step in bulk (preview, then apply),
// promotes one of them on their page (the earlier step stays in the history) and chooses their
// evaluator; then the North Network's instructional superintendent finds Palm Grove's principal,
// whom they evaluate by default, and cannot open a person of a South Network school.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectNoAxeViolations, heading, launchBrowser, newPage, signInAs, apiAs } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Picks an option of a Mantine select by typing part of it. */
async function choose(page: Page, label: string, search: string, option: string | RegExp) {
  await page
    .getByRole('combobox', { name: label })
    .or(page.getByRole('textbox', { name: label }))
    .first()
    .fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

const tomorrow = () => {
  const d = new Date(Date.now() + 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(d);
};

describe('career steps and evaluators', () => {
  let hr: Page;
  let placedName = '';
  let placedPath = '';
  beforeAll(async () => {
    hr = await newPage(browser);
    await signInAs(hr, DEMO.hr);
  });
  afterAll(async () => {
    await hr?.context().close();
  });

  it('HR places the coaches of a school on a step in bulk, after a preview', async () => {
    await hr.goto('/pathways');
    await hr.getByRole('link', { name: 'Place in bulk' }).click();
    await heading(hr, 'Place people on a step').waitFor();
    await hr.getByRole('combobox', { name: 'Roster role' }).selectOption({ label: 'Coach' });
    await choose(hr, 'Schools', 'Sunrise', 'Sunrise Elementary');
    await hr.keyboard.press('Escape');
    await choose(hr, 'Step', 'Teacher leader', 'Teacher leader');
    await hr.getByRole('button', { name: 'Preview' }).click();
    await hr.getByText('1 person will be placed').waitFor();
    const placed = hr.locator('#main').getByRole('listitem').getByRole('link').first();
    placedName = (await placed.innerText()).trim();
    placedPath = (await placed.getAttribute('href')) ?? '';
    await expectNoAxeViolations(hr, 'bulk placement preview');
    await hr.getByRole('button', { name: 'Place 1 person' }).click();
    await hr.getByText('1 person placed').waitFor();
    expect(placedPath).toMatch(/^\/people\//);
  });

  it('HR promotes that coach on their page, keeps the earlier step, and chooses their evaluator', async () => {
    await hr.goto(placedPath);
    await heading(hr, placedName).waitFor();
    const current = hr.getByRole('region', { name: 'Current career step' });
    await current.getByText('Teacher leader').waitFor();

    await hr.getByRole('button', { name: 'Place on a step' }).click();
    const dialog = hr.getByRole('dialog', { name: 'Place on a career step' });
    await choose(hr, 'Step', 'Assistant', 'Assistant principal');
    await dialog.getByLabel('Start date').fill(tomorrow());
    await dialog.getByRole('button', { name: 'Place', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await current.getByText('Assistant principal').waitFor();
    await hr.getByRole('list', { name: 'Earlier steps' }).getByText('Teacher leader').waitFor();

    await hr.getByRole('button', { name: 'Change' }).click();
    await choose(hr, 'Evaluator', 'Castillo', /Lorena Castillo/);
    await hr.getByRole('button', { name: 'Save' }).click();
    await hr.getByText('Chosen by human resources').waitFor();
    await hr.locator('#main').getByText('Lorena Castillo', { exact: true }).waitFor();
    await expectNoAxeViolations(hr, 'person page with a career step');
  });

  it("the North Network's superintendent sees Palm Grove's principal, evaluates her, and not a South Network school", async () => {
    const south = await apiAs<{ items: { id: string }[] }>(hr, 'GET', '/api/org-units?q=Gulf%20Coast');
    const southPeople = await apiAs<{ items: { id: string }[] }>(hr, 'GET', `/api/people?orgUnitId=${south.items[0]!.id}&limit=1`);
    const superintendent = await newPage(browser);
    await signInAs(superintendent, 'superintendent@sunshine.example');
    await superintendent.goto('/people?q=Castillo');
    await superintendent
      .getByRole('link', { name: /Castillo/ })
      .first()
      .click();
    await heading(superintendent, 'Lorena Castillo').waitFor();
    await superintendent.locator('#main').getByText('Beatriz Alvarado', { exact: true }).waitFor();
    await superintendent.goto(`/people/${southPeople.items[0]!.id}`);
    await heading(superintendent, 'Page not found').waitFor();
    await superintendent.context().close();
  });
});
